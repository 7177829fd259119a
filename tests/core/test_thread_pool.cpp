// The one thread pool behind parallelFor: every index once, worker numbers distinct among the
// threads of one call, callers on several threads at once, calls from inside a call, and a
// fixed number of threads however many calls are made.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/base/parallel.h"
#include "core/base/thread_pool.h"

using namespace downhill::core;

namespace {

// The process's thread count as the kernel sees it; -1 where /proc is not there.
int threadCount()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Threads:", 0) == 0)
            return std::stoi(line.substr(8));
    return -1;
}

double value(int i)
{
    return static_cast<double>(i) * 0.5 + static_cast<double>(i % 7);
}

// Waits until `count` reaches `target` or the deadline passes; true when it was reached.
bool waitFor(const std::atomic<int>& count, int target, std::chrono::seconds limit = std::chrono::seconds(20))
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (count.load() < target) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::yield();
    }
    return true;
}

// One call's record: how often each index ran, by which worker on which thread, and whether two
// threads were ever inside the same worker's scratch at once.
struct Record {
    explicit Record(int n, int workers) : calls(static_cast<std::size_t>(n)), busy(static_cast<std::size_t>(workers)) {}
    std::vector<std::atomic<int>> calls;
    std::vector<std::atomic<bool>> busy;
    std::atomic<int> outOfRange{0};
    std::atomic<int> shared{0};
    std::mutex mutex;
    std::map<int, std::set<std::thread::id>> threadsOfWorker;
    std::map<std::thread::id, std::set<int>> workersOfThread;

    void enter(int i, int worker, int workers)
    {
        calls[static_cast<std::size_t>(i)].fetch_add(1);
        if (worker < 0 || worker >= workers) {
            outOfRange.fetch_add(1);
            return;
        }
        if (busy[static_cast<std::size_t>(worker)].exchange(true))
            shared.fetch_add(1);
        {
            const std::lock_guard lock(mutex);
            threadsOfWorker[worker].insert(std::this_thread::get_id());
            workersOfThread[std::this_thread::get_id()].insert(worker);
        }
    }
    void leave(int worker) { busy[static_cast<std::size_t>(worker)].store(false); }
};

void checkRecord(Record& r)
{
    for (std::size_t i = 0; i < r.calls.size(); ++i)
        QCOMPARE(r.calls[i].load(), 1);
    QCOMPARE(r.outOfRange.load(), 0);
    QCOMPARE(r.shared.load(), 0);
    for (const auto& [worker, threads] : r.threadsOfWorker)
        QCOMPARE(threads.size(), std::size_t{1});
    for (const auto& [thread, workers] : r.workersOfThread)
        QCOMPARE(workers.size(), std::size_t{1});
}

}  // namespace

