// evenSpread: a few of many, evenly, both ends included, distinct. forEachShown: at most a
// limit of the items, a whole stride apart counted back from the newest.
#include <QtTest>

#include "core/base/even_spread.h"

using namespace downhill::core;

class TestEvenSpread : public QObject {
    Q_OBJECT
private slots:
    void spread_data()
    {
        QTest::addColumn<qint64>("last");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("exact") << qint64{100} << qint64{5} << QList<qint64>{0, 25, 50, 75, 100};
        QTest::newRow("rounded") << qint64{10} << qint64{4} << QList<qint64>{0, 3, 7, 10};
        QTest::newRow("fewer values than asked: all") << qint64{3} << qint64{10} << QList<qint64>{0, 1, 2, 3};
        QTest::newRow("one: the newest") << qint64{7} << qint64{1} << QList<qint64>{7};
        QTest::newRow("nothing before 0") << qint64{0} << qint64{5} << QList<qint64>{0};
        QTest::newRow("negative last") << qint64{-3} << qint64{5} << QList<qint64>{0};
    }
    void spread()
    {
        QFETCH(qint64, last);
        QFETCH(qint64, count);
        QFETCH(QList<qint64>, expected);
        QList<qint64> got;
        for (std::int64_t v : evenSpread(last, count))
            got.push_back(v);
        QCOMPARE(got, expected);
    }

    void distinctAndEndingOnTheNewest()
    {
        for (std::int64_t last : {1, 2, 299, 300, 301, 4999}) {
            const auto v = evenSpread(last, 300);
            QCOMPARE(static_cast<std::int64_t>(v.size()), std::min<std::int64_t>(300, last + 1));
            QCOMPARE(v.front(), std::int64_t{0});
            QCOMPARE(v.back(), last);
            for (std::size_t k = 1; k < v.size(); ++k)
                QVERIFY(v[k] > v[k - 1]);
        }
    }

    void shownWithinTheLimitEndingOnTheNewest()
    {
        for (std::size_t n : {0, 1, 5, 1024, 1025, 3000, 4096}) {
            std::vector<int> items(n);
            for (std::size_t i = 0; i < n; ++i)
                items[i] = static_cast<int>(i);
            std::vector<int> shown;
            forEachShown(items, 1024, [&](int v) { shown.push_back(v); });
            QVERIFY(shown.size() <= 1024);
            if (n == 0) {
                QVERIFY(shown.empty());
                continue;
            }
            QCOMPARE(shown.back(), static_cast<int>(n) - 1);
            // One stride throughout: the smallest that keeps within the limit.
            const int stride = static_cast<int>((n + 1023) / 1024);
            for (std::size_t k = 1; k < shown.size(); ++k)
                QCOMPARE(shown[k] - shown[k - 1], stride);
            QVERIFY(shown.front() < stride);   // nothing older left out that the stride would show
        }
        // Pointers are handed over as what they point to.
        const int a = 1, b = 2;
        std::vector<const int*> pointers = {&a, &b};
        int sum = 0;
        forEachShown(pointers, 10, [&](const int& v) { sum += v; });
        QCOMPARE(sum, 3);
    }
};

QTEST_APPLESS_MAIN(TestEvenSpread)
#include "test_even_spread.moc"
