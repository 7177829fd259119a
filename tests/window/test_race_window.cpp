// Race mode in the live window, offscreen: the preset's four entrants each get a path, a marker,
// a legend entry and a loss curve in their own colour; entrants are added and removed in the
// panel; a diverging entrant is reported and the others go on; a new start point clears the
// race; the main run keeps working beside it; the preset's rates make progress on their own; the
// line-up is saved and restored. Line-up edits during a race (catching up) are
// tests/window/test_race_lineup_edits.
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

#include "session/settings/app_settings.h"
#include "window/shell/appearance.h"
#include "tests/common/controller_sync.h"
#include "tests/common/race_cards.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "window/shell/main_window.h"
#include "plots/palette.h"
#include "session/problem/problem.h"
#include "session/run/race_controller.h"
#include "window/race/race_mode.h"
#include "window/race/race_panel.h"
#include "session/problem/race_preset.h"
#include "session/settings/settings_io.h"
#include "session/run/training_controller.h"
#include "tests/common/window_harness.h"

using namespace downhill;
using downhill::test::openWindow;
using downhill::test::WaitFor;
using downhill::ui::toVec;
using downhill::test::syncWith;
using downhill::ui::MainWindow;
using downhill::ui::RaceMode;
using downhill::test::raceLrBox;
using downhill::test::raceReadout;

namespace {


// The training loss after `steps` updates of this entrant alone (NaN if it diverged).
double soloLoss(const ui::Problem& problem, const core::TrainSettings& settings, const core::Vec& start, int steps)
{
    auto trainer = problem.makeTrainer(settings, start);
    for (int k = 0; k < steps; ++k)
        if (!trainer->step())
            return std::nan("");
    return trainer->trainingLoss();
}

}  // namespace

class TestRaceWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void presetRacesFourWithPathsLegendAndCurves();
    void mainRunIsNamedInBothLegends();
    void presetRatesMakeProgressOnTheirOwn_data();
    void presetRatesMakeProgressOnTheirOwn();
    void addAndRemoveEntrantsInThePanel();
    void divergingEntrantIsReportedAndTheOthersGoOn();
    void divergedEntrantLeavesTheLossPlotsTop();
    void newStartPointClearsTheRace();
    void lineupIsSavedAndRestored();
};

void TestRaceWindow::initTestCase()
{
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
}