class TestThreadPool : public QObject {
    Q_OBJECT
private slots:
    void matchesSerialLoop_data()
    {
        QTest::addColumn<int>("n");
        for (int n : {2, 3, 7, 64, 1000, 100000})
            QTest::addRow("n=%d", n) << n;
    }
    void matchesSerialLoop()
    {
        QFETCH(int, n);
        std::vector<double> serial(static_cast<std::size_t>(n)), parallel(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            serial[static_cast<std::size_t>(i)] = value(i);
        Record record(n, workerCount());
        parallelFor(n, [&](int i, int worker) {
            record.enter(i, worker, workerCount());
            parallel[static_cast<std::size_t>(i)] = value(i);
            record.leave(worker);
        });
        QCOMPARE(parallel, serial);
        checkRecord(record);
    }

    void zeroAndOne()
    {
        int calls = 0;
        parallelFor(0, [&](int, int) { ++calls; });
        parallelFor(-3, [&](int, int) { ++calls; });
        QCOMPARE(calls, 0);
        std::thread::id ranOn;
        int index = -1, worker = -1;
        parallelFor(1, [&](int i, int w) {
            ++calls;
            index = i;
            worker = w;
            ranOn = std::this_thread::get_id();
        });
        QCOMPARE(calls, 1);
        QCOMPARE(index, 0);
        QCOMPARE(worker, 0);
        QVERIFY(ranOn == std::this_thread::get_id());   // one index is not worth a hand-over
    }

    // A pool of 4 on however many cores: the 4 indices only finish if 4 threads run them at
    // once, each with its own worker number.
    void workersRunAtOnce()
    {
        ThreadPool pool(4);
        QCOMPARE(pool.workerCount(), 4);
        std::atomic<int> started{0};
        std::atomic<int> timedOut{0};
        Record record(4, 4);
        struct Context {
            std::atomic<int>* started;
            std::atomic<int>* timedOut;
            Record* record;
        } context{&started, &timedOut, &record};
        pool.run(4, [](const void* c, int i, int worker) {
            const auto& ctx = *static_cast<const Context*>(c);
            ctx.record->enter(i, worker, 4);
            ctx.started->fetch_add(1);
            if (!waitFor(*ctx.started, 4))
                ctx.timedOut->fetch_add(1);
            ctx.record->leave(worker);
        }, &context);
        QCOMPARE(timedOut.load(), 0);
        checkRecord(record);
        QCOMPARE(record.threadsOfWorker.size(), std::size_t{4});
        // The caller works too, as worker 0.
        QVERIFY(record.threadsOfWorker[0].count(std::this_thread::get_id()) == 1);
    }

    // Two threads calling at once, each a few hundred times: every call's indices once, its
    // worker scratch never shared, results equal to the serial loop's.
    void twoCallersAtOnce_data()
    {
        QTest::addColumn<int>("poolSize");
        QTest::newRow("the shared pool") << 0;
        QTest::newRow("a pool of 3") << 3;
    }
    void twoCallersAtOnce()
    {
        QFETCH(int, poolSize);
        ThreadPool own(std::max(1, poolSize));
        ThreadPool& pool = poolSize > 0 ? own : ThreadPool::shared();
        const int workers = pool.workerCount();
        constexpr int kCalls = 300;
        constexpr int kN = 97;
        std::vector<double> serial(kN);
        for (int i = 0; i < kN; ++i)
            serial[static_cast<std::size_t>(i)] = value(i);
        std::atomic<int> wrong{0}, shared{0}, badCount{0};
        auto caller = [&] {
            for (int call = 0; call < kCalls; ++call) {
                std::vector<double> out(kN, -1.0);
                std::vector<std::atomic<int>> calls(kN);
                std::vector<std::atomic<bool>> busy(static_cast<std::size_t>(workers));
                struct Context {
                    std::vector<double>* out;
                    std::vector<std::atomic<int>>* calls;
                    std::vector<std::atomic<bool>>* busy;
                    std::atomic<int>* shared;
                } ctx{&out, &calls, &busy, &shared};
                pool.run(kN, [](const void* c, int i, int worker) {
                    const auto& x = *static_cast<const Context*>(c);
                    if ((*x.busy)[static_cast<std::size_t>(worker)].exchange(true))
                        x.shared->fetch_add(1);
                    (*x.calls)[static_cast<std::size_t>(i)].fetch_add(1);
                    (*x.out)[static_cast<std::size_t>(i)] = value(i);
                    (*x.busy)[static_cast<std::size_t>(worker)].store(false);
                }, &ctx);
                if (out != serial)
                    wrong.fetch_add(1);
                for (const auto& k : calls)
                    if (k.load() != 1)
                        badCount.fetch_add(1);
            }
        };
        std::thread a(caller), b(caller);
        a.join();
        b.join();
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(badCount.load(), 0);
        QCOMPARE(shared.load(), 0);
    }

    // A call from inside a call (a grid job whose rows compute something parallel themselves)
    // finishes, with every inner index once.
    void nestedCall()
    {
        constexpr int kOuter = 16;
        constexpr int kInner = 50;
        std::vector<double> sums(kOuter, 0.0);
        std::atomic<int> innerOutOfRange{0};
        parallelFor(kOuter, [&](int o, int) {
            std::vector<double> row(kInner, 0.0);
            parallelFor(kInner, [&](int i, int worker) {
                if (worker < 0 || worker >= workerCount())
                    innerOutOfRange.fetch_add(1);
                row[static_cast<std::size_t>(i)] = value(o * kInner + i);
            });
            double s = 0;
            for (double v : row)
                s += v;
            sums[static_cast<std::size_t>(o)] = s;
        });
        for (int o = 0; o < kOuter; ++o) {
            double s = 0;
            for (int i = 0; i < kInner; ++i)
                s += value(o * kInner + i);
            QCOMPARE(sums[static_cast<std::size_t>(o)], s);
        }
        QCOMPARE(innerOutOfRange.load(), 0);
    }

    void exceptionReachesTheCaller()
    {
        ThreadPool pool(3);
        std::atomic<int> ran{0};
        struct Context {
            std::atomic<int>* ran;
        } ctx{&ran};
        bool thrown = false;
        try {
            pool.run(1000, [](const void* c, int i, int) {
                static_cast<const Context*>(c)->ran->fetch_add(1);
                if (i == 5)
                    throw std::runtime_error("row 5");
                // Slow enough that the others cannot finish the loop while the throw is on its way.
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }, &ctx);
        } catch (const std::runtime_error& e) {
            thrown = QByteArray(e.what()) == "row 5";
        }
        QVERIFY(thrown);
        QVERIFY2(ran.load() < 500, qPrintable(QString::number(ran.load())));   // the hand-out stopped
        // And the pool still works.
        std::vector<std::atomic<int>> calls(100);
        struct Count {
            std::vector<std::atomic<int>>* calls;
        } count{&calls};
        pool.run(100, [](const void* c, int i, int) { (*static_cast<const Count*>(c)->calls)[static_cast<std::size_t>(i)]++; }, &count);
        for (const auto& k : calls)
            QCOMPARE(k.load(), 1);
    }

    // Many small calls start no thread: the count inside a call is the count between calls,
    // and it stays the same over thousands of calls.
    void threadCountStaysFixed()
    {
        if (threadCount() < 0)
            QSKIP("no /proc/self/status here");
        const int before = threadCount();
        parallelFor(workerCount() * 4, [](int, int) {});   // the shared pool exists from here on
        const int between = threadCount();
        QVERIFY(between - before <= workerCount() - 1);
        std::atomic<int> maxInside{0};
        for (int call = 0; call < 3000; ++call) {
            parallelFor(workerCount() * 2, [&](int i, int) {
                if (call % 100 == 0 && i == 0) {
                    const int inside = threadCount();
                    int seen = maxInside.load();
                    while (inside > seen && !maxInside.compare_exchange_weak(seen, inside)) {
                    }
                }
            });
        }
        QCOMPARE(maxInside.load(), between);
        QCOMPARE(threadCount(), between);
    }
};

QTEST_APPLESS_MAIN(TestThreadPool)
#include "test_thread_pool.moc"
