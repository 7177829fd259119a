#pragma once
// The session tests' run: a line y = 2x + 1 with a deterministic wiggle, trained by plain SGD
// in order, so that every number a test checks can be redone by hand or by a second trainer.
#include <cmath>
#include <memory>
#include <string>

#include "core/model/objective.h"
#include "core/train/trainer.h"

namespace downhill::test {

inline core::TrainData lineData(int n)
{
    core::TrainData data;
    data.train.x.resize(n);
    data.train.t.resize(n);
    for (int i = 0; i < n; ++i) {
        const double x = 3.0 * i / n;
        data.train.x[i] = x;
        data.train.t[i] = 2.0 * x + 1.0 + 0.3 * std::sin(7.0 * i);
    }
    data.val = data.train;
    return data;
}

inline core::TrainSettings plainSgd(double lr, int batch)
{
    core::TrainSettings s;
    s.optimizer.lr = lr;
    s.batchSize = batch;
    s.shuffle = false;
    return s;
}

inline std::unique_ptr<core::Trainer> makeTrainer(const core::TrainSettings& settings, int n = 64,
    const std::string& loss = "mse", const std::string& model = "linear")
{
    core::LossSettings ls;
    ls.kind = core::lossKindFromName(loss);
    auto objective = core::makeObjective(model, ls);
    return std::make_unique<core::Trainer>(objective, lineData(n), settings, objective->defaultInit());
}

}  // namespace downhill::test
