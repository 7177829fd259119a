#pragma once
// A small parallel loop over [0, n) on all cores, with dynamic hand-out of indices so uneven
// rows balance. fn(index, worker) is called once per index; worker in [0, workerCount()) lets
// the caller keep per-thread scratch buffers.
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace downhill::core {

inline int workerCount()
{
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

template <typename Fn>
void parallelFor(int n, Fn&& fn)
{
    const int workers = std::min(workerCount(), n);
    if (workers <= 1) {
        for (int i = 0; i < n; ++i)
            fn(i, 0);
        return;
    }
    std::atomic<int> next{0};
    auto work = [&](int worker) {
        for (int i = next.fetch_add(1, std::memory_order_relaxed); i < n; i = next.fetch_add(1, std::memory_order_relaxed))
            fn(i, worker);
    };
    std::vector<std::jthread> threads;
    threads.reserve(static_cast<std::size_t>(workers - 1));
    for (int w = 1; w < workers; ++w)
        threads.emplace_back(work, w);
    work(0);
}

}  // namespace downhill::core
