#pragma once
// How far a long job (reading a large data file) has got, and a way to stop it, shared between
// the thread doing the job and the one showing it: the job writes fraction() and calls check()
// now and then, which throws Cancelled once another thread has asked it to stop.
#include <atomic>
#include <stdexcept>

namespace downhill::core {

// A job stopped because its user asked; not an error in the input.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

class Progress {
public:
    // 0 to 1, written by the job.
    void report(double fraction) { fraction_.store(fraction, std::memory_order_relaxed); }
    double fraction() const { return fraction_.load(std::memory_order_relaxed); }
    // From any thread: the job stops at its next check().
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    bool cancelRequested() const { return cancelled_.load(std::memory_order_relaxed); }
    void check() const
    {
        if (cancelRequested())
            throw Cancelled();
    }

private:
    std::atomic<double> fraction_{0.0};
    std::atomic<bool> cancelled_{false};
};

// For a job given no Progress (a null pointer): reports and checks nothing.
inline void report(Progress* progress, double fraction)
{
    if (progress) {
        progress->report(fraction);
        progress->check();
    }
}

}  // namespace downhill::core
