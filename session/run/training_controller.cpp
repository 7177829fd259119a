#include "session/run/training_controller.h"

#include <QScopedValueRollback>

#include "core/base/error.h"
#include "session/run/training_worker.h"

namespace downhill::ui {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), host_(QStringLiteral("downhill-training"), [this] { refresh(); }, buffer_)
{
    qRegisterMetaType<downhill::ui::Snapshot>();
    buffer_.setOnNews([this] { host_.wake(); });
    host_.relay(&TrainingWorker::synced, [this](quint64 token) {
        refresh();
        emit synced(token);
    });
    host_.relay(&TrainingWorker::commandFailed, [this](const QString& message) { emit commandFailed(message); });
    host_.relay(&TrainingWorker::timelineLoaded, [this](bool exact) {
        replaying_ = false;
        emit timelineLoaded(exact);
    });
    host_.relay(&TrainingWorker::replayProgress, [this](qint64 step, qint64 head) { emit replayProgress(step, head); });
    host_.relay(&TrainingWorker::replayCancelled, [this](qint64 step) {
        replaying_ = false;
        emit replayCancelled(step);
    });
    host_.start();
}

TrainingController::~TrainingController() = default;

void TrainingController::configure(std::unique_ptr<core::Trainer> trainer)
{
    std::shared_ptr<core::Trainer> shared(std::move(trainer));
    state_ = shared->state();
    batchesPerEpoch_ = shared->batchesPerEpoch();
    head_ = state_.step;
    divergence_.reset();
    configured_ = true;
    host_.post([shared](TrainingWorker& w) { w.configure(shared); });
}

void TrainingController::setPlaying(bool playing)
{
    if (playing_ == playing)
        return;
    playing_ = playing;
    emit playingChanged(playing);
}

void TrainingController::play()
{
    if (!configured_)
        return;
    host_.playing().store(true);
    divergence_.reset();
    setPlaying(true);
    host_.post([](TrainingWorker& w) { w.play(); });
}

void TrainingController::pause()
{
    // The flag alone stops the worker at the next step boundary.
    host_.playing().store(false);
    setPlaying(false);
}

void TrainingController::togglePlay()
{
    if (playing_)
        pause();
    else
        play();
}

void TrainingController::stepOnce()
{
    pause();
    host_.post([](TrainingWorker& w) { w.stepOnce(); });
}

void TrainingController::stepEpoch()
{
    pause();
    host_.post([](TrainingWorker& w) { w.stepEpoch(); });
}

void TrainingController::reset()
{
    divergence_.reset();
    host_.post([](TrainingWorker& w) { w.reset(); });
}

void TrainingController::setStartPoint(const core::Vec& init)
{
    divergence_.reset();
    host_.post([init](TrainingWorker& w) { w.setStartPoint(init); });
}

void TrainingController::setSettings(const core::TrainSettings& settings)
{
    host_.post([settings](TrainingWorker& w) { w.setSettings(settings); });
}

void TrainingController::setSpeed(double stepsPerSecond)
{
    speed_ = stepsPerSecond;
    host_.post([stepsPerSecond](TrainingWorker& w) { w.setSpeed(stepsPerSecond); });
}

void TrainingController::seek(std::int64_t step)
{
    pause();
    divergence_.reset();
    host_.post([step](TrainingWorker& w) { w.seek(step); });
}

void TrainingController::stepBack(std::int64_t steps)
{
    pause();
    divergence_.reset();
    host_.post([steps](TrainingWorker& w) { w.stepBack(steps); });
}

void TrainingController::epochBack()
{
    pause();
    divergence_.reset();
    host_.post([](TrainingWorker& w) { w.epochBack(); });
}

void TrainingController::loadTimeline(std::vector<core::RunHistory::Change> changes, std::int64_t head,
    const core::TrainState& headState, std::int64_t position)
{
    pause();
    divergence_.reset();
    replaying_ = true;
    host_.post([changes = std::move(changes), head, headState, position](TrainingWorker& w) {
        w.loadTimeline(changes, head, headState, position);
    });
}

void TrainingController::cancelReplay()
{
    // Not a queued command: the worker is inside the replay and sees no events until it ends.
    if (replaying_)
        host_.worker()->cancelReplay();
}

std::optional<core::RunHistory::Saved> TrainingController::saveTimeline()
{
    if (!configured_)
        return std::nullopt;
    pause();
    std::optional<core::RunHistory::Saved> out;
    host_.call([&out](TrainingWorker& w) {
        try {
            out = w.saveTimeline();
        } catch (const core::InputError&) {
            out.reset();   // no run yet
        }
    });
    return out;
}

void TrainingController::setFrameInterval(int milliseconds)
{
    host_.setFrameInterval(milliseconds);
}

quint64 TrainingController::sync()
{
    const quint64 token = ++nextToken_;
    host_.post([token](TrainingWorker& w) { w.sync(token); });
    return token;
}

void TrainingController::refresh()
{
    // frame_ keeps its vectors' memory from frame to frame (SnapshotBuffer::take); a refresh from
    // within a frame's slots (a nested event loop) takes into a snapshot of its own.
    Snapshot nested;
    Snapshot& snapshot = refreshing_ ? nested : frame_;
    const QScopedValueRollback busy(refreshing_, true);
    buffer_.take(snapshot);
    if (snapshot.empty())
        return;
    if (snapshot.hasState) {
        state_ = snapshot.state;
        batchesPerEpoch_ = snapshot.batchesPerEpoch;
        head_ = snapshot.head;
    }
    if (snapshot.restarted)
        divergence_.reset();
    if (snapshot.divergence) {
        divergence_ = snapshot.divergence;
        // The worker has stopped itself; a play pressed since then tries again.
        if (!host_.playing().load())
            setPlaying(false);
    }
    emit frame(snapshot);
    // The frame has read the rows (its slots copy what they keep): back to the worker.
    buffer_.recycle(snapshot.rows);
}

}  // namespace downhill::ui
