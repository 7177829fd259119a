#pragma once
// Learning-rate schedules, advanced once per optimizer step. Each is a pure function of the base
// rate and the number of steps already taken, so changing the base rate mid-run, stepping back
// and replaying all give the rate the schedule would have given.
#include <cstdint>
#include <string>
#include <string_view>

namespace downhill::core {

enum class ScheduleKind { Constant, Exponential, Step, Cosine, CosineRestarts };

struct Schedule {
    ScheduleKind kind = ScheduleKind::Constant;
    double gamma = 1.0;         // exponential, step
    std::int64_t every = 1;     // step: decay every this many steps
    std::int64_t period = 1;    // cosine: T; cosine-restarts: T0
    std::int64_t mult = 1;      // cosine-restarts: T_mult (an integer >= 1, as in PyTorch)
    double minLr = 0.0;         // cosine, cosine-restarts: eta_min

    // Specs: constant | exponential:GAMMA | step:EVERY:GAMMA | cosine:T[:MIN] |
    // cosine-restarts:T0[:MULT[:MIN]]. Throws InputError naming the bad part.
    static Schedule parse(std::string_view spec);
    std::string spec() const;
    void validate() const;
    // The rate for the update that follows t earlier updates (t = 0: the first update).
    //   constant         lr0
    //   exponential      lr0 * gamma^t
    //   step             lr0 * gamma^floor(t / every)
    //   cosine           min + (lr0 - min) (1 + cos(pi t / T)) / 2 for t <= T, then min
    //   cosine-restarts  the same within each cycle; cycles last T0, T0*mult, T0*mult^2, ...
    double rateAt(double lr0, std::int64_t t) const;
    bool operator==(const Schedule&) const = default;
};

}  // namespace downhill::core
