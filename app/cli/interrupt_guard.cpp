#include "app/cli/interrupt_guard.h"

#include <csignal>

namespace downhill::cli {

namespace {

std::atomic<bool> gInterrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

extern "C" void onSignal(int)
{
    gInterrupted.store(true, std::memory_order_relaxed);
}

}  // namespace

InterruptGuard::InterruptGuard()
{
    gInterrupted.store(false);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

const std::atomic<bool>* InterruptGuard::flag() const
{
    return &gInterrupted;
}

bool InterruptGuard::interrupted() const
{
    return gInterrupted.load(std::memory_order_relaxed);
}

}  // namespace downhill::cli
