#pragma once
// The window's file commands: open and save settings (and the lessons, which are settings
// files), open and save whole runs (replayed exactly on opening), open a data file or image
// folder, go back to the built-in data. Each checks what it opens before anything changes, so
// a bad file leaves the current run as it is, and says what went wrong and where.
#include <functional>

#include <QObject>
#include <QString>
#include <QStringList>

#include "session/settings/app_settings.h"

class QStatusBar;
class QWidget;

namespace downhill::ui {

class RaceMode;
class RunBuilder;
class SettingsStore;
class TrainingController;

class FileCommands : public QObject {
    Q_OBJECT
public:
    // All of it belongs to the window and outlives this object.
    struct Parts {
        QWidget* window = nullptr;   // the dialogs' parent
        SettingsStore* settings = nullptr;
        RunBuilder* builder = nullptr;
        TrainingController* controller = nullptr;
        const RaceMode* race = nullptr;   // its line-up is saved with the settings
        QStatusBar* statusBar = nullptr;
        std::function<void(const AppSettings&)> apply;   // the window applies a whole new set of settings
    };

    FileCommands(Parts parts, QObject* parent);

    // What the window starts from: the settings it remembered (persist), or a settings file,
    // on the given data; a remembered data file that has gone (or whose reading was cancelled)
    // gives the built-in set. What went wrong on the way is added to *problems.
    AppSettings startingSettings(bool persist, const QString& settingsFile, const QString& dataPath,
        QStringList* problems);

    // false with *error (naming the file) on failure; nothing changed then. A data file is read
    // off the GUI thread, with a progress dialog and Cancel when it takes a while
    // (ProblemLoader): false with an empty *error when the user cancelled.
    bool loadSettings(const QString& path, QString* error);
    bool saveSettings(const QString& path, QString* error) const;
    // The settings with the Race panel's line-up, as File > Save settings writes them.
    AppSettings currentSettings() const;
    bool openData(const QString& path, QString* error);
    bool saveRun(const QString& path, QString* error);
    bool openRun(const QString& path, QString* error);
    void openLesson(const QString& path);

    // The menu commands: a file dialog, then the above, then a word in the status bar or a
    // message box.
    void openSettingsDialog();
    void openRunDialog();
    void openDataDialog(bool folder);
    void useBuiltInData();

private:
    // Says in the status bar that opening path was cancelled; false, with *error empty.
    bool cancelled(const QString& path, QString* error);

    Parts parts_;
};

}  // namespace downhill::ui
