#include "session/run/race_worker.h"

#include <algorithm>
#include <utility>

#include <QElapsedTimer>
#include <QTimer>

#include "core/optim/optimizer.h"
#include "core/train/divergence.h"

namespace downhill::ui {

RaceWorker::RaceWorker(std::atomic<bool>& playing, std::atomic<bool>& interrupt)
    : playing_(playing), interrupt_(interrupt), timer_(new QTimer(this))
{
    timer_->setSingleShot(true);
    timer_->setTimerType(Qt::PreciseTimer);
    connect(timer_, &QTimer::timeout, this, &RaceWorker::tick);
}

RaceWorker::~RaceWorker() = default;

void RaceWorker::configure(std::shared_ptr<RaceRun> run, const std::vector<RaceJoin>& entrants)
{
    run_ = std::move(run);
    lanes_.clear();
    for (const RaceJoin& joining : entrants)
        addLane(joining);
    restartRace();
}

void RaceWorker::clear()
{
    lanes_.clear();
    run_.reset();
    raceStep_ = 0;
    timer_->stop();
    releaseSyncs();
}

RaceWorker::Lane& RaceWorker::addLane(const RaceJoin& joining)
{
    Lane lane;
    lane.entrant = joining.entrant;
    lane.trainer = joining.trainer;
    lane.init = lane.trainer->params();
    lane.rows.reserve(1024);
    lanes_.push_back(std::move(lane));
    return lanes_.back();
}

void RaceWorker::restartLane(Lane& lane)
{
    lane.diverged = false;
    lane.rows.clear();
    lane.divergence.reset();
    lane.entrant->buffer.restart(lane.trainer->state(), lane.trainer->batchesPerEpoch(), lane.trainer->trainingLoss());
}

void RaceWorker::restartRace()
{
    {
        const std::lock_guard lock(run_->handover);
        raceStep_ = 0;
        run_->step = 0;
        for (Lane& lane : lanes_)
            restartLane(lane);
    }
    pacer_.restart();
    releaseSyncs();
    scheduleNext();
}

void RaceWorker::join(const RaceJoin& entrant)
{
    if (!run_)
        return;
    Lane& lane = addLane(entrant);
    {
        const std::lock_guard lock(run_->handover);
        restartLane(lane);
    }
    scheduleNext();   // its catch-up starts at once, playing or not
}

void RaceWorker::leave(std::uint64_t entrant)
{
    std::erase_if(lanes_, [entrant](const Lane& lane) { return lane.entrant->id == entrant; });
    releaseSyncs();   // it may have been the one catching up
    scheduleNext();
}

void RaceWorker::play()
{
    if (lanes_.empty() || timer_->isActive())
        return;
    pacer_.restart();
    scheduleNext();
}

void RaceWorker::stepOnce()
{
    if (lanes_.empty())
        return;
    stepAll();
    flush();
}

void RaceWorker::reset()
{
    if (!run_)
        return;
    for (Lane& lane : lanes_)
        lane.trainer->reset(lane.init);
    restartRace();
}

void RaceWorker::setSpeed(double stepsPerSecond)
{
    pacer_.setSpeed(stepsPerSecond);
    if (timer_->isActive())
        scheduleNext();
}

void RaceWorker::sync(quint64 token)
{
    pendingSyncs_.push_back(token);
    flush();
    releaseSyncs();
}

void RaceWorker::releaseSyncs()
{
    if (catchingUp())
        return;
    for (const quint64 token : std::exchange(pendingSyncs_, {}))
        emit synced(token);
}

bool RaceWorker::stepLane(Lane& lane)
{
    auto divergence = core::stepOrDiverge(*lane.trainer, &record_, true);
    if (!divergence) {
        lane.rows.push_back(StepRow::from(record_));
        return true;
    }
    // Only this entrant stops, at its last finite state; the others race on.
    lane.diverged = true;
    divergence->message = lane.trainer->settings().optimizer.describe() + " " + divergence->message;
    lane.divergence = std::move(divergence);
    return false;
}

bool RaceWorker::behind(const Lane& lane) const
{
    return !lane.diverged && lane.trainer->state().step < raceStep_;
}

bool RaceWorker::catchingUp() const
{
    return std::any_of(lanes_.begin(), lanes_.end(), [this](const Lane& lane) { return behind(lane); });
}

void RaceWorker::catchUp(const QElapsedTimer& chunk)
{
    for (Lane& lane : lanes_) {
        while (behind(lane) && !interrupt_.load(std::memory_order_relaxed)) {
            stepLane(lane);
            if (chunk.nsecsElapsed() >= kChunkNanoseconds)
                return;
        }
    }
}

bool RaceWorker::stepAll()
{
    bool running = false;
    for (Lane& lane : lanes_) {
        // One still catching up (a step while it joins) is not stepped with the race: its
        // goal moves on by this step instead.
        if (lane.diverged || behind(lane))
            continue;
        running = stepLane(lane) || running;
    }
    if (running)
        ++raceStep_;
    return running;
}

void RaceWorker::flush()
{
    if (!run_)
        return;
    const std::lock_guard lock(run_->handover);
    run_->step = raceStep_;
    for (Lane& lane : lanes_) {
        if (lane.divergence) {   // a mark goes with the state published after it
            lane.entrant->buffer.diverged(*lane.divergence);
            lane.divergence.reset();
        }
        lane.entrant->buffer.publish(lane.rows, noEpochs_, std::nullopt, noRows_, noX_, lane.trainer->state(),
            lane.trainer->batchesPerEpoch(), lane.trainer->state().step);
    }
}

void RaceWorker::tick()
{
    if (lanes_.empty())
        return;
    interrupt_.store(false);
    QElapsedTimer chunk;
    chunk.start();
    if (catchingUp()) {
        catchUp(chunk);
        if (!catchingUp())
            pacer_.restart();   // the race waited for the newcomer: no backlog to make up
    } else {
        if (!playing_.load())
            return;
        while (!interrupt_.load(std::memory_order_relaxed) && playing_.load(std::memory_order_relaxed)) {
            if (pacer_.ahead())
                break;
            if (!stepAll()) {
                playing_.store(false);   // every entrant has diverged: nothing left to race
                break;
            }
            pacer_.counted();
            if (chunk.nsecsElapsed() >= kChunkNanoseconds)
                break;
        }
    }
    flush();
    releaseSyncs();
    scheduleNext();
}

void RaceWorker::scheduleNext()
{
    if (lanes_.empty()) {
        timer_->stop();
        return;
    }
    if (catchingUp())
        timer_->start(0);
    else if (playing_.load())
        timer_->start(pacer_.msUntilDue());
    else
        timer_->stop();
}

}  // namespace downhill::ui
