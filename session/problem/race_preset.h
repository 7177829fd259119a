#pragma once
// What a race starts with: the classic line-up "SGD vs momentum vs RMSprop vs Adam" with rates
// worked out for the problem at hand, and the short names the legends and the panel use.
#include <vector>

#include <QString>

#include "session/problem/problem.h"
#include "core/train/trainer.h"

namespace downhill::ui {

// The largest |eigenvalue| of the Hessian of the full training loss at `at`: power iteration
// on Hessian-vector products by central differences of the gradient. NaN when the gradient
// is not finite there; about 0 where the loss is piecewise linear (mae).
double largestCurvature(const core::Objective& objective, const core::Samples& samples, const core::Vec& at);

// SGD, SGD with momentum 0.9, RMSprop and Adam, everything else (batch size, schedule, seed,
// augmentation) from `base`. The rates: SGD and momentum share lr = 0.5 / L with L the
// largest curvature at the start or at the minimum the run heads for, whichever is larger
// (stable for plain SGD with a margin for batch noise, so momentum's gain shows at the same
// rate); RMSprop and Adam, whose steps are about lr long whatever the gradient, get a rate
// that crosses the distance D from the start to that minimum (or a quarter of the plotted
// range) in about 200 and 100 steps. Rounded to two significant digits, within the window's
// learning-rate limits.
std::vector<core::TrainSettings> racePreset(const Problem& problem, const core::Vec& start, int axis1, int axis2,
    const core::TrainSettings& base);

// "SGD lr 0.05", "Momentum 0.9 lr 0.05", "Nesterov 0.9 lr 0.05", "RMSprop lr 0.01",
// "Adam lr 0.02 (0.9, 0.999)", "Adagrad lr 0.1"; with withBatch ", batch 32": the batch that
// is used, so a full batch (kFullBatch, or any size past it) says trainSize.
QString raceLabel(const core::TrainSettings& settings, bool withBatch,
    std::int64_t trainSize = core::TrainSettings::kFullBatch);

}  // namespace downhill::ui
