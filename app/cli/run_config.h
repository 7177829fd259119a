#pragma once
// The settings a train or render run starts from before its flags apply: the defaults, or a
// settings file saved by the window and given with --config. Flags given beside --config
// override the file's values one by one.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/model/loss.h"
#include "core/data/people_generator.h"
#include "core/train/trainer.h"
#include "session/settings/app_settings.h"

namespace downhill::cli {

// One entrant of a race (render --race, or a settings file's line-up) is the window's
// ui::RaceEntrant: its update rule and, when it has its own, its batch size (kFullBatch for
// "full"). Everything else it trains with is the run's: the same objective, data, start point,
// schedule, seed and limits.
using ui::RaceEntrant;

struct RunConfig {
    std::string model = "linear";
    core::LossSettings loss;
    std::vector<double> start;          // empty: the model's default start
    std::string dataPath;               // empty: the built-in people set
    core::PeopleSettings people;        // the built-in set; its seed also seeds the split
    double valFraction = 0.2;
    core::TrainSettings train;          // train.seed: shuffling and augmentations; batchSize may be kFullBatch

    // What render draws: the file's plane and view, for the file's model only.
    std::optional<std::array<int, 2>> axes;
    std::optional<std::array<double, 4>> range;   // {min1, max1, min2, max2}
    // A network's input size (0: not given, the default) and the file's plotted plane, as the
    // --plane flag spells it: "" (two parameters, axes), "random:SEED" or "pca".
    int inputSize = 0;
    std::string plane;
    bool gradientField = true;
    bool captions = true;
    bool logLoss = true;
    std::string surface = "train";      // the window's surface: train | batch | val | train+val
    std::vector<RaceEntrant> race;      // the Race panel's line-up; empty: none (render draws it)
};

}  // namespace downhill::cli
