#include <QtTest>

#include <atomic>
#include <cmath>
#include <limits>

#include "core/model/analytic_objective.h"
#include "core/geometry/contours.h"
#include "core/model/data_objective.h"
#include "core/base/error.h"
#include "core/landscape/landscape.h"
#include "tests/common/synthetic.h"

using namespace downhill::core;
using downhill::test::lineSamples;

namespace {

LandscapeRequest request(const Objective& objective, int axis1, int axis2, int resolution)
{
    LandscapeRequest rq;
    rq.axis1 = axis1;
    rq.axis2 = axis2;
    rq.origin = objective.defaultInit();
    rq.min1 = -2.0;
    rq.max1 = 3.0;
    rq.min2 = -1.5;
    rq.max2 = 2.5;
    rq.resolution = resolution;
    return rq;
}

double maxRelativeDifference(const Array2D& a, const Array2D& b)
{
    return ((a - b).abs() / a.abs().max(b.abs()).max(1e-300)).maxCoeff();
}

}  // namespace

class TestLandscape : public QObject {
    Q_OBJECT
private slots:
    // The exact shortcuts (sufficient statistics for mse, the swept pieces for mae and huber)
    // equal every per-sample loss summed.
    void shortcutEqualsGeneral_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("axis1");
        QTest::addColumn<int>("axis2");
        QTest::addColumn<QString>("loss");
        for (const char* loss : {"mse", "mae", "huber"}) {
            QTest::addRow("linear w,b %s", loss) << "linear" << 0 << 1 << loss;
            QTest::addRow("linear b,w (swapped) %s", loss) << "linear" << 1 << 0 << loss;
            QTest::addRow("lin-exp a,b %s", loss) << "lin-exp" << 0 << 1 << loss;
            QTest::addRow("lin-exp a,c (a affine) %s", loss) << "lin-exp" << 0 << 2 << loss;
            QTest::addRow("lin-exp c,b (b affine, vertical) %s", loss) << "lin-exp" << 2 << 1 << loss;
            QTest::addRow("fold a,b (b affine) %s", loss) << "fold" << 0 << 1 << loss;
        }
    }
    void shortcutEqualsGeneral()
    {
        QFETCH(QString, model);
        QFETCH(int, axis1);
        QFETCH(int, axis2);
        QFETCH(QString, loss);
        const Samples s = lineSamples(500);
        // A huber threshold the residuals cross often, so every piece is swept.
        const auto objective = makeObjective(model.toStdString(), {lossKindFromName(loss.toStdString()), 0.6});
        const auto rq = request(*objective, axis1, axis2, 41);
        const auto fast = computeLandscape(*objective, s, rq, LandscapeMethod::Auto);
        const auto general = computeLandscape(*objective, s, rq, LandscapeMethod::General);
        QVERIFY(fast && general);
        QVERIFY(fast->shortcut);
        QVERIFY(!general->shortcut);
        QVERIFY2(maxRelativeDifference(fast->loss, general->loss) < 1e-9,
            qPrintable(QString::number(maxRelativeDifference(fast->loss, general->loss))));
        QCOMPARE(fast->argmin1, general->argmin1);
        QCOMPARE(fast->argmin2, general->argmin2);
    }

    // The sweep where it is easiest to get wrong: samples whose feature is 0 (their residual does
    // not move along w), breakpoints exactly on grid values (small integers, a grid of eighths),
    // and a count that leaves the last block of samples part full. Each cell is checked against
    // the loss written out here, one sample at a time.
    void sweepOnGridValuesAndFlatSamples_data()
    {
        QTest::addColumn<QString>("loss");
        QTest::addColumn<int>("innerAxis");
        for (const char* loss : {"mae", "huber"}) {
            QTest::addRow("%s along w", loss) << loss << 0;
            QTest::addRow("%s along b", loss) << loss << 1;
        }
    }
    void sweepOnGridValuesAndFlatSamples()
    {
        QFETCH(QString, loss);
        QFETCH(int, innerAxis);
        Samples s;
        const int n = 701;
        s.x.resize(n);
        s.t.resize(n);
        for (int i = 0; i < n; ++i) {
            s.x[i] = static_cast<double>(i % 5 - 2);   // -2 .. 2, a fifth of them 0
            s.t[i] = static_cast<double>((i * 7) % 9 - 3);
        }
        const double delta = 0.5;
        const auto objective = makeObjective("linear", {lossKindFromName(loss.toStdString()), delta});
        LandscapeRequest rq = request(*objective, innerAxis, 1 - innerAxis, 41);
        rq.min1 = rq.min2 = -2.0;
        rq.max1 = rq.max2 = 3.0;   // steps of 1/8
        const auto grid = computeLandscape(*objective, s, rq);
        QVERIFY(grid && grid->shortcut);
        const bool huber = loss == "huber";
        for (int j = 0; j < rq.resolution; ++j) {
            for (int i = 0; i < rq.resolution; ++i) {
                const double w = innerAxis == 0 ? rq.value1(i) : rq.value2(j);
                const double b = innerAxis == 0 ? rq.value2(j) : rq.value1(i);
                double sum = 0;
                for (int k = 0; k < n; ++k) {
                    const double r = std::abs(w * s.x[k] + b - s.t[k]);
                    sum += !huber ? r : r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
                }
                const double expected = sum / n;
                QVERIFY2(std::abs(grid->loss(i, j) - expected) <= 1e-12 * std::max(1.0, expected),
                    qPrintable(QString("cell %1,%2 (w %3, b %4): %5 vs %6")
                                   .arg(i).arg(j).arg(w).arg(b).arg(grid->loss(i, j), 0, 'g', 17).arg(expected, 0, 'g', 17)));
            }
        }
    }

    // The general path against Objective::evaluate at every cell, for every loss.
    void generalMatchesPointwise_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("loss");
        for (const char* m : {"linear", "lin-exp", "fold"})
            for (const char* l : {"mse", "mae", "huber"})
                QTest::addRow("%s %s", m, l) << m << l;
    }
    void generalMatchesPointwise()
    {
        QFETCH(QString, model);
        QFETCH(QString, loss);
        const Samples s = lineSamples(150);
        const auto objective = makeObjective(model.toStdString(), {lossKindFromName(loss.toStdString()), 0.6});
        const int last = objective->parameterCount() - 1;
        const auto rq = request(*objective, last, 0, 17);
        const auto grid = computeLandscape(*objective, s, rq);
        QVERIFY(grid);
        Workspace ws;
        for (int j = 0; j < rq.resolution; ++j) {
            for (int i = 0; i < rq.resolution; ++i) {
                Vec w = rq.origin;
                w[rq.axis1] = rq.value1(i);
                w[rq.axis2] = rq.value2(j);
                const double expected = objective->evaluate(w, s, ws);
                QVERIFY2(std::abs(grid->loss(i, j) - expected) <= 1e-10 * std::max(1.0, std::abs(expected)),
                    qPrintable(QString("cell %1,%2: %3 vs %4").arg(i).arg(j).arg(grid->loss(i, j)).arg(expected)));
            }
        }
        // The reported minimum is the smallest cell.
        QCOMPARE(grid->minLoss, grid->loss.minCoeff());
        QCOMPARE(grid->loss(grid->argmin1, grid->argmin2), grid->minLoss);
        QCOMPARE(grid->maxLoss, grid->loss.maxCoeff());
    }

    void gridMinimumNearLeastSquares()
    {
        const Samples s = lineSamples(1000);
        const auto fit = downhill::test::leastSquares(s);
        const auto objective = makeObjective("linear", {});
        LandscapeRequest rq = request(*objective, 0, 1, 201);
        rq.min1 = 0;
        rq.max1 = 10;
        rq.min2 = -5;
        rq.max2 = 5;
        const auto grid = computeLandscape(*objective, s, rq);
        QVERIFY(std::abs(rq.value1(grid->argmin1) - fit.slope) <= 0.05 + 1e-12);
        QVERIFY(std::abs(rq.value2(grid->argmin2) - fit.intercept) <= 0.05 + 1e-12);
    }

    void analyticGrid()
    {
        const AnalyticObjective f(AnalyticKind::Himmelblau);
        LandscapeRequest rq;
        rq.origin = f.defaultInit();
        rq.min1 = -5;
        rq.max1 = 5;
        rq.min2 = -5;
        rq.max2 = 5;
        rq.resolution = 101;  // spacing 0.1: (3, 2) is a node
        const auto grid = computeLandscape(f, {}, rq);
        QVERIFY(grid);
        QCOMPARE(grid->loss(80, 70), f.value(3.0, 2.0));
        QVERIFY(grid->minLoss < 0.05);
    }

    void gradientFieldMatchesGradient()
    {
        const Samples s = lineSamples(100);
        const auto objective = makeObjective("lin-exp", {LossKind::Huber, 1.0});
        const auto rq = request(*objective, 1, 2, 9);
        const auto field = computeGradientField(*objective, s, rq);
        QVERIFY(field);
        Workspace ws;
        Vec g;
        Vec w = rq.origin;
        w[1] = rq.value1(3);
        w[2] = rq.value2(5);
        objective->evaluateWithGradient(w, s, g, ws);
        QCOMPARE(field->d1(3, 5), g[1]);
        QCOMPARE(field->d2(3, 5), g[2]);
    }

    void cancelGivesNothing()
    {
        const Samples s = lineSamples(100);
        const auto objective = makeObjective("linear", {LossKind::Mae, 1.0});
        std::atomic<bool> cancel{true};
        QVERIFY(!computeLandscape(*objective, s, request(*objective, 0, 1, 64), LandscapeMethod::Auto, &cancel));
        QVERIFY(!computeGradientField(*objective, s, request(*objective, 0, 1, 8), &cancel));
    }

    void rejectsBadRequests_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("says");
        QTest::newRow("same axes") << 0 << "different";
        QTest::newRow("axis out of range") << 1 << "axis";
        QTest::newRow("empty range") << 2 << "min < max";
        QTest::newRow("grid too small") << 3 << "resolution";
        QTest::newRow("grid too large") << 4 << "resolution";
        QTest::newRow("nan range") << 5 << "finite";
        QTest::newRow("wrong origin size") << 6 << "origin";
    }
    void rejectsBadRequests()
    {
        QFETCH(int, which);
        QFETCH(QString, says);
        const auto objective = makeObjective("linear", {});
        LandscapeRequest rq = request(*objective, 0, 1, 16);
        switch (which) {
        case 0: rq.axis2 = 0; break;
        case 1: rq.axis2 = 2; break;
        case 2: rq.max1 = rq.min1; break;
        case 3: rq.resolution = 1; break;
        case 4: rq.resolution = kMaxGridResolution + 1; break;
        case 5: rq.max2 = std::nan(""); break;
        case 6: rq.origin = Vec::Zero(3); break;
        }
        try {
            computeLandscape(*objective, lineSamples(10), rq);
            QFAIL("accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains(says), e.what());
        }
    }

    // The one range rule (CLI, render, settings files and requests ask it): the hostile
    // ranges found by hand are refused with a reason, ordinary and merely large ones pass.
    void gridAxisRule_data()
    {
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<int>("resolution");
        QTest::addColumn<QString>("says");   // empty: accepted
        QTest::newRow("ordinary") << -1.0 << 1.0 << 128 << "";
        QTest::newRow("large but drawable") << -1e100 << 1e100 << 4096 << "";
        QTest::newRow("small but drawable") << 0.0 << 1e-90 << 4096 << "";
        QTest::newRow("width overflows") << -1e308 << 1e308 << 3 << "within";
        QTest::newRow("infinite end") << 0.0 << std::numeric_limits<double>::infinity() << 3 << "finite";
        QTest::newRow("tiny width") << 0.0 << 1e-300 << 128 << "width";
        QTest::newRow("subnormal width") << 0.0 << 4e-320 << 2 << "width";
        QTest::newRow("reversed") << 1.0 << -1.0 << 8 << "min < max";
        QTest::newRow("points not apart") << 1e15 << 1e15 + 1 << 128 << "told apart";
    }
    void gridAxisRule()
    {
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(int, resolution);
        QFETCH(QString, says);
        const QString problem = QString::fromStdString(gridAxisProblem(min, max, resolution));
        if (says.isEmpty()) {
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            // Accepted: every grid point is finite and the points strictly increase.
            LandscapeRequest rq;
            rq.min1 = min;
            rq.max1 = max;
            rq.resolution = resolution;
            for (int i = 1; i < resolution; ++i)
                QVERIFY(std::isfinite(rq.value1(i)) && rq.value1(i) > rq.value1(i - 1));
        } else {
            QVERIFY2(problem.contains(says), qPrintable(problem));
        }
    }

    // A bowl f = x^2 + y^2: the contour at level r^2 is the circle of radius r.
    void contoursOfABowl()
    {
        const AnalyticObjective f(AnalyticKind::IllConditioned);  // (x^2 + 50 y^2) / 2
        LandscapeRequest rq;
        rq.origin = Vec::Zero(2);
        rq.min1 = -4;
        rq.max1 = 4;
        rq.min2 = -1;
        rq.max2 = 1;
        rq.resolution = 161;
        const auto grid = computeLandscape(f, {}, rq);
        const auto contours = computeContours(*grid, {2.0, 4.5});
        QCOMPARE(contours.size(), std::size_t(2));
        for (const auto& c : contours) {
            QVERIFY(c.segments.size() > 20);
            for (const auto& seg : c.segments) {
                for (int k = 0; k < 4; k += 2) {
                    const double v = f.value(seg[k], seg[k + 1]);
                    // Linear interpolation on a 0.05 x 0.0125 grid: a small relative error.
                    QVERIFY2(std::abs(v - c.level) < 0.01 * c.level, qPrintable(QString::number(v)));
                }
            }
        }
        // Levels spread over the values, strictly increasing, inside the range.
        const auto levels = contourLevels(*grid, 12);
        QVERIFY(levels.size() >= 8);
        for (std::size_t k = 1; k < levels.size(); ++k)
            QVERIFY(levels[k] > levels[k - 1]);
        QVERIFY(levels.front() >= grid->minLoss && levels.back() <= grid->maxLoss);
    }

    void contoursSkipNonFiniteCells()
    {
        LandscapeGrid grid;
        grid.request.origin = Vec::Zero(2);
        grid.request.resolution = 3;
        grid.loss = Array2D::Constant(3, 3, 1.0);
        grid.loss(1, 1) = std::nan("");
        grid.loss(2, 2) = 3.0;
        const auto contours = computeContours(grid, {2.0});
        QVERIFY(contours[0].segments.empty());  // the only crossing cell has a NaN corner
    }
};

QTEST_APPLESS_MAIN(TestLandscape)
#include "test_landscape.moc"
