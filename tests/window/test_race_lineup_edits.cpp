// Line-up edits during a race in the live window, offscreen (race mode itself is
// tests/window/test_race_window): an added or edited entrant catches up to the race's step (its
// solo run, bit for bit, drawn whole) while the others keep state, path and colour; a removed
// one takes all it drew with it; playing goes on; a catch-up may diverge; a long one shows its
// progress.
#include <QAction>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

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

core::TrainState soloState(const ui::Problem& problem, const core::TrainSettings& settings, const core::Vec& start, std::int64_t steps)
{
    auto trainer = problem.makeTrainer(settings, start);
    for (std::int64_t k = 0; k < steps; ++k)
        if (!trainer->step())
            break;
    return trainer->state();
}

// The update at which this entrant alone diverges (1-based), 0 if it does not in maxSteps.
// Stepped as the race steps it, with the training loss, whose overflow counts too.
std::int64_t soloDivergence(const ui::Problem& problem, const core::TrainSettings& settings, const core::Vec& start, std::int64_t maxSteps)
{
    auto trainer = problem.makeTrainer(settings, start);
    for (std::int64_t k = 0; k < maxSteps; ++k)
        if (!trainer->step(nullptr, true))
            return k + 1;
    return 0;
}

constexpr int kEditStep = 20;   // where a race stands when its line-up is changed

// All the window shows of one entrant: enough to tell that nothing of it moved.
struct Shown {
    std::uint64_t id = 0;
    core::TrainState state;
    int points = 0;      // of its path on the landscape
    int losses = 0;      // of its loss curve
    QPointF marker;
    QColor color;        // of the path, the marker, the loss curve and the card
    QString label;
    QString readout;
    bool operator==(const Shown&) const = default;
};

Shown shown(MainWindow& w, int entrant)
{
    RaceMode* race = w.raceMode();
    auto* landscape = w.landscapePlot();
    Shown s;
    s.id = race->controller()->entrantId(entrant);
    s.state = race->controller()->state(entrant);
    s.points = landscape->overlayPointCount(entrant);
    s.losses = w.lossPlot()->overlayStoredCount(entrant);
    const auto marker = landscape->overlayMarker(entrant)->data()->at(0);
    s.marker = QPointF(marker->key, marker->value);
    s.color = landscape->overlayCurve(entrant)->pen().color();
    // One colour everywhere, or an invalid one that fails the comparison.
    const auto* card = w.findChild<QWidget*>(QStringLiteral("raceEntrant%1").arg(entrant));
    if (w.lossPlot()->overlayGraph(entrant)->pen().color() != s.color || landscape->overlayMarker(entrant)->scatterStyle().brush().color() != s.color
        || !card->styleSheet().contains(s.color.name()))
        s.color = QColor();
    s.label = landscape->overlayCurve(entrant)->name();
    s.readout = raceReadout(w, entrant);
    return s;
}

void stepRace(MainWindow& w, int steps)
{
    for (int k = 0; k < steps; ++k)
        w.findChild<QAction*>(QStringLiteral("raceStepAction"))->trigger();
}


// A window racing the preset's four entrants, stepped `steps` times, and what it showed of each
// of them then; null if that failed.
std::unique_ptr<MainWindow> presetRaceAt(int steps, std::vector<Shown>& before)
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    if (!w)
        return nullptr;
    w->raceMode()->applyPreset();
    stepRace(*w, steps);
    if (!syncWith(w->raceMode()->controller()))
        return nullptr;
    for (int i = 0; i < 4; ++i)
        before.push_back(shown(*w, i));
    return w;
}

