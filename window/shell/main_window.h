#pragma once
// The live window: the side panel of settings, the landscape with the run on it, the loss
// plot, the current batch, every number of the current step, and the transport controls; docks
// (View menu) for the step card, the gradient check, the data and the race (RaceMode, Race
// menu); File > Lessons.
// It builds the widgets and wires the features together: the settings live in one
// SettingsStore, the RunBuilder turns them into a run (and asks for landscape grids), the
// RunPresenter puts each frame of it on screen, ExportActions and AnimationExport write files.
#include <array>
#include <optional>
#include <vector>

#include <QMainWindow>
#include <QTimer>

#include "core/landscape/projection.h"
#include "session/problem/problem.h"
#include "session/run/path_log.h"
#include "session/settings/app_settings.h"
#include "window/export/animation_dialog.h"
#include "window/shell/main_actions.h"

class QAction;
class QDockWidget;
class QLabel;
class QSplitter;

namespace downhill::ui {

class AnimationExport;
class BatchStrip;
class ControlPanel;
class DatasetPanel;
class NetworkPanel;
class FileCommands;
class GradientCheckView;
class LandscapePlot;
class LandscapeView3D;
class LandscapeWorker;
class LossPlot;
class PresentationMode;
class RaceMode;
class ReadoutPanel;
class RunBuilder;
class RunPresenter;
class SettingsStore;
class SpeedControl;
class StepCard;
class TimelineBar;
class SurfaceArea;
class SurfaceFeeder;
class TrainingController;
class Transport;
class UserGuideDialog;
class ViewModes;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        bool persist = true;       // restore and save the window and the last settings (QSettings)
        QString settingsFile;      // start from this settings file (--settings)
        QString dataPath;          // start on this data (--data)
    };

    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Apply a settings file / a data set as the user would; false with *error on failure, false
    // with *error empty when the user cancelled reading a large data file (FileCommands).
    bool loadSettings(const QString& path, QString* error);
    bool saveSettings(const QString& path, QString* error) const;
    bool openData(const QString& path, QString* error);
    // The whole run (settings, start, every change of settings, how far it went) to a run file,
    // and back: reopening replays it exactly and says so if the replay differs.
    bool saveRun(const QString& path, QString* error);
    bool openRun(const QString& path, QString* error);
    void applySettings(const AppSettings& settings);
    // Applies a lesson's settings file (normally one of :/lessons) and shows its text.
    void openLesson(const QString& path);

    // The settings of the main run. Its race field is empty: the line-up lives in the Race
    // panel (race lineup()); currentSettings() has both, as File > Save settings writes them.
    const AppSettings& settings() const;
    AppSettings currentSettings() const;
    const Problem& problem() const;
    const PathLog& pathLog() const;
    // How the run meets the plot: two parameters or a plane (RunBuilder::projection).
    const core::Projection& projection() const;
    // The plane's origin moves to the point shown (View > Recentre the plane here).
    void recentrePlane();
    TrainingController* controller() const { return controller_; }
    LandscapePlot* landscapePlot() const { return landscape_; }
    LossPlot* lossPlot() const { return lossPlot_; }
    SurfaceArea* surfaceArea() const { return surfaceArea_; }
    SurfaceFeeder* surfaceFeeder() const { return surfaceFeeder_; }
    ControlPanel* controlPanel() const { return panel_; }
    StepCard* stepCard() const { return stepCard_; }
    GradientCheckView* gradientCheckView() const { return gradientCheck_; }
    DatasetPanel* datasetPanel() const { return datasetPanel_; }
    TimelineBar* timeline() const { return timeline_; }
    // Larger text and thicker lines for a projector (F5).
    void setPresentationMode(bool on);
    bool presentationMode() const;
    RaceMode* raceMode() const { return race_; }
    // File > Export animation without the dialog: the run from step 0 to the timeline position
    // and a race beside it to where the race stands, drawn offscreen with a cancellable
    // progress dialog ("animationProgress"). Failed: *error says why and names the path;
    // Failed or Cancelled: nothing was written.
    ExportResult exportAnimation(const AnimationSettings& animation, QString* error);
    std::int64_t animationLastStep() const;   // the last frame's step
    QSize mapsSize() const;   // the landscape, or side by side both maps, as on screen
    // The 3D view's dock toggle (View > 3D view); disabled, and saying why, in a build without
    // Qt Data Visualization, where landscapeView3D() is nullptr.
    QAction* view3dAction() const { return view3dAction_; }
    const MainActions& actions() const { return actions_; }
    LandscapeView3D* landscapeView3D() const { return view3d_; }
    ViewModes* viewModes() const { return viewModes_; }

