// The race's runner: entrants stepped in lockstep on one thread, each exactly the run it would
// be alone; frames bounded (not one per step); pacing; a diverging entrant stops alone; reset.
// Line-up changes in a race under way: added and replaced entrants catch up to the race's step
// (also while playing, also when they diverge on the way), removed ones vanish from the frames,
// and the others are neither restarted nor stepped by it.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <vector>

#include "tests/common/controller_sync.h"
#include "core/base/error.h"
#include "core/model/objective.h"
#include "core/train/divergence.h"
#include "session/run/race_controller.h"
#include "session/run/snapshot_buffer.h"
#include "tests/common/synthetic.h"
#include "core/train/trainer.h"

using namespace downhill;
using downhill::test::syncWith;
using downhill::ui::RaceController;
using downhill::ui::RaceFrame;

namespace {

std::shared_ptr<const core::Objective> lineObjective(const std::string& model = "linear")
{
    core::LossSettings loss;
    loss.kind = core::LossKind::Mse;
    return core::makeObjective(model, loss);
}

core::TrainData lineData()
{
    core::TrainData data;
    data.train = test::lineSamples(200);
    data.val = test::lineSamples(50, 4.5, 0.2, 0.5, 11);
    return data;
}

core::TrainSettings entrant(core::OptimizerKind kind, double lr, int batch, double momentum = 0, bool nesterov = false)
{
    core::TrainSettings s;
    s.optimizer.kind = kind;
    s.optimizer.lr = lr;
    s.optimizer.momentum = momentum;
    s.optimizer.nesterov = nesterov;
    s.batchSize = batch;
    s.shuffle = true;
    s.seed = 42;
    return s;
}

// Four different rules and batch sizes: a shared buffer or a step out of order would show.
std::vector<core::TrainSettings> fourEntrants()
{
    return {entrant(core::OptimizerKind::Sgd, 0.05, 16), entrant(core::OptimizerKind::Sgd, 0.02, 32, 0.9, true),
        entrant(core::OptimizerKind::RmsProp, 0.01, 8, 0.5), entrant(core::OptimizerKind::Adam, 0.05, 200)};
}

std::vector<std::unique_ptr<core::Trainer>> trainers(const std::vector<core::TrainSettings>& lineup, const core::Vec& init,
    const std::string& model = "linear")
{
    const auto objective = lineObjective(model);
    std::vector<std::unique_ptr<core::Trainer>> out;
    for (const auto& s : lineup)
        out.push_back(std::make_unique<core::Trainer>(objective, lineData(), s, init));
    return out;
}

core::Vec start()
{
    return core::Vec{{-1.0, 3.0}};
}

// What one entrant's run gives alone: the parameters after every step (index 0 = the start).
std::vector<core::Vec> soloPath(const core::TrainSettings& settings, const core::Vec& init, std::int64_t steps,
    core::TrainState* finalState = nullptr, std::int64_t* divergedAt = nullptr)
{
    core::Trainer solo(lineObjective(), lineData(), settings, init);
    std::vector<core::Vec> path{init};
    for (std::int64_t k = 0; k < steps; ++k) {
        if (!solo.step(nullptr, true)) {
            if (divergedAt)
                *divergedAt = k + 1;
            break;
        }
        path.push_back(solo.params());
    }
    if (finalState)
        *finalState = solo.state();
    return path;
}

// The first three of those: the fourth joins the race later.
std::vector<core::TrainSettings> threeEntrants()
{
    auto lineup = fourEntrants();
    lineup.pop_back();
    return lineup;
}

// Where an entrant alone stands after `steps` updates.
core::TrainState soloState(const core::TrainSettings& settings, std::int64_t steps)
{
    core::TrainState state;
    soloPath(settings, start(), steps, &state);
    return state;
}

constexpr std::int64_t kEditStep = 20;   // where a race stands when its line-up is changed

// A race of `lineup` configured on c and stepped `steps` times.
void raceTo(RaceController& c, const std::vector<core::TrainSettings>& lineup, std::int64_t steps)
{
    c.configure(trainers(lineup, start()));
    for (std::int64_t k = 0; k < steps; ++k)
        c.stepOnce();
    QVERIFY(syncWith(c));
}

// One entrant joining a race under way, from the same start.
std::unique_ptr<core::Trainer> newcomerTrainer(const core::TrainSettings& settings)
{
    return std::move(trainers({settings}, start()).front());
}

// Every row each entrant received, by entrant id (a restart clears them), and which ids each
// frame carried.
struct Recorder {
    std::map<std::uint64_t, std::vector<ui::StepRow>> rows;
    std::map<std::uint64_t, std::optional<ui::Divergence>> divergence;
    std::vector<std::vector<std::uint64_t>> frameIds;
    std::vector<int> restartsPerFrame;   // of the frames that restarted any entrant
    int frames = 0;
    int restarts = 0;