// An entrant that has caught up to `steps` and is its solo run there, its path and loss curve
// whole (the start and every step), its marker where it stands, in `color`.
void checkCaughtUp(MainWindow& w, int entrant, std::int64_t steps, const QColor& color)
{
    RaceMode* race = w.raceMode();
    const core::Vec start = toVec(w.settings().start);
    const auto& settings = race->lineup()[static_cast<std::size_t>(entrant)];
    const Shown s = shown(w, entrant);
    QCOMPARE(s.state.step, steps);
    QVERIFY(s.state == soloState(w.problem(), settings, start, steps));
    QCOMPARE(s.points, static_cast<int>(steps) + 1);
    QCOMPARE(s.losses, static_cast<int>(steps) + 1);
    QCOMPARE(s.marker, QPointF(s.state.params[w.settings().axis1], s.state.params[w.settings().axis2]));
    QCOMPARE(s.color, color);
    QVERIFY2(s.readout.startsWith(QStringLiteral("step %1 \u00b7 loss").arg(steps)), qPrintable(s.readout));
    QVERIFY(w.landscapePlot()->legend->hasItemWithPlottable(w.landscapePlot()->overlayCurve(entrant)));
    QVERIFY(w.lossPlot()->legend->hasItemWithPlottable(w.lossPlot()->overlayGraph(entrant)));
    // What an animation of the race draws of it.
    const auto entrants = race->animationEntrants();
    QCOMPARE(entrants.size(), race->lineup().size());
    const auto& a = entrants[static_cast<std::size_t>(entrant)];
    QCOMPARE(a.color, color);
    QCOMPARE(a.label, s.label);
    QCOMPARE(a.track.size(), static_cast<std::size_t>(steps) + 1);
    QCOMPARE(a.track.front().step, std::int64_t{0});
    QCOMPARE(a.track.back().step, steps);
    QCOMPARE(a.track.back().at, s.marker);
}

}  // namespace

class TestRaceLineupEdits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void addedEntrantCatchesUpAndTheOthersKeepTheirPaths();
    void removedEntrantGoesAndTheOthersKeepTheirColours();
    void editedEntrantAloneRestartsAndCatchesUp();
    void addWhilePlayingKeepsPlaying();
    void divergingCatchUpIsReportedAndTheOthersRaceOn();
    void longCatchUpShowsItsProgress();
    void cardsAndLegendSayTheSameRate_data();
    void cardsAndLegendSayTheSameRate();
    void cardsAndLegendSayTheSameNumbersAsTyped();
};

void TestRaceLineupEdits::initTestCase()
{
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
}

void TestRaceLineupEdits::addedEntrantCatchesUpAndTheOthersKeepTheirPaths()
{
    std::vector<Shown> before;
    const auto w = presetRaceAt(kEditStep, before);
    QVERIFY(w);
    RaceMode* race = w->raceMode();
    QCOMPARE(before[0].points, kEditStep + 1);

    QTest::mouseClick(race->panel()->findChild<QPushButton*>(QStringLiteral("raceAddButton")), Qt::LeftButton);
    QCOMPARE(race->lineup().size(), std::size_t{5});
    QVERIFY(syncWith(race->controller()));
    QCOMPARE(race->controller()->entrantCount(), 5);
    QCOMPARE(w->landscapePlot()->overlayPathCount(), 5);
    QCOMPARE(w->lossPlot()->overlaySeriesCount(), 5);
    // The others: the same state, path, loss curve, marker, colour, legend entry and read-out.
    for (int i = 0; i < 4; ++i)
        QVERIFY2(shown(*w, i) == before[static_cast<std::size_t>(i)], qPrintable(QStringLiteral("entrant %1").arg(i)));
    // The newcomer stands where the race does, exactly as its own run would.
    checkCaughtUp(*w, 4, kEditStep, ui::palette::raceColor(4));
    // And from there they step together.
    stepRace(*w, 1);
    QVERIFY(syncWith(race->controller()));
    for (int i = 0; i < 5; ++i)
        checkCaughtUp(*w, i, kEditStep + 1, ui::palette::raceColor(i));
}

void TestRaceLineupEdits::removedEntrantGoesAndTheOthersKeepTheirColours()
{
    std::vector<Shown> before;
    const auto w = presetRaceAt(kEditStep, before);
    QVERIFY(w);
    RaceMode* race = w->raceMode();

    auto* card = race->panel()->findChild<QWidget*>(QStringLiteral("raceEntrant1"));
    QTest::mouseClick(card->findChild<QToolButton*>(QStringLiteral("remove")), Qt::LeftButton);
    QTRY_COMPARE(race->lineup().size(), std::size_t{3});
    QVERIFY(syncWith(race->controller()));
    QCOMPARE(race->controller()->entrantCount(), 3);
    QCOMPARE(w->landscapePlot()->overlayPathCount(), 3);
    QCOMPARE(w->lossPlot()->overlaySeriesCount(), 3);
    QCOMPARE(race->animationEntrants().size(), std::size_t{3});
    // Its path, marker, legend entry and loss curve went with it: nothing is drawn in its sky blue.
    for (auto* plot : {static_cast<QCustomPlot*>(w->landscapePlot()), static_cast<QCustomPlot*>(w->lossPlot())})
        for (int k = 0; k < plot->plottableCount(); ++k)
            QVERIFY(plot->plottable(k)->pen().color() != ui::palette::raceColor(1));
    // The others keep everything, their colours too.
    const std::vector<std::size_t> kept{0, 2, 3};
    for (int i = 0; i < 3; ++i)
        QVERIFY2(shown(*w, i) == before[kept[static_cast<std::size_t>(i)]], qPrintable(QStringLiteral("entrant %1").arg(i)));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(race->animationEntrants()[static_cast<std::size_t>(i)].color, ui::palette::raceColor(static_cast<int>(kept[static_cast<std::size_t>(i)])));

    // An entrant added now takes the first colour free, the removed one's, and joins at the end.
    QTest::mouseClick(race->panel()->findChild<QPushButton*>(QStringLiteral("raceAddButton")), Qt::LeftButton);
    QVERIFY(syncWith(race->controller()));
    for (int i = 0; i < 3; ++i)
        QVERIFY(shown(*w, i) == before[kept[static_cast<std::size_t>(i)]]);
    checkCaughtUp(*w, 3, kEditStep, ui::palette::raceColor(1));
    // A settings file keeps the line-up as the panel shows it.
    QCOMPARE(race->lineup().size(), std::size_t{4});
    QVERIFY(race->lineup()[3] == race->lineup()[2]);   // Add copies the last
}

