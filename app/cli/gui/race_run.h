#pragma once
// render --race: the race's entrants, each run exactly as train would run it alone (a
// core::Trainer with the run's objective, data, start, schedule, seed and limits, and its own
// optimizer and batch size, through core::runTraining), then drawn on the figure as the window
// draws a race: per entrant a path, its end point and a legend entry on the landscape and its
// training-set loss curve on the loss plot, all in palette::raceColor(i). A diverging entrant
// stops alone at its last finite state and its legend entry says so; the others go on.
#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QPointF>
#include <QString>
#include <QVector>

#include "landscape_plot.h"
#include "loss_plot.h"
#include "race_options.h"
#include "trainer.h"
#include "training_run.h"

namespace downhill::cli {

class RaceRun {
public:
    struct Entrant {
        core::TrainSettings settings;
        QString label;   // the window's legend label (the divergence added once run)
        std::unique_ptr<core::Trainer> trainer;
        core::RunResult result;
        QVector<QPointF> path;           // on the plotted plane, thinned; the start first, the end last
        QVector<double> steps, losses;   // the training-set loss at step 0 and after each update, thinned
    };

    // model: the run's trainer, not run (its objective, data, start and settings but the
    // optimizer). The preset's rates are worked out for it. Throws core::InputError for an
    // entrant the trainer refuses.
    RaceRun(const core::Trainer& model, const std::vector<RaceOptions::Item>& items, int axis1, int axis2);

    // Every entrant to the limits, in line-up order. False when cancel stopped it.
    bool run(const core::RunLimits& limits, const std::atomic<bool>* cancel);

    const std::vector<Entrant>& entrants() const { return entrants_; }
    bool anyDiverged() const;
    // The paths, their end points and legend entries; the loss curves when loss is given.
    void draw(ui::LandscapePlot& landscape, ui::LossPlot* loss) const;
    // The loss panel's vertical range once an entrant diverged ({lo, hi}; unset when none did):
    // every loss of the others and a diverged one's up to 100 times the start's, so a loss that
    // runs off to 1e300 leaves the top of the panel instead of flattening every other curve.
    std::optional<std::array<double, 2>> lossView(bool logScale) const;
    // After train's "model:" line: each entrant's summary, every line prefixed "entrant i ".
    std::string summary() const;

private:
    int axis1_, axis2_;
    std::vector<Entrant> entrants_;
};

}  // namespace downhill::cli
