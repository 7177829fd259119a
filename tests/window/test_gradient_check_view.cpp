// GradientCheckView: the table holds the analytic and the central-difference gradient at the
// slider's h, and the error curve over h = 1e-12 .. 1 has the shape numerical analysis predicts:
// small at h = 1e-5, rising again for tiny h (rounding), and for a smooth non-quadratic model a
// minimum between 1e-8 and 1e-3 (truncation on the right).
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <cmath>

#include <qcustomplot.h>

#include "window/landscape/gradient_check_view.h"
#include "core/model/objective.h"
#include "tests/common/synthetic.h"

using namespace downhill;
using downhill::ui::GradientCheckView;

namespace {

// The central difference written out here, independently of core::numericGradient.
core::Vec centralDifference(const core::Objective& objective, const core::Vec& w, const core::Samples& samples, double h)
{
    core::Workspace ws;
    core::Vec g(w.size());
    for (Eigen::Index j = 0; j < w.size(); ++j) {
        core::Vec up = w, down = w;
        up[j] += h;
        down[j] -= h;
        g[j] = (objective.evaluate(up, samples, ws) - objective.evaluate(down, samples, ws)) / (2 * h);
    }
    return g;
}

double maxRelativeError(const core::Vec& a, const core::Vec& n)
{
    double worst = 0;
    for (Eigen::Index j = 0; j < a.size(); ++j)
        worst = std::max(worst, std::abs(a[j] - n[j]) / std::max({std::abs(a[j]), std::abs(n[j]), 1e-12}));
    return worst;
}

double errorAt(const QVector<QPointF>& curve, double h)
{
    for (const QPointF& p : curve)
        if (std::abs(std::log10(p.x()) - std::log10(h)) < 1e-9)
            return p.y();
    return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

class TestGradientCheckView : public QObject {
    Q_OBJECT

private slots:
    void sliderIsLogarithmic()
    {
        GradientCheckView view;
        auto* slider = view.findChild<QSlider*>(QStringLiteral("stepSlider"));
        QVERIFY(slider);
        QCOMPARE(slider->minimum(), 0);
        QCOMPARE(slider->maximum(), GradientCheckView::kCurvePoints - 1);
        QCOMPARE(GradientCheckView::kCurvePoints, 49);
        QCOMPARE(GradientCheckView::stepAt(0), 1e-12);
        QCOMPARE(GradientCheckView::stepAt(48), 1.0);
        QVERIFY(std::abs(GradientCheckView::stepAt(28) / 1e-5 - 1) < 1e-12);
        QVERIFY(std::abs(view.step() / 1e-5 - 1) < 1e-12);  // starts where checks are usually made
        view.setStep(3e-7);
        QVERIFY(std::abs(view.step() / std::pow(10.0, -6.5) - 1) < 1e-12);
        QVERIFY(!slider->isEnabled());  // nothing to check yet
    }

    void errorCurveHasTheExpectedShape_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("smooth");  // non-quadratic: truncation error on the right
        QTest::newRow("linear + mse") << QStringLiteral("linear") << false;
        QTest::newRow("lin-exp + mse") << QStringLiteral("lin-exp") << true;
    }

    void errorCurveHasTheExpectedShape()
    {
        QFETCH(QString, model);
        QFETCH(bool, smooth);
        const auto objective = core::makeObjective(model.toStdString(), {});
        const core::Samples samples = test::lineSamples(1600);
        const core::Vec point = objective->defaultInit();

        GradientCheckView view;
        view.resize(900, 600);
        view.show();
        QSignalSpy ready(&view, &GradientCheckView::curveReady);
        view.setProblem(objective, samples, point);
        QVERIFY(ready.wait(10000));
        QVERIFY(!view.isComputing());

        // The table at h = 1e-5: the analytic gradient and the central difference, each equal to
        // what we compute here, and agreeing to better than 1e-6.
        view.setStep(1e-5);
        core::Workspace ws;
        core::Vec analytic;
        objective->evaluateWithGradient(point, samples, analytic, ws);
        const core::Vec numeric = centralDifference(*objective, point, samples, 1e-5);
        auto* table = view.findChild<QTableWidget*>(QStringLiteral("gradientTable"));
        QCOMPARE(table->rowCount(), objective->parameterCount());
        for (int j = 0; j < table->rowCount(); ++j) {
            QCOMPARE(table->item(j, 0)->text(), QString::fromStdString(objective->parameterNames()[static_cast<std::size_t>(j)]));
            QCOMPARE(table->item(j, 1)->text().toDouble(), QString::number(analytic[j], 'g', 10).toDouble());
            QCOMPARE(table->item(j, 2)->text().toDouble(), QString::number(numeric[j], 'g', 10).toDouble());
        }
        const double atFiveDigits = maxRelativeError(analytic, numeric);
        QVERIFY2(atFiveDigits < 1e-6, qPrintable(QString::number(atFiveDigits)));
        QVERIFY(view.currentCheck().maxRelError < 1e-6);

        const auto& curve = view.errorCurve();
        QCOMPARE(curve.size(), 49);
        QCOMPARE(curve.front().x(), 1e-12);
        QCOMPARE(curve.back().x(), 1.0);
        for (int k : {0, 20, 28, 40, 48})
            QCOMPARE(curve[k].y(), maxRelativeError(analytic, centralDifference(*objective, point, samples, curve[k].x())));
        QVERIFY(errorAt(curve, 1e-5) < 1e-6);
        // Rounding: at h = 1e-12 the difference of two nearly equal losses has lost its digits.
        QVERIFY2(errorAt(curve, 1e-12) > errorAt(curve, 1e-6),
            qPrintable(QStringLiteral("%1 vs %2").arg(errorAt(curve, 1e-12)).arg(errorAt(curve, 1e-6))));
        if (smooth) {
            const auto best = std::min_element(curve.begin(), curve.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); });
            QVERIFY2(best->x() >= 1e-8 && best->x() <= 1e-3, qPrintable(QString::number(best->x())));
            QVERIFY(errorAt(curve, 1.0) > best->y() * 100);  // truncation on the right of the V
        }

