#include "core/train/train_observer.h"

#include <cmath>
#include <limits>
#include <sstream>

#include "core/base/error.h"

namespace downhill::core {

EarlyStopping::EarlyStopping(int patience, double minDelta) : patience_(patience), minDelta_(minDelta)
{
    if (patience < 1)
        throw InputError("patience must be at least 1 epoch, got " + std::to_string(patience));
    if (!(std::isfinite(minDelta) && minDelta >= 0.0))
        throw InputError("min-delta must be a number >= 0");
}

void EarlyStopping::onBegin(const Trainer& trainer)
{
    bestLoss_ = std::numeric_limits<double>::infinity();
    bestEpoch_ = -1;
    badEpochs_ = 0;
    bestState_ = trainer.state();
}

bool EarlyStopping::onEpochEnd(const Trainer& trainer, const EpochRecord& epoch)
{
    const double monitored = std::isnan(epoch.valLoss) ? epoch.trainLoss : epoch.valLoss;
    if (monitored < bestLoss_ - minDelta_) {
        bestLoss_ = monitored;
        bestEpoch_ = epoch.epoch;
        bestState_ = trainer.state();
        badEpochs_ = 0;
        return true;
    }
    return ++badEpochs_ < patience_;
}

std::string EarlyStopping::stopMessage() const
{
    std::ostringstream s;
    s.precision(10);
    s << "early stopping: no improvement for " << patience_ << " epochs (best loss " << bestLoss_ << " after epoch "
      << bestEpoch_ + 1 << ")";
    return s.str();
}

}  // namespace downhill::core
