#pragma once
// The run's path as the GUI keeps it, for the loss plot and the CSV export: bounded. When it
// is full it drops every other row and from then on keeps one row per `stride` steps, so a
// run of millions of steps still fits and still spans its whole length.
#include <string>
#include <vector>

#include <QString>

#include "snapshot_buffer.h"

namespace downhill::ui {

class PathLog {
public:
    explicit PathLog(std::size_t capacity = 100000);

    // A new run from init, whose training loss is trainLoss (the CSV's step-0 row).
    void clear(const core::Vec& init = {}, double trainLoss = 0);
    void append(const std::vector<StepRow>& rows);

    const std::vector<StepRow>& rows() const { return rows_; }
    std::int64_t stride() const { return stride_; }
    std::size_t capacity() const { return capacity_; }

    // The same rows and columns as downhill-cli's trajectory: step,epoch,lr,loss,<params>,
    // grad_<params>,train_loss; a step-0 row with the start; epochs 1-based; shortest
    // round-trip numbers.
    QByteArray toCsv(const std::vector<std::string>& parameterNames) const;
    bool writeCsv(const QString& path, const std::vector<std::string>& parameterNames, QString* error) const;

private:
    std::size_t capacity_;
    std::vector<StepRow> rows_;
    core::Vec init_;
    double initLoss_ = 0;
    std::int64_t stride_ = 1;
    std::int64_t lastKept_ = 0;
};

}  // namespace downhill::ui
