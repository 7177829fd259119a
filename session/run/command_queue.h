#pragma once
// The hand-over of a controller's commands to its worker's thread: a queue under a std::mutex,
// and a queued call of run() (no payload) that wakes the worker's thread to take them. The
// commands themselves never travel inside Qt's event queue, whose locking ThreadSanitizer
// cannot see (Qt is not instrumented): what a command carries is published by the mutex, so
// ./setup.sh test-tsan checks it. Lives on the worker's thread.
#include <deque>
#include <functional>
#include <mutex>

#include <QObject>

namespace downhill::ui {

class CommandQueue : public QObject {
    Q_OBJECT
public:
    // From any thread: fn runs on this object's thread after the commands pushed before it.
    void post(std::function<void()> fn);
    // From another thread: fn runs on this object's thread after the commands pushed before it,
    // and this returns once it has (what fn wrote is then visible to the caller).
    void call(std::function<void()> fn);

public slots:
    void run();   // takes and runs every command there is, in order

private:
    std::mutex mutex_;
    std::deque<std::function<void()>> commands_;
    std::mutex ran_;   // held while commands run: call() takes it after, for what they wrote
};

}  // namespace downhill::ui