        // The plot shows the curve and marks the slider's h on it.
        auto* plot = view.findChild<QCustomPlot*>(QStringLiteral("errorPlot"));
        QVERIFY(plot);
        QCPGraph* line = nullptr;
        QCPGraph* marker = nullptr;
        for (int g = 0; g < plot->graphCount(); ++g) {
            if (plot->graph(g)->objectName() == QStringLiteral("errorCurve"))
                line = plot->graph(g);
            if (plot->graph(g)->objectName() == QStringLiteral("currentStep"))
                marker = plot->graph(g);
        }
        QVERIFY(line && marker);
        QCOMPARE(line->data()->size(), 49);
        QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(marker->data()->size(), 1);
        QVERIFY(std::abs(marker->data()->at(0)->key / 1e-5 - 1) < 1e-12);
        view.setStep(1e-9);
        QVERIFY(std::abs(marker->data()->at(0)->key / 1e-9 - 1) < 1e-12);
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("stepLabel"))->text().contains(QStringLiteral("1e-09")));
    }

    // A second problem set before the first curve is done: only the second curve arrives.
    void newerProblemReplacesTheOlder()
    {
        const auto linear = core::makeObjective("linear", {});
        const auto linExp = core::makeObjective("lin-exp", {});
        const core::Samples samples = test::lineSamples(800);
        GradientCheckView view;
        QSignalSpy ready(&view, &GradientCheckView::curveReady);
        view.setProblem(linear, samples, linear->defaultInit());
        view.setProblem(linExp, samples, linExp->defaultInit());
        QVERIFY(view.isComputing());
        QVERIFY(ready.wait(10000));
        QTest::qWait(50);  // the first job, if it was not cancelled in time, must not arrive late
        QCOMPARE(ready.count(), 1);
        QCOMPARE(view.findChild<QTableWidget*>(QStringLiteral("gradientTable"))->rowCount(), 3);
        core::Workspace ws;
        core::Vec analytic;
        linExp->evaluateWithGradient(linExp->defaultInit(), samples, analytic, ws);
        const double h = view.errorCurve()[30].x();
        QCOMPARE(view.errorCurve()[30].y(), maxRelativeError(analytic, centralDifference(*linExp, linExp->defaultInit(), samples, h)));
    }

    void maeNoteNamesTheKink()
    {
        core::LossSettings mae;
        mae.kind = core::LossKind::Mae;
        const auto objective = core::makeObjective("linear", mae);
        GradientCheckView view;
        QSignalSpy ready(&view, &GradientCheckView::curveReady);
        view.setProblem(objective, test::lineSamples(400), core::Vec{{4.4, 0.3}});
        QVERIFY(ready.wait(10000));
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("noteLabel"))->text().contains(QStringLiteral("kink")));
        view.clear();
        QVERIFY(!view.hasProblem());
        QCOMPARE(view.findChild<QTableWidget*>(QStringLiteral("gradientTable"))->rowCount(), 0);
    }

    void analyticFunctionNeedsNoSamples()
    {
        const auto rosenbrock = core::makeObjective("rosenbrock", {});
        GradientCheckView view;
        QSignalSpy ready(&view, &GradientCheckView::curveReady);
        view.setProblem(rosenbrock, {}, core::Vec{{-1.2, 1.0}});
        QVERIFY(ready.wait(10000));
        view.setStep(1e-5);
        QVERIFY(view.currentCheck().maxRelError < 1e-6);
        // The gradient of the formula: (-2(1-x) - 400x(y-x^2), 200(y-x^2)) = (-215.6, -88).
        QVERIFY(std::abs(view.currentCheck().analytic[0] + 215.6) < 1e-9);
        QVERIFY(std::abs(view.currentCheck().analytic[1] + 88.0) < 1e-9);
        // A point of the wrong size clears the view instead of checking nonsense.
        view.setProblem(rosenbrock, {}, core::Vec{{1.0, 2.0, 3.0}});
        QVERIFY(!view.hasProblem());
    }
};

QTEST_MAIN(TestGradientCheckView)
#include "test_gradient_check_view.moc"
