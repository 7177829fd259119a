#pragma once
// The GUI thread's handle on a race: several trainers from one start on one objective, stepped
// in lockstep by a RaceWorker on their own thread (apart from the main run's). Commands go as
// queued calls; about 60 times a second it takes what every entrant's buffer holds and hands
// it out as one frame() signal for the whole race. Never one signal per step.
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include <QMetaType>
#include <QObject>
#include <QThread>
#include <QTimer>

#include "snapshot_buffer.h"
#include "trainer.h"

namespace downhill::ui {

class RaceWorker;
struct RaceRun;

// What the race's worker published since the GUI last looked: one Snapshot per entrant, in
// lineup order (rows, newest state, divergence; no epochs, batches or step inputs). Every
// entrant restarts in the same frame.
struct RaceFrame {
    std::vector<Snapshot> entrants;
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
    int entrantCount() const { return static_cast<int>(states_.size()); }

    void play();
    void pause();
    void togglePlay();
    void stepOnce();                            // pauses first
    void reset();                               // every entrant back to the start; keeps playing
    void setSpeed(double stepsPerSecond);       // race steps per second; 0: as fast as it goes
    bool isPlaying() const { return playing_; }

    // As of the last frame.
    const core::TrainState& state(int entrant) const { return states_.at(static_cast<std::size_t>(entrant)); }
    const std::optional<Divergence>& divergence(int entrant) const
    {
        return divergences_.at(static_cast<std::size_t>(entrant));
    }

    void setFrameInterval(int milliseconds);    // default 16 ms
    void refresh();                             // the timer's work: take, emit frame() if anything is new
    quint64 sync();                             // synced(token) once all earlier commands are handled

signals:
    void frame(const downhill::ui::RaceFrame& frame);
    void playingChanged(bool playing);
    void synced(quint64 token);

private:
    template <typename Fn>
    void post(Fn&& fn);
    void setPlaying(bool playing);

    std::atomic<bool> playingFlag_{false};
    std::atomic<bool> interrupt_{false};
    QThread thread_;
    RaceWorker* worker_ = nullptr;   // deleted on its own thread when the thread finishes
    QTimer refreshTimer_;

    std::shared_ptr<RaceRun> run_;
    bool playing_ = false;
    quint64 nextToken_ = 0;
    std::vector<core::TrainState> states_;
    std::vector<std::optional<Divergence>> divergences_;
};

}  // namespace downhill::ui

Q_DECLARE_METATYPE(downhill::ui::RaceFrame)
