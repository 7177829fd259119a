// The live window end to end, offscreen: controls reach the trainer, the transport works, a click
// on the landscape moves the start, divergence is shown and recovered from, the window survives
// abuse and closes promptly, and it fits a 1280x720 screen; the docks follow the run and the two
// sets of augmentation switches agree. Leaves screenshots behind. What the window reads and
// writes (settings files, data files, the path CSV) is tests/window/test_main_window_files.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

#include <cmath>
#include <memory>

#include "tests/common/controller_sync.h"
#include "window/shell/appearance.h"
#include "window/settings/control_panel.h"
#include "core/model/data_objective.h"
#include "core/train/divergence.h"
#include "window/data/dataset_panel.h"
#include "window/landscape/gradient_check_view.h"
#include "plots/landscape_plot.h"
#include "window/shell/main_window.h"
#include "window/run/readout_panel.h"
#include "window/settings/slider_spin.h"
#include "window/run/step_card.h"
#include "session/run/training_controller.h"
#include "tests/common/window_harness.h"

using namespace downhill;
using downhill::test::action;
using downhill::test::openWindow;
using downhill::test::setSpeedMax;
using downhill::ui::toVec;
using downhill::ui::MainWindow;
using downhill::ui::TrainingController;

namespace {

using downhill::test::syncWith;

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void startsOnTheDefaultRun();
    void sliderChangeReachesTrainerBeforeNextStep();
    void stepTakesExactlyOneSgdUpdate();
    void playThenPause();
    void clickOnLandscapeSetsStartPoint();
    void resetRestoresInitialState();
    void divergenceShowsBannerAndWindowKeepsWorking();
    void modelChangeRecomputesLandscapeAndResets();
    void invalidCombinationIsExplainedAndKeepsTheRun();
    void fastSliderDragsWhileTraining();
    void closingWhileTrainingIsPrompt();
    void fitsAt1280x720();
    void docksFollowTheRun();
    void augmentationSwitchesStayInSync();
    void screenshotAfter200Steps();
    void overflowingDataIsSaidAtOnce();
};

void TestMainWindow::initTestCase()
{
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
}

void TestMainWindow::startsOnTheDefaultRun()
{
    auto w = openWindow();
    QVERIFY(w);
    QCOMPARE(w->windowTitle(), QStringLiteral("Downhill"));
    const auto& s = w->settings();
    QCOMPARE(s.model, std::string("linear"));
    QCOMPARE(s.loss.kind, core::LossKind::Mse);
    QCOMPARE(s.train.optimizer.kind, core::OptimizerKind::Sgd);
    QCOMPARE(s.train.optimizer.lr, 0.05);
    QCOMPARE(s.train.optimizer.momentum, 0.0);
    QCOMPARE(s.train.batchSize, 32);
    QCOMPARE(w->problem().trainSize(), std::int64_t{1600});   // 2000 images, 80/20
    const core::Vec init = w->problem().objective()->defaultInit();
    QVERIFY(toVec(s.start) == init);
    // The range holds the start and the least-squares minimum, with a margin.
    QVERIFY(s.range);
    const auto& r = *s.range;
    const core::Vec m = w->problem().referenceMinimum(init);
    for (int k = 0; k < 2; ++k) {
        const double lo = r[static_cast<std::size_t>(2 * k)], hi = r[static_cast<std::size_t>(2 * k + 1)];
        const double margin = 0.05 * (hi - lo);
        const QString where = QStringLiteral("axis %1: range [%2, %3], start %4, minimum %5").arg(k).arg(lo).arg(hi).arg(init[k]).arg(m[k]);
        QVERIFY2(init[k] > lo + margin && init[k] < hi - margin, qPrintable(where));
        QVERIFY2(m[k] > lo + margin && m[k] < hi - margin, qPrintable(where));
    }
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{0});
    QVERIFY(w->findChild<QWidget*>(QStringLiteral("batchStrip"))->isVisible());
}

