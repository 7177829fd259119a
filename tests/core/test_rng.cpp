#include <QtTest>

#include <cmath>

#include "core/base/rng.h"

using namespace downhill::core;

class TestRng : public QObject {
    Q_OBJECT
private slots:
    void deterministic()
    {
        Rng a(42), b(42), c(43);
        bool differs = false;
        for (int i = 0; i < 100; ++i) {
            const auto x = a.next();
            QCOMPARE(x, b.next());
            differs = differs || x != c.next();
        }
        QVERIFY(differs);
    }

    void uniformMoments()
    {
        Rng r(1);
        const int n = 200000;
        double sum = 0, sq = 0, lo = 1, hi = 0;
        for (int i = 0; i < n; ++i) {
            const double u = r.uniform();
            sum += u;
            sq += u * u;
            lo = std::min(lo, u);
            hi = std::max(hi, u);
        }
        QVERIFY(lo >= 0.0 && hi < 1.0);
        QVERIFY(std::abs(sum / n - 0.5) < 0.005);
        QVERIFY(std::abs(sq / n - sum / n * sum / n - 1.0 / 12) < 0.002);
    }

    void integersCoverRangeEvenly()
    {
        Rng r(5);
        int counts[10] = {};
        for (int i = 0; i < 100000; ++i) {
            const int k = r.integer(3, 12);
            QVERIFY(k >= 3 && k <= 12);
            ++counts[k - 3];
        }
        for (int c : counts)
            QVERIFY(std::abs(c - 10000) < 500);  // ~5 standard deviations
    }

    void normalMoments()
    {
        Rng r(9);
        const int n = 200000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; ++i) {
            const double z = r.normal();
            sum += z;
            sq += z * z;
        }
        QVERIFY(std::abs(sum / n) < 0.01);
        QVERIFY(std::abs(sq / n - 1.0) < 0.015);
    }

    void derivedSeedsDiffer()
    {
        QVERIFY(deriveSeed(1, 2, 3) != deriveSeed(1, 2, 4));
        QVERIFY(deriveSeed(1, 2, 3) != deriveSeed(1, 3, 3));
        QCOMPARE(deriveSeed(1, 2, 3), deriveSeed(1, 2, 3));
    }
};

QTEST_APPLESS_MAIN(TestRng)
#include "test_rng.moc"
