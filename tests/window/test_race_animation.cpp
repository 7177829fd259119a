// A race in an animation (File > Export animation while racing, and downhill-cli render --race
// --out x.gif): the window keeps each entrant's track, which is where a solo run of that entrant
// stands after every update; every frame shows each entrant where it stood at the frame's step,
// path and marker, with the whole loss curves below; a diverged entrant is labelled so from the
// frame of its failed update; the window's export spans the race.
#include <QAction>
#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

#include "window/export/animation_dialog.h"
#include "window/shell/appearance.h"
#include "tests/common/controller_sync.h"
#include "plots/figure.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "window/shell/main_window.h"
#include "session/problem/problem.h"
#include "session/run/race_controller.h"
#include "window/race/race_mode.h"
#include "session/problem/race_preset.h"
#include "plots/run_animation.h"
#include "tests/common/window_harness.h"

using namespace downhill;
using downhill::test::openWindow;
using downhill::test::syncWith;
using downhill::test::WaitFor;
using downhill::ui::AnimationEntrant;
using downhill::ui::toVec;

namespace {

constexpr int kSteps = 15;

void stepRace(ui::MainWindow& w, int steps)
{
    for (int k = 0; k < steps; ++k)
        w.findChild<QAction*>(QStringLiteral("raceStepAction"))->trigger();
}

// The window, its landscape shown, with the preset's race kSteps steps on.
std::unique_ptr<ui::MainWindow> windowWithPresetRace()
{
    auto w = openWindow();
    if (!w)
        return nullptr;
    w->raceMode()->applyPreset();
    stepRace(*w, kSteps);
    return syncWith(w->raceMode()->controller()) ? std::move(w) : nullptr;
}

QStringList frameNames(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

}  // namespace

class TestRaceAnimation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
        QVERIFY(dir_.isValid());
    }

    void tracksAreTheSoloRuns()
    {
        auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
        QVERIFY(w);
        ui::RaceMode* race = w->raceMode();
        QVERIFY(race->animationEntrants().empty());   // no race, nothing to add
        race->applyPreset();
        stepRace(*w, kSteps);
        QVERIFY(syncWith(race->controller()));
        const auto entrants = race->animationEntrants();
        QCOMPARE(entrants.size(), std::size_t{4});
        QCOMPARE(race->lastStep(), std::int64_t{kSteps});
        const core::Vec start = toVec(w->settings().start);
        const int a1 = w->settings().axis1, a2 = w->settings().axis2;
        for (std::size_t i = 0; i < entrants.size(); ++i) {
            const AnimationEntrant& e = entrants[i];
            QCOMPARE(e.label, w->landscapePlot()->overlayCurve(static_cast<int>(i))->name());
            QCOMPARE(e.color, w->landscapePlot()->overlayCurve(static_cast<int>(i))->pen().color());
            QCOMPARE(e.divergedAt, std::int64_t{0});
            QCOMPARE(e.track.size(), std::size_t{kSteps + 1});
            // Step by step, the track is where the entrant's own run alone stands.
            auto solo = w->problem().makeTrainer(race->lineup()[i], start);
            for (int k = 0; k <= kSteps; ++k) {
                if (k > 0)
                    QVERIFY(solo->step());
                const ui::TrackPoint& p = e.track[static_cast<std::size_t>(k)];
                QCOMPARE(p.step, std::int64_t{k});
                QCOMPARE(p.at, QPointF(solo->params()[a1], solo->params()[a2]));
                QCOMPARE(p.loss, solo->trainingLoss());
            }
        }
        // A reset starts the tracks again.
        w->findChild<QAction*>(QStringLiteral("raceResetAction"))->trigger();
        QVERIFY(syncWith(race->controller()));
        for (const auto& e : race->animationEntrants())
            QCOMPARE(e.track.size(), std::size_t{1});
        QCOMPARE(race->lastStep(), std::int64_t{0});
    }

    void framesShowEachEntrantAtTheFramesStep()
    {
        auto w = windowWithPresetRace();
        QVERIFY(w);
        ui::RaceMode* race = w->raceMode();
        const auto entrants = race->animationEntrants();

        ui::Figure figure(QSize(960, 600), true, QStringLiteral("race"), 1);
        figure.landscape().setGround(w->landscapePlot()->ground());
        ui::AnimationRun run;   // no run of its own: the race alone
        run.projection = w->projection();
        run.entrants = entrants;
        ui::RunAnimation animation(figure, run);
        QCOMPARE(animation.lastStep(), std::int64_t{kSteps});
        auto& plot = figure.landscape();
        auto* loss = figure.loss();
        QVERIFY(loss);
        QCOMPARE(plot.overlayPathCount(), 4);
        QCOMPARE(loss->overlaySeriesCount(), 4);
        QImage previous;
        for (const std::int64_t step : {0, 7, 15, 3}) {   // backwards too
            const QImage image = animation.frame(step);
            QCOMPARE(image.size(), QSize(960, 600));
            QVERIFY(image != previous);
            previous = image;
            QCOMPARE(plot.pathPointCount(), 0);   // no main run drawn
            for (int i = 0; i < 4; ++i) {
                const QPointF at = entrants[static_cast<std::size_t>(i)].track[static_cast<std::size_t>(step)].at;
                QCOMPARE(plot.overlayPointCount(i), static_cast<int>(step) + 1);
                const auto marker = plot.overlayMarker(i)->data()->at(0);
                QCOMPARE(marker->key, at.x());
                QCOMPARE(marker->value, at.y());
                QCOMPARE(animation.entrantPointAt(static_cast<std::size_t>(i), step), at);
                QCOMPARE(loss->overlayStoredCount(i), kSteps + 1);   // the curves are whole
                QCOMPARE(plot.overlayCurve(i)->pen().color(), entrants[static_cast<std::size_t>(i)].color);
                QVERIFY(plot.legend->hasItemWithPlottable(plot.overlayCurve(i)));
            }
        }
        // Past an entrant's end it stays where it stopped.
        QCOMPARE(animation.entrantPointAt(0, 1000), entrants[0].track.back().at);
    }

    void divergedEntrantIsLabelledFromItsFailedStep()
    {
        auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
        QVERIFY(w);
        ui::RaceMode* race = w->raceMode();
        auto lineup = ui::racePreset(w->problem(), toVec(w->settings().start), 0, 1, w->settings().train);
        lineup.resize(2);
        lineup[1].optimizer.lr *= 40;   // momentum at 40 times its rate leaves the bowl
        race->setLineup(lineup);
        race->controller()->setSpeed(0);
        race->controller()->play();
        QTRY_VERIFY_WITH_TIMEOUT(race->controller()->divergence(1).has_value(), 20000);
        const std::int64_t at = race->controller()->divergence(1)->step;
        QTRY_VERIFY_WITH_TIMEOUT(race->controller()->state(0).step > at + 5, 20000);
        race->controller()->pause();
        QVERIFY(syncWith(race->controller()));
        const auto entrants = race->animationEntrants();
        QCOMPARE(entrants[1].divergedAt, at);
        QCOMPARE(entrants[1].track.back().step, at - 1);   // its last finite state
        QCOMPARE(entrants[0].divergedAt, std::int64_t{0});
        QCOMPARE(race->lastStep(), race->controller()->state(0).step);

        ui::Figure figure(QSize(800, 500), true, {}, 1);
        figure.landscape().setGround(w->landscapePlot()->ground());
        ui::AnimationRun run;
        run.entrants = entrants;
        ui::RunAnimation animation(figure, run);
        QCOMPARE(animation.lastStep(), race->controller()->state(0).step);
        QCOMPARE(figure.loss()->overlayGraph(1)->name(), ui::divergedLossLabel(entrants[1].label));
        animation.frame(at - 1);
        QCOMPARE(figure.landscape().overlayCurve(1)->name(), entrants[1].label);
        animation.frame(at);
        QCOMPARE(figure.landscape().overlayCurve(1)->name(), ui::divergedLabel(entrants[1].label, at));
        QCOMPARE(figure.landscape().overlayCurve(0)->name(), entrants[0].label);
        animation.frame(0);   // back: not yet
        QCOMPARE(figure.landscape().overlayCurve(1)->name(), entrants[1].label);
        // Its loss curve's view leaves out the blow-up: the panel's top is far below it.
        const double top = figure.loss()->yAxis->range().upper;
        QVERIFY(std::isfinite(top));
        QVERIFY2(top < 1000 * entrants[1].track.front().loss, qPrintable(QString::number(top)));
    }

    void windowExportSpansTheRace()
    {
        auto w = windowWithPresetRace();
        QVERIFY(w);
        // The main run a few steps on: the frames go to the race's end, the run stops at its own.
        for (int k = 0; k < 4; ++k)
            w->findChild<QAction*>(QStringLiteral("stepAction"))->trigger();
        QVERIFY(syncWith(w->controller()));
        QCOMPARE(w->animationLastStep(), std::int64_t{kSteps});

        ui::AnimationSettings a;
        a.format = ui::AnimationFormat::PngFrames;
        a.target = dir_.filePath("race-frames");
        a.everyK = true;
        a.every = 1;
        a.size = QSize(960, 600);
        a.withLoss = true;
        QString error;
        QCOMPARE(w->exportAnimation(a, &error), ui::ExportResult::Written);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList names = frameNames(a.target);
        QCOMPARE(names.size(), kSteps + 1);
        const QImage first(QDir(a.target).filePath(names.first()));
        const QImage last(QDir(a.target).filePath(names.last()));
        QVERIFY(!first.isNull() && first != last);
        // The live plots keep their race.
        QCOMPARE(w->landscapePlot()->overlayPointCount(0), kSteps + 1);
        const QString shots = QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots");
        QDir().mkpath(shots);
        last.save(shots + "/race-animation-last.png");
        QImage(QDir(a.target).filePath(names[5])).save(shots + "/race-animation-step5.png");
    }

private:
    QTemporaryDir dir_;
};

QTEST_MAIN(TestRaceAnimation)
#include "test_race_animation.moc"
