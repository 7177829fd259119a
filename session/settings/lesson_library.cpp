#include "session/settings/lesson_library.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QStandardPaths>

namespace downhill::ui {

namespace {

const QString kLessons = QStringLiteral("downhill/lessons");

// The executable's folder inside the build tree: the source tree's lessons are then the ones to
// read (edited and seen without a rebuild); an installed program never looks there.
bool isInside(const QString& path, const QString& folder)
{
    const QString canonicalFolder = QFileInfo(folder).canonicalFilePath();
    const QString canonicalPath = QFileInfo(path).canonicalFilePath();
    return !canonicalFolder.isEmpty() && !canonicalPath.isEmpty()
        && (canonicalPath == canonicalFolder || canonicalPath.startsWith(canonicalFolder + QLatin1Char('/')));
}

}  // namespace

QString LessonLibrary::Entry::number() const
{
    qsizetype digits = 0;
    while (digits < fileName.size() && fileName[digits].isDigit())
        ++digits;
    return fileName.left(digits);
}

QStringList LessonLibrary::defaultFolders()
{
    QStringList folders;
    auto add = [&folders](const QString& folder) {
        const QString clean = QDir::cleanPath(folder);
        if (!folders.contains(clean))
            folders << clean;
    };
    for (const QString& dataDir : QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        add(dataDir + QLatin1Char('/') + kLessons);
    // Without an application object (a test, a tool) there is no executable to stand beside.
    if (QCoreApplication::instance()) {
        const QString binDir = QCoreApplication::applicationDirPath();
        add(binDir + QStringLiteral("/" DOWNHILL_BIN_TO_LESSONS));
        if (isInside(binDir, QStringLiteral(DOWNHILL_BUILD_TREE)))
            add(QStringLiteral(DOWNHILL_SOURCE_LESSONS));
    }
    folders << QStringLiteral(":/lessons");
    return folders;
}

QList<LessonLibrary::Entry> LessonLibrary::list(const QStringList& folders)
{
    QMap<QString, QString> found;  // file name -> path; sorted by name
    for (const QString& folder : folders) {
        const QDir dir(folder);
        if (!dir.exists())
            continue;
        for (const QFileInfo& file : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name)) {
            if (!found.contains(file.fileName()))
                found.insert(file.fileName(), file.filePath());
        }
    }
    QList<Entry> entries;
    for (auto it = found.cbegin(); it != found.cend(); ++it)
        entries.append({it.key(), it.value()});
    return entries;
}

}  // namespace downhill::ui
