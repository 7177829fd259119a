#pragma once
// The run on screen. It takes each frame (a Snapshot) of the training controller and updates
// what shows the run: the landscape's path, point and arrows, the loss plot, the readouts, the
// batch strip, the docks (step card, gradient check, the data's model curve, the network panel),
// the timeline and the divergence banner. It keeps the run's timeline as far as the GUI has seen
// it (PathLog), and paces the controller's frames to what drawing them costs.
#include <cstdint>
#include <vector>

#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QString>

#include "core/landscape/projection.h"
#include "session/run/path_log.h"
#include "session/run/snapshot_buffer.h"

class QLabel;

namespace downhill::ui {

struct AppSettings;
class BatchStrip;
class DatasetPanel;
class GradientCheckView;
class LandscapePlot;
class LossPlot;
class NetworkPanel;
class Problem;
class ReadoutPanel;
class StepCard;
class TimelineBar;
class TrainingController;

class RunPresenter : public QObject {
    Q_OBJECT
public:
    struct Views {
        LandscapePlot* landscape = nullptr;
        LossPlot* lossPlot = nullptr;
        BatchStrip* batchStrip = nullptr;
        ReadoutPanel* readouts = nullptr;
        TimelineBar* timeline = nullptr;
        StepCard* stepCard = nullptr;
        GradientCheckView* gradientCheck = nullptr;
        DatasetPanel* datasetPanel = nullptr;
        QLabel* banner = nullptr;   // the divergence banner above the plots
        NetworkPanel* network = nullptr;
    };

    // The problem, the projection and the settings are the window's, read at each frame (the
    // plotted axes or plane, the optimizer of the velocity arrow, the augmentations of the
    // batch strip).
    RunPresenter(TrainingController* controller, const Problem& problem, const core::Projection& projection,
        const AppSettings& settings, Views views, QObject* parent);

    void show(const Snapshot& snapshot);

    const PathLog& pathLog() const { return pathLog_; }
    std::int64_t shownStep() const { return shownStep_; }   // the landscape's path ends here
    int frameIntervalMs() const { return frameIntervalMs_; }  // what the frames' own cost allows
    std::int64_t seenHead() const { return seenHead_; }     // the last step the GUI has rows for
    const QString& divergence() const { return divergence_; }   // the landscape's banner; empty: none
    // A point of parameter space on the plotted plane, and a direction (an arrow).
    QPointF project(const core::Vec& w) const;
    QPointF projectDirection(const core::Vec& v) const;
    const core::Projection& projection() const { return projection_; }
    // The points of the run as far as it is shown, from the start (for the PCA plane).
    std::vector<core::Vec> pathPoints() const;
    // The projection changed under a running run: the path, the point and its arrows again.
    void reproject();
    // How far the current point stands off the plotted plane (NaN before a run).
    double offPlane() const { return offPlane_; }
    const core::Vec& currentPoint() const { return current_; }   // the point shown
    // Before the first step: the training loss at init and its gradient over the whole set.
    double startLoss(const core::Vec& init, core::Vec& gradient) const;

signals:
    void frameShown();
    void diverged();
    // A move along the timeline reached a step with these settings in effect.
    void timelineSettings(const core::TrainSettings& settings);

private:
    void restart(const Snapshot& snapshot);
    void showStart(const core::Vec& init);
    void showOffPlane(const core::Vec& w);
    void extendTimeline(const Snapshot& snapshot);
    void keepBranchAsGhost(std::int64_t step, const std::vector<StepRow>& abandoned);
    void redrawPathTo(std::int64_t step);
    void showLatest(const Snapshot& snapshot);
    void showNetworkAt(std::int64_t step, const core::Vec& w);
    void showDivergence(const Divergence& divergence);
    void clearDivergence();
    void updateBatchStrip(const Snapshot& snapshot);
    void updateDocks(const Snapshot& snapshot);
    void replot();
    void adaptFrameInterval();

    TrainingController* controller_;
    const Problem& problem_;
    const core::Projection& projection_;
    const AppSettings& settings_;
    Views views_;

    PathLog pathLog_;             // the run's timeline as far as it has gone (to seenHead_)
    std::int64_t seenHead_ = 0;
    std::int64_t shownStep_ = 0;
    std::vector<const StepRow*> freshRows_;   // this frame's new rows, into its snapshot; kept for its memory
    std::vector<core::EpochRecord> freshEpochs_;   // this frame's new epochs; kept for its memory
    QString divergence_;
    double offPlane_ = 0;
    core::Vec current_;           // the point shown

    QElapsedTimer modelCurveClock_;
    QElapsedTimer batchStripClock_;
    QElapsedTimer replotClock_;
    QElapsedTimer lossReplotClock_;
    qint64 frameWorkNs_ = 0;      // GUI time spent on frames since the last adaptation
    double frameCostMs_ = 0;
    int frameIntervalMs_ = 16;
};

}  // namespace downhill::ui