void TestRaceLineupEdits::editedEntrantAloneRestartsAndCatchesUp()
{
    std::vector<Shown> before;
    const auto w = presetRaceAt(kEditStep, before);
    QVERIFY(w);
    RaceMode* race = w->raceMode();

    QDoubleSpinBox* lr = raceLrBox(race->panel(), 2);
    QVERIFY(lr);
    const double newLr = lr->value() * 0.5;
    lr->setValue(newLr);
    QCOMPARE(race->lineup()[2].optimizer.lr, lr->value());
    QVERIFY(syncWith(race->controller()));
    // Only it restarted: from the start, caught up to step 20 at its new rate, its old path gone.
    QVERIFY(race->controller()->entrantId(2) != before[2].id);
    checkCaughtUp(*w, 2, kEditStep, ui::palette::raceColor(2));
    QVERIFY(!(race->controller()->state(2) == before[2].state));
    QCOMPARE(w->landscapePlot()->overlayCurve(2)->name(), ui::raceLabel(race->lineup()[2], false));
    QVERIFY(w->landscapePlot()->overlayCurve(2)->name() != before[2].label);
    for (int i : {0, 1, 3})
        QVERIFY2(shown(*w, i) == before[static_cast<std::size_t>(i)], qPrintable(QStringLiteral("entrant %1").arg(i)));
}

void TestRaceLineupEdits::addWhilePlayingKeepsPlaying()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    RaceMode* race = w->raceMode();
    race->applyPreset();
    race->controller()->setSpeed(0);
    auto* play = w->findChild<QAction*>(QStringLiteral("racePlayAction"));
    play->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(race->controller()->state(0).step > 100, 20000);
    QSignalSpy playing(race->controller(), &ui::RaceController::playingChanged);

    QTest::mouseClick(race->panel()->findChild<QPushButton*>(QStringLiteral("raceAddButton")), Qt::LeftButton);
    QVERIFY(race->controller()->isPlaying());
    QCOMPARE(play->text(), QStringLiteral("Pause race"));
    const std::int64_t joinedAt = race->controller()->raceStep();
    QTRY_VERIFY_WITH_TIMEOUT(!race->controller()->isCatchingUp(4) && race->controller()->state(4).step > joinedAt + 50, 20000);
    QVERIFY(race->controller()->isPlaying());
    QCOMPARE(playing.count(), 0);   // it never stopped
    play->trigger();
    QVERIFY(syncWith(race->controller()));
    const std::int64_t steps = race->controller()->state(0).step;
    const core::Vec start = toVec(w->settings().start);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(race->controller()->state(i).step, steps);
        QVERIFY(race->controller()->state(i) == soloState(w->problem(), race->lineup()[static_cast<std::size_t>(i)], start, steps));
        QVERIFY2(raceReadout(*w, i).startsWith(QStringLiteral("step %1 ").arg(steps)), qPrintable(raceReadout(*w, i)));
    }
    // The newcomer's path runs from the start point to where it stands.
    const auto* path = w->landscapePlot()->overlayCurve(4)->data().data();
    QCOMPARE(path->at(0)->key, start[w->settings().axis1]);
    QCOMPARE(path->at(0)->value, start[w->settings().axis2]);
    QCOMPARE(path->at(path->size() - 1)->key, race->controller()->state(4).params[w->settings().axis1]);
    QCOMPARE(race->animationEntrants()[4].track.back().step, steps);
}

