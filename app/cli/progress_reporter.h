#pragma once
// For long runs, a line on stderr every few seconds, only when stderr is a terminal: scripts
// and tests see nothing but the summary and errors.
#include <chrono>
#include <cstdint>

#include "core/train/train_observer.h"

namespace downhill::cli {

class ProgressReporter final : public core::TrainObserver {
public:
    // maxSteps: the step limit, 0 if none (shown as "step k of n").
    explicit ProgressReporter(std::int64_t maxSteps);

    void onBegin(const core::Trainer& trainer) override;
    bool onStep(const core::Trainer& trainer, const core::StepRecord& record) override;

private:
    using Clock = std::chrono::steady_clock;

    bool enabled_;
    std::int64_t maxSteps_;
    Clock::time_point next_;
};

}  // namespace downhill::cli
