#pragma once
// Keeps a stepping loop at a chosen number of steps per second: counts the steps taken since
// the pace was last restarted against the clock, says whether the next one is due and how long
// to wait for it. Shared by the main run's worker and the race's worker, which both step in
// chunks between visits to their event loop.
#include <cstdint>
#include <functional>

namespace downhill::ui {

class StepPacer {
public:
    // Monotonic nanoseconds. Empty: the steady clock; a test gives one it moves itself.
    using Clock = std::function<std::int64_t()>;

    explicit StepPacer(Clock clock = {});

    // Forget the steps counted so far (a new speed, a play after a pause).
    void restart();
    void setSpeed(double stepsPerSecond);   // 0 (or less): as fast as the engine runs
    double speed() const { return speed_; }
    bool unpaced() const { return speed_ <= 0; }

    // True when the next step would run ahead of the clock (never for an unpaced loop).
    bool ahead() const;
    void counted() { ++steps_; }
    // Milliseconds until the next step is due (0 when it is due now). A loop that fell further
    // behind than kMaxBacklogSeconds (a busy machine, a debugger) forgets the backlog instead
    // of racing to catch up.
    int msUntilDue();

    static constexpr double kMaxBacklogSeconds = 0.25;

private:
    double elapsedSeconds() const;

    Clock clock_;
    std::int64_t start_ = 0;   // clock_() at the last restart
    std::int64_t steps_ = 0;
    double speed_ = 20;
};

}  // namespace downhill::ui
