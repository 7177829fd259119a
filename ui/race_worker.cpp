#include "race_worker.h"

#include <QElapsedTimer>
#include <QTimer>

#include "optimizer.h"

namespace downhill::ui {

RaceWorker::RaceWorker(std::atomic<bool>& playing, std::atomic<bool>& interrupt)
    : playing_(playing), interrupt_(interrupt), timer_(new QTimer(this))
{
    timer_->setSingleShot(true);
    timer_->setTimerType(Qt::PreciseTimer);
    connect(timer_, &QTimer::timeout, this, &RaceWorker::tick);
}

RaceWorker::~RaceWorker() = default;

void RaceWorker::configure(std::shared_ptr<RaceRun> run)
{
    run_ = std::move(run);
    lanes_.clear();
    for (std::size_t i = 0; i < run_->trainers.size(); ++i) {
        Lane lane;
        lane.trainer = run_->trainers[i];
        lane.buffer = run_->buffers[i].get();
        lane.init = lane.trainer->params();
        lane.rows.reserve(1024);
        lanes_.push_back(std::move(lane));
    }
    restartRace();
}

void RaceWorker::clear()
{
    lanes_.clear();
    run_.reset();
    timer_->stop();
}

void RaceWorker::restartRace()
{
    const std::lock_guard lock(run_->handover);
    for (Lane& lane : lanes_) {
        lane.diverged = false;
        lane.rows.clear();
        lane.divergence.reset();
        lane.buffer->restart(lane.trainer->state(), lane.trainer->batchesPerEpoch(), lane.trainer->trainingLoss());
    }
    pacer_.restart();
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
    flush();
    emit synced(token);
}

bool RaceWorker::stepAll()
{
    bool running = false;
    for (Lane& lane : lanes_) {
        if (lane.diverged)
            continue;
        if (!lane.trainer->step(&record_, true)) {
            // Only this entrant stops, at its last finite state; the others race on.
            lane.diverged = true;
            const std::int64_t k = lane.trainer->state().step + 1;
            lane.divergence = Divergence{k, lane.trainer->settings().optimizer.describe() + " diverged at step "
                + std::to_string(k) + ": the loss or the parameters are no longer finite numbers"};
            continue;
        }
        lane.rows.push_back(StepRow::from(record_));
        running = true;
    }
    return running;
}

void RaceWorker::flush()
{
    if (!run_)
        return;
    const std::lock_guard lock(run_->handover);
    for (Lane& lane : lanes_) {
        if (lane.divergence) {   // a mark goes with the state published after it
            lane.buffer->diverged(*lane.divergence);
            lane.divergence.reset();
        }
        lane.buffer->publish(lane.rows, noEpochs_, std::nullopt, noRows_, noX_, lane.trainer->state(),
            lane.trainer->batchesPerEpoch(), lane.trainer->state().step);
    }
}

void RaceWorker::tick()
{
    if (lanes_.empty() || !playing_.load())
        return;
    interrupt_.store(false);
    QElapsedTimer chunk;
    chunk.start();
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
    flush();
    scheduleNext();
}

void RaceWorker::scheduleNext()
{
    if (lanes_.empty() || !playing_.load()) {
        timer_->stop();
        return;
    }
    timer_->start(pacer_.msUntilDue());
}

}  // namespace downhill::ui
