#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/data/dataset.h"
#include "core/base/error.h"

using namespace downhill::core;

class TestSplit : public QObject {
    Q_OBJECT
private slots:
    // Validation size is round(n * f), at least one row of each kind when n >= 2 and f > 0,
    // none for f = 0 and none for a single row (which must be trained on).
    void sizes_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("val");
        QTest::newRow("2000 x 0.2") << 2000 << 0.2 << 400;
        QTest::newRow("10 x 0.25 rounds half up") << 10 << 0.25 << 3;
        QTest::newRow("7 x 0.3") << 7 << 0.3 << 2;
        QTest::newRow("f = 0") << 100 << 0.0 << 0;
        QTest::newRow("tiny f still gives one") << 50 << 0.001 << 1;
        QTest::newRow("large f leaves one to train") << 3 << 0.99 << 2;
        QTest::newRow("two rows") << 2 << 0.5 << 1;
        QTest::newRow("one row") << 1 << 0.5 << 0;
        QTest::newRow("no rows") << 0 << 0.2 << 0;
    }
    void sizes()
    {
        QFETCH(int, n);
        QFETCH(double, fraction);
        QFETCH(int, val);
        for (std::uint64_t seed : {1u, 2u, 99u}) {
            const Split s = splitRows(n, fraction, seed);
            QCOMPARE(static_cast<int>(s.val.size()), val);
            QCOMPARE(static_cast<int>(s.train.size()), n - val);
        }
    }

    // Disjoint, sorted, together every row exactly once.
    void partitionsTheRows_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("fraction");
        QTest::newRow("2000 x 0.2") << 2000 << 0.2;
        QTest::newRow("13 x 0.5") << 13 << 0.5;
        QTest::newRow("5 x 0") << 5 << 0.0;
    }
    void partitionsTheRows()
    {
        QFETCH(int, n);
        QFETCH(double, fraction);
        const Split s = splitRows(n, fraction, 7);
        QVERIFY(std::is_sorted(s.train.begin(), s.train.end()));
        QVERIFY(std::is_sorted(s.val.begin(), s.val.end()));
        std::vector<int> all = s.train;
        all.insert(all.end(), s.val.begin(), s.val.end());
        std::sort(all.begin(), all.end());
        QCOMPARE(static_cast<int>(all.size()), n);
        for (int i = 0; i < n; ++i)
            QCOMPARE(all[static_cast<std::size_t>(i)], i);
    }

    void deterministicPerSeed()
    {
        const Split a = splitRows(500, 0.2, 42);
        const Split b = splitRows(500, 0.2, 42);
        QCOMPARE(a.val, b.val);
        QCOMPARE(a.train, b.train);
        const Split c = splitRows(500, 0.2, 43);
        QVERIFY(a.val != c.val);
    }

    // A seeded shuffle, not the first or last rows: validation rows spread over the range.
    void validationRowsAreSpread()
    {
        const Split s = splitRows(1000, 0.2, 3);
        const auto low = std::count_if(s.val.begin(), s.val.end(), [](int r) { return r < 500; });
        QVERIFY2(low > 70 && low < 130, qPrintable(QString::number(low)));  // binomial-ish 100 +- 7
    }

    void badArgumentsThrow_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("fraction");
        QTest::newRow("f = 1") << 10 << 1.0;
        QTest::newRow("f < 0") << 10 << -0.1;
        QTest::newRow("f NaN") << 10 << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("f inf") << 10 << std::numeric_limits<double>::infinity();
        QTest::newRow("n < 0") << -1 << 0.2;
    }
    void badArgumentsThrow()
    {
        QFETCH(int, n);
        QFETCH(double, fraction);
        QVERIFY_THROWS_EXCEPTION(InputError, splitRows(n, fraction, 1));
    }
};

QTEST_APPLESS_MAIN(TestSplit)
#include "test_split.moc"