void TestRaceWindow::presetRacesFourWithPathsLegendAndCurves()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    RaceMode* race = w->raceMode();
    auto* dock = w->findChild<QDockWidget*>(QStringLiteral("raceDock"));
    QVERIFY(dock && !dock->isVisible());
    w->findChild<QAction*>(QStringLiteral("racePresetAction"))->trigger();
    QVERIFY(dock->isVisible());   // the preset shows what it made
    QCOMPARE(race->lineup().size(), std::size_t{4});
    QCOMPARE(race->lineup()[0].optimizer.kind, core::OptimizerKind::Sgd);
    QCOMPARE(race->lineup()[1].optimizer.momentum, 0.9);
    QCOMPARE(race->lineup()[2].optimizer.kind, core::OptimizerKind::RmsProp);
    QCOMPARE(race->lineup()[3].optimizer.kind, core::OptimizerKind::Adam);

    constexpr int kSteps = 12;
    for (int k = 0; k < kSteps; ++k)
        w->findChild<QAction*>(QStringLiteral("raceStepAction"))->trigger();
    QVERIFY(syncWith(race->controller()));
    auto* landscape = w->landscapePlot();
    auto* loss = w->lossPlot();
    QCOMPARE(landscape->overlayPathCount(), 4);
    QCOMPARE(loss->overlaySeriesCount(), 4);
    const core::Vec start = toVec(w->settings().start);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(landscape->overlayPointCount(i), kSteps + 1);   // the start and every step
        QCOMPARE(loss->overlayStoredCount(i), kSteps + 1);
        QCOMPARE(landscape->overlayCurve(i)->pen().color(), ui::palette::raceColor(i));
        QCOMPARE(loss->overlayGraph(i)->pen().color(), ui::palette::raceColor(i));
        QCOMPARE(landscape->overlayCurve(i)->name(), ui::raceLabel(race->lineup()[static_cast<std::size_t>(i)], false));
        QVERIFY(landscape->legend->hasItemWithPlottable(landscape->overlayCurve(i)));
        QVERIFY(loss->legend->hasItemWithPlottable(loss->overlayGraph(i)));
        // The marker sits where the entrant stands, which is where its own run alone would be.
        const core::TrainState& state = race->controller()->state(i);
        QCOMPARE(state.step, std::int64_t{kSteps});
        auto solo = w->problem().makeTrainer(race->lineup()[static_cast<std::size_t>(i)], start);
        for (int k = 0; k < kSteps; ++k)
            QVERIFY(solo->step());
        QVERIFY(solo->state() == state);
        const auto marker = landscape->overlayMarker(i)->data()->at(0);
        QCOMPARE(marker->key, state.params[w->settings().axis1]);
        QCOMPARE(marker->value, state.params[w->settings().axis2]);
        QVERIFY2(raceReadout(*w, i).startsWith(QStringLiteral("step %1 \u00b7 loss").arg(kSteps)), qPrintable(raceReadout(*w, i)));
    }
    QVERIFY(landscape->legend->visible());
    // The main run is untouched and still steps on its own.
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{0});
    w->findChild<QAction*>(QStringLiteral("stepAction"))->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{1});
    QCOMPARE(landscape->pathPointCount(), 2);
    QCOMPARE(race->controller()->state(0).step, std::int64_t{kSteps});
    // Play and pause by the menu's action.
    auto* play = w->findChild<QAction*>(QStringLiteral("racePlayAction"));
    play->trigger();
    QVERIFY(race->controller()->isPlaying());
    QCOMPARE(play->text(), QStringLiteral("Pause race"));
    QTRY_VERIFY(race->controller()->state(0).step > kSteps);
    play->trigger();
    QVERIFY(!race->controller()->isPlaying());
}

namespace {

// The legend entry naming one of the main path's curves (objectName "path<k>"), or empty.
QString mainPathLegendName(const ui::LandscapePlot& plot)
{
    for (int k = 0; k < plot.legend->itemCount(); ++k) {
        auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(k));
        if (item && item->plottable()->objectName().startsWith(QStringLiteral("path")))
            return item->plottable()->name();
    }
    return {};
}

}  // namespace

// The main run goes on beside the race (its own transport still steps it): every path and
// curve on screen is then named, the main run's too, and its name follows its settings.
void TestRaceWindow::mainRunIsNamedInBothLegends()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    auto* landscape = w->landscapePlot();
    auto* loss = w->lossPlot();
    QVERIFY(mainPathLegendName(*landscape).isEmpty());   // alone it needs no legend
    w->findChild<QAction*>(QStringLiteral("racePresetAction"))->trigger();
    for (int k = 0; k < 3; ++k)
        w->findChild<QAction*>(QStringLiteral("stepAction"))->trigger();
    QVERIFY(syncWith(w->controller()));
    QCoreApplication::processEvents();
    const QString named = mainPathLegendName(*landscape);
    QVERIFY2(named.startsWith(QStringLiteral("Main run: ")), qPrintable(named));
    QVERIFY2(named.endsWith(ui::raceLabel(w->settings().train, false)), qPrintable(named));
    for (int i = 0; i < 4; ++i)   // and the entrants are still each named
        QVERIFY(landscape->legend->hasItemWithPlottable(landscape->overlayCurve(i)));
    // Its loss curve beside the entrants' on the loss plot: named as the main run's.
    QVERIFY(loss->legend->hasItemWithPlottable(loss->batchGraph()));
    QVERIFY2(loss->batchGraph()->name().startsWith(QStringLiteral("main run: ")), qPrintable(loss->batchGraph()->name()));
    for (int i = 0; i < 4; ++i)
        QVERIFY(loss->legend->hasItemWithPlottable(loss->overlayGraph(i)));
    // A curve of the main run with nothing drawn yet is not listed (no epoch has ended).
    if (loss->trainGraph()->data()->isEmpty())
        QVERIFY(!loss->legend->hasItemWithPlottable(loss->trainGraph()));

    // Another rate for the main run: its name says so.
    auto* lr = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
    lr->setValue(0.002);
    QCoreApplication::processEvents();
    QVERIFY2(mainPathLegendName(*landscape).contains(QStringLiteral("lr 0.002")), qPrintable(mainPathLegendName(*landscape)));

    const QString shots = QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots");
    QDir().mkpath(shots);
    w->grab().save(shots + QStringLiteral("/race-main-run-named.png"));

    // The race cleared: the main run alone again, its loss curves under their own names.
    w->findChild<QAction*>(QStringLiteral("raceClearAction"))->trigger();
    QCoreApplication::processEvents();
    QVERIFY(mainPathLegendName(*landscape).isEmpty());
    QCOMPARE(loss->batchGraph()->name(), QStringLiteral("batch loss"));
    for (QCPGraph* graph : {loss->batchGraph(), loss->lrGraph(), loss->trainGraph(), loss->valGraph()})
        QVERIFY(loss->legend->hasItemWithPlottable(graph));
}

