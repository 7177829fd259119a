#pragma once
// Settings -> run: the other half of RunPresenter (run -> screen). It answers the store's edits:
// a hyperparameter retunes the running run, a new model, loss or data builds a new Problem and
// a new run, a new plane or held value a new run on it, a new surface a new landscape under the
// same run. It keeps the settings consistent with the problem (axes, start, held values, view),
// asks for the landscape grids of the view and draws them when they come, and keeps the panel,
// the captions and the title in step. A change that does not make a working run leaves the
// last one that did, and the panel says why.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QList>
#include <QObject>
#include <QPointF>
#include <QTimer>

#include "core/landscape/projection.h"
#include "session/problem/problem.h"
#include "session/settings/settings_store.h"
#include "window/settings/control_panel.h"

class QAction;
class QLabel;
class QStatusBar;

namespace downhill::ui {

class BatchStrip;
class DatasetPanel;
class LandscapePlot;
class RaceMode;
class ReadoutPanel;
class SurfaceFeeder;
class TimelineBar;
class TrainingController;
struct LandscapeResult;

class RunBuilder : public QObject {
    Q_OBJECT
public:
    // What it keeps in step; all of it belongs to the window and outlives this object.
    struct Views {
        ControlPanel* panel = nullptr;
        ReadoutPanel* readouts = nullptr;
        BatchStrip* batchStrip = nullptr;
        DatasetPanel* datasetPanel = nullptr;
        LandscapePlot* landscape = nullptr;
        QLabel* caption = nullptr;        // the teaching captions
        QLabel* runLabel = nullptr;       // "model · loss · optimizer" in the status bar
        TimelineBar* timeline = nullptr;
        QStatusBar* statusBar = nullptr;
        QList<QAction*> runActions;       // enabled only while there is a working run
    };

    RunBuilder(SettingsStore* store, TrainingController* controller, RaceMode* race, SurfaceFeeder* surfaces, Views views,
        QObject* parent);

    const Problem& problem() const { return problem_; }
    bool runValid() const { return runValid_; }
    // How the run meets the plot: two parameters, or a plane through all of them (a network's
    // random or PCA plane). Everything that draws the run projects with it.
    const core::Projection& projection() const { return projection_; }
    // Where the PCA plane's path comes from: the points of the run so far, in order (the
    // presenter's path log), its last point the current one.
    void setPathSource(std::function<std::vector<core::Vec>()> source) { pathSource_ = std::move(source); }

    // The window's one way to make a Problem of settings, off the GUI thread with progress and
    // Cancel for a large data file (ProblemLoader): a file command checks its settings with it
    // before anything changes. The problem is kept, so that the rebuild() that follows reuses
    // its data instead of reading the file again. Throws core::InputError, or core::Cancelled.
    Problem prepare(const AppSettings& settings);

    // The store's value as a whole is new (a settings file, a lesson, a run file): build it.
    // resetRange: the view is worked out again (new data).
    void rebuild(bool resetRange);
    // A new run from the settings' start on the current problem (Reset without a working run).
    void configureRun();
    // The start point moved: a click or drag on the landscape.
    void setStartPoint(QPointF point);
    // The view changed on screen (zoom, pan): a finer grid for it, once the user pauses.
    void viewChanged(double min1, double max1, double min2, double max2);
    // The view was set by a command (fit to path or minimum): a grid for what is on screen now.
    void requestVisible();
    void resetView();   // the start and the minimum with a margin
    // The plane's origin moves to this point (the run's current one): a random plane's
    // directions are drawn anew for it (filter-normalised to its weights), the PCA plane is
    // the path's so far; the path is projected anew and the run goes on.
    void recentrePlane(const core::Vec& at);
    // A move along the timeline reached a step with other settings in effect: the panel shows
    // them, so that what it says is what the next step will use.
    void followTimelineSettings(const core::TrainSettings& settings);
    // A grid came from the landscape worker.
    void showLandscape(const LandscapeResult& result);

signals:
    void landscapeShown(bool fine);   // a new grid is on screen
    // The projection changed while the run goes on (another plane, a recentred one): the path
    // and the point are drawn again through it.
    void projectionChanged();

private:
    void onEdited(SettingsStore::Change change);
    void normaliseSettings();
    // The projection of the settings' plane; a plane that cannot be made (a PCA plane before
    // the path has moved, a random plane through all-zero weights) says why and falls back.
    void makeProjection();
    std::array<double, 4> defaultRange() const;
    ControlPanel::Context panelContext() const;
    void applyTraining();
    void requestLandscape(bool resetView);
    void showDataset();
    void updateCaptions();
    void updateTitle();

    // The problem whose data a build of these settings reuses: the last prepared one if it holds
    // them, else the current one.
    const Problem* previousFor(const AppSettings& settings) const;

    SettingsStore* store_;
    TrainingController* controller_;
    RaceMode* race_;
    SurfaceFeeder* surfaces_;
    Views views_;

    Problem problem_;
    std::optional<Problem> prepared_;   // the last prepare()'s, until the next rebuild()
    core::Projection projection_;
    std::function<std::vector<core::Vec>()> pathSource_;
    bool runValid_ = false;
    bool resetViewOnGrid_ = false;
    std::shared_ptr<const core::TrainData> shownData_;   // what the dataset panel shows
    QTimer viewDebounce_;
    std::optional<std::array<double, 4>> pendingView_;
};

}  // namespace downhill::ui
