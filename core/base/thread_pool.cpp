#include "core/base/thread_pool.h"

#include <algorithm>

namespace downhill::core {

namespace {

// How many job bodies the current thread is inside: a call made from one runs inline.
thread_local int tlsDepth = 0;

struct Inside {
    Inside() { ++tlsDepth; }
    ~Inside() { --tlsDepth; }
    Inside(const Inside&) = delete;
    Inside& operator=(const Inside&) = delete;
};

}  // namespace

ThreadPool::ThreadPool(int workers) : workers_(std::max(1, workers))
{
    helpers_.reserve(static_cast<std::size_t>(workers_ - 1));
    for (int k = 1; k < workers_; ++k)
        helpers_.emplace_back([this] { helperLoop(); });
}

ThreadPool::~ThreadPool()
{
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : helpers_)
        t.join();
}

ThreadPool& ThreadPool::shared()
{
    static ThreadPool pool(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    return pool;
}

void ThreadPool::work(Job& job, int worker)
{
    const Inside inside;
    for (int i = job.next.fetch_add(1, std::memory_order_relaxed); i < job.n; i = job.next.fetch_add(1, std::memory_order_relaxed))
        job.body(job.context, i, worker);
}

void ThreadPool::run(int n, Body body, const void* context)
{
    if (n <= 0)
        return;
    if (n == 1 || workers_ == 1 || tlsDepth > 0) {
        const Inside inside;
        for (int i = 0; i < n; ++i)
            body(context, i, 0);
        return;
    }
    Job job;
    job.body = body;
    job.context = context;
    job.n = n;
    job.maxWorkers = std::min(workers_, n);
    {
        const std::lock_guard lock(mutex_);
        queue_.push_back(&job);
    }
    wake_.notify_all();
    std::exception_ptr error;
    try {
        work(job, 0);
    } catch (...) {
        error = std::current_exception();
        job.next.store(n, std::memory_order_relaxed);
    }
    // No helper joins once the job is out of the queue; those inside finish their last index.
    std::unique_lock lock(mutex_);
    const auto it = std::find(queue_.begin(), queue_.end(), &job);
    if (it != queue_.end())
        queue_.erase(it);
    job.left.wait(lock, [&] { return job.inside == 0; });
    if (!error)
        error = job.error;
    lock.unlock();
    if (error)
        std::rethrow_exception(error);
}

void ThreadPool::helperLoop()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_)
            return;
        Job* job = queue_.front();
        if (job->next.load(std::memory_order_relaxed) >= job->n || job->nextWorker >= job->maxWorkers) {
            queue_.pop_front();   // nothing left to hand out, or every worker number taken
            continue;
        }
        const int worker = job->nextWorker++;
        if (job->nextWorker >= job->maxWorkers)
            queue_.pop_front();
        ++job->inside;
        lock.unlock();
        std::exception_ptr error;
        try {
            work(*job, worker);
        } catch (...) {
            error = std::current_exception();
            job->next.store(job->n, std::memory_order_relaxed);
        }
        lock.lock();
        if (error && !job->error)
            job->error = error;
        // Notified under the lock: the caller cannot leave (and destroy the job) before it is
        // released.
        if (--job->inside == 0)
            job->left.notify_all();
    }
}

}  // namespace downhill::core
