#include <QtTest>

#include <cmath>
#include <cstring>

#include "core/base/rng.h"
#include "core/base/types.h"
#include "core/optim/adam_kernel.h"

using namespace downhill::core;

namespace {
bool sameBits(const Vec& a, const Vec& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size()) * sizeof(double)) == 0;
}
}  // namespace

class TestAdamKernel : public QObject {
    Q_OBJECT
private slots:
    // Both builds against the expressions the optimizer used before the kernel, bit for bit,
    // over lengths that leave every remainder of the vector loops, for early and late steps.
    void sameBitsAsThePlainExpressions_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("t");
        QTest::newRow("2,337 parameters, step 1") << 2337 << 1;
        QTest::newRow("2,337 parameters, step 355 (1 - beta1^t just below 1)") << 2337 << 355;
        QTest::newRow("2,337 parameters, step 5,000 (1 - beta1^t exactly 1)") << 2337 << 5000;
        QTest::newRow("2,337 parameters, step 50,000 (both exactly 1)") << 2337 << 50000;
        QTest::newRow("one") << 1 << 3;
        QTest::newRow("three") << 3 << 2;
        QTest::newRow("seven") << 7 << 40;
    }
    void sameBitsAsThePlainExpressions()
    {
        QFETCH(int, n);
        QFETCH(int, t);
        const std::uint64_t seed = 11;
        qInfo("seed %llu", static_cast<unsigned long long>(seed));
        Rng rng(seed);
        Vec g(n), m0(n), v0(n);
        for (int i = 0; i < n; ++i) {
            g[i] = rng.uniform(-1.0, 1.0) * std::ldexp(1.0, static_cast<int>(rng.uniform(-30.0, 5.0)));
            m0[i] = rng.uniform(-1.0, 1.0) * 1e-3;
            v0[i] = rng.uniform() * 1e-6;
        }
        if (n > 2) {
            g[1] = 0.0;
            g[2] = -0.0;
            v0[2] = 0.0;
        }
        const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        const double bias1 = 1.0 - std::pow(beta1, static_cast<double>(t));
        const double bias2 = 1.0 - std::pow(beta2, static_cast<double>(t));
        const Vec wantM = beta1 * m0 + (1.0 - beta1) * g;
        const Vec wantV = beta2 * v0 + (1.0 - beta2) * g.cwiseProduct(g);
        const Vec wantD = (wantM / bias1).array() / ((wantV / bias2).array().sqrt() + eps);

        if (t == 5000)
            QCOMPARE(bias1, 1.0);
        if (t == 50000)
            QCOMPARE(bias2, 1.0);
        if (t == 355)
            QVERIFY(bias1 < 1.0);
        AdamCoefficients c;
        c.beta1 = beta1;
        c.beta2 = beta2;
        c.bias1 = bias1;
        c.bias2 = bias2;
        c.eps = eps;
        for (KernelIsa isa : {KernelIsa::Generic, KernelIsa::Avx2}) {
            if (!kernelIsaAvailable(isa)) {
                qInfo("AVX2 not available on this CPU: only the generic kernel is compared");
                continue;
            }
            Vec m = m0, v = v0, d(n);
            adamMoments(c, g.data(), m.data(), v.data(), d.data(), n, isa);
            const char* which = isa == KernelIsa::Avx2 ? "AVX2" : "generic";
            QVERIFY2(sameBits(m, wantM), which);
            QVERIFY2(sameBits(v, wantV), which);
            QVERIFY2(sameBits(d, wantD), which);
        }
    }
};

QTEST_APPLESS_MAIN(TestAdamKernel)
#include "test_adam_kernel.moc"
