#pragma once
#include <cstdint>
#include <string>

#include "core/train/trainer.h"

namespace downhill::core {

struct EpochRecord {
    std::int64_t epoch = 0;    // the epoch that just ended (0-based)
    std::int64_t step = 0;     // updates taken so far
    double trainLoss = 0;      // whole training set
    double valLoss = 0;        // validation set (NaN without one)
};

enum class StopReason { StepLimit, EpochLimit, Diverged, EarlyStopping, Observer, Cancelled };

struct RunResult {
    StopReason reason = StopReason::StepLimit;
    std::int64_t steps = 0;    // updates taken by this run
    std::string message;       // "diverged at step 17: the loss is not finite", ...
};

// Watches a run. onStep and onEpochEnd return false to stop it; stopMessage() then says why.
class TrainObserver {
public:
    virtual ~TrainObserver() = default;
    virtual void onBegin(const Trainer&) {}
    virtual bool onStep(const Trainer&, const StepRecord&) { return true; }
    virtual bool onEpochEnd(const Trainer&, const EpochRecord&) { return true; }
    virtual void onEnd(const Trainer&, const RunResult&) {}
    virtual std::string stopMessage() const { return "stopped by an observer"; }
};

// Early stopping with patience: stops when the monitored loss (validation if there is a
// validation set, else training) has not improved by more than minDelta for `patience`
// epochs. Keeps the best state seen, so the caller can go back to it.
class EarlyStopping final : public TrainObserver {
public:
    explicit EarlyStopping(int patience, double minDelta = 0.0);

    void onBegin(const Trainer& trainer) override;
    bool onEpochEnd(const Trainer& trainer, const EpochRecord& epoch) override;
    std::string stopMessage() const override;

    double bestLoss() const { return bestLoss_; }
    std::int64_t bestEpoch() const { return bestEpoch_; }
    const TrainState& bestState() const { return bestState_; }

private:
    int patience_;
    double minDelta_;
    double bestLoss_ = 0;
    std::int64_t bestEpoch_ = -1;
    int badEpochs_ = 0;
    TrainState bestState_;
};

}  // namespace downhill::core
