#include "core/train/run_history.h"

#include <algorithm>
#include <string>

#include "core/base/error.h"

namespace downhill::core {

RunHistory::RunHistory(std::size_t maxCheckpoints, std::int64_t spacing)
    : maxCheckpoints_(std::max<std::size_t>(maxCheckpoints, 2)), cap_(maxCheckpoints_),
      spacing_(std::max<std::int64_t>(spacing, 1)),
      initialSpacing_(spacing_)
{
}

std::size_t RunHistory::checkpointBytes(const TrainState& state)
{
    const OptimizerState& o = state.optimizer;
    const auto doubles = state.params.size() + o.buffer.size() + o.expAvg.size() + o.expAvgSq.size() + o.gradAvg.size();
    return sizeof(Checkpoint) + static_cast<std::size_t>(doubles) * sizeof(double);
}

void RunHistory::begin(const TrainState& start, const TrainSettings& settings)
{
    cap_ = std::clamp(kBudgetBytes / checkpointBytes(start), std::min(kMinCheckpoints, maxCheckpoints_), maxCheckpoints_);
    checkpoints_.clear();
    checkpoints_.push_back(Checkpoint{start, settings, true});
    periodic_ = 0;
    spacing_ = initialSpacing_;
    head_ = start.step;
}

std::int64_t RunHistory::first() const
{
    return checkpoints_.empty() ? 0 : checkpoints_.front().state.step;
}

void RunHistory::recordStep(const TrainState& state, const TrainSettings& settings)
{
    if (checkpoints_.empty() || state.step <= head_)
        return;
    head_ = state.step;
    if (state.step % spacing_ != 0)
        return;
    checkpoints_.push_back(Checkpoint{state, settings, false});
    if (++periodic_ > cap_)
        thin();
}

bool RunHistory::recordSettings(const TrainState& state, const TrainSettings& settings)
{
    if (checkpoints_.empty())
        return false;
    const std::int64_t step = std::clamp(state.step, first(), head_);
    if (settings == settingsAt(step))
        return false;
    const bool branched = step < head_;
    truncate(step);
    Checkpoint& last = checkpoints_.back();
    if (last.state.step == step) {
        if (!last.pinned)
            --periodic_;
        last = Checkpoint{state, settings, true};
    } else {
        checkpoints_.push_back(Checkpoint{state, settings, true});
    }
    return branched;
}

const RunHistory::Checkpoint& RunHistory::checkpointAt(std::int64_t step) const
{
    if (checkpoints_.empty())
        throw InputError("internal: the run has no history yet");
    const auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), step,
        [](std::int64_t s, const Checkpoint& c) { return s < c.state.step; });
    return after == checkpoints_.begin() ? checkpoints_.front() : *(after - 1);
}

const TrainSettings& RunHistory::settingsAt(std::int64_t step) const
{
    return checkpointAt(step).settings;
}

std::int64_t RunHistory::replay(Trainer& trainer, const Checkpoint& from, std::int64_t step) const
{
    // Settings first: switching the optimizer resets its buffers, which the restore then
    // overwrites with the checkpoint's.
    trainer.setSettings(from.settings);
    trainer.restore(from.state);
    while (trainer.state().step < step) {
        // Every step up to the head succeeded once with these settings from this state; the
        // same inputs give the same result, so a failure here is a bug, not a divergence.
        if (!trainer.step())
            throw InputError("internal: replaying step " + std::to_string(trainer.state().step + 1) + " failed");
    }
    return trainer.state().step;
}

std::int64_t RunHistory::seek(Trainer& trainer, std::int64_t step) const
{
    const std::int64_t target = std::clamp(step, first(), head_);
    return replay(trainer, checkpointAt(target), target);
}

