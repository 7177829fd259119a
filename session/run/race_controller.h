#pragma once
// The GUI thread's handle on a race: several trainers from one start on one objective, stepped
// in lockstep by a RaceWorker on their own thread (apart from the main run's). Commands go as
// queued calls; about 60 times a second it takes what every entrant's buffer holds and hands
// it out as one frame() signal for the whole race. Never one signal per step.
// The line-up may change while the race goes on: an added entrant, or an edited one (a new
// trainer in its place), starts from the start point and is caught up to the race's step on
// the worker's thread; a removed one goes; the others keep their state.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <QMetaType>
#include <QObject>

#include "session/run/snapshot_buffer.h"
#include "session/run/worker_host.h"
#include "core/train/trainer.h"

namespace downhill::ui {

class RaceWorker;
struct EntrantFeed;
struct RaceJoin;
struct RaceRun;

// What the race's worker published since the GUI last looked: one Snapshot per entrant, in
// line-up order as the controller has it when the frame is taken (rows, newest state,
// divergence; no epochs, batches or step inputs), each with the id of its entrant. A reset
// restarts every entrant in the same frame; an entrant that joins restarts alone.
struct RaceFrame {
    std::vector<std::uint64_t> ids;
    std::vector<Snapshot> entrants;
    // The race's step: where every entrant that has not diverged stands, or is being brought
    // to (state.step below it: still catching up).
    std::int64_t step = 0;
};

class RaceController : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxEntrants = 8;

    explicit RaceController(QObject* parent = nullptr);
    // Stops the worker between two steps, quits its thread and waits for it.
    ~RaceController() override;

    // A new race, paused at step 0: entrant i is trainers[i], which starts from its params()
    // (the caller gives all of them the same start, objective and data). At most kMaxEntrants.
    void configure(std::vector<std::unique_ptr<core::Trainer>> trainers);
    void clear();                               // no race; pauses
    int entrantCount() const { return static_cast<int>(entries_.size()); }

    // Line-up changes in a race under way (configured first). The trainer starts from its
    // params(), the race's start, and is brought up to the race's step at once on the worker's
    // thread while the race waits for it (playing or not, it stays so); the others keep their
    // state. Each gives the entrant a new id.
    void addEntrant(std::unique_ptr<core::Trainer> trainer);     // at the end; at most kMaxEntrants
    void replaceEntrant(int entrant, std::unique_ptr<core::Trainer> trainer);   // that one alone restarts
    void removeEntrant(int entrant);            // the last one ends the race (clear())
    // Never the same for two entrants of one controller: frames are matched to entrants by it.
    std::uint64_t entrantId(int entrant) const;

    void play();
    void pause();
    void togglePlay();
    void stepOnce();                            // pauses first
    void reset();                               // every entrant back to the start; keeps playing
    void setSpeed(double stepsPerSecond);       // race steps per second; 0: as fast as it goes
    bool isPlaying() const { return playing_; }

    // As of the last frame.
    const core::TrainState& state(int entrant) const { return entry(entrant).state; }
    const std::optional<Divergence>& divergence(int entrant) const { return entry(entrant).divergence; }
    std::int64_t raceStep() const { return step_; }
    bool isCatchingUp(int entrant) const { return !divergence(entrant) && state(entrant).step < step_; }

    void setFrameInterval(int milliseconds);    // default 16 ms
    void refresh();                             // the timer's work: take, emit frame() if anything is new
    quint64 sync();                             // synced(token) once all earlier commands are handled

signals:
    void frame(const downhill::ui::RaceFrame& frame);
    void playingChanged(bool playing);
    void synced(quint64 token);

private:
    struct Entry {
        std::shared_ptr<EntrantFeed> entrant;
        core::TrainState state;
        std::optional<Divergence> divergence;
    };

    void setPlaying(bool playing);
    const Entry& entry(int entrant) const { return entries_.at(static_cast<std::size_t>(entrant)); }
    // Makes `entry` a new entrant (a new id, a new buffer) stepped by `trainer`, which from
    // then on belongs to the worker.
    RaceJoin enter(std::unique_ptr<core::Trainer> trainer, Entry& entry);

    WorkerHost<RaceWorker> host_;

    std::shared_ptr<RaceRun> run_;
    bool playing_ = false;
    quint64 nextToken_ = 0;
    std::uint64_t nextEntrantId_ = 0;
    std::vector<Entry> entries_;   // in line-up order
    std::int64_t step_ = 0;
};

}  // namespace downhill::ui

Q_DECLARE_METATYPE(downhill::ui::RaceFrame)