void TestRaceWindow::presetRatesMakeProgressOnTheirOwn_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("loss");
    QTest::newRow("linear mse") << "linear" << "mse";
    QTest::newRow("linear mae") << "linear" << "mae";
    QTest::newRow("rosenbrock") << "rosenbrock" << "mse";
    QTest::newRow("ill-conditioned") << "ill-conditioned" << "mse";
}

void TestRaceWindow::presetRatesMakeProgressOnTheirOwn()
{
    QFETCH(QString, model);
    QFETCH(QString, loss);
    ui::AppSettings settings;
    settings.model = model.toStdString();
    settings.loss.kind = core::lossKindFromName(loss.toStdString());
    const ui::Problem problem = ui::Problem::build(settings);
    const core::Vec start = problem.objective()->defaultInit();
    const auto lineup = ui::racePreset(problem, start, 0, 1, settings.train);
    QCOMPARE(lineup.size(), std::size_t{4});
    const double before = soloLoss(problem, lineup[0], start, 0);
    for (const auto& entrant : lineup) {
        QVERIFY(entrant.optimizer.lr >= ui::kMinLearningRate && entrant.optimizer.lr <= ui::kMaxLearningRate);
        const double after = soloLoss(problem, entrant, start, 300);
        // Every entrant stays finite and gets well down from the start in 300 steps.
        QVERIFY2(std::isfinite(after) && after < 0.5 * before,
            qPrintable(QStringLiteral("%1: %2 -> %3").arg(ui::raceLabel(entrant, false)).arg(before).arg(after)));
    }
    QCOMPARE(lineup[0].optimizer.lr, lineup[1].optimizer.lr);   // momentum's gain shows at the same rate
}

