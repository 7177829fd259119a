#include "race_controller.h"

#include "error.h"
#include "race_worker.h"

namespace downhill::ui {

RaceController::RaceController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<downhill::ui::RaceFrame>();
    thread_.setObjectName(QStringLiteral("downhill-race"));
    worker_ = new RaceWorker(playingFlag_, interrupt_);
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &RaceWorker::synced, this, [this](quint64 token) {
        refresh();
        emit synced(token);
    });
    thread_.start();

    refreshTimer_.setInterval(16);
    connect(&refreshTimer_, &QTimer::timeout, this, &RaceController::refresh);
    refreshTimer_.start();
}

RaceController::~RaceController()
{
    refreshTimer_.stop();
    playingFlag_.store(false);
    interrupt_.store(true);
    thread_.quit();
    thread_.wait();
}

template <typename Fn>
void RaceController::post(Fn&& fn)
{
    QMetaObject::invokeMethod(worker_, std::forward<Fn>(fn), Qt::QueuedConnection);
    interrupt_.store(true);
}

void RaceController::configure(std::vector<std::unique_ptr<core::Trainer>> trainers)
{
    if (trainers.empty() || trainers.size() > static_cast<std::size_t>(kMaxEntrants))
        throw core::InputError("a race has 1 to " + std::to_string(kMaxEntrants) + " entrants, not "
            + std::to_string(trainers.size()));
    pause();
    auto run = std::make_shared<RaceRun>();
    states_.clear();
    divergences_.assign(trainers.size(), std::nullopt);
    for (auto& trainer : trainers) {
        states_.push_back(trainer->state());
        run->trainers.emplace_back(std::move(trainer));
        run->buffers.push_back(std::make_unique<SnapshotBuffer>());
    }
    run_ = run;
    post([w = worker_, run] { w->configure(run); });
}

void RaceController::clear()
{
    pause();
    run_.reset();
    states_.clear();
    divergences_.clear();
    post([w = worker_] { w->clear(); });
}

void RaceController::setPlaying(bool playing)
{
    if (playing_ == playing)
        return;
    playing_ = playing;
    emit playingChanged(playing);
}

void RaceController::play()
{
    if (!run_)
        return;
    playingFlag_.store(true);
    setPlaying(true);
    post([w = worker_] { w->play(); });
}

void RaceController::pause()
{
    playingFlag_.store(false);
    setPlaying(false);
}

void RaceController::togglePlay()
{
    if (playing_)
        pause();
    else
        play();
}

void RaceController::stepOnce()
{
    pause();
    post([w = worker_] { w->stepOnce(); });
}

void RaceController::reset()
{
    for (auto& d : divergences_)
        d.reset();
    post([w = worker_] { w->reset(); });
}

void RaceController::setSpeed(double stepsPerSecond)
{
    post([w = worker_, stepsPerSecond] { w->setSpeed(stepsPerSecond); });
}

void RaceController::setFrameInterval(int milliseconds)
{
    refreshTimer_.setInterval(milliseconds);
}

quint64 RaceController::sync()
{
    const quint64 token = ++nextToken_;
    post([w = worker_, token] { w->sync(token); });
    return token;
}

void RaceController::refresh()
{
    if (!run_)
        return;
    RaceFrame out;
    bool any = false;
    {
        const std::lock_guard lock(run_->handover);
        for (const auto& buffer : run_->buffers) {
            out.entrants.push_back(buffer->take());
            any = any || !out.entrants.back().empty();
        }
    }
    if (!any)
        return;
    bool allDiverged = true;
    for (std::size_t i = 0; i < out.entrants.size(); ++i) {
        const Snapshot& s = out.entrants[i];
        if (s.hasState)
            states_[i] = s.state;
        if (s.restarted)
            divergences_[i].reset();
        if (s.divergence)
            divergences_[i] = s.divergence;
        allDiverged = allDiverged && divergences_[i].has_value();
    }
    // Every entrant diverged: the worker stopped itself. It clears the flag before it
    // publishes the last divergence, so the flag alone would stop the race in a frame that
    // does not show why yet (and the frame that does would come to a stopped race).
    if (playing_ && allDiverged && !playingFlag_.load())
        setPlaying(false);
    emit frame(out);
}

}  // namespace downhill::ui