    void attach(RaceController& c, QObject* context)
    {
        QObject::connect(&c, &RaceController::frame, context, [this](const RaceFrame& f) {
            ++frames;
            QCOMPARE(f.ids.size(), f.entrants.size());
            frameIds.push_back(f.ids);
            int restarted = 0;
            for (std::size_t i = 0; i < f.entrants.size(); ++i) {
                const auto& s = f.entrants[i];
                auto& r = rows[f.ids[i]];
                if (s.restarted) {
                    r.clear();
                    ++restarted;
                }
                r.insert(r.end(), s.rows.begin(), s.rows.end());
                if (s.divergence)
                    divergence[f.ids[i]] = s.divergence;
            }
            if (restarted > 0) {
                restartsPerFrame.push_back(restarted);
                ++restarts;
            }
        });
    }
    const std::vector<ui::StepRow>& of(const RaceController& c, int entrant) { return rows[c.entrantId(entrant)]; }
    // Whether any frame since frame `from` carried this id.
    bool seenSince(std::size_t from, std::uint64_t id) const
    {
        for (std::size_t k = from; k < frameIds.size(); ++k)
            if (std::find(frameIds[k].begin(), frameIds[k].end(), id) != frameIds[k].end())
                return true;
        return false;
    }
};

// The rows an entrant received are its solo run, step by step from 1 to `steps` (no thinning
// at these lengths).
void checkWholeSoloPath(const std::vector<ui::StepRow>& rows, const core::TrainSettings& settings, std::int64_t steps)
{
    const auto path = soloPath(settings, start(), steps);
    QCOMPARE(static_cast<std::int64_t>(rows.size()), steps);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        QCOMPARE(rows[k].step, static_cast<std::int64_t>(k + 1));
        QVERIFY(rows[k].params == path[k + 1]);
    }
}

}  // namespace

class TestRaceController : public QObject {
    Q_OBJECT
private slots:
    void eachEntrantIsItsSoloRunBitForBit();
    void playedRaceMatchesSoloRunsAndFramesAreFew();
    void pacedSpeedIsNotExceeded();
    void divergingEntrantStopsAloneAndIsReported();
    void allDivergedStopsTheRace();
    void resetRestartsEveryEntrant();
    void lineupSizeIsChecked();
    void reconfigureDropsTheOldRace();
    void addedEntrantCatchesUpAndTheOthersKeepTheirState();
    void removedEntrantGoesAndTheOthersKeepTheirState();
    void replacedEntrantAloneRestartsAndCatchesUp();
    void addWhilePlayingKeepsPlayingInLockstep();
    void divergingCatchUpIsReportedAndTheOthersGoOn();
};

void TestRaceController::eachEntrantIsItsSoloRunBitForBit()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    const auto lineup = fourEntrants();
    c.configure(trainers(lineup, start()));
    constexpr int kSteps = 60;   // several epochs at batch 16 and 8: reshuffles too
    for (int k = 0; k < kSteps; ++k)
        c.stepOnce();
    QVERIFY(syncWith(c));
    QCOMPARE(c.entrantCount(), 4);
    QCOMPARE(rec.rows.size(), std::size_t{4});
    for (std::size_t i = 0; i < lineup.size(); ++i) {
        core::TrainState soloState;
        const auto path = soloPath(lineup[i], start(), kSteps, &soloState);
        const auto& rows = rec.of(c, static_cast<int>(i));
        QCOMPARE(rows.size(), std::size_t{kSteps});
        for (int k = 0; k < kSteps; ++k) {
            QCOMPARE(rows[static_cast<std::size_t>(k)].step, std::int64_t{k + 1});
            // Exact equality: the same operations in the same order.
            QVERIFY2(rows[static_cast<std::size_t>(k)].params == path[static_cast<std::size_t>(k + 1)],
                qPrintable(QStringLiteral("entrant %1 step %2").arg(i).arg(k + 1)));
        }
        QVERIFY(c.state(static_cast<int>(i)) == soloState);
    }
    // The entrants really differ: lockstep is not everyone following one run.
    QVERIFY(!(rec.of(c, 0).back().params == rec.of(c, 1).back().params));
}

