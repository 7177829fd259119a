#include "session/run/path_log.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "session/settings/atomic_file.h"

namespace downhill::ui {

namespace {

template <typename T>
void appendNumber(QByteArray& out, T v)
{
    char buffer[32];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr - buffer);
}

}  // namespace

PathLog::PathLog(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 4)), rows_(capacity_), epochs_(capacity_) {}

void PathLog::clear(const core::Vec& init, double trainLoss, std::size_t rowCapacity)
{
    init_ = init;
    initLoss_ = trainLoss;
    const std::size_t rows = std::min(rowCapacity == 0 ? capacity_ : rowCapacity, capacity_);
    if (rows != rows_.capacity())
        rows_ = ThinnedLog<StepRow>(rows);
    else
        rows_.clear();
    epochs_.clear();
}

std::size_t PathLog::capacityFor(int parameterCount)
{
    // Each row keeps the parameters and the gradient.
    const std::size_t bytes = sizeof(StepRow) + 16 * static_cast<std::size_t>(std::max(parameterCount, 0));
    return std::clamp<std::size_t>(kRowBudgetBytes / bytes, kMinRows, kDefaultCapacity);
}

void PathLog::append(const StepRow& row)
{
    rows_.append(row);
}

void PathLog::appendAll(const std::vector<const StepRow*>& rows)
{
    rows_.appendAll(rows);
}

void PathLog::appendEpochs(const std::vector<core::EpochRecord>& epochs)
{
    epochs_.appendAll(epochs);
}

void PathLog::truncate(std::int64_t step)
{
    rows_.truncate(step);
    epochs_.truncate(step);
}

std::vector<StepRow>::const_iterator PathLog::endOf(std::int64_t step) const
{
    return std::upper_bound(rows_.items().begin(), rows_.items().end(), step,
        [](std::int64_t s, const StepRow& row) { return s < row.step; });
}

QByteArray PathLog::toCsv(const std::vector<std::string>& names) const
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(rows_.items().size() * (40 + 40 * names.size())));
    out += "step,epoch,lr,loss";
    for (const auto& n : names)
        out += ',' + QByteArray::fromStdString(n);
    for (const auto& n : names)
        out += ",grad_" + QByteArray::fromStdString(n);
    out += ",train_loss\n";
    if (init_.size() > 0) {
        out += "0,,,";
        for (Eigen::Index i = 0; i < init_.size(); ++i) {
            out += ',';
            appendNumber(out, init_[i]);
        }
        for (Eigen::Index i = 0; i < init_.size(); ++i)
            out += ',';
        out += ',';
        appendNumber(out, initLoss_);
        out += '\n';
    }
    for (const StepRow& row : rows_.items()) {
        appendNumber(out, row.step);
        out += ',';
        appendNumber(out, row.epoch + 1);
        out += ',';
        appendNumber(out, row.updateLr);
        out += ',';
        appendNumber(out, row.batchLoss);
        for (Eigen::Index i = 0; i < row.params.size(); ++i) {
            out += ',';
            appendNumber(out, row.params[i]);
        }
        for (Eigen::Index i = 0; i < row.gradient.size(); ++i) {
            out += ',';
            appendNumber(out, row.gradient[i]);
        }
        out += ',';
        appendNumber(out, row.trainLoss);
        out += '\n';
    }
    return out;
}

QByteArray PathLog::epochsToCsv() const
{
    QByteArray out = "epoch,step,train_loss,val_loss\n";
    for (const core::EpochRecord& e : epochs_.items()) {
        appendNumber(out, e.epoch + 1);
        out += ',';
        appendNumber(out, e.step);
        out += ',';
        appendNumber(out, e.trainLoss);
        out += ',';
        if (std::isfinite(e.valLoss))
            appendNumber(out, e.valLoss);
        out += '\n';
    }
    return out;
}

bool PathLog::writeEpochsCsv(const QString& path, QString* error) const
{
    return writeFileAtomically(path, epochsToCsv(), error);
}

bool PathLog::writeCsv(const QString& path, const std::vector<std::string>& names, QString* error) const
{
    return writeFileAtomically(path, toCsv(names), error);
}

}  // namespace downhill::ui
