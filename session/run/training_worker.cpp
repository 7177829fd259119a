#include "session/run/training_worker.h"

#include <QThread>

#include <cmath>

#include <QElapsedTimer>
#include <QTimer>

#include "core/base/error.h"
#include "core/train/divergence.h"

namespace downhill::ui {

TrainingWorker::TrainingWorker(SnapshotBuffer& buffer, std::atomic<bool>& playing, std::atomic<bool>& interrupt)
    : buffer_(buffer), playing_(playing), interrupt_(interrupt), timer_(new QTimer(this))
{
    timer_->setSingleShot(true);
    timer_->setTimerType(Qt::PreciseTimer);
    connect(timer_, &QTimer::timeout, this, &TrainingWorker::tick);
    rows_.reserve(4096);
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::configure(std::shared_ptr<core::Trainer> trainer)
{
    trainer_ = std::move(trainer);
    settingsChanged_ = true;
    init_ = trainer_->params();
    restartRun();
}

void TrainingWorker::restartRun()
{
    rows_.clear();
    epochs_.clear();
    latest_.reset();
    explainPending_ = false;
    epochsToRun_ = 0;
    diverged_ = false;
    history_.begin(trainer_->state(), trainer_->settings());
    buffer_.restart(trainer_->state(), trainer_->batchesPerEpoch(), trainer_->trainingLoss());
    pacer_.restart();
    scheduleNext();
    answerSyncs();
}

void TrainingWorker::play()
{
    if (!trainer_ || timer_->isActive())
        return;
    diverged_ = false;
    pacer_.restart();
    scheduleNext();
}

void TrainingWorker::stepOnce()
{
    if (!trainer_)
        return;
    stepOne();
    flush();
}

void TrainingWorker::stepEpoch()
{
    if (!trainer_)
        return;
    // Pressed again before the first finished: one more epoch, not the same one.
    ++epochsToRun_;
    diverged_ = false;
    scheduleNext();
}

void TrainingWorker::reset()
{
    if (!trainer_)
        return;
    trainer_->reset(init_);
    restartRun();
}

void TrainingWorker::setStartPoint(const core::Vec& init)
{
    if (!trainer_)
        return;
    try {
        trainer_->reset(init);
    } catch (const core::InputError& e) {
        emit commandFailed(QString::fromStdString(e.what()));
        return;
    }
    init_ = init;
    restartRun();
}

void TrainingWorker::setSettings(const core::TrainSettings& settings)
{
    if (!trainer_)
        return;
    try {
        trainer_->setSettings(settings);
    } catch (const core::InputError& e) {
        emit commandFailed(QString::fromStdString(e.what()));
        return;
    }
    settingsChanged_ = true;
    // Changed at a step the run had gone past (after stepping back): a new branch from here.
    if (history_.recordSettings(trainer_->state(), trainer_->settings()))
        buffer_.branched(trainer_->state().step);
    // The batch size decides how many updates an epoch has.
    flush();
}

void TrainingWorker::setSpeed(double stepsPerSecond)
{
    pacer_.setSpeed(stepsPerSecond);
    if (timer_->isActive())
        scheduleNext();
}

void TrainingWorker::seek(std::int64_t step)
{
    if (!trainer_ || history_.empty())
        return;
    moveTo(step);
}

void TrainingWorker::stepBack(std::int64_t steps)
{
    if (!trainer_ || history_.empty())
        return;
    moveTo(trainer_->state().step - steps);
}

void TrainingWorker::epochBack()
{
    if (!trainer_ || history_.empty())
        return;
    const core::TrainState& state = trainer_->state();
    const std::int64_t epoch = std::max<std::int64_t>(0, state.cursor > 0 ? state.epoch : state.epoch - 1);
    try {
        moveTo(history_.seekEpochStart(*trainer_, epoch));
    } catch (const core::InputError& e) {
        emit commandFailed(QString::fromStdString(e.what()));
    }
}

void TrainingWorker::loadTimeline(const std::vector<core::RunHistory::Change>& changes, std::int64_t head,
    const core::TrainState& headState, std::int64_t position)
{
    if (!trainer_ || changes.empty())
        return;
    playing_.store(false);
    bool ok = true;
    bool stopped = false;
    bool cancelled = false;
    replayCancelled_.store(false);   // a cancel meant for an earlier replay
    std::size_t next = 1;
    try {
        trainer_->setSettings(changes.front().settings);
        trainer_->restore(changes.front().state);
        init_ = trainer_->params();
        settingsChanged_ = true;
        restartRun();
        for (;;) {
            for (; next < changes.size() && changes[next].state.step == trainer_->state().step; ++next) {
                trainer_->setSettings(changes[next].settings);
                trainer_->restore(changes[next].state);
                history_.recordSettings(trainer_->state(), trainer_->settings());
                settingsChanged_ = true;
            }
            if (trainer_->state().step >= head || !(ok = stepOne()))
                break;
            // Quitting must not wait for a long replay: the thread's owner asks it to stop.
            if (QThread::currentThread()->isInterruptionRequested()) {
                stopped = true;
                break;
            }
            if (replayCancelled_.exchange(false)) {
                cancelled = true;
                break;
            }
            // The GUI draws a long replay as it goes; a network's rows are handed over in
            // smaller parts, so that they never pile up past the buffer's byte budget.
            if (rows_.size() >= std::min<std::size_t>(4096, buffer_.rowCapacity(rows_.back()))) {
                flush();
                emit replayProgress(trainer_->state().step, head);
            }
        }
    } catch (const core::InputError& e) {
        emit commandFailed(QString::fromStdString(e.what()));
        ok = false;
    }
    flush();
    if (stopped)
        return;   // the thread is ending: no more replay, no more answers
    if (cancelled) {
        // The timeline ends where the replay stopped; the run goes on from there.
        const std::int64_t reached = trainer_->state().step;
        emit replayCancelled(reached);
        moveTo(std::min(position, reached));
        return;
    }
    emit timelineLoaded(ok && next == changes.size() && trainer_->state() == headState);
    moveTo(position);
}

core::RunHistory::Saved TrainingWorker::saveTimeline()
{
    if (!trainer_ || history_.empty())
        throw core::InputError("there is no run to save yet");
    return history_.save(*trainer_);
}

void TrainingWorker::moveTo(std::int64_t step)
{
    epochsToRun_ = 0;
    diverged_ = false;
    rows_.clear();
    epochs_.clear();
    latest_.reset();
    explainPending_ = false;
    const std::int64_t target = std::clamp(step, history_.first(), history_.head());
    try {
        history_.seek(*trainer_, target > history_.first() ? target - 1 : target);
    } catch (const core::InputError& e) {
        emit commandFailed(QString::fromStdString(e.what()));
        answerSyncs();
        return;
    }
    settingsChanged_ = true;
    if (target > history_.first())
        stepOne();   // a replay: succeeded before, succeeds again, and leaves the history as it is
    buffer_.seeked(trainer_->settings());
    flush();
}

void TrainingWorker::sync(quint64 token)
{
    flush();
    waitingSyncs_.push_back(token);
    answerSyncs();
}

void TrainingWorker::answerSyncs()
{
    // A sync sent after "step one epoch" is about that epoch's steps: answered before they
    // are taken, it handed the caller a frame from the middle of the epoch, or from before it.
    if (epochsToRun_ > 0)
        return;
    for (const quint64 token : waitingSyncs_)
        emit synced(token);
    waitingSyncs_.clear();
}

bool TrainingWorker::stepOne()
{
    before_ = trainer_->state();
    if (settingsChanged_) {
        stepSettings_ = trainer_->settings();
        settingsChanged_ = false;
    }
    // The training loss after every update costs a pass over the whole training set: nothing
    // for the small models' shortcuts, a forward pass through a network over every image (far
    // more than the step). A network's is worked out once a frame instead (flush()).
    const bool trainLossEachStep = trainer_->objective().inputSize() == 0;
    if (const auto divergence = core::stepOrDiverge(*trainer_, &record_, trainLossEachStep)) {
        // The state stays at the last finite point; the GUI shows where it broke.
        diverged_ = true;
        explainPending_ = false;   // before_ and record_ now belong to the failed step
        epochsToRun_ = 0;
        playing_.store(false);
        buffer_.diverged(*divergence);
        return false;
    }
    if (spareRows_.empty()) {
        rows_.push_back(StepRow::from(record_));
    } else {
        // A row the GUI has read and handed back: its vectors are refilled, not allocated.
        rows_.push_back(std::move(spareRows_.back()));
        spareRows_.pop_back();
        rows_.back().assign(record_);
    }
    if (record_.epochEnded) {
        core::EpochRecord epoch;
        epoch.epoch = record_.epoch;
        epoch.step = record_.step;
        epoch.trainLoss = trainer_->trainingLoss();
        epoch.valLoss = trainer_->validationLoss();
        epochs_.push_back(epoch);
    }
    latest_ = record_;
    explainPending_ = true;
    history_.recordStep(trainer_->state(), trainer_->settings());
    return true;
}

void TrainingWorker::flush()
{
    if (!trainer_)
        return;
    if (latest_ && std::isnan(latest_->trainLoss)) {
        // A network's training loss, for the newest step only (see stepOne()).
        latest_->trainLoss = trainer_->trainingLoss();
        if (!rows_.empty() && rows_.back().step == latest_->step)
            rows_.back().trainLoss = latest_->trainLoss;
    }
    // The batch is copied once per chunk, not once per step: only the newest is shown.
    const auto& rows = trainer_->lastBatchRows();
    const auto& x = trainer_->lastBatch().x;
    batchX_.assign(x.data(), x.data() + x.size());
    if (explainPending_ && !playing_.load() && epochsToRun_ == 0) {
        // The run is at rest: the last update is worth showing in full.
        core::StepInputs inputs;
        inputs.objective = &trainer_->objective();
        inputs.settings = stepSettings_;
        inputs.before = before_;
        inputs.batch = trainer_->lastBatch();
        inputs.batchRows = rows;
        inputs.record = record_;
        buffer_.explain(std::move(inputs), trainer_->objectivePtr());
        explainPending_ = false;
    }
    // In one publish with the explanation: the GUI never takes one without the other.
    buffer_.publish(rows_, epochs_, latest_, rows, batchX_, trainer_->state(), trainer_->batchesPerEpoch(),
        history_.head(), trainer_->lastBatch().inputs);
    buffer_.takeSpare(spareRows_);
    latest_.reset();
    answerSyncs();
}

void TrainingWorker::tick()
{
    if (!trainer_)
        return;
    const bool epochMode = epochsToRun_ > 0;
    if (!epochMode && !playing_.load()) {
        // Paused while this tick was waiting: the last chunk's final step still wants its card.
        if (explainPending_)
            flush();
        return;
    }
    interrupt_.store(false);
    QElapsedTimer chunk;
    chunk.start();
    while (!interrupt_.load(std::memory_order_relaxed)) {
        if (!epochMode && !playing_.load(std::memory_order_relaxed))
            break;
        if (!epochMode && pacer_.ahead())
            break;
        if (!stepOne())
            break;
        pacer_.counted();
        if (epochMode && record_.epochEnded && --epochsToRun_ == 0)
            break;
        if (chunk.nsecsElapsed() >= kChunkNanoseconds)
            break;
    }
    flush();
    scheduleNext();
}

void TrainingWorker::scheduleNext()
{
    if (diverged_ || (epochsToRun_ == 0 && !playing_.load())) {
        timer_->stop();
        // At rest now. The last chunk's flush may have seen the run still playing (a pause
        // that came after it looked), or the tick that would have caught up was just cancelled
        // (a new speed while paused): the last update still wants its card.
        if (explainPending_)
            flush();
        return;
    }
    timer_->start(epochsToRun_ > 0 ? 0 : pacer_.msUntilDue());
}

}  // namespace downhill::ui
