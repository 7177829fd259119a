#pragma once
// The run's path as the GUI keeps it, for the loss plot and the CSV export: bounded (see
// ThinnedLog), so a run of millions of steps still fits, spans its whole length and ends on
// its newest step.
#include <string>
#include <vector>

#include <QString>

#include "session/run/snapshot_buffer.h"
#include "session/run/thinned_log.h"

namespace downhill::ui {

class PathLog {
public:
    static constexpr std::size_t kDefaultCapacity = 100000;
    // What the rows of one run may take: a network's rows hold thousands of numbers each, so
    // it keeps fewer of them (mlp:16 on 12 x 12 pixels: 2,337 parameters, about 1,340 rows), never
    // fewer than kMinRows.
    static constexpr std::size_t kRowBudgetBytes = std::size_t{48} << 20;
    static constexpr std::size_t kMinRows = 500;
    static std::size_t capacityFor(int parameterCount);

    explicit PathLog(std::size_t capacity = kDefaultCapacity);

    // A new run from init, whose training loss is trainLoss (the CSV's step-0 row). rowCapacity:
    // how many rows it keeps from now on (at most the capacity it was made with); 0: that.
    void clear(const core::Vec& init = {}, double trainLoss = 0, std::size_t rowCapacity = 0);
    void append(const StepRow& row);
    // Each row in turn, as append() would, copying only those the log keeps.
    void appendAll(const std::vector<const StepRow*>& rows);
    // Epoch records, bounded the same way (full batches end an epoch every step).
    void appendEpochs(const std::vector<core::EpochRecord>& epochs);
    // Drops the rows and epochs after `step` (a branch replaced them).
    void truncate(std::int64_t step);
    // The rows up to and including `step`: [rows().begin(), end).
    std::vector<StepRow>::const_iterator endOf(std::int64_t step) const;

    const std::vector<StepRow>& rows() const { return rows_.items(); }
    const std::vector<core::EpochRecord>& epochs() const { return epochs_.items(); }
    const core::Vec& init() const { return init_; }
    double initLoss() const { return initLoss_; }
    std::int64_t stride() const { return rows_.stride(); }
    std::size_t capacity() const { return capacity_; }

    // The same rows and columns as downhill-cli's trajectory: step,epoch,lr,loss,<params>,
    // grad_<params>,train_loss; a step-0 row with the start; epochs 1-based; shortest
    // round-trip numbers.
    QByteArray toCsv(const std::vector<std::string>& parameterNames) const;
    bool writeCsv(const QString& path, const std::vector<std::string>& parameterNames, QString* error) const;
    // The loss history, one row per epoch: epoch (1-based), step (the update that ended it),
    // train_loss and val_loss over the whole sets (val_loss empty without a validation set).
    QByteArray epochsToCsv() const;
    bool writeEpochsCsv(const QString& path, QString* error) const;

private:
    std::size_t capacity_;
    ThinnedLog<StepRow> rows_;
    ThinnedLog<core::EpochRecord> epochs_;
    core::Vec init_;
    double initLoss_ = 0;
};

}  // namespace downhill::ui
