#pragma once
// A controller's thread plumbing, the same for the main run and the race: a QThread with one
// worker object living on it, the two atomics the GUI flips while the worker is busy (playing,
// and interrupt, which ends the worker's chunk of steps at the next step boundary), commands
// through a CommandQueue on the worker's thread, the worker's signals back through a second
// CommandQueue on the owner's thread (relay()), and the frame timer on the owner's thread that
// takes what the worker published. So nothing passes between the two threads through Qt's event
// queue, whose locks ThreadSanitizer cannot see (command_queue.h says why that matters). The timer runs only when there is something to take: the worker's first write
// after a take calls wake(), which starts it once (single shot, one frame interval, ~60 Hz at
// most, counted from the last refresh); nothing ticks while the run stands still. A template
// over the worker so that a command is a call on the worker's own type.
// The owner quits the thread and waits for it by destroying the host: it is declared after
// whatever the worker refers to (a buffer), so that it goes first.
#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

#include <QElapsedTimer>
#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include "session/run/command_queue.h"

namespace downhill::ui {

template <typename Worker>
class WorkerHost {
public:
    // The worker is made here from args followed by the playing and interrupt flags, and lives
    // on a thread named threadName from start() on. refresh runs on the owner's thread after a
    // wake(), one frame interval after the last refresh began (at once if that is past).
    template <typename... Args>
    WorkerHost(const QString& threadName, std::function<void()> refresh, Args&&... args)
        : worker_(new Worker(std::forward<Args>(args)..., playing_, interrupt_))
    {
        thread_.setObjectName(threadName);
        worker_->moveToThread(&thread_);
        commands_->moveToThread(&thread_);
        // On the worker's thread, its last act for us (a direct connection): see ~WorkerHost.
        QObject::connect(&thread_, &QThread::finished, [this] { finished_.store(true, std::memory_order_release); });
        QObject::connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
        QObject::connect(&thread_, &QThread::finished, commands_, &QObject::deleteLater);
        frameTimer_.setSingleShot(true);
        QObject::connect(&frameTimer_, &QTimer::timeout, [this, refresh = std::move(refresh)] {
            lastFrame_.start();
            refresh();
        });
    }
    // Stops the worker between two steps, quits its thread and waits for it.
    ~WorkerHost()
    {
        frameTimer_.stop();
        playing_.store(false);
        interrupt_.store(true);
        thread_.requestInterruption();   // what a long replay checks between two of its steps
        thread_.quit();
        thread_.wait();
        // QThread::wait() waits inside Qt, where ThreadSanitizer cannot see it: this load is
        // what orders everything the worker did (reading the flags above, say) before the
        // memory of this host is freed or reused.
        static_cast<void>(finished_.load(std::memory_order_acquire));
    }
    WorkerHost(const WorkerHost&) = delete;
    WorkerHost& operator=(const WorkerHost&) = delete;

    // For connecting to its signals, before start(); never to call directly from the owner's
    // thread, but for what the worker makes safe from any thread (an atomic flag of its own).
    Worker* worker() const { return worker_; }
    // After the owner has connected to the worker's signals: none can be missed.
    void start() { thread_.start(); }

    // Before start(): handler(args...) runs on the owner's thread each time the worker emits
    // signal(args...), in the order emitted, after what the worker emitted before. The signal is
    // taken on the worker's thread (a direct connection) and its arguments, copied there, are
    // handed over under the replies queue's mutex. Connect the worker's signals only this way.
    template <typename... SignalArgs, typename Handler>
    void relay(void (Worker::*signal)(SignalArgs...), Handler handler)
    {
        QObject::connect(worker_, signal, worker_, [this, handler = std::move(handler)](SignalArgs... args) {
            replies_.post([handler, ... copies = std::decay_t<SignalArgs>(args)] { handler(copies...); });
        }, Qt::DirectConnection);
    }

    // From any thread (the worker's, after it published into an empty buffer): refresh runs
    // once, a frame interval after the last one began (at once if that is past), unless a
    // refresh is already due. So a run at full speed keeps the pace of a periodic timer.
    void wake()
    {
        // Through the replies queue, not a queued functor: Qt would allocate the functor's slot
        // object and its event on this thread and free them on the owner's (command_queue.h).
        replies_.post([this] {
            if (frameTimer_.isActive())
                return;
            const qint64 since = lastFrame_.isValid() ? lastFrame_.elapsed() : frameIntervalMs_;
            frameTimer_.start(static_cast<int>(std::max<qint64>(0, frameIntervalMs_ - since)));
        });
    }
    bool frameDue() const { return frameTimer_.isActive(); }

    // fn(Worker&) runs on the worker's thread after the commands posted before it.
    template <typename Fn>
    void post(Fn&& fn)
    {
        // std::function needs a copyable callable: a move-only command is kept behind a pointer.
        auto command = std::make_shared<std::decay_t<Fn>>(std::forward<Fn>(fn));
        commands_->post([w = worker_, command] { (*command)(*w); });
        // After the post, so that a chunk ended by the flag finds the command already queued.
        interrupt_.store(true);
    }
    // Runs fn(Worker&) on the worker's thread and waits for it: at most the rest of a chunk.
    template <typename Fn>
    void call(Fn&& fn)
    {
        // Before the call, which blocks: the flag is what cuts the running chunk short.
        interrupt_.store(true);
        commands_->call([w = worker_, &fn] { fn(*w); });
    }

    std::atomic<bool>& playing() { return playing_; }
    void setFrameInterval(int milliseconds) { frameIntervalMs_ = milliseconds; }

private:
    std::atomic<bool> playing_{false};
    std::atomic<bool> interrupt_{false};
    std::atomic<bool> finished_{false};   // the thread has finished (set on it)
    // The worker's signals for the owner's thread. Before thread_: the thread has been waited
    // for when this goes, and its pending wake-ups go with it.
    CommandQueue replies_;
    QThread thread_;
    Worker* worker_;   // deleted on its own thread when the thread finishes
    CommandQueue* commands_ = new CommandQueue;   // the commands for it; deleted as it is
    QTimer frameTimer_;
    int frameIntervalMs_ = 16;
    QElapsedTimer lastFrame_;   // since the last refresh began
};

}  // namespace downhill::ui
