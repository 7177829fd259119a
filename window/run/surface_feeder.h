#pragma once
// Decides which samples each landscape plot shows and asks for their grids: the training set,
// the validation set, the batch of the last update, or training and validation side by side
// (the second grid on its own LandscapeWorker, into SurfaceArea's second plot).
//
// The batch surface follows the run: every frame with a new update brings a new batch. Grids
// are coalesced so that at most one batch job is in flight: while one computes, newer batches
// replace each other in a single pending slot, and when it lands the newest pending one goes.
// While training plays faster than kFineBatchStepsPerSecond, batch grids are computed coarse
// only (one pass, the job's coarse resolution) and at most kFastBatchGridsPerSecond of them:
// each new grid costs the GUI a full replot, and a class cannot follow more. At rest (paused,
// stepping, slow) every batch gets coarse then fine, and pausing refines the batch on screen.
#include <cstdint>
#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include "session/settings/app_settings.h"
#include "session/run/landscape_worker.h"

namespace downhill::ui {

class Problem;
class SurfaceArea;
class TrainingController;
struct Snapshot;

class SurfaceFeeder : public QObject {
    Q_OBJECT
public:
    static constexpr double kFineBatchStepsPerSecond = 5.0;
    static constexpr int kFastBatchGridsPerSecond = 15;

    // mainWorker is the window's worker, whose results the window draws on the main plot; the
    // feeder only listens to it to know when a batch job is done. All three outlive the feeder.
    SurfaceFeeder(TrainingController* controller, LandscapeWorker* mainWorker, SurfaceArea* area, QObject* parent = nullptr);
    ~SurfaceFeeder() override;

    // A new grid for the plane in `base` (objective, request, resolutions; its samples are
    // ignored): the main plot gets the chosen surface, the side plot the validation set when
    // side by side. Returns the main job's id.
    quint64 request(const LandscapeJob& base, const Problem& problem, Surface chosen);

    // What is shown: the choice, unless it cannot be had (validation without a validation set,
    // anything but the function itself for an analytic landscape), then the training set.
    Surface effective() const { return effective_; }
    // The samples of the batch surface now (nullptr before the first update of a run).
    const std::shared_ptr<const core::Samples>& batch() const { return batch_; }
    bool batchJobInFlight() const { return inFlight_ != 0; }
    int batchJobsRequested() const { return batchJobs_; }
    int lastBatchResolution() const { return lastBatchResolution_; }   // finest pass of the last batch job

    LandscapeWorker* sideWorker() const { return sideWorker_; }

signals:
    void sideLandscapeShown(bool fine);   // a new grid is on the side plot

private:
    void onFrame(const Snapshot& snapshot);
    void onPlayingChanged(bool playing);
    void onMainResult(const LandscapeResult& result);
    void onSideResult(const LandscapeResult& result);
    void submitBatch();
    void submitBatchIfDue();
    bool fast() const;
    void updateTitles();
    QString describe(Surface surface, bool withMarkers) const;

    TrainingController* controller_;
    LandscapeWorker* mainWorker_;
    LandscapeWorker* sideWorker_;
    SurfaceArea* area_;

    std::optional<LandscapeJob> base_;       // the plane of the last request
    std::shared_ptr<const core::TrainData> data_;
    bool usesData_ = false;
    QString functionName_;
    Surface chosen_ = Surface::Train;
    Surface effective_ = Surface::Train;

    std::shared_ptr<const core::Samples> batch_;   // the newest batch
    std::int64_t batchStep_ = 0, batchEpoch_ = 0, batchIndex_ = 0;
    bool batchPending_ = false;    // batch_ is newer than the grid in flight
    quint64 inFlight_ = 0;         // the main job computing now, 0 when idle
    bool lastBatchCoarseOnly_ = false;
    QElapsedTimer sinceBatchJob_;  // since the last batch job was submitted
    int batchJobs_ = 0;
    int lastBatchResolution_ = 0;
};

}  // namespace downhill::ui
