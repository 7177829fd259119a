#pragma once
// Watches a run for render and feeds its figure: the path onto the landscape plot as it grows
// (in chunks; the plot keeps a bounded, thinned copy), the loss of every step and epoch onto
// the loss plot when there is one, the last update for the arrows and, for an animation, the
// rows of every step (bounded like the window's).
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include <QPointF>
#include <QVector>

#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "session/run/path_log.h"
#include "session/run/thinned_log.h"
#include "core/landscape/projection.h"
#include "core/train/train_observer.h"

namespace downhill::cli {

class RunRecorder final : public core::TrainObserver {
public:
    // The last update, on the plotted plane.
    struct LastStep {
        std::int64_t step = 0;
        double lr = 0;           // the scheduled rate
        QPointF before, after;
        QPointF gradient;
    };

    // projection: how parameters meet the plot (two of them, or a plane). loss and rows may be
    // null.
    RunRecorder(core::Projection projection, ui::LandscapePlot& landscape, ui::LossPlot* loss, ui::PathLog* rows = nullptr);

    void onBegin(const core::Trainer& trainer) override;
    bool onStep(const core::Trainer& trainer, const core::StepRecord& record) override;
    bool onEpochEnd(const core::Trainer& trainer, const core::EpochRecord& epoch) override;
    // Hands the rest of the path and every loss point to the plots.
    void onEnd(const core::Trainer& trainer, const core::RunResult& result) override;

    const std::optional<LastStep>& lastStep() const { return last_; }
    // A point on the plot, and a direction's share in the plot's plane (an arrow).
    QPointF project(const core::Vec& w) const;
    QPointF projectDirection(const core::Vec& v) const;

    // A point of the loss plot's series, numbered in arrival order: the log thins by that
    // number, so the kept points are evenly spread over the series, not over the steps.
    struct SeriesPoint {
        std::int64_t step = 0;
        std::array<double, 3> values{};
    };

private:
    void flushPath();

    core::Projection projection_;
    ui::LandscapePlot& landscape_;
    ui::LossPlot* loss_;
    ui::PathLog* rows_;
    QVector<QPointF> pending_;
    // Bounded like the loss plot's own series, which take them at the end.
    ui::ThinnedLog<SeriesPoint> steps_;    // step, batch loss, learning rate
    ui::ThinnedLog<SeriesPoint> epochs_;   // step, training loss, validation loss
    std::int64_t stepsSeen_ = 0;
    std::int64_t epochsSeen_ = 0;
    std::optional<LastStep> last_;
};

}  // namespace downhill::cli