void TestMainWindow::sliderChangeReachesTrainerBeforeNextStep()
{
    auto w = openWindow();
    QVERIFY(w);
    QSignalSpy frames(w->controller(), &TrainingController::frame);
    auto* spin = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
    auto* slider = w->findChild<QSlider*>(QStringLiteral("learningRateSlider"));
    for (double lr : {0.123, 0.002}) {
        frames.clear();
        spin->setValue(lr);
        action(*w, "stepAction")->trigger();
        QVERIFY(syncWith(w->controller()));
        std::optional<core::StepRecord> latest;
        for (const auto& args : frames)
            if (auto snap = args.at(0).value<ui::Snapshot>(); snap.latest)
                latest = snap.latest;
        QVERIFY(latest);
        QCOMPARE(latest->lr, lr);
        QCOMPARE(w->findChild<QLabel*>(QStringLiteral("readoutLr"))->text(), ui::ReadoutPanel::number(lr));
    }
    // And from the slider: the value it shows is the value trained with.
    frames.clear();
    slider->setValue(700);
    const double shown = spin->value();
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->pathLog().rows().back().lr, shown);
    QCOMPARE(w->settings().train.optimizer.lr, shown);
}

void TestMainWindow::stepTakesExactlyOneSgdUpdate()
{
    auto w = openWindow();
    QVERIFY(w);
    QVERIFY(syncWith(w->controller()));
    const core::Vec init = w->controller()->state().params;
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{1});
    QCOMPARE(w->pathLog().rows().size(), std::size_t{1});
    const ui::StepRow& row = w->pathLog().rows().front();

    // Independent: the same first batch from a fresh trainer of the same settings (rows only),
    // the linear model's mse gradient by hand, and sgd's update by hand.
    auto trainer = w->problem().makeTrainer(w->settings().train, init);
    const std::vector<int> rows = trainer->nextBatchRows();
    QCOMPARE(rows.size(), std::size_t{32});
    const core::Samples& train = w->problem().data()->train;
    double gw = 0, gb = 0;
    for (int i : rows) {
        const double r = init[0] * train.x[i] + init[1] - train.t[i];
        gw += 2.0 * r * train.x[i];
        gb += 2.0 * r;
    }
    gw /= static_cast<double>(rows.size());
    gb /= static_cast<double>(rows.size());
    const double lr = 0.05;
    QVERIFY(std::abs(row.gradient[0] - gw) < 1e-10 * std::max(1.0, std::abs(gw)));
    QVERIFY(std::abs(row.gradient[1] - gb) < 1e-10 * std::max(1.0, std::abs(gb)));
    QVERIFY(std::abs(row.params[0] - (init[0] - lr * gw)) < 1e-12);
    QVERIFY(std::abs(row.params[1] - (init[1] - lr * gb)) < 1e-12);
    QVERIFY(w->controller()->state().params == row.params);
}

void TestMainWindow::playThenPause()
{
    auto w = openWindow();
    QVERIFY(w);
    setSpeedMax(*w);
    QAction* play = action(*w, "playAction");
    // Pause is a wider word than Play: the buttons after it must not move when it changes.
    auto* stepButton = w->findChild<QToolButton*>(QStringLiteral("stepButton"));
    QVERIFY(stepButton);
    QCoreApplication::processEvents();
    const int stepAt = stepButton->x();
    play->trigger();
    QVERIFY(w->controller()->isPlaying());
    QCOMPARE(play->text(), QStringLiteral("Pause"));
    QCoreApplication::processEvents();
    QCOMPARE(stepButton->x(), stepAt);
    // The numbers are plain text while they change with every frame, selectable once paused;
    // either way each value's label is as wide as its text, in its own font.
    auto* readouts = w->findChild<ui::ReadoutPanel*>(QStringLiteral("readouts"));
    auto* trainLoss = w->findChild<QLabel*>(QStringLiteral("readoutTrainLoss"));
    const auto fitsItsText = [&] {
        return trainLoss->width() >= trainLoss->fontMetrics().horizontalAdvance(trainLoss->text())
            && trainLoss->sizeHint().width() >= trainLoss->fontMetrics().horizontalAdvance(trainLoss->text());
    };
    QTRY_VERIFY_WITH_TIMEOUT(w->controller()->state().step > 100, 10000);
    QVERIFY(!readouts->numbersSelectable());
    QCOMPARE(trainLoss->textInteractionFlags(), Qt::TextInteractionFlags(Qt::NoTextInteraction));
    QVERIFY(fitsItsText());
    play->trigger();
    QVERIFY(!w->controller()->isPlaying());
    QCOMPARE(play->text(), QStringLiteral("Play"));
    QVERIFY(syncWith(w->controller()));
    QVERIFY(readouts->numbersSelectable());
    QCOMPARE(trainLoss->textInteractionFlags(), Qt::TextInteractionFlags(Qt::TextSelectableByMouse));
    QVERIFY(fitsItsText());
    const std::int64_t stopped = w->controller()->state().step;
    QSignalSpy frames(w->controller(), &TrainingController::frame);
    QVERIFY(!frames.wait(300));
    QCOMPARE(w->controller()->state().step, stopped);
    QCOMPARE(w->pathLog().rows().back().step, stopped);
}