void TestRaceLineupEdits::divergingCatchUpIsReportedAndTheOthersRaceOn()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    RaceMode* race = w->raceMode();
    race->applyPreset();
    const core::Vec start = toVec(w->settings().start);
    // Momentum at 40 times its preset rate leaves the bowl.
    core::TrainSettings wild = race->lineup()[1];
    wild.optimizer.lr *= 40;
    QVERIFY(wild.optimizer.lr <= ui::kMaxLearningRate);
    const std::int64_t divergesAt = soloDivergence(w->problem(), wild, start, 3000);
    QVERIFY2(divergesAt > 1, "the test's entrant must diverge on its own");
    race->controller()->setSpeed(0);
    race->controller()->play();
    QTRY_VERIFY_WITH_TIMEOUT(race->controller()->state(0).step > divergesAt, 20000);
    race->controller()->pause();
    QVERIFY(syncWith(race->controller()));
    const std::int64_t steps = race->controller()->state(0).step;

    raceLrBox(race->panel(), 1)->setValue(wild.optimizer.lr);
    QCOMPARE(race->lineup()[1].optimizer.lr, wild.optimizer.lr);
    QVERIFY(syncWith(race->controller()));
    QVERIFY(race->controller()->divergence(1).has_value());
    QCOMPARE(race->controller()->divergence(1)->step, divergesAt);
    QCOMPARE(race->controller()->state(1).step, divergesAt - 1);   // its last finite state
    const QString text = raceReadout(*w, 1);
    QVERIFY2(text.contains(QStringLiteral("diverged at step %1").arg(divergesAt)) && text.contains(QStringLiteral("others race on")),
        qPrintable(text));
    QVERIFY(w->landscapePlot()->overlayCurve(1)->name().contains(QStringLiteral("diverged at step %1").arg(divergesAt)));
    QCOMPARE(race->animationEntrants()[1].divergedAt, divergesAt);
    // The others race on.
    stepRace(*w, 2);
    QVERIFY(syncWith(race->controller()));
    for (int i : {0, 2, 3}) {
        QVERIFY(!race->controller()->divergence(i));
        QCOMPARE(race->controller()->state(i).step, steps + 2);
        QVERIFY2(raceReadout(*w, i).startsWith(QStringLiteral("step %1 ").arg(steps + 2)), qPrintable(raceReadout(*w, i)));
    }
    QCOMPARE(race->controller()->state(1).step, divergesAt - 1);
}

void TestRaceLineupEdits::longCatchUpShowsItsProgress()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    RaceMode* race = w->raceMode();
    race->setLineup({w->settings().train});
    race->controller()->setSpeed(0);
    race->controller()->play();
    // Long enough that catching up takes many of the worker's chunks.
    constexpr std::int64_t kLong = 200'000;
    QTRY_VERIFY_WITH_TIMEOUT(race->controller()->state(0).step >= kLong, 120000);
    race->controller()->pause();
    QVERIFY(syncWith(race->controller()));
    const std::int64_t steps = race->controller()->state(0).step;

    // The GUI keeps drawing frames while the newcomer catches up, each saying how far it is.
    QStringList progress;
    connect(race, &RaceMode::frameShown, this, [&] {
        if (race->lineup().size() == 2)
            progress << raceReadout(*w, 1);
    });
    QTest::mouseClick(race->panel()->findChild<QPushButton*>(QStringLiteral("raceAddButton")), Qt::LeftButton);
    QVERIFY(syncWith(race->controller(), 120000));
    QCOMPARE(race->controller()->state(1).step, steps);
    QVERIFY(race->controller()->state(1) == race->controller()->state(0));   // a copy of the first
    QVERIFY2(progress.size() >= 3, qPrintable(progress.join(QLatin1Char('\n'))));
    QVERIFY2(progress.front().startsWith(QStringLiteral("catching up\u2026 step ")), qPrintable(progress.front()));
    QVERIFY(progress.front().endsWith(QStringLiteral(" of %1").arg(steps)));
    QVERIFY2(progress.back().startsWith(QStringLiteral("step %1 \u00b7 loss").arg(steps)), qPrintable(progress.back()));
    QVERIFY(!race->controller()->isPlaying());   // it was paused, and stays so
}

QTEST_MAIN(TestRaceLineupEdits)
#include "test_race_lineup_edits.moc"

