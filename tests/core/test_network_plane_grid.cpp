// The network's plane grid (first layer affine in the plane's coordinates) against the network's
// own forward pass at every cell: each activation, one and two hidden layers, each loss, random
// and arbitrary planes (bias directions too), sample counts off the block size. Its tanh
// against std::tanh in ulps over a dense sweep and the special values. A cancelled grid stops
// promptly and gives nothing.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

#include "core/base/error.h"
#include "core/base/rng.h"
#include "core/landscape/landscape.h"
#include "core/landscape/network_plane_grid.h"
#include "core/landscape/plane.h"
#include "core/model/mlp_objective.h"
#include "tests/common/synthetic.h"
#include "tests/common/sanitizers.h"

using namespace downhill::core;
using downhill::test::pixelSamples;

namespace {

// Distance in units in the last place, for doubles of one sign (or zero).
double ulps(double a, double b)
{
    if (a == b)
        return 0.0;
    return std::abs(a - b) / (std::nextafter(std::abs(b), std::numeric_limits<double>::infinity()) - std::abs(b));
}

}  // namespace

class TestNetworkPlaneGrid : public QObject {
    Q_OBJECT
private slots:
    void everyCellIsTheForwardPass_data();
    void everyCellIsTheForwardPass();
    void tanhIsWithinTwoUlps();
    void tanhSpecialValues();
    void cancelledGridStopsPromptly();
    void samplesWithoutPixelsAreRefused();
};

void TestNetworkPlaneGrid::everyCellIsTheForwardPass_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("loss");
    QTest::addColumn<bool>("randomDirections");
    QTest::addColumn<int>("samples");
    const char* models[] = {"mlp:5:tanh", "mlp:5:relu", "mlp:5:sigmoid", "mlp:4,3:tanh", "mlp:4,3:relu", "mlp:4,3:sigmoid"};
    const std::pair<const char*, LossKind> losses[] = {{"mse", LossKind::Mse}, {"mae", LossKind::Mae}, {"huber", LossKind::Huber}};
    for (const char* model : models) {
        for (const auto& [name, kind] : losses) {
            for (const bool random : {true, false}) {
                const int n = random ? 150 : 64;   // off and on the block size
                QTest::addRow("%s/%s/%s", model, name, random ? "random" : "arbitrary")
                    << QString(model) << static_cast<int>(kind) << random << n;
            }
        }
    }
}

void TestNetworkPlaneGrid::everyCellIsTheForwardPass()
{
    QFETCH(QString, model);
    QFETCH(int, loss);
    QFETCH(bool, randomDirections);
    QFETCH(int, samples);
    LossSettings ls;
    ls.kind = static_cast<LossKind>(loss);
    ls.delta = 0.5;   // Huber's both sides are met
    const MlpObjective net(MlpSpec::parse(model.toStdString()), 3, Loss(ls));
    const Samples s = pixelSamples(9, samples, 11);
    const Vec origin = net.initialParameters(7);
    Plane plane;
    if (randomDirections) {
        plane = randomPlane(net, origin, 3);
    } else {
        // Every parameter moves, biases too: the first layer's bias parts e1, e2 take part.
        Rng rng(5);
        plane.origin = origin;
        plane.d1 = Vec::NullaryExpr(origin.size(), [&] { return rng.normal(); });
        plane.d2 = Vec::NullaryExpr(origin.size(), [&] { return rng.normal(); });
    }
    LandscapeRequest rq;
    rq.plane = std::make_shared<const Plane>(plane);
    rq.min1 = -1.5;
    rq.max1 = 2.0;
    rq.min2 = -0.7;
    rq.max2 = 1.3;
    rq.resolution = 11;
    const auto grid = computeLandscape(net, s, rq);
    QVERIFY(grid);
    Workspace ws;
    double worst = 0.0;
    for (int j = 0; j < rq.resolution; ++j) {
        for (int i = 0; i < rq.resolution; ++i) {
            const double expected = net.evaluate(plane.at(rq.value1(i), rq.value2(j)), s, ws);
            const double got = grid->loss(i, j);
            QVERIFY2(std::isfinite(got), qPrintable(QString("cell %1,%2").arg(i).arg(j)));
            worst = std::max(worst, std::abs(got - expected) / std::abs(expected));
        }
    }
    QVERIFY2(worst < 1e-12, qPrintable(QString("worst relative difference %1").arg(worst)));
}

