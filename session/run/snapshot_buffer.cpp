#include "session/run/snapshot_buffer.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace downhill::ui {

StepRow StepRow::from(const core::StepRecord& record)
{
    StepRow row;
    row.assign(record);
    return row;
}

void StepRow::assign(const core::StepRecord& record)
{
    step = record.step;
    epoch = record.epoch;
    batchIndex = record.batchIndex;
    lr = record.lr;
    updateLr = record.update.lr;
    batchLoss = record.batchLoss;
    trainLoss = record.trainLoss;
    params = record.after;
    gradient = record.gradient;
}

void Snapshot::clear()
{
    std::vector<StepRow> keepRows = std::move(rows), keepAbandoned = std::move(abandoned);
    std::vector<core::EpochRecord> keepEpochs = std::move(epochs);
    keepRows.clear();
    keepAbandoned.clear();
    keepEpochs.clear();
    *this = Snapshot{};
    rows = std::move(keepRows);
    abandoned = std::move(keepAbandoned);
    epochs = std::move(keepEpochs);
}

void SnapshotBuffer::recycle(std::vector<StepRow>& rows)
{
    if (rows.empty())
        return;
    {
        std::lock_guard lock(mutex_);
        const std::size_t keep = rowCapacity(rows.front());
        for (StepRow& row : rows) {
            if (spare_.size() >= keep)
                break;
            spare_.push_back(std::move(row));
        }
    }
    rows.clear();   // what did not fit, freed outside the lock
}

void SnapshotBuffer::takeSpare(std::vector<StepRow>& spare)
{
    {
        std::lock_guard lock(mutex_);
        if (spare.empty())
            spare.swap(spare_);
        else
            std::move(spare_.begin(), spare_.end(), std::back_inserter(spare));
        spare_.clear();
    }
    // Never more than could be pending: the rows in circulation stay bounded.
    if (!spare.empty() && spare.size() > rowCapacity(spare.front()))
        spare.resize(rowCapacity(spare.front()));
}

SnapshotBuffer::SnapshotBuffer(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 4)) {}

std::size_t SnapshotBuffer::rowCapacity(const StepRow& row) const
{
    const std::size_t bytes = sizeof(StepRow)
        + sizeof(double) * static_cast<std::size_t>(std::max<Eigen::Index>(row.params.size() + row.gradient.size(), 0));
    return std::clamp<std::size_t>(kPendingBudgetBytes / bytes, std::min(kMinPendingRows, capacity_), capacity_);
}

void SnapshotBuffer::announce(bool first) const
{
    if (first && onNews_)
        onNews_();
}

void SnapshotBuffer::restart(const core::TrainState& state, std::int64_t batchesPerEpoch, double trainLoss)
{
    std::unique_lock lock(mutex_);
    const bool first = !std::exchange(announced_, true);
    pending_ = Snapshot{};
    stagedDivergence_.reset();
    stagedSeek_.reset();
    stagedBranch_.reset();
    stagedInputs_.reset();
    stagedObjective_.reset();
    pending_.run = ++run_;
    pending_.restarted = true;
    pending_.init = state.params;
    pending_.initTrainLoss = trainLoss;
    pending_.state = state;
    pending_.hasState = true;
    pending_.batchesPerEpoch = batchesPerEpoch;
    pending_.head = state.step;
    lock.unlock();
    announce(first);
}

