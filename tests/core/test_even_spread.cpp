// evenSpread: a few of many, evenly, both ends included, distinct. forEachShown: the items at
// those places.
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

    void shownAreTheEvenSpread()
    {
        for (std::size_t n : {0, 1, 5, 1024, 1025, 3000, 4096}) {
            std::vector<int> items(n);
            for (std::size_t i = 0; i < n; ++i)
                items[i] = static_cast<int>(i) * 3;   // values apart from indices
            std::vector<int> shown;
            forEachShown(items, 1024, [&](int v) { shown.push_back(v); });
            if (n == 0) {
                QVERIFY(shown.empty());
                continue;
            }
            const auto picked = evenSpread(static_cast<std::int64_t>(n) - 1, 1024);
            QCOMPARE(shown.size(), picked.size());
            QCOMPARE(shown.size(), std::min<std::size_t>(n, 1024));
            for (std::size_t k = 0; k < shown.size(); ++k)
                QCOMPARE(shown[k], static_cast<int>(picked[k]) * 3);
            QCOMPARE(shown.back(), (static_cast<int>(n) - 1) * 3);   // the newest is always drawn
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
