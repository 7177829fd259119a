#pragma once
// Turns SIGINT and SIGTERM into a flag while alive, so that a long run stops between updates
// and removes its temporary file instead of dying with it half written.
#include <atomic>

namespace downhill::cli {

class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    const std::atomic<bool>* flag() const;
    bool interrupted() const;
};

}  // namespace downhill::cli