void SnapshotBuffer::publish(std::vector<StepRow>& rows, std::vector<core::EpochRecord>& epochs,
    const std::optional<core::StepRecord>& latest, const std::vector<int>& batchRows, const std::vector<double>& batchX,
    const core::TrainState& state, std::int64_t batchesPerEpoch, std::int64_t head, const Eigen::MatrixXd& batchInputs)
{
    std::unique_lock lock(mutex_);
    const bool first = !std::exchange(announced_, true);
    // A branch cuts what was pending before it; the rows of this publish come after it.
    if (stagedBranch_) {
        const std::int64_t step = *stagedBranch_;
        stagedBranch_.reset();
        const auto after = [step](const auto& item) { return item.step > step; };
        const auto firstAfter = std::stable_partition(pending_.rows.begin(), pending_.rows.end(),
            [&](const StepRow& r) { return !after(r); });
        std::move(firstAfter, pending_.rows.end(), std::back_inserter(pending_.abandoned));
        pending_.rows.erase(firstAfter, pending_.rows.end());
        std::erase_if(pending_.epochs, after);
        // Two branches before the GUI looks: it truncates at the earlier one.
        pending_.branchedAt = pending_.branchedAt ? std::min(*pending_.branchedAt, step) : step;
    }
    if (stagedSeek_) {
        pending_.seeked = true;
        pending_.settings = std::move(stagedSeek_);
        stagedSeek_.reset();
    }
    if (stagedDivergence_) {
        pending_.divergence = std::move(stagedDivergence_);
        stagedDivergence_.reset();
    }
    if (pending_.rows.empty())
        pending_.rows.swap(rows);
    else
        std::move(rows.begin(), rows.end(), std::back_inserter(pending_.rows));
    rows.clear();
    // Epoch records are few (one per epoch): never thinned.
    std::move(epochs.begin(), epochs.end(), std::back_inserter(pending_.epochs));
    epochs.clear();
    if (latest) {
        pending_.latest = latest;
        pending_.batchRows = batchRows;
        pending_.batchX = batchX;
        pending_.batchInputs = batchInputs;
        // An explanation of an older update no longer describes the newest one.
        pending_.stepInputs.reset();
        pending_.stepObjective.reset();
    }
    if (stagedInputs_) {
        pending_.stepInputs = std::move(stagedInputs_);
        pending_.stepObjective = std::move(stagedObjective_);
        stagedInputs_.reset();
        stagedObjective_.reset();
    }
    pending_.state = state;
    pending_.hasState = true;
    pending_.batchesPerEpoch = batchesPerEpoch;
    pending_.head = head;
    if (!pending_.rows.empty())
        pending_.droppedRows += thin(pending_.rows, rowCapacity(pending_.rows.back()));
    // With tiny epochs (full batch) there is one per step: bounded as well.
    thin(pending_.epochs, capacity_ / 4);
    lock.unlock();
    announce(first);
}

void SnapshotBuffer::seeked(const core::TrainSettings& settings)
{
    const std::lock_guard lock(mutex_);
    stagedSeek_ = settings;
}

void SnapshotBuffer::branched(std::int64_t step)
{
    const std::lock_guard lock(mutex_);
    stagedBranch_ = stagedBranch_ ? std::min(*stagedBranch_, step) : step;
}

void SnapshotBuffer::explain(core::StepInputs inputs, std::shared_ptr<const core::Objective> objective)
{
    const std::lock_guard lock(mutex_);
    stagedInputs_ = std::move(inputs);
    stagedObjective_ = std::move(objective);
}

template <typename T>
std::int64_t SnapshotBuffer::thin(std::vector<T>& items, std::size_t capacity)
{
    // Keep even positions and always the last item: the path keeps its shape and its end.
    std::int64_t dropped = 0;
    while (items.size() > capacity) {
        const std::size_t before = items.size();
        std::size_t out = 0;
        for (std::size_t i = 0; i < before; i += 2)
            items[out++] = std::move(items[i]);
        if (before % 2 == 0)
            items[out++] = std::move(items[before - 1]);
        items.resize(out);
        dropped += static_cast<std::int64_t>(before - out);
    }
    return dropped;
}

void SnapshotBuffer::diverged(const Divergence& divergence)
{
    const std::lock_guard lock(mutex_);
    stagedDivergence_ = divergence;
}

Snapshot SnapshotBuffer::take()
{
    Snapshot out;
    take(out);
    return out;
}

void SnapshotBuffer::take(Snapshot& out)
{
    out.clear();   // outside the lock: it frees what the last frame held
    const std::lock_guard lock(mutex_);
    std::swap(out, pending_);
    pending_.run = run_;
    announced_ = false;
}

}  // namespace downhill::ui
