// The race's worker driven directly, on the test's own thread: every entrant at the race's
// step at every publish, each on its own run; a diverging entrant stops alone at its last
// finite state and says so once, in the CLI's words after its description.
#include <QtTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "core/model/objective.h"
#include "core/train/divergence.h"
#include "core/train/trainer.h"
#include "session/run/race_worker.h"
#include "tests/common/synthetic.h"

using namespace downhill;

namespace {

core::TrainData raceData()
{
    core::TrainData data;
    data.train = test::lineSamples(200);
    data.val = test::lineSamples(50, 4.5, 0.2, 0.5, 11);
    return data;
}

core::TrainSettings entrant(core::OptimizerKind kind, double lr, int batch)
{
    core::TrainSettings s;
    s.optimizer.kind = kind;
    s.optimizer.lr = lr;
    s.batchSize = batch;
    s.seed = 42;
    return s;
}

std::unique_ptr<core::Trainer> trainer(const core::TrainSettings& settings)
{
    core::LossSettings mse;
    return std::make_unique<core::Trainer>(core::makeObjective("linear", mse), raceData(), settings,
        core::Vec{{-1.0, 3.0}});
}

// A race on the worker, with the flags and the feeds a RaceController would give it.
struct Bench {
    std::atomic<bool> playing{false};
    std::atomic<bool> interrupt{false};
    ui::RaceWorker worker{playing, interrupt};
    std::shared_ptr<ui::RaceRun> run = std::make_shared<ui::RaceRun>();
    std::vector<std::shared_ptr<ui::EntrantFeed>> feeds;
    // Per entrant: the newest state taken, every divergence taken, every row taken.
    std::vector<core::TrainState> states;
    std::vector<std::vector<core::Divergence>> divergences;
    std::vector<std::vector<ui::StepRow>> rows;

    explicit Bench(const std::vector<core::TrainSettings>& lineup)
    {
        std::vector<ui::RaceJoin> joins;
        for (std::size_t i = 0; i < lineup.size(); ++i) {
            feeds.push_back(std::make_shared<ui::EntrantFeed>(i));
            joins.push_back({feeds.back(), std::shared_ptr<core::Trainer>(trainer(lineup[i]))});
        }
        states.resize(lineup.size());
        divergences.resize(lineup.size());
        rows.resize(lineup.size());
        worker.configure(run, joins);
    }

    // What the GUI's frame timer does: everything at once, under the race's lock. Returns the
    // race's step.
    std::int64_t take()
    {
        const std::lock_guard lock(run->handover);
        for (std::size_t i = 0; i < feeds.size(); ++i) {
            ui::Snapshot s = feeds[i]->buffer.take();
            if (s.hasState)
                states[i] = s.state;
            if (s.divergence)
                divergences[i].push_back(*s.divergence);
            rows[i].insert(rows[i].end(), s.rows.begin(), s.rows.end());
        }
        return run->step;
    }
};

// Two rules and three batch sizes: lanes sharing a trainer or a buffer would not stay apart.
std::vector<core::TrainSettings> threeEntrants()
{
    return {entrant(core::OptimizerKind::Sgd, 0.05, 16), entrant(core::OptimizerKind::Adam, 0.05, 200),
        entrant(core::OptimizerKind::Sgd, 0.02, 32)};
}

}  // namespace

class TestRaceWorker : public QObject {
    Q_OBJECT
private slots:
    void everyEntrantIsAtTheRaceStepAtEveryPublish();
    void aDivergingEntrantStopsAlone();
};

void TestRaceWorker::everyEntrantIsAtTheRaceStepAtEveryPublish()
{
    const auto lineup = threeEntrants();
    Bench b(lineup);
    b.worker.setSpeed(0);
    b.playing.store(true);
    b.worker.play();
    std::int64_t raceStep = 0;
    int looks = 0;
    while (raceStep < 400) {
        QVERIFY2(++looks < 100000, "the race does not get on");
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        raceStep = b.take();
        for (std::size_t i = 0; i < lineup.size(); ++i)
            QCOMPARE(b.states[i].step, raceStep);
    }
    b.playing.store(false);

    // Each lane is its own entrant's run, step for step.
    for (std::size_t i = 0; i < lineup.size(); ++i) {
        auto solo = trainer(lineup[i]);
        QCOMPARE(static_cast<std::int64_t>(b.rows[i].size()), raceStep);
        for (const ui::StepRow& row : b.rows[i]) {
            QVERIFY(solo->step(nullptr, true));
            QCOMPARE(row.step, solo->state().step);
            QVERIFY(row.params == solo->params());
        }
        QVERIFY(b.divergences[i].empty());
    }
}

void TestRaceWorker::aDivergingEntrantStopsAlone()
{
    // lr 3 on this quadratic (largest curvature ~4.4: stable below ~0.45) diverges within a few
    // hundred steps; the others do not.
    auto lineup = threeEntrants();
    lineup[1] = entrant(core::OptimizerKind::Sgd, 3.0, 200);
    auto solo = trainer(lineup[1]);
    std::int64_t failedAt = 0;
    for (std::int64_t k = 1; k <= 5000 && failedAt == 0; ++k) {
        if (!solo->step(nullptr, true))
            failedAt = k;
    }
    QVERIFY2(failedAt > 1, "the test's entrant must diverge on its own");

    Bench b(lineup);
    const std::int64_t steps = failedAt + 30;
    for (std::int64_t k = 0; k < steps; ++k)
        b.worker.stepOnce();
    QCOMPARE(b.take(), steps);

    QCOMPARE(b.divergences[1].size(), std::size_t{1});
    QCOMPARE(b.divergences[1][0].step, failedAt);
    QCOMPARE(QString::fromStdString(b.divergences[1][0].message),
        QString::fromStdString("sgd lr=3 " + core::Divergence::at(failedAt).message));
    QVERIFY(b.states[1] == solo->state());   // its last finite state
    QCOMPARE(b.states[1].step, failedAt - 1);
    for (std::size_t i : {std::size_t{0}, std::size_t{2}}) {
        QVERIFY(b.divergences[i].empty());
        QCOMPARE(b.states[i].step, steps);
    }

    // Playing on, the others race and it stays where it stopped.
    b.worker.setSpeed(0);
    b.playing.store(true);
    b.worker.play();
    QTRY_VERIFY_WITH_TIMEOUT(b.take() > steps + 100, 10000);
    b.playing.store(false);
    QCOMPARE(b.states[1].step, failedAt - 1);
    QCOMPARE(b.divergences[1].size(), std::size_t{1});
    QCOMPARE(b.states[0].step, b.states[2].step);
}

QTEST_GUILESS_MAIN(TestRaceWorker)
#include "test_race_worker.moc"
