#include "path_log.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <QSaveFile>

namespace downhill::ui {

namespace {

template <typename T>
void appendNumber(QByteArray& out, T v)
{
    char buffer[32];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr - buffer);
}

}  // namespace

PathLog::PathLog(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 4)) {}

void PathLog::clear(const core::Vec& init, double trainLoss)
{
    init_ = init;
    initLoss_ = trainLoss;
    rows_.clear();
    stride_ = 1;
    lastKept_ = 0;
}

void PathLog::append(const std::vector<StepRow>& rows)
{
    for (const StepRow& row : rows) {
        if (row.step - lastKept_ < stride_ && !rows_.empty())
            continue;
        rows_.push_back(row);
        lastKept_ = row.step;
        if (rows_.size() >= capacity_) {
            std::size_t out = 0;
            for (std::size_t i = 0; i < rows_.size(); i += 2)
                rows_[out++] = std::move(rows_[i]);
            rows_.resize(out);
            lastKept_ = rows_.back().step;
            stride_ *= 2;
        }
    }
}

QByteArray PathLog::toCsv(const std::vector<std::string>& names) const
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(rows_.size() * (40 + 40 * names.size())));
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
    for (const StepRow& row : rows_) {
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

bool PathLog::writeCsv(const QString& path, const std::vector<std::string>& names, QString* error) const
{
    const QByteArray csv = toCsv(names);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        if (error)
            *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    return true;
}

}  // namespace downhill::ui
