#pragma once
// Where the Lessons menu finds its lessons: folders on disk first, so an installed copy (or a
// lesson a teacher adds beside it) can be read and changed without rebuilding, then the copy
// built into the program. A file name found in an earlier folder hides the same name later on.
#include <QList>
#include <QString>
#include <QStringList>

namespace downhill::ui {

class LessonLibrary {
public:
    struct Entry {
        QString fileName;  // "01-learning-rate-too-large.json": what orders the menu
        QString path;      // where it was found
        // The lesson's number, as the class knows it: the file name's leading digits ("01");
        // empty for a file name that does not start with one.
        QString number() const;
    };

    // In order: downhill/lessons under each of $XDG_DATA_HOME and $XDG_DATA_DIRS; the install
    // prefix's share/downhill/lessons (found beside the executable, so a relocated prefix works);
    // the source tree's resources/lessons when the program runs from its build tree; the
    // built-in copy (":/lessons", in the window's resources).
    static QStringList defaultFolders();

    // The *.json files of the folders, the first folder holding a name winning, sorted by file
    // name. Folders that do not exist are skipped.
    static QList<Entry> list(const QStringList& folders);
    static QList<Entry> list() { return list(defaultFolders()); }
};

}  // namespace downhill::ui
