// The window at its numeric extremes: every number box of the control panel at both ends of its
// range, for every optimizer (so that each optimizer's own boxes are reached), with steps taken
// there; and the largest learning rate with the largest momentum for every optimizer, at batch 1
// and full batch, played at full speed. Whatever happens to the run, no plot axis gets a range
// that is not finite, the current point stays finite, a divergence is shown in the banner, and
// Reset with a sane rate brings a run that works.
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QtTest>

#include <cmath>
#include <set>

#include <qcustomplot.h>

#include "session/run/training_controller.h"
#include "tests/common/controller_sync.h"
#include "tests/common/window_harness.h"
#include "window/shell/appearance.h"
#include "window/shell/main_window.h"

using namespace downhill;
using downhill::test::action;
using downhill::test::openWindow;
using downhill::test::setSpeedMax;
using downhill::test::syncWith;

namespace {

// Every axis of every plot in the window (landscape, loss, surfaces side by side, race) with a
// range that is not finite, named for the message; empty when all are finite.
QString badAxes(const QWidget& window)
{
    QString bad;
    for (const QCustomPlot* plot : window.findChildren<QCustomPlot*>()) {
        for (const QCPAxisRect* rect : plot->axisRects()) {
            for (const QCPAxis* axis : rect->axes()) {
                const QCPRange r = axis->range();
                if (!std::isfinite(r.lower) || !std::isfinite(r.upper) || !(r.upper > r.lower))
                    bad += QStringLiteral("%1 axis %2: [%3, %4]; ").arg(plot->objectName()).arg(axis->axisType()).arg(r.lower).arg(r.upper);
            }
        }
    }
    return bad;
}

// Steps, then lets the window draw what came.
bool takeSteps(ui::MainWindow& w, int steps)
{
    for (int i = 0; i < steps; ++i)
        action(w, "stepAction")->trigger();
    if (!syncWith(w.controller()))
        return false;
    QTest::qWait(40);   // a few frames
    return true;
}

}  // namespace

class TestExtremes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyNumberAtBothEnds();
    void largestRateInEveryOptimizer_data();
    void largestRateInEveryOptimizer();
};

void TestExtremes::initTestCase()
{
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
}

void TestExtremes::everyNumberAtBothEnds()
{
    auto w = openWindow();
    QVERIFY(w);
    auto* panel = w->findChild<QWidget*>(QStringLiteral("controlPanel"));
    auto* optimizer = w->findChild<QComboBox*>(QStringLiteral("optimizerCombo"));
    QVERIFY(panel && optimizer);
    std::set<QString> swept;
    int cases = 0;
    for (int o = 0; o < optimizer->count(); ++o) {
        optimizer->setCurrentIndex(o);
        QVERIFY(takeSteps(*w, 1));
        for (QAbstractSpinBox* box : panel->findChildren<QAbstractSpinBox*>()) {
            if (!box->isVisibleTo(panel) || !box->isEnabled() || box->objectName().isEmpty() || swept.contains(box->objectName()))
                continue;
            swept.insert(box->objectName());
            auto* d = qobject_cast<QDoubleSpinBox*>(box);
            auto* i = qobject_cast<QSpinBox*>(box);
            if (!d && !i)
                continue;
            const double original = d ? d->value() : i->value();
            for (const bool top : {false, true}) {
                if (d)
                    d->setValue(top ? d->maximum() : d->minimum());
                else
                    i->setValue(top ? i->maximum() : i->minimum());
                const QString what = QStringLiteral("%1 (%2) at its %3").arg(box->objectName(), optimizer->itemText(o), top ? "maximum" : "minimum");
                QVERIFY2(takeSteps(*w, 20), qPrintable(what));
                const QString bad = badAxes(*w);
                QVERIFY2(bad.isEmpty(), qPrintable(what + ": " + bad));
                QVERIFY2(w->controller()->state().params.allFinite(), qPrintable(what));
                ++cases;
            }
            if (d)
                d->setValue(original);
            else
                i->setValue(static_cast<int>(original));
            // A run that diverged there starts again at the box's old value.
            if (w->controller()->divergence())
                action(*w, "resetAction")->trigger();
        }
    }
    // Learning rate, batch size, momentum, the betas, rmsprop's alpha, the schedule's numbers,
    // the data's count and seed, the speed of play...: well over a dozen boxes.
    qInfo("%d boxes, %d cases", static_cast<int>(swept.size()), cases);
    QVERIFY2(cases >= 24, qPrintable(QString::number(cases)));
}

