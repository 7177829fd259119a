#include "session/run/command_queue.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include <sys/eventfd.h>
#include <unistd.h>

#include <QSocketNotifier>

namespace downhill::ui {

CommandQueue::CommandQueue(QObject* parent) : QObject(parent), wakeFd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
    if (wakeFd_ < 0)
        throw std::runtime_error(std::string("cannot make an eventfd for the command queue: ") + std::strerror(errno));
    // A child: it moves with this object to the thread it serves, and is enabled there.
    notifier_ = new QSocketNotifier(wakeFd_, QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, &CommandQueue::run);
}

CommandQueue::~CommandQueue()
{
    delete notifier_;   // before the descriptor it watches is closed
    ::close(wakeFd_);
}

void CommandQueue::push(std::function<void()> fn)
{
    bool wasEmpty = false;
    {
        const std::lock_guard lock(mutex_);
        wasEmpty = commands_.empty();
        commands_.push_back(std::move(fn));
    }
    // One wake-up while the queue holds anything: run() takes every command there is.
    if (wasEmpty) {
        const std::uint64_t one = 1;
        while (::write(wakeFd_, &one, sizeof one) < 0 && errno == EINTR) {
        }
    }
}

void CommandQueue::post(std::function<void()> fn)
{
    push(std::move(fn));
}

void CommandQueue::call(std::function<void()> fn)
{
    bool done = false;   // under mutex_; set after fn, so what fn wrote is published with it
    push([this, &fn, &done] {
        fn();
        const std::lock_guard lock(mutex_);
        done = true;
        ranCall_.notify_all();
    });
    std::unique_lock lock(mutex_);
    ranCall_.wait(lock, [&done] { return done; });
}

void CommandQueue::run()
{
    // Reset the eventfd's count first: a push after this finds the queue empty or not, and
    // either wakes again or is taken below.
    std::uint64_t count = 0;
    while (::read(wakeFd_, &count, sizeof count) < 0 && errno == EINTR) {
    }
    for (;;) {
        std::function<void()> next;
        {
            const std::lock_guard lock(mutex_);
            if (commands_.empty())
                return;
            next = std::move(commands_.front());
            commands_.pop_front();
        }
        next();
    }
}

}  // namespace downhill::ui