void TestRaceController::playedRaceMatchesSoloRunsAndFramesAreFew()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    const auto lineup = fourEntrants();
    c.configure(trainers(lineup, start()));
    c.setSpeed(0);   // as fast as it goes
    QElapsedTimer t;
    t.start();
    c.play();
    QVERIFY(c.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(c.state(0).step > 200, 10000);
    c.pause();
    QVERIFY(syncWith(c));
    const qint64 ms = t.elapsed();
    const std::int64_t steps = c.state(0).step;
    // Lockstep: every entrant at the same step.
    for (int i = 1; i < 4; ++i)
        QCOMPARE(c.state(i).step, steps);
    // One frame for the whole race per refresh (every 16 ms, one more for a refresh already
    // due when the clock started) and one for the sync, however many steps: never one a step.
    QVERIFY2(rec.frames <= ms / 16 + 3,
        qPrintable(QStringLiteral("%1 frames in %2 ms for %3 steps").arg(rec.frames).arg(ms).arg(steps)));
    for (std::size_t i = 0; i < lineup.size(); ++i) {
        core::TrainState soloState;
        const auto path = soloPath(lineup[i], start(), steps, &soloState);
        QVERIFY(c.state(static_cast<int>(i)) == soloState);
        // Rows may be thinned when the GUI falls behind, never altered.
        const auto& rows = rec.of(c, static_cast<int>(i));
        QVERIFY(!rows.empty());
        QCOMPARE(rows.back().step, steps);
        for (const auto& row : rows)
            QVERIFY(row.params == path[static_cast<std::size_t>(row.step)]);
    }
}

void TestRaceController::pacedSpeedIsNotExceeded()
{
    RaceController c;
    c.configure(trainers(fourEntrants(), start()));
    c.setSpeed(40);
    QElapsedTimer t;
    t.start();
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.state(0).step >= 10, 10000);
    c.pause();
    const double seconds = static_cast<double>(t.elapsed()) / 1000.0;
    QVERIFY(syncWith(c));
    // Race step k is due (k - 1) / speed seconds after play: never sooner, however fast the
    // machine; a slow one only takes longer.
    const auto steps = c.state(0).step;
    QVERIFY2(seconds >= 9.0 / 40 - 0.005 && static_cast<double>(steps) <= 40 * seconds + 3,
        qPrintable(QStringLiteral("%1 steps in %2 s").arg(steps).arg(seconds)));
}

void TestRaceController::divergingEntrantStopsAloneAndIsReported()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    // lr 3 on this quadratic (largest curvature ~ 4.4: stable below ~0.45) diverges within a few
    // hundred steps; the others do not.
    std::vector<core::TrainSettings> lineup = fourEntrants();
    lineup[2] = entrant(core::OptimizerKind::Sgd, 3.0, 200);
    std::int64_t soloDivergedAt = 0;
    core::TrainState soloState;
    soloPath(lineup[2], start(), 5000, &soloState, &soloDivergedAt);
    QVERIFY2(soloDivergedAt > 1, "the test's entrant must diverge on its own");
    c.configure(trainers(lineup, start()));
    c.setSpeed(0);
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.divergence(2).has_value(), 10000);
    // The others race on after it.
    const std::int64_t at = c.divergence(2)->step;
    QTRY_VERIFY_WITH_TIMEOUT(c.state(0).step > at + 100, 10000);
    QVERIFY(c.isPlaying());
    c.pause();
    QVERIFY(syncWith(c));

    QCOMPARE(at, soloDivergedAt);
    const QString message = QString::fromStdString(c.divergence(2)->message);
    // The CLI's words after the entrant's description.
    QCOMPARE(message, QString::fromStdString("sgd lr=3 " + core::Divergence::at(at).message));
    QVERIFY(rec.divergence[c.entrantId(2)].has_value());
    // It keeps its last finite state, which is the solo run's.
    QVERIFY(c.state(2) == soloState);
    QCOMPARE(c.state(2).step, at - 1);
    QVERIFY(c.state(2).params.allFinite());
    for (int i : {0, 1, 3}) {
        QVERIFY(!c.divergence(i));
        QCOMPARE(c.state(i).step, c.state(0).step);
    }
}

