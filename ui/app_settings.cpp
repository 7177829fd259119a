#include "app_settings.h"

#include <limits>

#include "analytic_objective.h"

namespace downhill::ui {

AppSettings::AppSettings()
{
    // The window starts where a first lesson starts: plain sgd, no momentum, small batches.
    train.optimizer.lr = 0.05;
    train.optimizer.momentum = 0.0;
    train.batchSize = 32;
}

core::TrainSettings AppSettings::trainSettings() const
{
    core::TrainSettings s = train;
    if (fullBatch)
        s.batchSize = std::numeric_limits<int>::max();  // the trainer clamps it to the training set
    return s;
}

bool AppSettings::isAnalytic() const
{
    core::AnalyticKind kind{};
    return core::AnalyticObjective::fromName(model, kind);
}

}  // namespace downhill::ui