// Each entrant's card shows the rate its legend entry names and its run uses, for the preset's
// rates (worked out from the problem's curvature) on problems of very different scales.
void TestRaceLineupEdits::cardsAndLegendSayTheSameRate_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("linear") << QStringLiteral("linear");
    QTest::newRow("rosenbrock") << QStringLiteral("rosenbrock");
    QTest::newRow("ill-conditioned") << QStringLiteral("ill-conditioned");
    QTest::newRow("lin-exp") << QStringLiteral("lin-exp");
}

void TestRaceLineupEdits::cardsAndLegendSayTheSameRate()
{
    QFETCH(QString, model);
    ui::AppSettings settings;
    settings.setModel(model.toStdString());
    auto w = openWindow(settings);
    QVERIFY(w);
    w->raceMode()->applyPreset();
    stepRace(*w, 1);
    QVERIFY(syncWith(w->raceMode()->controller()));
    QCoreApplication::processEvents();
    for (int i = 0; i < 4; ++i) {
        const double lr = w->raceMode()->lineup()[static_cast<std::size_t>(i)].optimizer.lr;
        QDoubleSpinBox* card = raceLrBox(w->raceMode()->panel(), i);
        QVERIFY(card);
        const QString legend = w->landscapePlot()->overlayCurve(i)->name();
        const QString inLegend = legend.section(QStringLiteral("lr "), 1).section(QLatin1Char(' '), 0, 0);
        QVERIFY2(card->text() == inLegend, qPrintable(QStringLiteral("%1: card %2, legend '%3'").arg(model, card->text(), legend)));
        QCOMPARE(card->value(), lr);
        QCOMPARE(inLegend.toDouble(), lr);
    }
}

namespace {

// The number after `key` in a legend name ("Momentum 0.9 lr 0.01": "Momentum " gives 0.9).
QString legendNumber(const QString& legend, const QString& key)
{
    return legend.section(key, 1).section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(',')).remove(QLatin1Char('('))
        .remove(QLatin1Char(')'));
}

QDoubleSpinBox* cardBox(MainWindow& w, int entrant, const char* name)
{
    auto* card = w.findChild<QWidget*>(QStringLiteral("raceEntrant%1").arg(entrant));
    return card ? card->findChild<QDoubleSpinBox*>(QLatin1String(name)) : nullptr;
}

}  // namespace

// Momentum, the betas and a rate typed with more digits than the legend shows: each card shows
// the number its legend entry shows, and the run uses that number.
void TestRaceLineupEdits::cardsAndLegendSayTheSameNumbersAsTyped()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    core::TrainSettings momentum = w->settings().train;
    momentum.optimizer = core::OptimizerSettings{};
    momentum.optimizer.lr = 0.01;
    momentum.optimizer.momentum = 0.9;
    core::TrainSettings adam = momentum;
    adam.optimizer = core::OptimizerSettings{};
    adam.optimizer.kind = core::OptimizerKind::Adam;
    adam.optimizer.lr = 0.02;
    adam.optimizer.beta1 = 0.85;
    adam.optimizer.beta2 = 0.99;
    w->raceMode()->setLineup({momentum, adam});
    QCoreApplication::processEvents();

    const QString first = w->landscapePlot()->overlayCurve(0)->name();
    QCOMPARE(cardBox(*w, 0, "momentum")->text(), legendNumber(first, QStringLiteral("Momentum ")));
    const QString second = w->landscapePlot()->overlayCurve(1)->name();
    const QString betas = second.section(QLatin1Char('('), 1).section(QLatin1Char(')'), 0, 0);
    QCOMPARE(cardBox(*w, 1, "beta1")->text(), betas.section(QStringLiteral(", "), 0, 0));
    QCOMPARE(cardBox(*w, 1, "beta2")->text(), betas.section(QStringLiteral(", "), 1, 1));

    // Typed as a user types it, with more digits than the legend has room for.
    QDoubleSpinBox* lr = cardBox(*w, 0, "lr");
    lr->setFocus();
    lr->selectAll();
    QTest::keyClicks(lr, QStringLiteral("0.00012345"));
    QTest::keyClick(lr, Qt::Key_Return);
    QCoreApplication::processEvents();
    const QString legend = w->landscapePlot()->overlayCurve(0)->name();
    const QString inLegend = legendNumber(legend, QStringLiteral("lr "));
    QVERIFY2(lr->text() == inLegend, qPrintable(QStringLiteral("card %1, legend '%2'").arg(lr->text(), legend)));
    QCOMPARE(w->raceMode()->lineup()[0].optimizer.lr, inLegend.toDouble());
    QVERIFY(std::abs(w->raceMode()->lineup()[0].optimizer.lr - 0.00012345) < 1e-6);
}
