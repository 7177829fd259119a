#pragma once
// The hand-over point between the training thread (writes after every chunk of steps) and the
// GUI (takes what is new about 60 times a second). Bounded: when the GUI falls behind, the
// pending step rows (and epoch records) are thinned (every other one dropped, first and last
// kept) instead of growing without limit; the latest full record is always there.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/train/divergence.h"
#include "core/train/step_explanation.h"
#include "core/train/train_observer.h"
#include "core/train/trainer.h"

namespace downhill::ui {

// One update, in the compact form the path, the loss plot and the CSV export need.
struct StepRow {
    std::int64_t step = 0;
    std::int64_t epoch = 0;
    std::int64_t batchIndex = 0;
    double lr = 0;               // the scheduled rate
    double updateLr = 0;         // the rate that multiplied the update (adagrad divides it further)
    double batchLoss = 0;
    double trainLoss = 0;        // whole training set after the update
    core::Vec params;            // after the update
    core::Vec gradient;          // of the batch loss, at the parameters before the update

    static StepRow from(const core::StepRecord& record);
    // The same into this row, reusing its vectors' memory when their sizes match.
    void assign(const core::StepRecord& record);
};

// The window and its tests name it in this namespace; the wording is core's.
using Divergence = core::Divergence;

// What the worker has published since the GUI last looked.
struct Snapshot {
    std::uint64_t run = 0;              // counts restarts; the GUI clears its plots when it changes
    bool restarted = false;             // a new run (or a reset) began since the last take
    core::Vec init;                     // the run's starting point (valid when restarted)
    double initTrainLoss = 0;           // the training loss there (valid when restarted)
    std::vector<StepRow> rows;          // new steps in order, possibly thinned
    std::int64_t droppedRows = 0;       // rows thinned away since the last take
    std::vector<core::EpochRecord> epochs;    // thinned too when epochs are tiny and the GUI slow
    std::optional<core::StepRecord> latest;   // the newest full record
    std::vector<int> batchRows;         // rows of data().train in the newest batch
    std::vector<double> batchX;         // the features the model saw for them (augmented if on)
    Eigen::MatrixXd batchInputs;        // a network's: the pixels it saw, a column per row (else empty)
    core::TrainState state;             // the newest state
    bool hasState = false;
    std::int64_t batchesPerEpoch = 0;
    std::int64_t head = 0;              // the last step of the run's timeline (with hasState)

    // The timeline (see core::RunHistory). seeked: the run was moved to state.step, back or
    // forward along its timeline, rather than stepping there; the rows it already published
    // for steps up to the head are still valid, and `settings` are the ones in effect there.
    bool seeked = false;
    std::optional<core::TrainSettings> settings;
    // Settings changed at this earlier step: the timeline after it is gone (a branch). Rows of
    // the old future still pending when it happened are in `abandoned`, not in `rows`.
    std::optional<std::int64_t> branchedAt;
    std::vector<StepRow> abandoned;
    std::optional<Divergence> divergence;     // set when a step failed since the last take
    // The newest update in full, for the step card. Only when the run came to rest after it
    // (a manual step, a pause, the end of an epoch): copying the batch every step would cost
    // the hot loop for a text nobody can read at full speed.
    std::optional<core::StepInputs> stepInputs;
    std::shared_ptr<const core::Objective> stepObjective;   // what stepInputs->objective points to

    // As a default Snapshot, but the rows, epochs and abandoned rows keep their memory (the rows
    // are destroyed: recycle them first).
    void clear();

    bool empty() const
    {
        return !restarted && rows.empty() && epochs.empty() && !latest && !hasState && !divergence && !seeked
            && !branchedAt && !stepInputs;
    }
};

class SnapshotBuffer {
public:
    // What may wait for the GUI, in rows and in bytes: a slow frame (a loaded machine) must not
    // let a network's rows (its parameters and gradient, 37 KB each for mlp:16) pile up. The row
    // cap holds for small models; for a network the byte budget is the tighter one (rowCapacity),
    // never below kMinPendingRows.
    static constexpr std::size_t kPendingBudgetBytes = std::size_t{4} << 20;
    static constexpr std::size_t kMinPendingRows = 64;

