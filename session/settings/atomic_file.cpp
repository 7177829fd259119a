#include "session/settings/atomic_file.h"

#include <algorithm>

#include <QSaveFile>

namespace downhill::ui {

namespace {

// Qt's reason, or, where it has none to give (a write cut short by a full disk or a file size
// limit reads as "Unknown error"), the likely one.
QString reason(const QSaveFile& file, const QString& otherwise)
{
    const QString said = file.errorString();
    if (said.isEmpty() || said == QLatin1String("Unknown error"))
        return otherwise;
    return said;
}

}  // namespace

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    QString what;
    if (!file.open(QIODevice::WriteOnly)) {
        what = QStringLiteral("cannot be written: ") + reason(file, QStringLiteral("the folder cannot take a new file"));
    } else if (const qint64 written = file.write(bytes); written != bytes.size()) {
        what = QStringLiteral("only %1 of %2 bytes could be written (%3); the old file, if any, is unchanged")
                   .arg(std::max<qint64>(written, 0))
                   .arg(bytes.size())
                   .arg(reason(file, QStringLiteral("is the disk full?")));
        file.cancelWriting();
    } else if (!file.commit()) {
        what = QStringLiteral("could not be completed (%1); the old file, if any, is unchanged")
                   .arg(reason(file, QStringLiteral("is the disk full?")));
    } else {
        return true;
    }
    if (error)
        *error = path + QStringLiteral(": ") + what;
    return false;
}

}  // namespace downhill::ui
