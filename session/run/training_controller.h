#pragma once
// The GUI thread's handle on training. Owns the training thread and its TrainingWorker (which
// owns the core::Trainer); sends it commands as queued calls; takes what the worker published
// about 60 times a second and hands it out as one frame() signal. Never one signal per step.
#include <memory>
#include <optional>

#include <QMetaType>
#include <QObject>

#include "core/train/run_history.h"
#include "session/run/snapshot_buffer.h"
#include "session/run/worker_host.h"
#include "core/train/trainer.h"

namespace downhill::ui {

class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    // Stops the worker between two steps, quits its thread and waits for it.
    ~TrainingController() override;

    // A new run: the worker takes over the trainer; the run starts from trainer->params().
    // Keeps playing if it was playing.
    void configure(std::unique_ptr<core::Trainer> trainer);
    bool isConfigured() const { return configured_; }

    void play();
    void pause();
    void togglePlay();
    void stepOnce();                          // pauses first
    void stepEpoch();                         // pauses first
    void reset();                             // back to the starting point; keeps playing
    void setStartPoint(const core::Vec& init);  // a new run from init at once; keeps playing
    void setSettings(const core::TrainSettings& settings);  // from the next step on, no reset
    void setSpeed(double stepsPerSecond);     // 0: as fast as the engine runs
    // Along the run's timeline, exactly (see core::RunHistory); each pauses first. Settings
    // changed after moving back start a branch from there.
    void seek(std::int64_t step);
    void stepBack(std::int64_t steps = 1);
    void epochBack();
    // A saved run (see TrainingWorker::loadTimeline); answered by timelineLoaded(exact), or by
    // replayCancelled(step) after cancelReplay(). replayProgress(step, head) on the way.
    void loadTimeline(std::vector<core::RunHistory::Change> changes, std::int64_t head, const core::TrainState& headState,
        std::int64_t position);
    void cancelReplay();
    bool isReplaying() const { return replaying_; }
    // The run so far, for saving it (core::RunHistory::save): a round trip to the training
    // thread that waits for the chunk of steps in progress, a few milliseconds at most.
    // Pauses first. Empty without a run.
    std::optional<core::RunHistory::Saved> saveTimeline();
    double speed() const { return speed_; }
    bool isPlaying() const { return playing_; }

    // As of the last frame.
    const core::TrainState& state() const { return state_; }
    std::int64_t batchesPerEpoch() const { return batchesPerEpoch_; }
    std::int64_t head() const { return head_; }   // the timeline's last step
    const std::optional<Divergence>& divergence() const { return divergence_; }

    // The frame interval of the refresh timer (default 16 ms, about 60 Hz).
    void setFrameInterval(int milliseconds);
    // Takes what is new now and emits frame() if there is anything (the timer does this).
    void refresh();
    // Whether the frame timer is running: only after the worker wrote something new, never
    // while the run stands still.
    bool refreshDue() const { return host_.frameDue(); }
    // A round trip: synced(token) is emitted after every command sent before has been handled
    // and its results delivered by frame(). A "step one epoch" is handled when its epoch is done.
    quint64 sync();

signals:
    void frame(const downhill::ui::Snapshot& snapshot);
    void playingChanged(bool playing);
    void synced(quint64 token);
    void commandFailed(const QString& message);
    void timelineLoaded(bool exact);
    void replayProgress(qint64 step, qint64 head);
    void replayCancelled(qint64 step);

private:
    void setPlaying(bool playing);

    SnapshotBuffer buffer_;
    WorkerHost<TrainingWorker> host_;   // after buffer_, which its worker writes into
    Snapshot frame_;                    // what refresh() takes into, kept for its memory
    bool refreshing_ = false;

    bool configured_ = false;
    bool replaying_ = false;
    bool playing_ = false;
    double speed_ = 20;
    quint64 nextToken_ = 0;
    core::TrainState state_;
    std::int64_t batchesPerEpoch_ = 0;
    std::int64_t head_ = 0;
    std::optional<Divergence> divergence_;
};

}  // namespace downhill::ui

Q_DECLARE_METATYPE(downhill::ui::Snapshot)
