#pragma once
// The live window: the side panel of settings, the landscape with the run on it, the loss
// plot, the current batch, every number of the current step, and the transport controls; docks
// (View menu) for the step card, the gradient check, the data and the race (RaceMode, Race
// menu); File > Lessons.
// It builds runs from the settings (Problem), hands them to the TrainingController, asks the
// LandscapeWorker for grids, and draws what both deliver.
#include <array>
#include <optional>
#include <vector>

#include <QMainWindow>
#include <QTimer>

#include "window/export/animation_dialog.h"
#include "session/settings/app_settings.h"
#include "window/settings/control_panel.h"
#include "session/run/path_log.h"
#include "session/problem/problem.h"

class QAction;
class QDockWidget;
class QLabel;
class QSplitter;

namespace downhill::ui {

class BatchStrip;
class DatasetPanel;
class GradientCheckView;
class LandscapePlot;
class LandscapeView3D;
class LandscapeWorker;
class LossPlot;
class PresentationMode;
class RaceMode;
class ReadoutPanel;
class RunPresenter;
class SpeedControl;
class StepCard;
class TimelineBar;
class SurfaceArea;
class SurfaceFeeder;
class TrainingController;
struct LandscapeResult;

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

    // Apply a settings file / a data set as the user would; false with *error on failure.
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
    const AppSettings& settings() const { return settings_; }
    AppSettings currentSettings() const;
    const Problem& problem() const { return problem_; }
    const PathLog& pathLog() const;
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
    LandscapeView3D* landscapeView3D() const { return view3d_; }

signals:
    void frameShown();                 // a frame of training data was drawn
    void landscapeShown(bool fine);    // a new grid is on screen

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildLayout();
    void buildDocks();
    void connectSignals();
    void connectExports();
    void restoreWindow();
    void saveWindow() const;

    // Settings -> run.
    void rebuild(bool resetRange);
    void normaliseSettings();
    ControlPanel::Context panelContext() const;
    void configureRun();
    void applyTraining();
    void onPanelChanged(int change);
    void requestLandscape(bool resetView);
    void setStartPoint(QPointF point);
    void updateCaptions();
    void updateTitle();

    // Run -> screen.
    void followTimelineSettings(const core::TrainSettings& settings);
    void onLandscape(const LandscapeResult& result);
    void showDataset();
    void onDatasetAugmentation(const core::AugmentationSettings& augmentation);
    void onPlayingChanged(bool playing);

    // Menu commands.
    void openSettingsDialog();
    void openRunDialog();
    void openDataDialog(bool folder);
    void useBuiltInData();
    void openAnimationDialog();
    void resetView();
    void showAbout();
    void showShortcuts();

    Options options_;
    AppSettings settings_;
    AppSettings panelBaseline_;   // the last settings that built a working run
    Problem problem_;
    bool runValid_ = false;
    bool resetViewOnGrid_ = false;

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
    DatasetPanel* datasetPanel_ = nullptr;
    QDockWidget* stepCardDock_ = nullptr;
    QDockWidget* gradientCheckDock_ = nullptr;
    QDockWidget* datasetDock_ = nullptr;
    RaceMode* race_ = nullptr;
    QDockWidget* raceDock_ = nullptr;
    LandscapeView3D* view3d_ = nullptr;
    QDockWidget* view3dDock_ = nullptr;
    QAction* view3dAction_ = nullptr;
    std::shared_ptr<const core::TrainData> shownData_;   // what the dataset panel shows
    QLabel* banner_ = nullptr;
    QLabel* caption_ = nullptr;
    QWidget* captionBox_ = nullptr;
    QLabel* runLabel_ = nullptr;
    QSplitter* mainSplitter_ = nullptr;
    QSplitter* plotSplitter_ = nullptr;
    QTimer viewDebounce_;
    std::optional<std::array<double, 4>> pendingView_;

    QAction* playAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    QAction* backAction_ = nullptr;
    QAction* epochBackAction_ = nullptr;
    QAction* epochAction_ = nullptr;
    QAction* resetAction_ = nullptr;
    QAction* openSettingsAction_ = nullptr;
    QAction* saveSettingsAction_ = nullptr;
    QAction* saveRunAction_ = nullptr;
    QAction* openRunAction_ = nullptr;
    QAction* openDataFileAction_ = nullptr;
    QAction* openDataFolderAction_ = nullptr;
    QAction* builtInDataAction_ = nullptr;
    QAction* exportLandscapeAction_ = nullptr;
    QAction* exportLossAction_ = nullptr;
    QAction* exportPathAction_ = nullptr;
    QAction* exportHistoryAction_ = nullptr;
    QAction* exportAnimationAction_ = nullptr;
    AnimationSettings animation_;   // the dialog's last choices
    QAction* quitAction_ = nullptr;
    QAction* gradientFieldAction_ = nullptr;
    QAction* captionsAction_ = nullptr;
    QAction* logLossAction_ = nullptr;
    QAction* fitPathAction_ = nullptr;
    QAction* fitMinimumAction_ = nullptr;
    QAction* resetViewAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* shortcutsAction_ = nullptr;
    QAction* presentationAction_ = nullptr;
    PresentationMode* presentation_ = nullptr;
};

}  // namespace downhill::ui
