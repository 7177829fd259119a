#pragma once
// Lives on the training thread and owns the core::Trainer. Every slot runs there, invoked by
// the TrainingController through queued calls. While playing it steps in chunks of at most
// ~5 ms, then returns to its event loop so that queued commands get in; `playing` and
// `interrupt` are atomics the GUI flips directly, so a pause or a new setting ends a chunk at
// the next step boundary even while the worker is busy.
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include <QObject>
#include <QString>

#include "core/train/run_history.h"
#include "session/run/snapshot_buffer.h"
#include "session/run/step_pacer.h"
#include "core/train/trainer.h"

class QTimer;

namespace downhill::ui {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    // The buffer and the flags belong to the controller and outlive the worker.
    TrainingWorker(SnapshotBuffer& buffer, std::atomic<bool>& playing, std::atomic<bool>& interrupt);
    ~TrainingWorker() override;

    // All of these run on the worker's thread.
    void configure(std::shared_ptr<core::Trainer> trainer);   // a new run from trainer->params()
    void play();                                   // starts stepping if `playing` is (still) set
    void stepOnce();
    void stepEpoch();                              // steps until the current epoch ends
    void reset();                                  // back to the run's starting point
    void setStartPoint(const core::Vec& init);     // a new run from init
    void setSettings(const core::TrainSettings& settings);   // from the next step on, no reset
    void setSpeed(double stepsPerSecond);          // 0: as fast as the engine runs
    // Along the run's timeline (exact: see core::RunHistory). Each lands on a step by taking
    // that update again from the step before, so the card, arrows and batch show it.
    void seek(std::int64_t step);                  // clamped to the timeline
    void stepBack(std::int64_t steps);
    void epochBack();                              // to the start of this epoch, or the one before
    // A saved run: from changes.front() (its start) replays to `head`, taking every change of
    // settings at its step, then goes to `position`. timelineLoaded(exact): whether the state
    // reached at the head is headState, bit for bit (not: the data or the engine differ from
    // when the run was saved).
    // The replay says how far it is (replayProgress, about every 4096 steps, as the path is
    // drawn); cancelReplay() stops it where it is (replayCancelled(step): the run goes on from
    // there), and the thread's owner quitting stops it at once.
    void loadTimeline(const std::vector<core::RunHistory::Change>& changes, std::int64_t head,
        const core::TrainState& headState, std::int64_t position);
    // The one call from any thread (an atomic store): the replay running now, or the next one
    // to start, stops between two steps.
    void cancelReplay() { replayCancelled_.store(true); }
    core::RunHistory::Saved saveTimeline();       // throws core::InputError without a run
    // Answers synced(token) once what was sent before is done: at once, or, while "step one
    // epoch" presses are still running, when the last of them is (or was cut short).
    void sync(quint64 token);

    // Upper bound of one chunk of steps between visits to the event loop.
    static constexpr qint64 kChunkNanoseconds = 5'000'000;

signals:
    void synced(quint64 token);
    void commandFailed(const QString& message);
    void timelineLoaded(bool exact);
    void replayProgress(qint64 step, qint64 head);
    void replayCancelled(qint64 step);

private:
    void tick();
    bool stepOne();            // false: the step diverged (the state is kept)
    void flush();
    void restartRun();
    void moveTo(std::int64_t step);
    void scheduleNext();
    void answerSyncs();        // the waiting sync() calls, once no epoch is left to step

    SnapshotBuffer& buffer_;
    std::atomic<bool>& playing_;
    std::atomic<bool>& interrupt_;
    std::atomic<bool> replayCancelled_{false};
    QTimer* timer_;

    std::shared_ptr<core::Trainer> trainer_;
    core::RunHistory history_;
    core::Vec init_;
    int epochsToRun_ = 0;          // "step one epoch" presses not yet done
    std::vector<quint64> waitingSyncs_;   // sync() tokens that wait for those epochs
    bool diverged_ = false;
    StepPacer pacer_;

    // Collected during a chunk, handed to the buffer at its end.
    std::vector<StepRow> rows_;
    std::vector<StepRow> spareRows_;   // handed back by the GUI (SnapshotBuffer::recycle), to refill
    std::vector<core::EpochRecord> epochs_;
    std::optional<core::StepRecord> latest_;
    core::StepRecord record_;
    core::TrainState before_;      // the state the newest step started from (no allocation per step)
    bool explainPending_ = false;  // record_ and before_ describe a step not yet explained in full
    // The settings the newest step used: a slider moved after it must not rewrite its card.
    core::TrainSettings stepSettings_;
    bool settingsChanged_ = true;  // stepSettings_ is refreshed at the next step, not every step
    std::vector<double> batchX_;
};

}  // namespace downhill::ui
