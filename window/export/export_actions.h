#pragma once
// File > Export landscape / loss plot / path / loss history, and File > Save settings / Save
// run: each asks for a path, writes, and says what happened (a warning naming the error, or a
// line in the status bar). They differ only in what they write, so one helper has the shape.
#include <functional>
#include <string>
#include <vector>

#include <QObject>
#include <QString>

class QMainWindow;

namespace downhill::ui {

class LandscapePlot;
class LossPlot;
class PathLog;

class ExportActions : public QObject {
    Q_OBJECT
public:
    using Writer = std::function<bool(const QString& path, QString* error)>;
    struct Sources {
        LandscapePlot* landscape = nullptr;
        LossPlot* lossPlot = nullptr;
        const PathLog* pathLog = nullptr;
        std::function<std::vector<std::string>()> parameterNames;   // the path's columns
        Writer saveSettings;   // MainWindow::saveSettings
        Writer saveRun;        // MainWindow::saveRun
    };

    // How a path is asked for: QFileDialog::getSaveFileName unless replaced (a test answers
    // without a modal dialog, whose timing under load is a race).
    using AskPath = std::function<QString(const QString& title, const QString& defaultName, const QString& filters,
        QString* selectedFilter)>;

    ExportActions(QMainWindow* window, Sources sources);
    void setPathAsker(AskPath ask) { askPath_ = std::move(ask); }

    void exportLandscape();
    void exportLossPlot();
    void exportPath();
    void exportLossHistory();
    void saveSettings();
    void saveRun();

private:
    struct Target {
        QString title;         // of the dialog and of a warning
        QString defaultName;   // empty: none
        QString filters;
        QString suffix;        // added when the name has none and no filter says which
    };
    // What a success says in the status bar, from the path written; empty: nothing.
    using Report = std::function<QString(const QString& path)>;
    void saveTo(const Target& target, const Writer& write, const Report& report);

    QMainWindow* window_;
    Sources sources_;
    AskPath askPath_;
};

}  // namespace downhill::ui