void TestRaceWindow::addAndRemoveEntrantsInThePanel()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    RaceMode* race = w->raceMode();
    auto* panel = race->panel();
    auto* add = panel->findChild<QPushButton*>(QStringLiteral("raceAddButton"));
    QVERIFY(add);
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("racePresetButton")), Qt::LeftButton);
    QCOMPARE(race->lineup().size(), std::size_t{4});
    // Entrant 4 becomes "Adam at another rate", then three more copies: eight, the most.
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(race->lineup().size(), std::size_t{5});
    QVERIFY(raceLrBox(panel, 3) && raceLrBox(panel, 4));
    QCOMPARE(raceLrBox(panel, 4)->value(), raceLrBox(panel, 3)->value());
    auto* lr5 = raceLrBox(panel, 4);
    lr5->setValue(raceLrBox(panel, 3)->value() * 2);
    QCOMPARE(race->lineup()[4].optimizer.lr, lr5->value());
    for (int k = 0; k < 3; ++k)
        QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(race->lineup().size(), std::size_t{8});
    QVERIFY(!add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(race->lineup().size(), std::size_t{8});
    for (int k = 0; k < 3; ++k)
        w->findChild<QAction*>(QStringLiteral("raceStepAction"))->trigger();
    QVERIFY(syncWith(race->controller()));
    QCOMPARE(race->controller()->entrantCount(), 8);
    QCOMPARE(w->landscapePlot()->overlayPathCount(), 8);
    QCOMPARE(w->lossPlot()->overlaySeriesCount(), 8);
    for (int i = 0; i < 8; ++i)
        QCOMPARE(race->controller()->state(i).step, std::int64_t{3});

    // Remove the RMSprop entrant (the third): the others move up and keep their settings,
    // their colours and their place in the race.
    const auto before = race->lineup();
    auto* remove = panel->findChild<QWidget*>(QStringLiteral("raceEntrant2"))->findChild<QToolButton*>(QStringLiteral("remove"));
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE(race->lineup().size(), std::size_t{7});
    QVERIFY(add->isEnabled());
    for (std::size_t i = 0; i < 7; ++i)
        QVERIFY(race->lineup()[i] == before[i < 2 ? i : i + 1]);
    QVERIFY(syncWith(race->controller()));
    QCOMPARE(race->controller()->entrantCount(), 7);
    QCOMPARE(w->landscapePlot()->overlayPathCount(), 7);
    QCOMPARE(w->lossPlot()->overlaySeriesCount(), 7);
    QCOMPARE(race->controller()->state(0).step, std::int64_t{3});
    QCOMPARE(w->landscapePlot()->overlayCurve(2)->name(), ui::raceLabel(before[3], false));
    QCOMPARE(w->landscapePlot()->overlayCurve(2)->pen().color(), ui::palette::raceColor(3));

    // A kind change shows that rule's settings only.
    auto* card = panel->findChild<QWidget*>(QStringLiteral("raceEntrant0"));
    auto* kind = card->findChild<QComboBox*>(QStringLiteral("optimizer"));
    kind->setCurrentIndex(kind->findText(QStringLiteral("Adam")));
    QCOMPARE(race->lineup()[0].optimizer.kind, core::OptimizerKind::Adam);
    QVERIFY(card->findChild<QDoubleSpinBox*>(QStringLiteral("beta1"))->isVisibleTo(card));
    QVERIFY(!card->findChild<QDoubleSpinBox*>(QStringLiteral("momentum"))->isVisibleTo(card));

    // Clear ends the race and takes its paths away.
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("raceClearButton")), Qt::LeftButton);
    QVERIFY(race->lineup().empty());
    QVERIFY(!race->isRacing());
    QCOMPARE(w->landscapePlot()->overlayPathCount(), 0);
    QCOMPARE(w->lossPlot()->overlaySeriesCount(), 0);
    QVERIFY(!w->findChild<QAction*>(QStringLiteral("racePlayAction"))->isEnabled());
}

void TestRaceWindow::divergingEntrantIsReportedAndTheOthersGoOn()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    RaceMode* race = w->raceMode();
    auto lineup = ui::racePreset(w->problem(), toVec(w->settings().start), 0, 1, w->settings().train);
    // Momentum at 40 times its preset rate leaves the bowl; the test checks that it does alone.
    lineup[1].optimizer.lr *= 40;
    QVERIFY(std::isnan(soloLoss(w->problem(), lineup[1], toVec(w->settings().start), 3000)));
    race->setLineup(lineup);
    race->controller()->setSpeed(0);
    race->controller()->play();
    QTRY_VERIFY_WITH_TIMEOUT(race->controller()->divergence(1).has_value(), 20000);
    const std::int64_t at = race->controller()->divergence(1)->step;
    QTRY_VERIFY_WITH_TIMEOUT(race->controller()->state(0).step > at + 50, 20000);
    QVERIFY(race->controller()->isPlaying());
    race->controller()->pause();
    QVERIFY(syncWith(race->controller()));
    const QString text = raceReadout(*w, 1);
    QVERIFY2(text.contains(QStringLiteral("diverged at step %1").arg(at)) && text.contains(QStringLiteral("others race on")),
        qPrintable(text));
    QVERIFY(w->landscapePlot()->overlayCurve(1)->name().contains(QStringLiteral("diverged at step %1").arg(at)));
    for (int i : {0, 2, 3}) {
        QVERIFY(!race->controller()->divergence(i));
        QVERIFY2(raceReadout(*w, i).startsWith(QStringLiteral("step %1 ").arg(race->controller()->state(0).step)), qPrintable(raceReadout(*w, i)));
    }
    // Fit to path keeps the race in view instead of following the flight to infinity.
    w->findChild<QAction*>(QStringLiteral("fitPathAction"))->trigger();
    QVERIFY2(w->landscapePlot()->xAxis->range().size() < 1000, qPrintable(QString::number(w->landscapePlot()->xAxis->range().size())));
    // The main run's banner is for the main run only.
    QVERIFY(!w->findChild<QLabel*>(QStringLiteral("divergenceBanner"))->isVisible());
    QVERIFY(!w->landscapePlot()->isDiverged());
    // Reset brings it back.
    w->findChild<QAction*>(QStringLiteral("raceResetAction"))->trigger();
    QVERIFY(syncWith(race->controller()));
    QVERIFY(!race->controller()->divergence(1));
    QVERIFY(!w->landscapePlot()->overlayCurve(1)->name().contains(QStringLiteral("diverged")));
    QCOMPARE(w->landscapePlot()->overlayPointCount(1), 1);
}

