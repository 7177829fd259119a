// parallelFor on the persistent pool (core/base/thread_pool.h) against what it replaced, a
// std::jthread started per worker on every call, in one run: the calls alternate, medians of
// many, and the ratio old / new.
//   bench_thread_pool [--rounds R]
// Cases: an empty loop of workerCount() indices (the fixed cost of a call), 64 tiny indices,
// and a landscape grid of 256 x 256 on 2,000 samples taken the general way (mae, every point
// evaluated: the row loop of core/landscape/landscape.cpp's pointwise path) and a 64 x 64 one
// (the batch surface's size while playing).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "core/base/parallel.h"
#include "core/data/people_generator.h"
#include "core/model/data_objective.h"
#include "core/model/objective.h"

using namespace downhill::core;

namespace {

// The implementation before the pool, kept here only for the comparison.
template <typename Fn>
void oldParallelFor(int n, Fn&& fn)
{
    const int workers = std::min(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())), n);
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

struct OldLoop {
    template <typename Fn>
    void operator()(int n, Fn&& fn) const { oldParallelFor(n, std::forward<Fn>(fn)); }
};
struct NewLoop {
    template <typename Fn>
    void operator()(int n, Fn&& fn) const { parallelFor(n, std::forward<Fn>(fn)); }
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

template <typename Case>
void compare(const char* name, int rounds, int callsPerRound, Case&& body)
{
    std::vector<double> oldTimes, newTimes;
    for (int r = 0; r < rounds; ++r) {
        for (int which = 0; which < 2; ++which) {
            const auto t0 = std::chrono::steady_clock::now();
            for (int c = 0; c < callsPerRound; ++c) {
                if (which == 0)
                    body(OldLoop{});
                else
                    body(NewLoop{});
            }
            const auto t1 = std::chrono::steady_clock::now();
            const double us = std::chrono::duration<double, std::micro>(t1 - t0).count() / callsPerRound;
            (which == 0 ? oldTimes : newTimes).push_back(us);
        }
    }
    const double o = median(oldTimes), n = median(newTimes);
    std::printf("  %-44s old %10.2f us   new %10.2f us   old / new %6.2f\n", name, o, n, o / n);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv)
{
    int rounds = 21;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::max(1, std::atoi(argv[i + 1]));
    std::printf("parallelFor: a thread per worker per call (old) against the persistent pool (new), %d workers, "
                "medians of %d rounds\n", workerCount(), rounds);

    std::atomic<long> sink{0};
    compare("empty loop, workerCount() indices", rounds, 2000, [&](auto loop) {
        loop(workerCount(), [&](int i, int) { sink.fetch_add(i, std::memory_order_relaxed); });
    });
    compare("64 tiny indices", rounds, 2000, [&](auto loop) {
        loop(64, [&](int i, int) { sink.fetch_add(i, std::memory_order_relaxed); });
    });

    PeopleSettings ps;
    ps.count = 2000;
    ps.seed = 1;
    const Dataset data = generatePeople(ps);
    const auto objective = makeObjective("linear", {LossKind::Mae, 1.0});
    for (const int g : {256, 64}) {
        std::vector<double> grid(static_cast<std::size_t>(g) * static_cast<std::size_t>(g));
        const std::string name = "landscape grid " + std::to_string(g) + " x " + std::to_string(g) + ", linear + mae, general";
        compare(name.c_str(), rounds, g == 256 ? 1 : 10, [&](auto loop) {
            std::vector<Workspace> spaces(static_cast<std::size_t>(workerCount()));
            loop(g, [&](int j, int worker) {
                Workspace& ws = spaces[static_cast<std::size_t>(worker)];
                Vec w = objective->defaultInit();
                w[1] = -6.0 + 12.0 * j / (g - 1);
                for (int i = 0; i < g; ++i) {
                    w[0] = -2.0 + 12.0 * i / (g - 1);
                    grid[static_cast<std::size_t>(j) * static_cast<std::size_t>(g) + static_cast<std::size_t>(i)]
                        = objective->evaluate(w, data.samples, ws);
                }
            });
        });
    }
    return sink.load() == -1 ? 1 : 0;
}
