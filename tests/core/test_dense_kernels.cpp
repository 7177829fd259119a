#include <QtTest>

#include <cstring>
#include <vector>

#include "core/base/rng.h"
#include "core/model/dense_kernels.h"

using namespace downhill::core;

namespace {

// Values of many magnitudes and both signs, with exact zeros of both signs (relu's outputs,
// a black pixel), so that the roundings of the sums differ from one order to another.
std::vector<double> randomValues(Rng& rng, std::size_t count)
{
    std::vector<double> v(count);
    for (double& x : v) {
        const double u = rng.uniform();
        if (u < 0.05)
            x = 0.0;
        else if (u < 0.08)
            x = -0.0;
        else
            x = rng.uniform(-1.0, 1.0) * std::ldexp(1.0, static_cast<int>(rng.uniform(-20.0, 20.0)));
    }
    return v;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// The definitions, one sum at a time in the order the kernels promise.
std::vector<double> plainForward(const std::vector<double>& w, const std::vector<double>& bias,
    const std::vector<double>& x, int in, int out, int n)
{
    std::vector<double> pre(static_cast<std::size_t>(out) * n);
    for (int s = 0; s < n; ++s) {
        for (int u = 0; u < out; ++u) {
            double acc = 0.0;
            for (int k = 0; k < in; ++k)
                acc = acc + w[static_cast<std::size_t>(u) * in + k] * x[static_cast<std::size_t>(s) * in + k];
            pre[static_cast<std::size_t>(s) * out + u] = acc + bias[static_cast<std::size_t>(u)];
        }
    }
    return pre;
}

std::vector<double> plainWeightGradient(const std::vector<double>& delta, const std::vector<double>& x, int in, int out, int n)
{
    std::vector<double> gw(static_cast<std::size_t>(out) * in);
    for (int u = 0; u < out; ++u) {
        for (int k = 0; k < in; ++k) {
            double acc = 0.0;
            for (int s = 0; s < n; ++s)
                acc = acc + delta[static_cast<std::size_t>(s) * out + u] * x[static_cast<std::size_t>(s) * in + k];
            gw[static_cast<std::size_t>(u) * in + k] = acc;
        }
    }
    return gw;
}

}  // namespace

class TestDenseKernels : public QObject {
    Q_OBJECT
private slots:
    void sameBitsOnEveryIsa_data()
    {
        QTest::addColumn<int>("out");
        QTest::addColumn<int>("in");
        QTest::addColumn<int>("n");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("mlp:16 on 12 x 12, batch 32") << 16 << 144 << 32 << quint64(1);
        QTest::newRow("one of each") << 1 << 1 << 1 << quint64(2);
        QTest::newRow("remainders everywhere") << 7 << 9 << 31 << quint64(3);
        QTest::newRow("second layer of mlp:6,4") << 4 << 6 << 13 << quint64(4);
        QTest::newRow("wide, a short batch") << 33 << 300 << 5 << quint64(5);
        QTest::newRow("28 x 28 inputs, 100 units") << 100 << 784 << 8 << quint64(6);
        QTest::newRow("full batch") << 16 << 144 << 1600 << quint64(7);
    }
    void sameBitsOnEveryIsa()
    {
        QFETCH(int, out);
        QFETCH(int, in);
        QFETCH(int, n);
        QFETCH(quint64, seed);
        qInfo("seed %llu", static_cast<unsigned long long>(seed));
        Rng rng(seed);
        const auto w = randomValues(rng, static_cast<std::size_t>(out) * in);
        const auto bias = randomValues(rng, static_cast<std::size_t>(out));
        const auto x = randomValues(rng, static_cast<std::size_t>(in) * n);
        const auto delta = randomValues(rng, static_cast<std::size_t>(out) * n);
        const auto wantPre = plainForward(w, bias, x, in, out, n);
        const auto wantGw = plainWeightGradient(delta, x, in, out, n);

        int checked = 0;
        for (KernelIsa isa : {KernelIsa::Generic, KernelIsa::Avx2}) {
            if (!kernelIsaAvailable(isa)) {
                qInfo("AVX2 not available on this CPU: only the generic kernels are compared");
                continue;
            }
            std::vector<double> scratch(static_cast<std::size_t>(denseForwardScratch(in, out)), 1e300);
            std::vector<double> pre(wantPre.size(), -1.0);
            denseForward(w.data(), bias.data(), x.data(), in, out, n, pre.data(), scratch.data(), isa);
            QVERIFY2(sameBits(pre, wantPre), isa == KernelIsa::Avx2 ? "AVX2 forward" : "generic forward");
            std::vector<double> gw(wantGw.size(), -1.0);
            denseWeightGradient(delta.data(), x.data(), in, out, n, gw.data(), isa);
            QVERIFY2(sameBits(gw, wantGw), isa == KernelIsa::Avx2 ? "AVX2 weight gradient" : "generic weight gradient");
            ++checked;
        }
        QVERIFY(checked >= 1);
    }

    void bestIsaIsAvailable() { QVERIFY(kernelIsaAvailable(bestKernelIsa())); }
};

QTEST_APPLESS_MAIN(TestDenseKernels)
#include "test_dense_kernels.moc"
