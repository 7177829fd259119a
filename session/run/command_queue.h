#pragma once
// The hand-over of work to the thread this object lives on: a queue under a std::mutex, and a
// wake-up that carries nothing and allocates nothing, an eventfd that a QSocketNotifier on this
// object's thread watches. Neither the work nor its wake-up travels inside Qt's event queue:
// a queued call or signal has Qt allocate its event (and its arguments, or a functor's slot
// object) on the sending thread and free it on the receiving one, behind locks ThreadSanitizer
// cannot see (Qt is not instrumented), so every such hand-over was reported as a race, and a
// suppression wide enough to hide it would hide every race in the slots it delivers. Here the
// mutex publishes what a command carries, and ./setup.sh test-tsan checks it. A controller's
// commands for its worker go through one (on the worker's thread), and the worker's signals and
// wake-ups for the controller through another (on the controller's thread; WorkerHost).
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

#include <QObject>

class QSocketNotifier;

namespace downhill::ui {

class CommandQueue : public QObject {
    Q_OBJECT
public:
    // On the thread that makes it; moveToThread() it (before that thread runs) to serve another.
    explicit CommandQueue(QObject* parent = nullptr);
    ~CommandQueue() override;
    CommandQueue(const CommandQueue&) = delete;
    CommandQueue& operator=(const CommandQueue&) = delete;

    // From any thread: fn runs on this object's thread after the commands pushed before it.
    void post(std::function<void()> fn);
    // From another thread: fn runs on this object's thread after the commands pushed before it,
    // and this returns once it has (what fn wrote is then visible to the caller).
    void call(std::function<void()> fn);

public slots:
    void run();   // takes and runs every command there is, in order

private:
    void push(std::function<void()> fn);

    int wakeFd_ = -1;                  // an eventfd: written when the queue stops being empty
    QSocketNotifier* notifier_ = nullptr;
    std::mutex mutex_;
    std::deque<std::function<void()>> commands_;
    std::condition_variable ranCall_;  // a call()'s command has run
};

}  // namespace downhill::ui
