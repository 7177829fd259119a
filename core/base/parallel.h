#pragma once
// A parallel loop over [0, n) on all cores, on the process's one ThreadPool (no thread is
// started per call), with dynamic hand-out of indices so uneven rows balance. fn(index, worker)
// is called once per index; worker in [0, workerCount()) is distinct among the threads running
// the same call at once, so the caller can keep per-worker scratch buffers. Any thread may call,
// several at once; a call from inside fn runs inline (worker 0 of its own loop).
#include <memory>
#include <type_traits>

#include "core/base/thread_pool.h"

namespace downhill::core {

inline int workerCount()
{
    return ThreadPool::shared().workerCount();
}

template <typename Fn>
void parallelFor(int n, Fn&& fn)
{
    using F = std::remove_reference_t<Fn>;
    ThreadPool::shared().run(
        n, [](const void* f, int index, int worker) { (*static_cast<F*>(const_cast<void*>(f)))(index, worker); },
        std::addressof(fn));
}

}  // namespace downhill::core
