// ThinnedLog: bounded however long the run, spread evenly over it, and always ending on the
// newest item, also after a branch truncated it.
#include <QtTest>

#include <cstdint>
#include <vector>

#include "session/run/thinned_log.h"

using downhill::ui::ThinnedLog;

namespace {

struct Item {
    std::int64_t step = 0;
    double value = 0;
};

}  // namespace

class TestThinnedLog : public QObject {
    Q_OBJECT
private slots:
    void keepsEverythingBelowCapacity()
    {
        ThinnedLog<Item> log(16);
        for (int k = 0; k < 15; ++k)
            log.append({k, 0.5 * k});
        QCOMPARE(log.items().size(), std::size_t{15});
        QCOMPARE(log.stride(), std::int64_t{1});
        for (int k = 0; k < 15; ++k)
            QCOMPARE(log.items()[static_cast<std::size_t>(k)].value, 0.5 * k);
    }

    void boundedEvenAndEndingOnTheNewest()
    {
        ThinnedLog<Item> log(16);
        for (std::int64_t k = 0; k <= 5000; ++k) {
            log.append({k, static_cast<double>(k)});
            const auto& items = log.items();
            QVERIFY(items.size() <= log.capacity());
            QCOMPARE(items.front().step, std::int64_t{0});
            QCOMPARE(items.back().step, k);   // whatever was dropped, the newest is there
            QCOMPARE(items.back().value, static_cast<double>(k));
            // Every kept item but the newest sits on the stride: the log is evenly spread.
            for (std::size_t i = 1; i + 1 < items.size(); ++i)
                QCOMPARE(items[i].step - items[i - 1].step, log.stride());
            if (items.size() > 1)   // the first append leaves one item and no gap to check
                QVERIFY(items.back().step - items[items.size() - 2].step <= log.stride());
        }
        // 5001 items in at most 16: the stride has grown to span the run.
        QVERIFY(log.stride() >= 5000 / 16);
        QVERIFY(log.items().size() >= log.capacity() / 2);
    }

    // A frame's rows in one appendAll() leave the log exactly as appending them one by one,
    // in batches of any size, through every halving, by value and through pointers.
    void appendAllIsAppendOneByOne()
    {
        ThinnedLog<Item> one(16), all(16), viaPointers(16);
        std::int64_t step = 0;
        for (const int batch : {1, 2, 3, 7, 1, 40, 5, 300, 2, 1000, 1, 17, 4096, 3}) {
            std::vector<Item> items;
            std::vector<const Item*> pointers;
            for (int k = 0; k < batch; ++k)
                items.push_back({++step, 0.25 * static_cast<double>(step)});
            for (const Item& item : items) {
                one.append(item);
                pointers.push_back(&item);
            }
            all.appendAll(items);
            viaPointers.appendAll(pointers);
            for (const ThinnedLog<Item>* log : {&all, &viaPointers}) {
                QCOMPARE(log->items().size(), one.items().size());
                QCOMPARE(log->stride(), one.stride());
                for (std::size_t i = 0; i < one.items().size(); ++i) {
                    QCOMPARE(log->items()[i].step, one.items()[i].step);
                    QCOMPARE(log->items()[i].value, one.items()[i].value);
                }
            }
        }
        all.appendAll(std::vector<Item>());   // nothing: nothing changes
        QCOMPARE(all.items().back().step, step);
    }

    void truncateThenGoOn()
    {
        ThinnedLog<Item> log(8);
        for (std::int64_t k = 0; k <= 100; ++k)
            log.append({k, 0});
        const std::int64_t stride = log.stride();
        log.truncate(50);
        QVERIFY(log.items().back().step <= 50);
        for (const Item& item : log.items())
            QVERIFY(item.step <= 50);
        // A new branch from 50 on: it lands after what is left, in order, newest last.
        for (std::int64_t k = 51; k <= 70; ++k) {
            log.append({k, 1});
            QCOMPARE(log.items().back().step, k);
        }
        for (std::size_t i = 1; i < log.items().size(); ++i)
            QVERIFY(log.items()[i].step > log.items()[i - 1].step);
        QVERIFY(log.stride() >= stride);
        log.clear();
        QVERIFY(log.items().empty());
        QCOMPARE(log.stride(), std::int64_t{1});
    }
};

QTEST_GUILESS_MAIN(TestThinnedLog)
#include "test_thinned_log.moc"
