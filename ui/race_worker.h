#pragma once
// Lives on the race's thread and steps every entrant of a race in lockstep: one race step is
// one update of each entrant still running, in lineup order, so all of them are always at the
// same step number (a diverged entrant stays at its last finite state). Same chunked stepping
// and pacing as the main run's TrainingWorker (StepPacer, chunks of at most ~5 ms); each
// entrant's rows go to its own SnapshotBuffer, which bounds what waits for the GUI.
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <QObject>

#include "snapshot_buffer.h"
#include "step_pacer.h"
#include "trainer.h"

class QTimer;

namespace downhill::ui {

// One race as the worker and the GUI share it: a new race gets new buffers, so nothing of an
// old race can reach the GUI after it was replaced. `handover` makes the worker's publishing
// and the GUI's taking whole-race operations: a frame never holds a reset of some entrants and
// not of the others, nor one entrant a chunk ahead of another.
struct RaceRun {
    std::vector<std::shared_ptr<core::Trainer>> trainers;   // all from one start
    std::vector<std::unique_ptr<SnapshotBuffer>> buffers;   // one per trainer
    std::mutex handover;
};

class RaceWorker : public QObject {
    Q_OBJECT
public:
    // The flags belong to the controller and outlive the worker.
    RaceWorker(std::atomic<bool>& playing, std::atomic<bool>& interrupt);
    ~RaceWorker() override;

    // All of these run on the worker's thread.
    void configure(std::shared_ptr<RaceRun> run);   // a new race from the trainers' params()
    void clear();                                   // no race
    void play();
    void stepOnce();
    void reset();                                   // every entrant back to the start
    void setSpeed(double stepsPerSecond);           // race steps per second; 0: as fast as it goes
    void sync(quint64 token);

    static constexpr qint64 kChunkNanoseconds = 5'000'000;

signals:
    void synced(quint64 token);

private:
    struct Lane {
        std::shared_ptr<core::Trainer> trainer;
        SnapshotBuffer* buffer = nullptr;
        core::Vec init;
        bool diverged = false;
        std::vector<StepRow> rows;        // collected during a chunk
        std::optional<Divergence> divergence;   // to publish with the chunk
    };

    void restartRace();
    bool stepAll();     // false: no entrant is running any more
    void flush();
    void tick();
    void scheduleNext();

    std::atomic<bool>& playing_;
    std::atomic<bool>& interrupt_;
    QTimer* timer_;
    StepPacer pacer_;
    std::shared_ptr<RaceRun> run_;
    std::vector<Lane> lanes_;
    core::StepRecord record_;
    // Handed to SnapshotBuffer::publish: a race shows no epochs, batches or step cards.
    std::vector<core::EpochRecord> noEpochs_;
    std::vector<int> noRows_;
    std::vector<double> noX_;
};

}  // namespace downhill::ui