void TestRaceController::allDivergedStopsTheRace()
{
    RaceController c;
    QSignalSpy playing(&c, &RaceController::playingChanged);
    c.configure(trainers({entrant(core::OptimizerKind::Sgd, 3.0, 200), entrant(core::OptimizerKind::Sgd, 5.0, 200)}, start()));
    c.setSpeed(0);
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying(), 10000);
    QVERIFY(c.divergence(0) && c.divergence(1));
    QVERIFY(c.divergence(1)->step < c.divergence(0)->step);   // the faster rate breaks first
    QCOMPARE(playing.count(), 2);   // on, then off by itself
    // A reset starts both again.
    c.reset();
    QVERIFY(syncWith(c));
    QVERIFY(!c.divergence(0) && !c.divergence(1));
    QCOMPARE(c.state(0).step, std::int64_t{0});
}

void TestRaceController::resetRestartsEveryEntrant()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    const auto lineup = fourEntrants();
    c.configure(trainers(lineup, start()));
    for (int k = 0; k < 25; ++k)
        c.stepOnce();
    QVERIFY(syncWith(c));
    c.reset();
    for (int k = 0; k < 10; ++k)
        c.stepOnce();
    QVERIFY(syncWith(c));
    QCOMPARE(rec.restarts, 2);   // configure, reset
    // Each reached every entrant in the same frame.
    QVERIFY(rec.restartsPerFrame == std::vector<int>({4, 4}));
    for (std::size_t i = 0; i < lineup.size(); ++i) {
        QCOMPARE(rec.of(c, static_cast<int>(i)).size(), std::size_t{10});
        const auto path = soloPath(lineup[i], start(), 10);
        QVERIFY(rec.of(c, static_cast<int>(i)).back().params == path.back());
    }
}

void TestRaceController::lineupSizeIsChecked()
{
    RaceController c;
    QVERIFY_THROWS_EXCEPTION(core::InputError, c.configure({}));
    std::vector<core::TrainSettings> nine(9, entrant(core::OptimizerKind::Sgd, 0.05, 16));
    QVERIFY_THROWS_EXCEPTION(core::InputError, c.configure(trainers(nine, start())));
    std::vector<core::TrainSettings> eight(8, entrant(core::OptimizerKind::Sgd, 0.05, 16));
    for (std::size_t i = 0; i < eight.size(); ++i)
        eight[i].optimizer.lr = 0.01 * static_cast<double>(i + 1);
    c.configure(trainers(eight, start()));
    c.stepOnce();
    QVERIFY(syncWith(c));
    QCOMPARE(c.entrantCount(), 8);
    for (int i = 0; i < 8; ++i)
        QCOMPARE(c.state(i).step, std::int64_t{1});
}

void TestRaceController::reconfigureDropsTheOldRace()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    c.configure(trainers(fourEntrants(), start()));
    c.setSpeed(0);
    c.play();
    QTest::qWait(100);
    // A new line-up of two while the old one runs: nothing of the old race arrives after it.
    const std::vector<core::TrainSettings> two{entrant(core::OptimizerKind::Adam, 0.1, 16), entrant(core::OptimizerKind::Sgd, 0.01, 16)};
    c.configure(trainers(two, start()));
    QVERIFY(!c.isPlaying());   // a new race waits for play
    for (int k = 0; k < 3; ++k)
        c.stepOnce();
    QVERIFY(syncWith(c));
    QCOMPARE(c.entrantCount(), 2);
    QCOMPARE(rec.of(c, 0).size(), std::size_t{3});
    QVERIFY(rec.of(c, 0).back().params == soloPath(two[0], start(), 3).back());
    c.clear();
    QCOMPARE(c.entrantCount(), 0);
    c.stepOnce();   // nothing to step: harmless
    QVERIFY(syncWith(c));
}

