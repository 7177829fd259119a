#pragma once
// Writes through a temporary file beside the target, renamed into place when complete: a
// failed or interrupted write never leaves a partial file, and an old file stays until the new
// one is whole.
#include <QByteArray>
#include <QString>

namespace downhill::ui {

// On failure returns false and sets *error to "<path>: <what>".
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);

}  // namespace downhill::ui