void TestExtremes::largestRateInEveryOptimizer_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<bool>("fullBatch");
    for (const char* name : {"sgd", "adam", "rmsprop", "adagrad"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1, batch 1").arg(name))) << QString(name) << false;
        QTest::newRow(qPrintable(QStringLiteral("%1, full batch").arg(name))) << QString(name) << true;
    }
}

void TestExtremes::largestRateInEveryOptimizer()
{
    QFETCH(QString, optimizer);
    QFETCH(bool, fullBatch);
    auto w = openWindow();
    QVERIFY(w);
    auto* combo = w->findChild<QComboBox*>(QStringLiteral("optimizerCombo"));
    combo->setCurrentText(optimizer);
    QCOMPARE(combo->currentText(), optimizer);
    auto* full = w->findChild<QCheckBox*>(QStringLiteral("fullBatch"));
    full->setChecked(fullBatch);
    if (!fullBatch) {
        auto* batch = w->findChild<QDoubleSpinBox*>(QStringLiteral("batchSizeSpin"));
        QVERIFY(batch);
        batch->setValue(1);
    }
    auto* lr = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
    lr->setValue(lr->maximum());
    if (auto* momentum = w->findChild<QDoubleSpinBox*>(QStringLiteral("momentumSpin")); momentum && momentum->isVisibleTo(w.get()))
        momentum->setValue(momentum->maximum());
    setSpeedMax(*w);
    auto* banner = w->findChild<QLabel*>(QStringLiteral("divergenceBanner"));
    QVERIFY(banner);

    // Played at full speed until it diverges or for two seconds (Adam's and Adagrad's steps are
    // bounded by the rate: they may thrash without diverging).
    action(*w, "playAction")->trigger();
    QElapsedTimer clock;
    clock.start();
    while (!w->controller()->divergence() && clock.elapsed() < 2000) {
        QTest::qWait(50);
        const QString bad = badAxes(*w);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
    }
    if (w->controller()->isPlaying())
        action(*w, "playAction")->trigger();   // Play again pauses
    QVERIFY(syncWith(w->controller()));
    QTest::qWait(60);
    const QString bad = badAxes(*w);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
    QVERIFY(w->controller()->state().params.allFinite());
    QVERIFY(w->controller()->state().step > 0);
    // Plain SGD at rate 10 with momentum 0.99 on the people data cannot stay finite.
    if (optimizer == QLatin1String("sgd"))
        QVERIFY(w->controller()->divergence());
    qInfo("%s: %s after %lld steps", qPrintable(optimizer), w->controller()->divergence() ? "diverged" : "still finite",
        static_cast<long long>(w->controller()->state().step));
    if (w->controller()->divergence())
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
    else
        QVERIFY(!banner->isVisible());

    // Back to a sane rate, Reset: a run that works, no banner.
    lr->setValue(0.01);
    action(*w, "resetAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 5000);
    QVERIFY(!w->controller()->divergence());
    QVERIFY(takeSteps(*w, 5));
    QCOMPARE(w->controller()->state().step, std::int64_t{5});
    QVERIFY(w->controller()->state().params.allFinite());
    QVERIFY(badAxes(*w).isEmpty());
}

QTEST_MAIN(TestExtremes)
#include "test_extremes.moc"
