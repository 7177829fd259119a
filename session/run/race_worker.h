#pragma once
// Lives on the race's thread and steps every entrant of a race in lockstep: one race step is
// one update of each entrant still running, so all of them are always at the same step number
// (a diverged entrant stays at its last finite state). Same chunked stepping and pacing as the
// main run's TrainingWorker (StepPacer, chunks of at most ~5 ms); each entrant's rows go to its
// own SnapshotBuffer, which bounds what waits for the GUI.
// An entrant that joins a race under way (added, or edited and so started again) starts from
// its trainer's params() and is first brought up to the race's step, in chunks, as fast as it
// goes; the race waits meanwhile (it stays playing), so that lockstep holds when it goes on.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <QObject>

#include "session/run/snapshot_buffer.h"
#include "session/run/step_pacer.h"
#include "core/train/trainer.h"

class QElapsedTimer;
class QTimer;

namespace downhill::ui {

// One entrant as the GUI and the worker share it: its id, never given twice by a controller,
// and the buffer its steps go through. An entrant whose settings change gets a new feed: what
// the worker published for its old run stays in the old buffer, which the GUI no longer
// reads, so a frame can never put one entrant's steps on another's path.
struct EntrantFeed {
    explicit EntrantFeed(std::uint64_t entrantId) : id(entrantId) {}
    const std::uint64_t id;
    SnapshotBuffer buffer;
};

// A trainer handed to the worker with the entrant it steps; the GUI no longer touches it.
struct RaceJoin {
    std::shared_ptr<EntrantFeed> entrant;
    std::shared_ptr<core::Trainer> trainer;
};

// One race as the worker and the GUI share it: a new race gets a new one (and new entrants),
// so nothing of an old race can reach the GUI after it was replaced. `handover` makes the
// worker's publishing and the GUI's taking whole-race operations: a frame never holds a reset
// of some entrants and not of the others, nor one entrant a chunk ahead of another.
struct RaceRun {
    std::mutex handover;
    std::int64_t step = 0;   // the race's step as of the last publish (under handover)
};

class RaceWorker : public QObject {
    Q_OBJECT
public:
    // The flags belong to the controller and outlive the worker.
    RaceWorker(std::atomic<bool>& playing, std::atomic<bool>& interrupt);
    ~RaceWorker() override;

    // All of these run on the worker's thread.
    void configure(std::shared_ptr<RaceRun> run, const std::vector<RaceJoin>& entrants);   // a new race at step 0
    void clear();                                   // no race
    void join(const RaceJoin& entrant);             // from its trainer's params(), caught up to the race's step
    void leave(std::uint64_t entrant);              // the others go on as they were
    void play();
    void stepOnce();
    void reset();                                   // every entrant back to the start
    void setSpeed(double stepsPerSecond);           // race steps per second; 0: as fast as it goes
    // synced(token) once every entrant has caught up: a catch-up is part of the command
    // that started it.
    void sync(quint64 token);

    static constexpr qint64 kChunkNanoseconds = 5'000'000;

signals:
    void synced(quint64 token);

private:
    struct Lane {
        std::shared_ptr<EntrantFeed> entrant;
        std::shared_ptr<core::Trainer> trainer;
        core::Vec init;
        bool diverged = false;
        std::vector<StepRow> rows;        // collected during a chunk
        std::optional<Divergence> divergence;   // to publish with the chunk
    };

    Lane& addLane(const RaceJoin& joining);
    void restartLane(Lane& lane);   // under handover
    void restartRace();
    bool stepLane(Lane& lane);      // false: it diverged
    bool behind(const Lane& lane) const;
    bool catchingUp() const;
    void catchUp(const QElapsedTimer& chunk);
    bool stepAll();     // false: no entrant is running any more
    void flush();
    void releaseSyncs();
    void tick();
    void scheduleNext();

    std::atomic<bool>& playing_;
    std::atomic<bool>& interrupt_;
    QTimer* timer_;
    StepPacer pacer_;
    std::shared_ptr<RaceRun> run_;
    std::vector<Lane> lanes_;
    std::int64_t raceStep_ = 0;          // race steps taken since the start
    std::vector<quint64> pendingSyncs_;  // waiting for a catch-up
    core::StepRecord record_;
    // Handed to SnapshotBuffer::publish: a race shows no epochs, batches or step cards.
    std::vector<core::EpochRecord> noEpochs_;
    std::vector<int> noRows_;
    std::vector<double> noX_;
};

}  // namespace downhill::ui
