#include "app/cli/progress_reporter.h"

#include <cstdio>
#include <string>

#include <unistd.h>

#include "app/cli/number_format.h"

namespace downhill::cli {

namespace {
constexpr auto kInterval = std::chrono::seconds(2);
// Looking at the clock costs more than a small update; look every this many steps.
constexpr std::int64_t kClockStride = 4096;
}  // namespace

ProgressReporter::ProgressReporter(std::int64_t maxSteps)
    : enabled_(::isatty(STDERR_FILENO) == 1), maxSteps_(maxSteps)
{
}

void ProgressReporter::onBegin(const core::Trainer&)
{
    next_ = Clock::now() + kInterval;
}

bool ProgressReporter::onStep(const core::Trainer& trainer, const core::StepRecord& record)
{
    if (!enabled_ || record.step % kClockStride != 0 || Clock::now() < next_)
        return true;
    next_ = Clock::now() + kInterval;
    std::string line = "downhill-cli train: step " + std::to_string(record.step);
    if (maxSteps_ > 0)
        line += " of " + std::to_string(maxSteps_);
    line += ", epoch " + std::to_string(trainer.state().epoch + 1) + ", train loss " + formatNumber(record.trainLoss) + "\n";
    std::fputs(line.c_str(), stderr);
    return true;
}

}  // namespace downhill::cli