void TestMainWindow::clickOnLandscapeSetsStartPoint()
{
    auto w = openWindow();
    QVERIFY(w);
    ui::LandscapePlot* plot = w->landscapePlot();
    const QPointF target(1.0, 2.0);
    QSignalSpy requested(plot, &ui::LandscapePlot::startPointRequested);
    setSpeedMax(*w);
    action(*w, "playAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w->controller()->state().step > 10, 10000);
    // The pixel is taken right before the click: the view may still settle while the first
    // grids arrive.
    const QPoint pixel(static_cast<int>(std::lround(plot->xAxis->coordToPixel(target.x()))),
        static_cast<int>(std::lround(plot->yAxis->coordToPixel(target.y()))));
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, pixel);
    QCOMPARE(requested.count(), 1);
    const QPointF got = requested.first().at(0).toPointF();
    const double tolX = 1.5 * plot->xAxis->range().size() / plot->axisRect()->width();
    const double tolY = 1.5 * plot->yAxis->range().size() / plot->axisRect()->height();
    QVERIFY(std::abs(got.x() - target.x()) < tolX);
    QVERIFY(std::abs(got.y() - target.y()) < tolY);
    QCOMPARE(w->settings().start[0], got.x());
    QCOMPARE(w->settings().start[1], got.y());
    QVERIFY(w->controller()->isPlaying());   // training restarts from there at once
    action(*w, "playAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    action(*w, "resetAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{0});
    QCOMPARE(w->controller()->state().params[0], got.x());
    QCOMPARE(w->controller()->state().params[1], got.y());

    // A direct request (a drag) does the same.
    emit plot->startPointRequested(QPointF(3.0, -0.5));
    QVERIFY(syncWith(w->controller()));
    QVERIFY(w->controller()->state().params == (core::Vec{{3.0, -0.5}}));
}

