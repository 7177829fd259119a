#include "app/cli/render/run_recorder.h"
#include "plots/plot_projection.h"

#include "core/train/trainer.h"

namespace downhill::cli {

namespace {

// Path points handed to the plot at a time: each hand-over redraws the plot's thinned copy.
constexpr qsizetype kPathChunk = 16384;
// Each epoch point costs the loss plot a pass over the points it holds: keep them few. The
// plot's width in pixels is far below this anyway.
constexpr std::size_t kMaxEpochPoints = 2000;
// A log of capacity n keeps at most n - 1 points on its stride, and the newest.
constexpr std::size_t kStepLogCapacity = static_cast<std::size_t>(ui::LossPlot::kMaxPoints) + 1;
constexpr std::size_t kEpochLogCapacity = kMaxEpochPoints + 1;

}  // namespace

RunRecorder::RunRecorder(core::Projection projection, ui::LandscapePlot& landscape, ui::LossPlot* loss, ui::PathLog* rows)
    : projection_(std::move(projection))
    , landscape_(landscape)
    , loss_(loss)
    , rows_(rows)
    , steps_(kStepLogCapacity)
    , epochs_(kEpochLogCapacity)
{
}

QPointF RunRecorder::project(const core::Vec& w) const
{
    return ui::plotPoint(projection_, w);
}

QPointF RunRecorder::projectDirection(const core::Vec& v) const
{
    return ui::plotDirection(projection_, v);
}

void RunRecorder::onBegin(const core::Trainer& trainer)
{
    pending_.push_back(project(trainer.params()));
    if (rows_)
        rows_->clear(trainer.params());
}

bool RunRecorder::onStep(const core::Trainer&, const core::StepRecord& record)
{
    pending_.push_back(project(record.after));
    if (pending_.size() >= kPathChunk)
        flushPath();
    if (loss_)
        steps_.append({stepsSeen_++, {static_cast<double>(record.step), record.batchLoss, record.lr}});
    if (rows_)
        rows_->append(ui::StepRow::from(record));
    last_ = LastStep{record.step, record.lr, project(record.before), project(record.after), projectDirection(record.gradient)};
    return true;
}

bool RunRecorder::onEpochEnd(const core::Trainer&, const core::EpochRecord& epoch)
{
    if (loss_)
        epochs_.append({epochsSeen_++, {static_cast<double>(epoch.step), epoch.trainLoss, epoch.valLoss}});
    return true;
}

void RunRecorder::onEnd(const core::Trainer&, const core::RunResult&)
{
    flushPath();
    if (!loss_)
        return;
    // Epochs first, while the plot holds no steps: each one then costs little.
    for (const auto& e : epochs_.items())
        loss_->appendEpoch(e.values[0], e.values[1], e.values[2]);
    QVector<double> steps, losses, rates;
    for (const auto& s : steps_.items()) {
        steps.push_back(s.values[0]);
        losses.push_back(s.values[1]);
        rates.push_back(s.values[2]);
    }
    loss_->appendSteps(steps, losses, rates);
    if (last_)
        loss_->setCurrentStep(static_cast<double>(last_->step));
}

void RunRecorder::flushPath()
{
    if (pending_.isEmpty())
        return;
    landscape_.appendPath(pending_);
    pending_.clear();
}

}  // namespace downhill::cli