std::int64_t RunHistory::seekEpochStart(Trainer& trainer, std::int64_t epoch) const
{
    if (checkpoints_.empty())
        throw InputError("internal: the run has no history yet");
    // Checkpoints at or before the first step of `epoch` form a prefix (epochs never go back).
    const auto atOrBefore = [epoch](const Checkpoint& c) {
        return c.state.epoch < epoch || (c.state.epoch == epoch && c.state.cursor == 0);
    };
    const auto end = std::partition_point(checkpoints_.begin(), checkpoints_.end(), atOrBefore);
    const Checkpoint& from = end == checkpoints_.begin() ? checkpoints_.front() : *(end - 1);
    trainer.setSettings(from.settings);
    trainer.restore(from.state);
    while (trainer.state().step < head_ && trainer.state().epoch < epoch) {
        if (!trainer.step())
            throw InputError("internal: replaying step " + std::to_string(trainer.state().step + 1) + " failed");
    }
    return trainer.state().step;
}

void RunHistory::truncate(std::int64_t step)
{
    if (checkpoints_.empty() || step >= head_)
        return;
    step = std::max(step, first());
    while (checkpoints_.size() > 1 && checkpoints_.back().state.step > step) {
        if (!checkpoints_.back().pinned)
            --periodic_;
        checkpoints_.pop_back();
    }
    head_ = step;
}

std::vector<RunHistory::Change> RunHistory::changes() const
{
    std::vector<Change> out;
    for (const Checkpoint& c : checkpoints_)
        if (c.pinned)
            out.push_back(Change{c.state, c.settings});
    return out;
}

RunHistory::Saved RunHistory::save(Trainer& trainer) const
{
    Saved out;
    out.changes = changes();
    out.head = head_;
    out.position = trainer.state().step;
    seek(trainer, head_);
    out.headState = trainer.state();
    seek(trainer, out.position);
    return out;
}

void RunHistory::thin()
{
    spacing_ *= 2;
    std::size_t out = 0;
    periodic_ = 0;
    for (std::size_t i = 0; i < checkpoints_.size(); ++i) {
        Checkpoint& c = checkpoints_[i];
        if (!c.pinned && c.state.step % spacing_ != 0)
            continue;
        periodic_ += c.pinned ? 0 : 1;
        if (out != i)
            checkpoints_[out] = std::move(c);
        ++out;
    }
    checkpoints_.resize(out);
}

}  // namespace downhill::core

namespace downhill::core {

std::string RunHistory::headProblem(const Saved& saved, std::int64_t trainSize)
{
    if (saved.changes.empty())
        return "the run has no start";
    if (saved.head < 0 || saved.head > kMaxSavedHead)
        return "head " + std::to_string(saved.head) + " is beyond the " + std::to_string(kMaxSavedHead)
            + " steps a saved run may reach";
    const Change& last = saved.changes.back();
    const TrainState& from = last.state;
    const std::int64_t n = std::max<std::int64_t>(1, trainSize);
    const std::int64_t b = std::clamp<std::int64_t>(last.settings.batchSize, 1, n);
    if (from.step > saved.head)
        return "the last change, at step " + std::to_string(from.step) + ", is past the head " + std::to_string(saved.head);
    if (from.cursor < 0 || from.cursor >= n || from.epoch < 0)
        return "the last change's state (step " + std::to_string(from.step) + ") has epoch " + std::to_string(from.epoch)
            + " and cursor " + std::to_string(from.cursor) + ", not a place in an epoch of " + std::to_string(n) + " samples";
    // Each update takes b samples, the last of an epoch what is left of it.
    const std::int64_t steps = saved.head - from.step;
    const std::int64_t toEpochEnd = (n - from.cursor + b - 1) / b;
    std::int64_t epoch = from.epoch;
    std::int64_t cursor = from.cursor;
    if (steps < toEpochEnd) {
        cursor += steps * b;
    } else {
        const std::int64_t perEpoch = (n + b - 1) / b;
        const std::int64_t after = steps - toEpochEnd;
        epoch += 1 + after / perEpoch;
        cursor = (after % perEpoch) * b;
    }
    if (saved.headState.epoch != epoch || saved.headState.cursor != cursor)
        return "head_state has epoch " + std::to_string(saved.headState.epoch) + " and cursor "
            + std::to_string(saved.headState.cursor) + ", but " + std::to_string(steps) + " updates of "
            + std::to_string(b) + " from the last change (step " + std::to_string(from.step) + ") reach epoch "
            + std::to_string(epoch) + " and cursor " + std::to_string(cursor) + ": the run cannot reach its head";
    return {};
}

}  // namespace downhill::core
