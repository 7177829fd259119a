#pragma once
// The one set of helper threads behind parallelFor (core/base/parallel.h): started once, kept
// for the life of the process, so that a small loop costs a wake-up instead of a thread start,
// and a program that computes grids all day keeps the same number of threads.
//
// A call is a job: the calling thread puts it in the queue, works on it itself as worker 0,
// and helpers that are free join it as workers 1, 2, ... until its indices run out; then the
// caller takes it out of the queue and waits for the helpers still inside. So any number of
// threads may call at once (each job gets done, if need be by its caller alone), and no call
// waits for a thread that waits for it. A call made from inside a job's function (nested) runs
// inline on the thread that made it, as worker 0 of its own. The indices are handed out one at a
// time from a shared counter, so uneven rows balance.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace downhill::core {

class ThreadPool {
public:
    // fn(context, index, worker): what a job calls for each index.
    using Body = void (*)(const void* context, int index, int worker);

    // workers: how many threads may work on one job at once, the caller included (at least 1);
    // workers - 1 helper threads are started here.
    explicit ThreadPool(int workers);
    ~ThreadPool();   // lets the helpers finish what they are in and joins them
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    // The process's pool, one worker per hardware thread, made at first use.
    static ThreadPool& shared();

    int workerCount() const { return workers_; }
    // body(context, i, worker) once for every i in [0, n), worker in [0, workerCount()) and
    // distinct among the threads working on this call at the same time. Returns when every
    // index is done. An exception thrown by body stops the hand-out of further indices and is
    // rethrown here once no thread is inside the call any more.
    void run(int n, Body body, const void* context);

private:
    struct Job {
        Body body = nullptr;
        const void* context = nullptr;
        int n = 0;
        int maxWorkers = 1;
        std::atomic<int> next{0};
        int nextWorker = 1;   // under mutex_: the caller is 0
        int inside = 0;       // helpers working on it, under mutex_
        std::exception_ptr error;   // the first one, under mutex_
        std::condition_variable left;   // a helper left it
    };

    void helperLoop();
    static void work(Job& job, int worker);

    const int workers_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job*> queue_;   // jobs with indices left that helpers may join
    bool stopping_ = false;
    std::vector<std::thread> helpers_;
};

}  // namespace downhill::core