void TestRaceWindow::divergedEntrantLeavesTheLossPlotsTop()
{
    // Lesson 10's race on Rosenbrock: SGD at 0.003 is thrown out of the valley and its loss
    // climbs past 1e100 within a few steps. The loss plot fits the others and lets it leave the
    // top; Fit to path keeps the race in view.
    ui::AppSettings s;
    s.model = "rosenbrock";
    s.start = {-1.5, 2.0};
    auto w = openWindow(s);
    QVERIFY(w);
    RaceMode* race = w->raceMode();
    std::vector<core::TrainSettings> lineup(2, w->settings().train);
    lineup[0].optimizer.kind = core::OptimizerKind::Adam;
    lineup[0].optimizer.lr = 0.02;
    lineup[1].optimizer.kind = core::OptimizerKind::Sgd;
    lineup[1].optimizer.lr = 0.003;
    race->setLineup(lineup);
    for (int k = 0; k < 40; ++k)
        race->controller()->stepOnce();
    QVERIFY(syncWith(race->controller()));
    QVERIFY(race->controller()->divergence(1).has_value());
    QCOMPARE(race->controller()->state(0).step, std::int64_t{40});
    const auto entrants = race->animationEntrants();
    double highest = 0;
    for (const auto& p : entrants[1].track)
        highest = std::max(highest, p.loss);
    QVERIFY2(highest > 1e50, qPrintable(QString::number(highest)));   // the flight is in the data
    const double start = entrants[0].track.front().loss;
    const double top = w->lossPlot()->yAxis->range().upper;
    QVERIFY2(top < 1.5 * ui::LossPlot::kDivergedLossCap * start, qPrintable(QString::number(top)));
    w->findChild<QAction*>(QStringLiteral("fitPathAction"))->trigger();
    for (const auto& p : entrants[0].track)
        QVERIFY(w->landscapePlot()->xAxis->range().contains(p.at.x()) && w->landscapePlot()->yAxis->range().contains(p.at.y()));
    QVERIFY(w->landscapePlot()->xAxis->range().size() < 100);
}

