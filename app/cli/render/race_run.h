#pragma once
// render --race: the race's entrants, each run exactly as train would run it alone (a
// core::Trainer with the run's objective, data, start, schedule, seed and limits, and its own
// optimizer and batch size, through core::runTraining), then drawn on the figure as the window
// draws a race: per entrant a path, its end point and a legend entry on the landscape and its
// training-set loss curve on the loss plot, all in palette::raceColor(i) (ui::RunAnimation
// draws it, still or animated). A diverging entrant stops alone at its last finite state and
// its legend entry says so; the others go on.
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/race_options.h"
#include "core/landscape/projection.h"
#include "plots/run_animation.h"
#include "core/train/trainer.h"
#include "core/train/training_run.h"

namespace downhill::cli {

class RaceRun {
public:
    struct Entrant {
        core::TrainSettings settings;
        std::unique_ptr<core::Trainer> trainer;
        core::RunResult result;
        // As drawn: the window's legend label and race colour, and the track on the plotted
        // plane (thinned; the start first, the last finite state last) with the training-set
        // loss at each point.
        ui::AnimationEntrant lane;
    };

    // model: the run's trainer, not run (its objective, data, start and settings but the
    // optimizer). The preset's rates are worked out for it. Throws core::InputError for an
    // entrant the trainer refuses.
    RaceRun(const core::Trainer& model, const std::vector<RaceOptions::Item>& items, core::Projection projection);

    // Every entrant to the limits, in line-up order. False when cancel stopped it.
    bool run(const core::RunLimits& limits, const std::atomic<bool>* cancel);

    const std::vector<Entrant>& entrants() const { return entrants_; }
    // What a figure draws (ui::RunAnimation, still or animated): each entrant's lane.
    std::vector<ui::AnimationEntrant> lanes() const;
    bool anyDiverged() const;
    // After train's "model:" line: each entrant's summary, every line prefixed "entrant i ".
    std::string summary() const;

private:
    core::Projection projection_;
    std::vector<Entrant> entrants_;
};

}  // namespace downhill::cli