void TestRaceController::addedEntrantCatchesUpAndTheOthersKeepTheirState()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    auto lineup = threeEntrants();
    const core::TrainSettings newcomer = fourEntrants().back();
    raceTo(c, lineup, kEditStep);
    std::vector<std::vector<ui::StepRow>> before;
    for (int i = 0; i < 3; ++i)
        before.push_back(rec.of(c, i));

    c.addEntrant(newcomerTrainer(newcomer));
    QCOMPARE(c.entrantCount(), 4);
    QVERIFY(syncWith(c));   // once it has caught up
    QCOMPARE(c.raceStep(), kEditStep);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(c.state(i).step, kEditStep);
        QVERIFY(!c.isCatchingUp(i));
    }
    // The newcomer is its solo run, bit for bit, and every step of it reached the GUI.
    QVERIFY(c.state(3) == soloState(newcomer, kEditStep));
    checkWholeSoloPath(rec.of(c, 3), newcomer, kEditStep);
    // The others were neither restarted nor stepped.
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(rec.of(c, i).size(), before[static_cast<std::size_t>(i)].size());
        QVERIFY(rec.of(c, i).back().params == before[static_cast<std::size_t>(i)].back().params);
    }
    QCOMPARE(rec.restarts, 2);   // the race's start, the newcomer's
    QCOMPARE(rec.restartsPerFrame.back(), 1);
    // And the race goes on in lockstep with four.
    for (int k = 0; k < 5; ++k)
        c.stepOnce();
    QVERIFY(syncWith(c));
    lineup.push_back(newcomer);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(c.state(i) == soloState(lineup[static_cast<std::size_t>(i)], kEditStep + 5), qPrintable(QStringLiteral("entrant %1").arg(i)));
    // At most eight.
    for (int k = 0; k < 4; ++k)
        c.addEntrant(newcomerTrainer(newcomer));
    QVERIFY_THROWS_EXCEPTION(core::InputError, c.addEntrant(newcomerTrainer(newcomer)));
    QCOMPARE(c.entrantCount(), 8);
}

void TestRaceController::removedEntrantGoesAndTheOthersKeepTheirState()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    const auto lineup = fourEntrants();
    raceTo(c, lineup, kEditStep);
    const std::uint64_t removed = c.entrantId(1);

    c.removeEntrant(1);
    QCOMPARE(c.entrantCount(), 3);
    const std::size_t framesAfter = rec.frameIds.size();
    for (int k = 0; k < 5; ++k)
        c.stepOnce();
    QVERIFY(syncWith(c));
    QVERIFY(!rec.seenSince(framesAfter, removed));
    QCOMPARE(rec.restarts, 1);   // only the race's start
    const std::vector<std::size_t> kept{0, 2, 3};
    for (int i = 0; i < 3; ++i) {
        const auto& settings = lineup[kept[static_cast<std::size_t>(i)]];
        QVERIFY(c.entrantId(i) != removed);
        QVERIFY2(c.state(i) == soloState(settings, kEditStep + 5), qPrintable(QStringLiteral("entrant %1").arg(i)));
        // Its rows are one unbroken run from step 1.
        checkWholeSoloPath(rec.of(c, i), settings, kEditStep + 5);
    }
    // The last one ends the race.
    c.removeEntrant(2);
    c.removeEntrant(1);
    c.removeEntrant(0);
    QCOMPARE(c.entrantCount(), 0);
    c.stepOnce();
    QVERIFY(syncWith(c));
}

