#include "session/run/step_pacer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

namespace downhill::ui {

StepPacer::StepPacer(Clock clock) : clock_(std::move(clock))
{
    if (!clock_) {
        clock_ = [] {
            return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::steady_clock::now().time_since_epoch()).count());
        };
    }
    restart();
}

void StepPacer::restart()
{
    start_ = clock_();
    steps_ = 0;
}

void StepPacer::setSpeed(double stepsPerSecond)
{
    speed_ = std::max(0.0, stepsPerSecond);
    restart();
}

double StepPacer::elapsedSeconds() const
{
    return static_cast<double>(clock_() - start_) * 1e-9;
}

bool StepPacer::ahead() const
{
    return speed_ > 0 && static_cast<double>(steps_) > elapsedSeconds() * speed_;
}

int StepPacer::msUntilDue()
{
    if (speed_ <= 0)
        return 0;
    double now = elapsedSeconds();
    double due = static_cast<double>(steps_) / speed_;   // when the next step is due
    if (now - due > kMaxBacklogSeconds) {
        restart();
        now = due = 0;
    }
    return static_cast<int>(std::ceil(std::max(0.0, due - now) * 1000.0));
}

}  // namespace downhill::ui