    explicit SnapshotBuffer(std::size_t capacity = 1 << 14);

    // How many rows may wait when each is like `row`.
    std::size_t rowCapacity(const StepRow& row) const;

    // Called on the writing thread by the first restart() or publish() after a take(), outside
    // the lock: how the GUI learns there is something to take without polling. Set it before
    // the worker writes.
    void setOnNews(std::function<void()> onNews) { onNews_ = std::move(onNews); }

    // Worker side.
    // A new run from init (configure, reset, new start point): drops everything pending.
    void restart(const core::TrainState& state, std::int64_t batchesPerEpoch, double trainLoss);
    // The steps of one chunk (moved in) and the newest state.
    void publish(std::vector<StepRow>& rows, std::vector<core::EpochRecord>& epochs,
        const std::optional<core::StepRecord>& latest, const std::vector<int>& batchRows,
        const std::vector<double>& batchX, const core::TrainState& state, std::int64_t batchesPerEpoch,
        std::int64_t head, const Eigen::MatrixXd& batchInputs = Eigen::MatrixXd());
    // The marks below describe the state the worker publishes next: they stay out of
    // sight until that publish, so that the GUI never takes a mark without its state (a seek
    // taken alone would redraw the path to step 0 and leave it there).
    void diverged(const Divergence& divergence);
    // The run was moved along its timeline; these settings are in effect where it now stands.
    void seeked(const core::TrainSettings& settings);
    // Settings changed at `step`, before the head: pending rows after it move to `abandoned`.
    void branched(std::int64_t step);
    // The full inputs of the update published next; objective keeps inputs.objective alive.
    void explain(core::StepInputs inputs, std::shared_ptr<const core::Objective> objective);

    // GUI side: everything new, leaving the buffer empty.
    Snapshot take();
    // The same into `out`, which the GUI keeps from frame to frame: `out` is cleared and then
    // trades places with what is pending, so the vectors' memory goes back and forth between the
    // GUI and the worker. At full speed a frame's rows and epochs fill megabytes; allocating them
    // on the training thread and freeing them on the GUI thread each frame made glibc sweep its
    // free lists (malloc_consolidate) for several milliseconds a frame on the GUI thread.
    void take(Snapshot& out);
    // GUI side, once a frame has read the rows it took: hands them back, so that the worker
    // fills them again and their vectors keep their memory. At full speed the worker allocated
    // two vectors a row and the GUI freed them, thousands a frame (a third of the GUI thread).
    // At most rowCapacity() rows wait here; the rest are freed.
    // rows is left empty, its memory kept.
    void recycle(std::vector<StepRow>& rows);
    // Worker side: the rows handed back so far, appended to spare.
    void takeSpare(std::vector<StepRow>& spare);

    std::size_t capacity() const { return capacity_; }

private:
    template <typename T>
    static std::int64_t thin(std::vector<T>& items, std::size_t capacity);

    void announce(bool first) const;

    const std::size_t capacity_;
    std::function<void()> onNews_;
    mutable std::mutex mutex_;
    bool announced_ = false;   // news since the last take was told
    Snapshot pending_;
    std::vector<StepRow> spare_;   // rows handed back by the GUI, for the worker to refill
    std::uint64_t run_ = 0;
    // Marks waiting for the publish of their state.
    std::optional<Divergence> stagedDivergence_;
    std::optional<core::TrainSettings> stagedSeek_;
    std::optional<std::int64_t> stagedBranch_;
    std::optional<core::StepInputs> stagedInputs_;
    std::shared_ptr<const core::Objective> stagedObjective_;
};

}  // namespace downhill::ui
