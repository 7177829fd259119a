#include "session/run/command_queue.h"

#include <QMetaObject>

namespace downhill::ui {

void CommandQueue::post(std::function<void()> fn)
{
    {
        const std::lock_guard lock(mutex_);
        commands_.push_back(std::move(fn));
    }
    QMetaObject::invokeMethod(this, "run", Qt::QueuedConnection);
}

void CommandQueue::call(std::function<void()> fn)
{
    {
        const std::lock_guard lock(mutex_);
        commands_.push_back(std::move(fn));
    }
    QMetaObject::invokeMethod(this, "run", Qt::BlockingQueuedConnection);
    // The blocking call returns through a semaphore inside Qt; taking the lock the commands ran
    // under makes their writes visible here in a way ThreadSanitizer sees too.
    const std::lock_guard ran(ran_);
}

void CommandQueue::run()
{
    const std::lock_guard ran(ran_);
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