signals:
    void frameShown();                 // a frame of training data was drawn
    void landscapeShown(bool fine);    // a new grid is on screen

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildMenus();
    void buildLayout();
    void buildDocks();
    void connectSignals();
    void connectExports();
    void restoreWindow();
    void saveWindow() const;

    void showAbout();
    void showUserGuide();

    Options options_;
    SettingsStore* store_ = nullptr;           // the one owner of the settings
    RunBuilder* builder_ = nullptr;            // settings -> run
    AnimationExport* animationExport_ = nullptr;
    Transport* transport_ = nullptr;           // play, step, back, seek, speed
    FileCommands* files_ = nullptr;            // open and save settings, runs, data
    TrainingController* controller_ = nullptr;
    LandscapeWorker* landscapeWorker_ = nullptr;
    SurfaceFeeder* surfaceFeeder_ = nullptr;   // which samples each landscape plot shows
    RunPresenter* presenter_ = nullptr;        // the frames on screen

    ControlPanel* panel_ = nullptr;
    LandscapePlot* landscape_ = nullptr;
    SurfaceArea* surfaceArea_ = nullptr;      // landscape_ and, side by side, the validation plot
    LossPlot* lossPlot_ = nullptr;
    BatchStrip* batchStrip_ = nullptr;
    ReadoutPanel* readouts_ = nullptr;
    SpeedControl* speed_ = nullptr;
    TimelineBar* timeline_ = nullptr;
    StepCard* stepCard_ = nullptr;
    GradientCheckView* gradientCheck_ = nullptr;
    UserGuideDialog* userGuide_ = nullptr;  // made when first asked for
    DatasetPanel* datasetPanel_ = nullptr;
    QDockWidget* nowDock_ = nullptr;          // rightColumn_
    QDockWidget* lossDock_ = nullptr;         // lowerPlots_
    QDockWidget* stepCardDock_ = nullptr;
    QDockWidget* gradientCheckDock_ = nullptr;
    QDockWidget* datasetDock_ = nullptr;
    NetworkPanel* networkPanel_ = nullptr;
    QDockWidget* networkDock_ = nullptr;
    RaceMode* race_ = nullptr;
    QDockWidget* raceDock_ = nullptr;
    LandscapeView3D* view3d_ = nullptr;
    QDockWidget* view3dDock_ = nullptr;
    QAction* view3dAction_ = nullptr;
    QLabel* banner_ = nullptr;
    QLabel* caption_ = nullptr;
    QWidget* captionBox_ = nullptr;
    QLabel* runLabel_ = nullptr;
    QSplitter* mainSplitter_ = nullptr;       // the control panel | the landscape

    QWidget* rightColumn_ = nullptr;          // the readouts and the caption
    bool columnSized_ = false;                // the right column's width set for the window's
    bool restoredLayout_ = false;             // the docks as the last session left them
    QWidget* lowerPlots_ = nullptr;           // the loss plot and the batch strip

    MainActions actions_;
    PresentationMode* presentation_ = nullptr;
    ViewModes* viewModes_ = nullptr;          // control panel folded, plot only, full screen
};

}  // namespace downhill::ui