void TestMainWindow::resetRestoresInitialState()
{
    auto w = openWindow();
    QVERIFY(w);
    auto* momentum = w->findChild<QDoubleSpinBox*>(QStringLiteral("momentumSpin"));
    momentum->setValue(0.9);
    QVERIFY(syncWith(w->controller()));
    const core::TrainState initial = w->controller()->state();
    action(*w, "epochAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(w->controller()->state().epoch, std::int64_t{1}, 10000);
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QVERIFY(w->controller()->state().optimizer.hasBuffer);
    action(*w, "resetAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QVERIFY(w->controller()->state() == initial);
    QVERIFY(w->pathLog().rows().empty());
}

void TestMainWindow::divergenceShowsBannerAndWindowKeepsWorking()
{
    auto w = openWindow();
    QVERIFY(w);
    auto* banner = w->findChild<QLabel*>(QStringLiteral("divergenceBanner"));
    auto* lr = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
    QVERIFY(!banner->isVisible());
    lr->setValue(10.0);
    setSpeedMax(*w);
    action(*w, "playAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QVERIFY(banner->text().contains(QStringLiteral("Diverged at step")));
    QVERIFY(!w->controller()->isPlaying());
    QVERIFY(w->controller()->divergence());
    // The banner states what happened in the engine's one wording, as downhill-cli prints it.
    const QString said = QString::fromStdString(downhill::core::Divergence::at(w->controller()->divergence()->step).message);
    QVERIFY2(banner->text().contains(said.mid(1)), qPrintable(banner->text()));
    // Said once: the label above the plot, not a second (cut-off) copy drawn inside the plot.
    QVERIFY(w->landscapePlot()->isDiverged());
    auto* inPlot = w->landscapePlot()->findChild<QCPItemText*>(QStringLiteral("divergedBanner"));
    QVERIFY(inPlot);
    QVERIFY(!inPlot->visible());
    QVERIFY(w->controller()->state().params.allFinite());
    // The path ends at the last finite point.
    QVERIFY(syncWith(w->controller()));
    QVERIFY(w->pathLog().rows().back().params.allFinite());
    QCOMPARE(w->pathLog().rows().back().step, w->controller()->state().step);

    lr->setValue(0.01);
    action(*w, "resetAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 5000);
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{1});
    QCOMPARE(w->pathLog().rows().back().lr, 0.01);
    QVERIFY(!banner->isVisible());
}

void TestMainWindow::modelChangeRecomputesLandscapeAndResets()
{
    auto w = openWindow();
    QVERIFY(w);
    action(*w, "epochAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w->controller()->state().step > 0, 10000);
    QSignalSpy shown(w.get(), &MainWindow::landscapeShown);
    auto* model = w->findChild<QComboBox*>(QStringLiteral("modelCombo"));
    model->setCurrentIndex(model->findText(QStringLiteral("fold")));
    QCOMPARE(w->settings().model, std::string("fold"));
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toBool(), 20000);
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{0});
    QVERIFY(w->controller()->state().params == w->problem().objective()->defaultInit());

    // An analytic function: no data, no batch strip; the landscape is its own view.
    model->setCurrentIndex(model->findText(QStringLiteral("rosenbrock")));
    QTRY_VERIFY_WITH_TIMEOUT(shown.last().at(0).toBool() && w->problem().analytic(), 20000);
    QVERIFY(!w->findChild<QWidget*>(QStringLiteral("batchStrip"))->isVisible());
    QVERIFY(w->settings().range == w->problem().analytic()->defaultRange());
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{1});

    // Three parameters: a held slider appears, and moving it asks for a new grid.
    model->setCurrentIndex(model->findText(QStringLiteral("lin-exp")));
    QTRY_VERIFY_WITH_TIMEOUT(w->findChild<ui::SliderSpin*>(QStringLiteral("held_c")), 5000);
    shown.clear();
    w->findChild<ui::SliderSpin*>(QStringLiteral("held_c"))->spinBox()->setValue(0.3);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toBool(), 20000);
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().params[2], 0.3);

    // A new start on the (a, b) plane, then plot (a, c): b stays held where the click put it.
    emit w->landscapePlot()->startPointRequested(QPointF(0.7, 1.3));
    w->findChild<QComboBox*>(QStringLiteral("axis2Combo"))->setCurrentIndex(2);
    QVERIFY(syncWith(w->controller()));
    QVERIFY(w->controller()->state().params == (core::Vec{{0.7, 1.3, 0.3}}));
    QCOMPARE(w->findChild<ui::SliderSpin*>(QStringLiteral("held_b"))->value(), 1.3);
}

void TestMainWindow::invalidCombinationIsExplainedAndKeepsTheRun()
{
    auto w = openWindow();
    QVERIFY(w);
    auto* problem = w->findChild<QLabel*>(QStringLiteral("problemLabel"));
    QVERIFY(!problem->isVisible());
    w->findChild<QCheckBox*>(QStringLiteral("nesterov"))->click();   // nesterov needs momentum > 0
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QStringLiteral("nesterov")));
    action(*w, "stepAction")->trigger();   // the run goes on with the last valid settings
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{1});
    QVERIFY(!w->controller()->state().optimizer.hasBuffer);

    w->findChild<QDoubleSpinBox*>(QStringLiteral("momentumSpin"))->setValue(0.9);
    QVERIFY(!problem->isVisible());
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QVERIFY(w->controller()->state().optimizer.hasBuffer);
    QVERIFY(w->settings().train.optimizer.nesterov);
}