void TestRaceController::replacedEntrantAloneRestartsAndCatchesUp()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    auto lineup = fourEntrants();
    raceTo(c, lineup, kEditStep);
    const std::uint64_t old = c.entrantId(2);
    const std::vector<int> others{0, 1, 3};
    std::vector<std::size_t> othersBefore;
    for (int i : others)
        othersBefore.push_back(rec.of(c, i).size());

    lineup[2].optimizer.lr *= 0.5;
    c.replaceEntrant(2, newcomerTrainer(lineup[2]));
    QVERIFY(c.entrantId(2) != old);   // a new entrant in its place
    QVERIFY(c.isCatchingUp(2));
    const std::size_t framesAfter = rec.frameIds.size();
    QVERIFY(syncWith(c));
    QVERIFY(!rec.seenSince(framesAfter, old));
    QVERIFY(c.state(2) == soloState(lineup[2], kEditStep));
    checkWholeSoloPath(rec.of(c, 2), lineup[2], kEditStep);
    for (std::size_t k = 0; k < others.size(); ++k) {
        const int i = others[k];
        QCOMPARE(rec.of(c, i).size(), othersBefore[k]);   // not restarted, not stepped
        QVERIFY(c.state(i) == soloState(lineup[static_cast<std::size_t>(i)], kEditStep));
    }
    QCOMPARE(rec.restartsPerFrame.back(), 1);
}

void TestRaceController::addWhilePlayingKeepsPlayingInLockstep()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    QSignalSpy playing(&c, &RaceController::playingChanged);
    auto lineup = threeEntrants();
    const core::TrainSettings newcomer = fourEntrants().back();
    c.configure(trainers(lineup, start()));
    c.setSpeed(0);
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.state(0).step > 200, 10000);
    c.addEntrant(newcomerTrainer(newcomer));
    QVERIFY(c.isPlaying());
    // The newcomer joins, and the race then goes on past where it stood.
    const std::int64_t joinedAt = c.raceStep();
    QTRY_VERIFY_WITH_TIMEOUT(!c.isCatchingUp(3) && c.state(3).step > joinedAt + 50, 10000);
    QVERIFY(c.isPlaying());
    QCOMPARE(playing.count(), 1);   // on, never off
    c.pause();
    QVERIFY(syncWith(c));
    const std::int64_t steps = c.state(0).step;
    lineup.push_back(newcomer);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(c.state(i).step, steps);
        QVERIFY2(c.state(i) == soloState(lineup[static_cast<std::size_t>(i)], steps), qPrintable(QStringLiteral("entrant %1").arg(i)));
    }
    // Every row the newcomer's frames carried is its solo run's at that step.
    const auto path = soloPath(newcomer, start(), steps);
    QVERIFY(!rec.of(c, 3).empty());
    for (const auto& row : rec.of(c, 3))
        QVERIFY(row.params == path[static_cast<std::size_t>(row.step)]);
}

void TestRaceController::divergingCatchUpIsReportedAndTheOthersGoOn()
{
    RaceController c;
    Recorder rec;
    rec.attach(c, this);
    const core::TrainSettings wild = entrant(core::OptimizerKind::Sgd, 3.0, 200);
    std::int64_t soloDivergedAt = 0;
    core::TrainState soloWild;
    soloPath(wild, start(), 5000, &soloWild, &soloDivergedAt);
    QVERIFY2(soloDivergedAt > 1, "the test's entrant must diverge on its own");
    const std::int64_t steps = soloDivergedAt + 20;
    raceTo(c, fourEntrants(), steps);

    c.replaceEntrant(1, newcomerTrainer(wild));
    QVERIFY(syncWith(c));
    QVERIFY(c.divergence(1).has_value());
    QCOMPARE(c.divergence(1)->step, soloDivergedAt);
    QVERIFY(rec.divergence[c.entrantId(1)].has_value());
    QVERIFY(c.state(1) == soloWild);   // its last finite state
    QVERIFY(!c.isCatchingUp(1));
    // The others race on; it stays where it stopped.
    for (int k = 0; k < 3; ++k)
        c.stepOnce();
    QVERIFY(syncWith(c));
    for (int i : {0, 2, 3}) {
        QVERIFY(!c.divergence(i));
        QCOMPARE(c.state(i).step, steps + 3);
    }
    QCOMPARE(c.state(1).step, soloDivergedAt - 1);
}

QTEST_GUILESS_MAIN(TestRaceController)
#include "test_race_controller.moc"
