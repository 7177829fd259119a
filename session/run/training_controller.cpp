#include "session/run/training_controller.h"

#include "core/base/error.h"
#include "session/run/training_worker.h"

namespace downhill::ui {

TrainingController::TrainingController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<downhill::ui::Snapshot>();
    thread_.setObjectName(QStringLiteral("downhill-training"));
    worker_ = new TrainingWorker(buffer_, playingFlag_, interrupt_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &TrainingWorker::synced, this, [this](quint64 token) {
        refresh();
        emit synced(token);
    });
    connect(worker_, &TrainingWorker::commandFailed, this, &TrainingController::commandFailed);
    connect(worker_, &TrainingWorker::timelineLoaded, this, &TrainingController::timelineLoaded);
    thread_.start();

    refreshTimer_.setInterval(16);
    connect(&refreshTimer_, &QTimer::timeout, this, &TrainingController::refresh);
    refreshTimer_.start();
}

TrainingController::~TrainingController()
{
    refreshTimer_.stop();
    playingFlag_.store(false);
    interrupt_.store(true);
    thread_.quit();
    thread_.wait();
}

template <typename Fn>
void TrainingController::post(Fn&& fn)
{
    QMetaObject::invokeMethod(worker_, std::forward<Fn>(fn), Qt::QueuedConnection);
    // After the post, so that a chunk ended by the flag finds the command already queued.
    interrupt_.store(true);
}

void TrainingController::configure(std::unique_ptr<core::Trainer> trainer)
{
    std::shared_ptr<core::Trainer> shared(std::move(trainer));
    state_ = shared->state();
    batchesPerEpoch_ = shared->batchesPerEpoch();
    head_ = state_.step;
    divergence_.reset();
    configured_ = true;
    post([w = worker_, shared] { w->configure(shared); });
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
    playingFlag_.store(true);
    divergence_.reset();
    setPlaying(true);
    post([w = worker_] { w->play(); });
}

void TrainingController::pause()
{
    // The flag alone stops the worker at the next step boundary.
    playingFlag_.store(false);
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
    post([w = worker_] { w->stepOnce(); });
}

void TrainingController::stepEpoch()
{
    pause();
    post([w = worker_] { w->stepEpoch(); });
}

void TrainingController::reset()
{
    divergence_.reset();
    post([w = worker_] { w->reset(); });
}

void TrainingController::setStartPoint(const core::Vec& init)
{
    divergence_.reset();
    post([w = worker_, init] { w->setStartPoint(init); });
}

void TrainingController::setSettings(const core::TrainSettings& settings)
{
    post([w = worker_, settings] { w->setSettings(settings); });
}

void TrainingController::setSpeed(double stepsPerSecond)
{
    speed_ = stepsPerSecond;
    post([w = worker_, stepsPerSecond] { w->setSpeed(stepsPerSecond); });
}

void TrainingController::seek(std::int64_t step)
{
    pause();
    divergence_.reset();
    post([w = worker_, step] { w->seek(step); });
}

void TrainingController::stepBack(std::int64_t steps)
{
    pause();
    divergence_.reset();
    post([w = worker_, steps] { w->stepBack(steps); });
}

void TrainingController::epochBack()
{
    pause();
    divergence_.reset();
    post([w = worker_] { w->epochBack(); });
}

void TrainingController::loadTimeline(std::vector<core::RunHistory::Change> changes, std::int64_t head,
    const core::TrainState& headState, std::int64_t position)
{
    pause();
    divergence_.reset();
    post([w = worker_, changes = std::move(changes), head, headState, position] {
        w->loadTimeline(changes, head, headState, position);
    });
}

std::optional<core::RunHistory::Saved> TrainingController::saveTimeline()
{
    if (!configured_)
        return std::nullopt;
    pause();
    std::optional<core::RunHistory::Saved> out;
    interrupt_.store(true);
    QMetaObject::invokeMethod(
        worker_,
        [&out, w = worker_] {
            try {
                out = w->saveTimeline();
            } catch (const core::InputError&) {
                out.reset();   // no run yet
            }
        },
        Qt::BlockingQueuedConnection);
    return out;
}

void TrainingController::setFrameInterval(int milliseconds)
{
    refreshTimer_.setInterval(milliseconds);
}

quint64 TrainingController::sync()
{
    const quint64 token = ++nextToken_;
    post([w = worker_, token] { w->sync(token); });
    return token;
}

void TrainingController::refresh()
{
    Snapshot snapshot = buffer_.take();
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
        if (!playingFlag_.load())
            setPlaying(false);
    }
    emit frame(snapshot);
}

}  // namespace downhill::ui
