#pragma once
// A bundled lesson as the tests read it: resources/lessons/FILE from the source tree, loaded
// by the settings reader the window uses; a lesson that does not load stops the test.
#include <QString>
#include <QtGlobal>

#include "session/settings/settings_io.h"

namespace downhill::test {

inline ui::AppSettings lesson(const char* file)
{
    QString error;
    const auto s = ui::loadSettingsFile(QStringLiteral(DOWNHILL_SOURCE_DIR "/resources/lessons/") + QLatin1String(file), &error);
    if (!s)
        qFatal("%s: %s", file, qPrintable(error));
    return *s;
}

}  // namespace downhill::test
