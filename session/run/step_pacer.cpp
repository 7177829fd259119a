#include "session/run/step_pacer.h"

#include <algorithm>
#include <cmath>

namespace downhill::ui {

void StepPacer::restart()
{
    clock_.start();
    steps_ = 0;
}

void StepPacer::setSpeed(double stepsPerSecond)
{
    speed_ = std::max(0.0, stepsPerSecond);
    restart();
}

bool StepPacer::ahead() const
{
    return speed_ > 0 && static_cast<double>(steps_) > static_cast<double>(clock_.nsecsElapsed()) * 1e-9 * speed_;
}

int StepPacer::msUntilDue()
{
    if (speed_ <= 0)
        return 0;
    double now = static_cast<double>(clock_.nsecsElapsed()) * 1e-9;
    double due = static_cast<double>(steps_) / speed_;   // when the next step is due
    if (now - due > kMaxBacklogSeconds) {
        restart();
        now = due = 0;
    }
    return static_cast<int>(std::ceil(std::max(0.0, due - now) * 1000.0));
}

}  // namespace downhill::ui