void TestNetworkPlaneGrid::tanhIsWithinTwoUlps()
{
    // Dense over [-25, 25] (both branches, the switch at 0.625 and the saturation near 19),
    // then log-spread magnitudes from 1e-300 to 1e3; n not a multiple of the lanes.
    const Eigen::Index n = 2'000'003;
    Vec x(n);
    for (Eigen::Index k = 0; k < n; ++k)
        x[k] = -25.0 + 50.0 * static_cast<double>(k) / static_cast<double>(n - 1);
    Rng rng(17);
    Vec spread(200'001);
    for (Eigen::Index k = 0; k < spread.size(); ++k)
        spread[k] = (rng.chance(0.5) ? -1.0 : 1.0) * std::pow(10.0, rng.uniform(-300.0, 3.0));
    double worst = 0.0;
    for (Vec* v : {&x, &spread}) {
        Vec y = *v;
        tanhInPlace(y.data(), y.size());
        for (Eigen::Index k = 0; k < v->size(); ++k)
            worst = std::max(worst, ulps(y[k], std::tanh((*v)[k])));
    }
    qInfo("tanh: worst %.2f ulps from std::tanh", worst);
    QVERIFY(worst <= 2.0);
}

void TestNetworkPlaneGrid::tanhSpecialValues()
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    Vec x(7);
    x << 0.0, -0.0, inf, -inf, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::denorm_min(), 1e300;
    tanhInPlace(x.data(), x.size());
    QCOMPARE(x[0], 0.0);
    QVERIFY(!std::signbit(x[0]));
    QVERIFY(x[1] == 0.0 && std::signbit(x[1]));
    QCOMPARE(x[2], 1.0);
    QCOMPARE(x[3], -1.0);
    QVERIFY(std::isnan(x[4]));
    QCOMPARE(x[5], std::numeric_limits<double>::denorm_min());
    QCOMPARE(x[6], 1.0);
}

void TestNetworkPlaneGrid::cancelledGridStopsPromptly()
{
    const MlpObjective net(MlpSpec::parse("mlp:64"), 12, Loss());
    const Samples s = pixelSamples(144, 2000, 2);
    LandscapeRequest rq;
    rq.plane = std::make_shared<const Plane>(randomPlane(net, net.initialParameters(1), 1));
    rq.resolution = 1024;   // minutes if it ran to the end
    std::atomic<bool> cancel{true};
    QVERIFY(!computeLandscape(net, s, rq, LandscapeMethod::Auto, &cancel));
    cancel = false;
    const auto started = std::chrono::steady_clock::now();
    std::jthread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        cancel = true;
    });
    QVERIFY(!computeLandscape(net, s, rq, LandscapeMethod::Auto, &cancel));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // Promptly, against minutes: a bound, not a measurement (a sanitizer's build is allowed more).
    QVERIFY2(seconds < 1.0 * downhill::test::kSlowBuildFactor, qPrintable(QString("took %1 s").arg(seconds)));
}

void TestNetworkPlaneGrid::samplesWithoutPixelsAreRefused()
{
    const MlpObjective net(MlpSpec::parse("mlp:3"), 2, Loss());
    Samples s;
    s.x = Array::Zero(5);
    s.t = Array::Zero(5);
    LandscapeRequest rq;
    rq.plane = std::make_shared<const Plane>(randomPlane(net, net.initialParameters(1), 1));
    rq.resolution = 4;
    QVERIFY_THROWS_EXCEPTION(InputError, computeLandscape(net, s, rq));
}

QTEST_APPLESS_MAIN(TestNetworkPlaneGrid)
#include "test_network_plane_grid.moc"
