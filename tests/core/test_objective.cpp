#include <QtTest>

#include <cmath>
#include <limits>

#include "core/model/analytic_objective.h"
#include "core/model/data_objective.h"
#include "core/base/error.h"
#include "tests/common/synthetic.h"

#include <Eigen/Eigenvalues>

Q_DECLARE_METATYPE(downhill::core::Vec)

using namespace downhill::core;
using downhill::test::vec;
using downhill::test::lineSamples;

class TestObjective : public QObject {
    Q_OBJECT
private slots:
    // Every model x loss: the chain-rule gradient equals the central difference.
    void analyticMatchesNumeric_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("loss");
        QTest::addColumn<Vec>("at");
        for (const char* loss : {"mse", "mae", "huber"}) {
            QTest::addRow("linear %s", loss) << "linear" << loss << vec({1.3, -0.4});
            QTest::addRow("lin-exp %s", loss) << "lin-exp" << loss << vec({0.5, 1.1, 0.7});
            QTest::addRow("lin-exp %s negative c", loss) << "lin-exp" << loss << vec({-1.0, 2.5, -0.8});
            QTest::addRow("fold %s", loss) << "fold" << loss << vec({-0.7, 2.0});
            QTest::addRow("fold %s far", loss) << "fold" << loss << vec({1.9, -1.0});
        }
    }
    void analyticMatchesNumeric()
    {
        QFETCH(QString, model);
        QFETCH(QString, loss);
        QFETCH(Vec, at);
        const auto objective = makeObjective(model.toStdString(), {lossKindFromName(loss.toStdString()), 0.8});
        const Samples s = lineSamples(200);
        const auto check = checkGradient(*objective, at, s, 1e-6);
        QVERIFY2(check.maxRelError < 1e-6, qPrintable(QString("max rel error %1").arg(check.maxRelError)));
    }

    // The chain rule written out by hand for the linear model with mse on three samples.
    void linearMseByHand()
    {
        Samples s;
        s.x = Array{{1.0, 2.0, 3.0}};
        s.t = Array{{2.0, 3.0, 7.0}};
        const auto objective = makeObjective("linear", {});
        Workspace ws;
        Vec g;
        // w = 2, b = 1: y = 3, 5, 7; r = 1, 2, 0; L = (1 + 4 + 0) / 3
        const double loss = objective->evaluateWithGradient(vec({2.0, 1.0}), s, g, ws);
        QCOMPARE(loss, 5.0 / 3.0);
        // dL/dw = mean(2 r x) = (2 + 8 + 0) / 3; dL/db = mean(2 r) = (2 + 4 + 0) / 3
        QCOMPARE(g[0], 10.0 / 3.0);
        QCOMPARE(g[1], 2.0);
    }

    void analyticFunctions_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto& n : AnalyticObjective::names())
            QTest::newRow(n.c_str()) << QString::fromStdString(n);
    }
    void analyticFunctions()
    {
        QFETCH(QString, name);
        const auto objective = makeObjective(name.toStdString(), {});
        const auto* f = dynamic_cast<const AnalyticObjective*>(objective.get());
        QVERIFY(f);
        QVERIFY(!f->usesData());
        // Gradient matches numeric at a few points, and vanishes at every known minimum, where
        // the value is the lowest around.
        for (const auto& at : {vec({0.3, -0.7}), vec({-1.2, 1.5}), f->defaultInit()}) {
            const auto check = checkGradient(*f, at, {}, 1e-6);
            QVERIFY2(check.maxRelError < 1e-6, qPrintable(QString::number(check.maxRelError)));
        }
        for (const auto& m : f->knownMinima()) {
            Vec g;
            Workspace ws;
            const double v = f->evaluateWithGradient(vec({m[0], m[1]}), {}, g, ws);
            QVERIFY2(g.norm() < 1e-4, qPrintable(QString("gradient %1 at minimum").arg(g.norm())));
            for (double dx : {-1e-3, 1e-3})
                for (double dy : {-1e-3, 1e-3})
                    QVERIFY(f->value(m[0] + dx, m[1] + dy) >= v);
        }
        const auto range = f->defaultRange();
        QVERIFY(range[0] < range[1] && range[2] < range[3]);
    }

    void saddleIsASaddle()
    {
        const AnalyticObjective f(AnalyticKind::Saddle);
        QCOMPARE(f.value(0, 0), 0.0);
        QVERIFY(f.value(0.1, 0) > 0);
        QVERIFY(f.value(0, 0.1) < 0);
        QVERIFY(f.knownMinima().empty());
    }

    void unknownNames()
    {
        try {
            makeObjective("cubic", {});
            QFAIL("no exception");
        } catch (const InputError& e) {
            const QString m = e.what();
            QVERIFY(m.contains("cubic"));
            QVERIFY(m.contains("lin-exp"));
            QVERIFY(m.contains("rosenbrock"));
        }
        QVERIFY_THROWS_EXCEPTION(InputError, checkGradient(*makeObjective("linear", {}), vec({0, 0}), lineSamples(5), 0.0));
    }

    // A check of some parameters only: those agree with the full check to the bit, the others
    // are not computed; the largest gradients come largest first.
    void checkOfAFew()
    {
        const auto objective = makeObjective("lin-exp", {LossKind::Huber, 0.7});
        const Samples s = lineSamples(40);
        const Vec at = vec({0.3, -0.2, 0.4});
        const auto all = checkGradient(*objective, at, s, 1e-6);
        const auto few = checkGradient(*objective, at, s, 1e-6, {2, 0});
        QCOMPARE(int(few.checked.size()), 2);
        QCOMPARE(few.numeric[2], all.numeric[2]);
        QCOMPARE(few.numeric[0], all.numeric[0]);
        QVERIFY(std::isnan(few.numeric[1]));
        QVERIFY(few.analytic == all.analytic);
        QVERIFY(few.maxRelError <= all.maxRelError);
        QVERIFY_THROWS_EXCEPTION(InputError, checkGradient(*objective, at, s, 1e-6, {3}));
        const auto order = largestGradients(vec({0.5, -3, 2, -3}), 3);
        QCOMPARE(int(order.size()), 3);
        QCOMPARE(order[0], Eigen::Index{1});   // ties: the lower index first
        QCOMPARE(order[1], Eigen::Index{3});
        QCOMPARE(order[2], Eigen::Index{2});
        QCOMPARE(int(largestGradients(vec({1, 2}), 5).size()), 2);
    }

    // fold: y = (a^3 - 3a) x + b. With least-squares slope s* > 2 the landscape has the global
    // minimum at the real root of a^3 - 3a = s*, a worse local minimum at a = -1 and a saddle at
    // a = +1 (README). Check the gradient and the curvature at each, from the closed forms.
    void foldCriticalPoints()
    {
        const Samples s = lineSamples(400, 4.5, 0.2, 0.5);
        const auto fit = downhill::test::leastSquares(s);
        QVERIFY(fit.slope > 2.0);
        const double meanX = s.x.mean();
        const double meanT = s.t.mean();
        // Real root of a^3 - 3a - s* = 0 for s* > 2 (Cardano: one real root).
        const double q = fit.slope;
        const double root = std::cbrt(q / 2 + std::sqrt(q * q / 4 - 1)) + std::cbrt(q / 2 - std::sqrt(q * q / 4 - 1));
        QVERIFY(std::abs(root * root * root - 3 * root - q) < 1e-9);
        const auto objective = makeObjective("fold", {});
        struct Point {
            Vec w;
            int negativeEigenvalues;
        };
        const Point points[] = {
            {vec({root, fit.intercept}), 0},               // global minimum
            {vec({-1.0, meanT - 2.0 * meanX}), 0},         // local minimum
            {vec({1.0, meanT + 2.0 * meanX}), 1},          // saddle
        };
        Workspace ws;
        Vec g;
        double values[3];
        int k = 0;
        for (const auto& p : points) {
            values[k++] = objective->evaluateWithGradient(p.w, s, g, ws);
            QVERIFY2(g.norm() < 1e-8, qPrintable(QString("gradient norm %1").arg(g.norm())));
            // Hessian by central differences of the gradient.
            Eigen::Matrix2d hessian;
            const double h = 1e-5;
            for (int j = 0; j < 2; ++j) {
                Vec up = p.w, down = p.w, gu, gd;
                up[j] += h;
                down[j] -= h;
                objective->evaluateWithGradient(up, s, gu, ws);
                objective->evaluateWithGradient(down, s, gd, ws);
                hessian.col(j) = (gu - gd) / (2 * h);
            }
            const Eigen::Vector2d eig = Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d>(0.5 * (hessian + hessian.transpose())).eigenvalues();
            const auto negative = static_cast<int>((eig.array() < 0).count());
            QCOMPARE(negative, p.negativeEigenvalues);
        }
        QVERIFY(values[0] < values[1]);  // the global minimum is lower than the local one
        QVERIFY(values[1] < values[2]);  // and the saddle is higher than both
    }

    // lin-exp's exp(c x) at an exponent far below the double range (rate 10 with Adam drove c
    // to about -1600): never a subnormal number, which x86 computes a hundred times slower;
    // exactly 0 where the true value is below the smallest normal double, std::exp's value
    // elsewhere (to an ulp: Eigen's vectorised exp), NaN for a NaN parameter. In the prediction
    // and in the Jacobian's row for c, x exp(c x), which is flushed where it is subnormal itself.
    void linExpNeverSubnormal()
    {
        const auto model = makeModel("lin-exp");
        const double c = -1625.0;
        Array x(2001);
        for (Eigen::Index i = 0; i < x.size(); ++i)
            x[i] = 1.5 * static_cast<double>(i) / 2000.0;   // c x from 0 to -2437.5
        Array y, row;
        Array2D jac;
        model->predict(x, vec({0.0, 0.0, c}), y);
        model->jacobian(x, vec({0.0, 0.0, c}), jac);
        model->jacobianRow(x, vec({0.0, 0.0, c}), 2, row);
        int zeros = 0, normals = 0;
        for (Eigen::Index i = 0; i < x.size(); ++i) {
            const double exact = std::exp(c * x[i]);
            QVERIFY2(std::fpclassify(y[i]) != FP_SUBNORMAL, qPrintable(QString::number(i)));
            QVERIFY(std::fpclassify(jac(2, i)) != FP_SUBNORMAL);
            QCOMPARE(row[i], jac(2, i));
            const double exactRow = x[i] * exact;
            if (std::abs(exactRow) >= std::numeric_limits<double>::min())
                QVERIFY(std::abs(jac(2, i) - exactRow) <= 4 * std::numeric_limits<double>::epsilon() * std::abs(exactRow));
            else
                QCOMPARE(jac(2, i), 0.0);
            if (exact < std::numeric_limits<double>::min()) {
                QCOMPARE(y[i], 0.0);
                QCOMPARE(jac(2, i), 0.0);
                ++zeros;
            } else {
                QVERIFY2(std::abs(y[i] - exact) <= 2 * std::numeric_limits<double>::epsilon() * exact,
                    qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(y[i]).arg(exact)));
                ++normals;
            }
        }
        QVERIFY(zeros > 1000 && normals > 500);   // both sides of the cut, in the vector and its tail
        model->predict(x, vec({0.0, 0.0, std::nan("")}), y);
        QVERIFY(std::isnan(y[1]) && std::isnan(y[x.size() - 1]));
    }
};

QTEST_APPLESS_MAIN(TestObjective)
#include "test_objective.moc"
