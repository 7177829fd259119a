#pragma once
#include <atomic>
#include <cstdint>
#include <vector>

#include "core/train/train_observer.h"
#include "core/train/trainer.h"

namespace downhill::core {

struct RunLimits {
    std::int64_t maxSteps = 0;    // 0: no step limit
    std::int64_t maxEpochs = 0;   // 0: no epoch limit (at least one limit must be set)
    bool withTrainLoss = false;   // compute the training loss after every update (StepRecord::trainLoss)
    const std::atomic<bool>* cancel = nullptr;  // checked between updates
};

// Runs updates until a limit, divergence, an observer or cancel stops it. Validation and
// training losses are computed at the end of every epoch and passed to onEpochEnd.
RunResult runTraining(Trainer& trainer, const RunLimits& limits, const std::vector<TrainObserver*>& observers);

}  // namespace downhill::core