void TestRaceWindow::newStartPointClearsTheRace()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    RaceMode* race = w->raceMode();
    race->applyPreset();
    for (int k = 0; k < 5; ++k)
        race->controller()->stepOnce();
    QVERIFY(syncWith(race->controller()));
    QCOMPARE(w->landscapePlot()->overlayPointCount(0), 6);
    const QPointF click(w->settings().start[0] + 0.5, w->settings().start[1] - 0.5);
    emit w->landscapePlot()->startPointRequested(click);
    QVERIFY(syncWith(race->controller()));
    QCOMPARE(race->lineup().size(), std::size_t{4});   // the line-up stays
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(race->controller()->state(i).step, std::int64_t{0});
        QCOMPARE(race->controller()->state(i).params[0], click.x());
        QCOMPARE(race->controller()->state(i).params[1], click.y());
        QCOMPARE(w->landscapePlot()->overlayPointCount(i), 1);
        QCOMPARE(w->lossPlot()->overlayStoredCount(i), 1);
    }
    // A new problem (another loss) restarts it too, on the new objective.
    auto* lossBox = w->findChild<QComboBox*>(QStringLiteral("lossCombo"));
    QVERIFY(lossBox);
    race->controller()->stepOnce();
    QVERIFY(syncWith(race->controller()));
    QCOMPARE(race->controller()->state(0).step, std::int64_t{1});
    QVERIFY(lossBox->findData(QStringLiteral("mae")) >= 0);
    lossBox->setCurrentIndex(lossBox->findData(QStringLiteral("mae")));
    QCOMPARE(w->settings().loss.kind, core::LossKind::Mae);
    QVERIFY(syncWith(race->controller()));
    QCOMPARE(race->controller()->state(0).step, std::int64_t{0});
    QCOMPARE(w->landscapePlot()->overlayPointCount(0), 1);
}

void TestRaceWindow::lineupIsSavedAndRestored()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString withRace = dir.filePath(QStringLiteral("race.json"));
    const QString plain = dir.filePath(QStringLiteral("plain.json"));
    QString error;
    {
        auto w = openWindow();
        QVERIFY(w);
        // Without a race the file has no "race" key, as files from before race mode.
        QVERIFY2(w->saveSettings(plain, &error), qPrintable(error));
        QFile f(plain);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("\"race\""));

        w->findChild<QAction*>(QStringLiteral("racePresetAction"))->trigger();
        auto lineup = w->raceMode()->lineup();
        QCOMPARE(lineup.size(), std::size_t{4});
        lineup[3].batchSize = 5;   // an edit of the panel's, kept by the file
        w->raceMode()->setLineup(lineup);
        w->findChild<QAction*>(QStringLiteral("raceStepAction"))->trigger();
        QVERIFY2(w->saveSettings(withRace, &error), qPrintable(error));
    }
    const auto saved = ui::loadSettingsFile(withRace, &error);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(saved->race.size(), std::size_t{4});
    QCOMPARE(saved->race[1].optimizer.momentum, 0.9);
    QCOMPARE(saved->race[3].optimizer.kind, core::OptimizerKind::Adam);
    QCOMPARE(saved->race[3].batchSize.value_or(-1), 5);

    auto w = openWindow();
    QVERIFY(w);
    QVERIFY(w->raceMode()->lineup().empty());
    QVERIFY2(w->loadSettings(withRace, &error), qPrintable(error));
    const auto& lineup = w->raceMode()->lineup();
    QCOMPARE(lineup.size(), std::size_t{4});
    for (std::size_t i = 0; i < 4; ++i) {
        QVERIFY(lineup[i].optimizer == saved->race[i].optimizer);
        QCOMPARE(lineup[i].seed, w->settings().train.seed);
    }
    QCOMPARE(lineup[3].batchSize, 5);
    QVERIFY(w->findChild<QWidget*>(QStringLiteral("raceEntrant3")));
    // Restored, not started: every entrant at step 0, paused.
    QVERIFY(w->raceMode()->isRacing());
    QVERIFY(syncWith(w->raceMode()->controller()));
    QVERIFY(!w->raceMode()->controller()->isPlaying());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(w->raceMode()->controller()->state(i).step, std::int64_t{0});
    QCOMPARE(w->landscapePlot()->overlayPathCount(), 4);
    // And saved again, the same line-up.
    const QString again = dir.filePath(QStringLiteral("again.json"));
    QVERIFY2(w->saveSettings(again, &error), qPrintable(error));
    QVERIFY(ui::loadSettingsFile(again, &error)->race == saved->race);

    // A file without a race ends it.
    QVERIFY2(w->loadSettings(plain, &error), qPrintable(error));
    QVERIFY(w->raceMode()->lineup().empty());
    QVERIFY(!w->raceMode()->isRacing());
    QCOMPARE(w->landscapePlot()->overlayPathCount(), 0);
}

QTEST_MAIN(TestRaceWindow)
#include "test_race_window.moc"