void TestMainWindow::fastSliderDragsWhileTraining()
{
    auto w = openWindow();
    QVERIFY(w);
    setSpeedMax(*w);
    auto* lr = w->findChild<QSlider*>(QStringLiteral("learningRateSlider"));
    auto* momentum = w->findChild<QSlider*>(QStringLiteral("momentumSlider"));
    auto* batch = w->findChild<QSlider*>(QStringLiteral("batchSizeSlider"));
    action(*w, "playAction")->trigger();
    for (int i = 0; i < 600; ++i) {
        lr->setValue(150 + (i * 37) % 400);   // 0.0004 .. 0.03: fast but not divergent
        momentum->setValue((i * 53) % 1000);
        batch->setValue((i * 71) % 1001);
        if (i % 20 == 0)
            QCoreApplication::processEvents();
    }
    QVERIFY(syncWith(w->controller(), 20000));
    const std::int64_t step = w->controller()->state().step;
    // Said on failure: whether the run still plays, diverged or stopped (it failed once in a
    // loaded suite run and never again in 8 runs beside two busy cores).
    const auto why = [&] {
        return QStringLiteral("step %1 -> %2, playing %3, divergence banner %4, finite %5")
            .arg(step)
            .arg(w->controller()->state().step)
            .arg(w->controller()->isPlaying())
            .arg(w->findChild<QLabel*>(QStringLiteral("divergenceBanner"))->isVisible())
            .arg(w->controller()->state().params.allFinite())
            .toUtf8();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(w->controller()->state().step > step, why().constData(), 10000);
    QVERIFY(w->controller()->state().params.allFinite());
    QCOMPARE(w->settings().train.optimizer.lr, w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"))->value());
}

void TestMainWindow::closingWhileTrainingIsPrompt()
{
    auto w = openWindow();
    QVERIFY(w);
    setSpeedMax(*w);
    action(*w, "playAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w->controller()->state().step > 100, 10000);
    // And a landscape job in flight as well.
    w->findChild<QComboBox*>(QStringLiteral("lossCombo"))->setCurrentIndex(1);
    QElapsedTimer t;
    t.start();
    QVERIFY(w->close());
    w.reset();
    QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
}

void TestMainWindow::fitsAt1280x720()
{
    auto w = openWindow(QSize(1280, 720));
    QVERIFY(w);
    QCOMPARE(w->size(), QSize(1280, 720));
    action(*w, "stepAction")->trigger();   // every readout filled in
    QVERIFY(syncWith(w->controller()));
    // The frame may have come with the sync itself, just now: its longer readouts grow the
    // layouts from the inside out, one level per round of layout requests.
    QVERIFY(downhill::test::settleLayouts());
    // Transport: every button on the bar, none pushed into the overflow menu.
    auto* bar = w->findChild<QToolBar*>(QStringLiteral("transportBar"));
    for (const char* name :
        {"epochBackButton", "backButton", "playButton", "stepButton", "epochButton", "resetButton", "speedControl"}) {
        QWidget* b = bar->findChild<QWidget*>(QLatin1String(name));
        QVERIFY2(b && b->isVisible(), name);
        QVERIFY2(bar->rect().contains(b->geometry()), name);
    }
    // The side panel scrolls vertically; horizontally its content fits.
    auto* panel = w->controlPanel();
    QVERIFY(panel->widget()->minimumSizeHint().width() <= panel->viewport()->width());
    // The readouts are whole; the plots have room.
    auto* readouts = w->findChild<QGroupBox*>(QStringLiteral("readoutGroup"));
    QVERIFY2(readouts->height() >= readouts->minimumSizeHint().height(),
        qPrintable(QStringLiteral("%1 < %2").arg(readouts->height()).arg(readouts->minimumSizeHint().height())));
    QVERIFY(w->landscapePlot()->height() >= 260);
    QVERIFY(w->findChild<QWidget*>(QStringLiteral("lossPlot"))->height() >= 110);
    for (QWidget* child : w->findChildren<QWidget*>()) {
        if (!child->isVisible() || child->window() != w.get())
            continue;
        const QRect r(child->mapTo(w.get(), QPoint(0, 0)), child->size());
        if (!panel->isAncestorOf(child))
            QVERIFY2(w->rect().contains(r), qPrintable(child->objectName() + QLatin1Char(' ') + child->metaObject()->className()));
    }
}

void TestMainWindow::docksFollowTheRun()
{
    auto w = openWindow();
    QVERIFY(w);
    auto* stepDock = w->findChild<QDockWidget*>(QStringLiteral("stepCardDock"));
    auto* checkDock = w->findChild<QDockWidget*>(QStringLiteral("gradientCheckDock"));
    auto* dataDock = w->findChild<QDockWidget*>(QStringLiteral("datasetDock"));
    QVERIFY(stepDock && checkDock && dataDock);
    QVERIFY(!stepDock->isVisible() && !checkDock->isVisible() && !dataDock->isVisible());
    stepDock->show();
    QVERIFY(stepDock->isVisible());
    QCOMPARE(w->datasetPanel()->imageCount(), 2000);
    QVERIFY(w->stepCard()->isEmpty());

    // A manual step: its full explanation, the gradient check and the model curve at the new point.
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QTRY_VERIFY(!w->stepCard()->isEmpty());
    QVERIFY2(w->stepCard()->header().startsWith(QStringLiteral("Step 1 ")), qPrintable(w->stepCard()->header()));
    QVERIFY(w->gradientCheckView()->hasProblem());
    QVERIFY(w->gradientCheckView()->currentCheck().analytic.isApprox(
        [&] {
            core::Vec g;
            core::Workspace ws;
            w->problem().objective()->evaluateWithGradient(w->controller()->state().params, w->problem().data()->train, g, ws);
            return g;
        }()));
    auto* scatter = w->datasetPanel()->findChild<QCustomPlot*>(QStringLiteral("datasetScatter"));
    QVERIFY(scatter);
    QCPGraph* curve = nullptr;
    for (int i = 0; i < scatter->graphCount(); ++i)
        if (scatter->graph(i)->objectName() == QLatin1String("modelCurve"))
            curve = scatter->graph(i);
    QVERIFY(curve && !curve->data()->isEmpty());

    // Play, then pause: the card shows the last step taken, not the first.
    setSpeedMax(*w);
    action(*w, "playAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w->controller()->state().step > 50, 10000);
    action(*w, "playAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    const std::int64_t stopped = w->controller()->state().step;
    QTRY_VERIFY(w->stepCard()->header().startsWith(QStringLiteral("Step %1 ").arg(stopped)));

    // Reset: nothing stepped yet.
    action(*w, "resetAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QTRY_VERIFY(w->stepCard()->isEmpty());
}

void TestMainWindow::augmentationSwitchesStayInSync()
{
    auto w = openWindow();
    QVERIFY(w);
    auto* panelFlip = w->controlPanel()->findChild<QCheckBox*>(QStringLiteral("augFlip"));
    auto* dataFlip = w->datasetPanel()->findChild<QCheckBox*>(QStringLiteral("flipCheck"));
    QVERIFY(panelFlip && dataFlip);
    QVERIFY(!panelFlip->isChecked() && !dataFlip->isChecked());
    dataFlip->click();
    QVERIFY(w->settings().train.augmentation.flip);
    QVERIFY(panelFlip->isChecked());
    QVERIFY(syncWith(w->controller()));
    panelFlip->click();
    QVERIFY(!w->settings().train.augmentation.flip);
    QVERIFY(!dataFlip->isChecked());
}

void TestMainWindow::screenshotAfter200Steps()
{
    auto w = openWindow(QSize(1280, 800));
    QVERIFY(w);
    // Four epochs of 50 batches of 32: exactly 200 steps.
    for (int i = 0; i < 4; ++i)
        action(*w, "epochAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(w->controller()->state().step, std::int64_t{200}, 20000);
    QVERIFY(syncWith(w->controller()));
    QCoreApplication::processEvents();   // let the queued replots paint
    QTRY_VERIFY(!w->stepCard()->isEmpty());
    const QImage shot = w->grab().toImage();
    QCOMPARE(shot.size(), QSize(1280, 800));
    const QString dir = QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(shot.save(dir + QStringLiteral("/window.png")));
    qInfo("screenshot: %s/window.png", qPrintable(dir));
    // The data and gradient-check docks open too: tabs beside the step card, the window no wider.
    action(*w, "gradientCheckDockAction")->trigger();
    action(*w, "datasetDockAction")->trigger();
    QTest::qWait(200);
    QCOMPARE(w->size(), QSize(1280, 800));
    QVERIFY(w->grab().toImage().save(dir + QStringLiteral("/window-docks.png")));
}

QTEST_MAIN(TestMainWindow)
// A CSV of values like 1e300 once loaded with no word and a training loss of inf: the panel
// says at once that the loss overflows at the start point; ordinary data say nothing.
void TestMainWindow::overflowingDataIsSaidAtOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.csv"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x,count\n1e300,2e300\n-1e300,3e300\n2e300,1e300\n5e299,4e300\n1e300,1e300\n");
    }
    ui::AppSettings settings;
    settings.data.path = path;
    settings.data.valFraction = 0;
    auto w = openWindow(settings, test::WaitFor::Exposed);
    QVERIFY(w);
    auto* problem = w->findChild<QLabel*>(QStringLiteral("problemLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 5000);
    QVERIFY2(problem->text().contains(QStringLiteral("training loss at the start point overflows")), qPrintable(problem->text()));

    ui::AppSettings ordinary;
    w->applySettings(ordinary);
    QTRY_VERIFY_WITH_TIMEOUT(!problem->isVisible(), 5000);
}

#include "test_main_window.moc"
