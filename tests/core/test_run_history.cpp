#include <QtTest>

#include <cstdint>
#include <limits>
#include <map>

#include "core/base/error.h"
#include "core/train/run_history.h"
#include "tests/common/synthetic.h"

using namespace downhill::core;
using downhill::test::lineSamples;

namespace {

TrainData trainOn(const Samples& s)
{
    TrainData d;
    d.train = s;
    return d;
}

std::shared_ptr<const Objective> linearMse() { return makeObjective("linear", {}); }

TrainSettings baseSettings()
{
    TrainSettings s;
    s.optimizer.lr = 0.01;
    s.optimizer.momentum = 0.9;
    s.batchSize = 7;   // 100 samples: 14 batches of 7 and one of 2, so epochs end unevenly
    s.schedule = Schedule::parse("cosine-restarts:10:2");
    return s;
}

// A run of `steps` updates with settings changes at some steps, every state kept by hand:
// the truth the history is checked against.
struct Recorded {
    std::vector<TrainState> states;         // states[k] = after k updates (and any change at k)
    std::vector<TrainSettings> settings;    // settings[k] = in effect for update k + 1
};

Recorded runWithChanges(Trainer& trainer, RunHistory& history, int steps,
    const std::map<int, TrainSettings>& changes)
{
    Recorded r;
    history.begin(trainer.state(), trainer.settings());
    for (int k = 0;; ++k) {
        if (auto it = changes.find(k); it != changes.end()) {
            trainer.setSettings(it->second);
            history.recordSettings(trainer.state(), trainer.settings());
        }
        r.states.push_back(trainer.state());
        r.settings.push_back(trainer.settings());
        if (k == steps)
            break;
        if (!trainer.step())
            throw std::runtime_error("the reference run diverged");
        history.recordStep(trainer.state(), trainer.settings());
    }
    return r;
}

}  // namespace

class TestRunHistory : public QObject {
    Q_OBJECT
private slots:
    void seekBringsBackEveryStepExactly()
    {
        const Samples s = lineSamples(100);
        Trainer trainer(linearMse(), trainOn(s), baseSettings(), Vec{{0.0, 0.0}});
        // Few checkpoints, so thinning happens many times during the run.
        RunHistory history(8, 4);
        TrainSettings faster = baseSettings();
        faster.optimizer.lr = 0.03;
        TrainSettings adam = faster;
        adam.optimizer.kind = OptimizerKind::Adam;   // resets the optimizer's buffers
        TrainSettings bigger = adam;
        bigger.batchSize = 30;
        const Recorded truth = runWithChanges(trainer, history, 1000, {{100, faster}, {301, adam}, {555, bigger}});
        QCOMPARE(history.head(), 1000);
        QVERIFY(history.spacing() > 4);
        // Periodic checkpoints stay under the cap; the three changes and the start are pinned.
        QVERIFY(history.checkpointCount() <= 8 + 4);

        // Another trainer, in another state and with other settings, is put back exactly.
        TrainSettings other = baseSettings();
        other.optimizer.kind = OptimizerKind::RmsProp;
        other.batchSize = 3;
        Trainer replayer(linearMse(), trainOn(s), other, Vec{{5.0, -5.0}});
        for (int k : {1000, 0, 1, 99, 100, 101, 300, 301, 302, 554, 555, 556, 777, 3, 999}) {
            QCOMPARE(history.seek(replayer, k), k);
            QVERIFY2(replayer.state() == truth.states[static_cast<std::size_t>(k)], qPrintable(QString::number(k)));
            QVERIFY(replayer.settings() == truth.settings[static_cast<std::size_t>(k)]);
            QVERIFY(history.settingsAt(k) == truth.settings[static_cast<std::size_t>(k)]);
        }
        // Stepping on from a seek replays the recorded run bit for bit.
        history.seek(replayer, 290);
        for (int k = 291; k <= 320; ++k) {
            QVERIFY(replayer.step());
            if (k == 301)
                replayer.setSettings(adam);
            QVERIFY(replayer.state() == truth.states[static_cast<std::size_t>(k)]);
        }
        // Out of range is clamped to the timeline.
        QCOMPARE(history.seek(replayer, 5000), 1000);
        QCOMPARE(history.seek(replayer, -3), 0);
    }

    void replaysDoNotMoveTheHead()
    {
        const Samples s = lineSamples(60);
        Trainer trainer(linearMse(), trainOn(s), baseSettings(), Vec{{1.0, 1.0}});
        RunHistory history(64, 8);
        runWithChanges(trainer, history, 50, {});
        history.seek(trainer, 10);
        for (int k = 0; k < 5; ++k) {
            QVERIFY(trainer.step());
            history.recordStep(trainer.state(), trainer.settings());
        }
        QCOMPARE(history.head(), 50);
        // The same settings again are not a branch.
        QVERIFY(!history.recordSettings(trainer.state(), trainer.settings()));
        QCOMPARE(history.head(), 50);
    }

    void changedSettingsInThePastBranch()
    {
        const Samples s = lineSamples(100);
        Trainer trainer(linearMse(), trainOn(s), baseSettings(), Vec{{0.0, 0.0}});
        RunHistory history(64, 16);
        const Recorded old = runWithChanges(trainer, history, 200, {});
        history.seek(trainer, 80);
        TrainSettings tenTimes = baseSettings();
        tenTimes.optimizer.lr = 0.1;
        trainer.setSettings(tenTimes);
        QVERIFY(history.recordSettings(trainer.state(), trainer.settings()));
        QCOMPARE(history.head(), 80);
        for (int k = 0; k < 40; ++k) {
            QVERIFY(trainer.step());
            history.recordStep(trainer.state(), trainer.settings());
        }
        QCOMPARE(history.head(), 120);
        const TrainState branchAt120 = trainer.state();
        QVERIFY(!(branchAt120 == old.states[120]));
        // Before the branch point the old timeline is intact; after it, the new one rules.
        history.seek(trainer, 79);
        QVERIFY(trainer.state() == old.states[79]);
        history.seek(trainer, 120);
        QVERIFY(trainer.state() == branchAt120);
        QVERIFY(trainer.settings() == tenTimes);
        QCOMPARE(history.seek(trainer, 200), 120);
    }

    void epochStartsAreFoundByReplay()
    {
        const Samples s = lineSamples(100);
        Trainer trainer(linearMse(), trainOn(s), baseSettings(), Vec{{0.0, 0.0}});
        RunHistory history(16, 8);
        TrainSettings bigger = baseSettings();
        bigger.batchSize = 25;
        const Recorded truth = runWithChanges(trainer, history, 400, {{37, bigger}});
        Trainer replayer(linearMse(), trainOn(s), baseSettings(), Vec{{0.0, 0.0}});
        for (std::int64_t e = 0; e <= truth.states.back().epoch; ++e) {
            // Counted by hand from the recorded states: the first step of epoch e.
            std::size_t expected = 0;
            while (truth.states[expected].epoch < e)
                ++expected;
            QCOMPARE(history.seekEpochStart(replayer, e), static_cast<std::int64_t>(expected));
            QVERIFY(replayer.state() == truth.states[expected]);
            QCOMPARE(replayer.state().cursor, 0);
        }
        // Beyond the last epoch: the head.
        QCOMPARE(history.seekEpochStart(replayer, 1000), 400);
    }

    // A saved run's head is checked against what its history can reach: every head of a real
    // run (uneven epochs, a batch size changed mid-epoch) passes; a hostile file's head of
    // 2^63 - 1, or one whose epoch and cursor the updates cannot reach, is refused.
    void headProblemAcceptsRealRunsAndRefusesUnreachableHeads()
    {
        const Samples s = lineSamples(100);
        Trainer trainer(linearMse(), trainOn(s), baseSettings(), Vec{{0.0, 0.0}});
        RunHistory history(64, 8);
        TrainSettings bigger = baseSettings();
        bigger.batchSize = 30;
        TrainSettings full = baseSettings();
        full.batchSize = TrainSettings::kFullBatch;
        const Recorded truth = runWithChanges(trainer, history, 400, {{23, bigger}, {101, full}, {150, baseSettings()}});
        const std::vector<RunHistory::Change> all = history.changes();
        for (int k = 0; k <= 400; ++k) {
            RunHistory::Saved saved;
            for (const auto& c : all)
                if (c.state.step <= k)
                    saved.changes.push_back(c);
            saved.head = k;
            saved.headState = truth.states[static_cast<std::size_t>(k)];
            QVERIFY2(RunHistory::headProblem(saved, 100).empty(),
                qPrintable(QString::number(k) + ": " + QString::fromStdString(RunHistory::headProblem(saved, 100))));
            // One sample off in the cursor (or one epoch off) is a head the run cannot reach.
            saved.headState.cursor += 1;
            QVERIFY(!RunHistory::headProblem(saved, 100).empty());
            saved.headState.cursor -= 1;
            saved.headState.epoch += 1;
            QVERIFY(!RunHistory::headProblem(saved, 100).empty());
        }

        RunHistory::Saved hostile;
        hostile.changes = {all.front()};
        hostile.head = std::numeric_limits<std::int64_t>::max();
        hostile.headState = all.front().state;
        hostile.headState.step = hostile.head;
        QVERIFY(QString::fromStdString(RunHistory::headProblem(hostile, 100)).contains("beyond"));
        // 3,000,000 steps of 7 on 100 samples (15 updates an epoch), from step 0: epoch 200,000
        // and cursor 0 is where it ends; the start's epoch and cursor are not.
        hostile.head = 3000000;
        hostile.headState.step = hostile.head;
        QVERIFY(QString::fromStdString(RunHistory::headProblem(hostile, 100)).contains("cannot reach"));
        hostile.headState.epoch = 200000;
        hostile.headState.cursor = 0;
        QVERIFY(RunHistory::headProblem(hostile, 100).empty());
        // An analytic function: one "sample", every update an epoch.
        hostile.headState.epoch = 3000000;
        QVERIFY(RunHistory::headProblem(hostile, 1).empty());
    }

    // A network's state is tens of kilobytes: its periodic checkpoints keep to the byte budget
    // (a small model's to the count), however long the run, and still span all of it.
    void checkpointsKeepToTheByteBudget()
    {
        TrainSettings settings = baseSettings();
        TrainState large;
        large.params.setZero(2337);   // mlp:16 on 12 x 12 pixels
        large.optimizer.reset(2337);
        const std::size_t bytes = RunHistory::checkpointBytes(large);
        QVERIFY(bytes > 5 * 2337 * sizeof(double));
        RunHistory history;
        history.begin(large, settings);
        QCOMPARE(history.checkpointCap(), RunHistory::kBudgetBytes / bytes);
        QVERIFY(history.checkpointCap() < 4096 && history.checkpointCap() >= RunHistory::kMinCheckpoints);
        for (std::int64_t step = 1; step <= 2'000'000; ++step) {
            large.step = step;
            history.recordStep(large, settings);
            QVERIFY(history.checkpointCount() <= history.checkpointCap() + 1);   // + the pinned start
        }
        QVERIFY(history.checkpointCount() * bytes <= RunHistory::kBudgetBytes + bytes);
        QVERIFY(history.checkpointCount() > history.checkpointCap() / 2);   // thinned by halves, not emptied
        QCOMPARE(history.head(), 2'000'000);

        // A small model's state: the count cap, as before.
        TrainState small;
        small.params.setZero(2);
        small.optimizer.reset(2);
        history.begin(small, settings);
        QCOMPARE(history.checkpointCap(), std::size_t{4096});
        // And a history made with fewer keeps to its own number.
        RunHistory few(8, 4);
        few.begin(large, settings);
        QCOMPARE(few.checkpointCap(), std::size_t{8});
    }

    void emptyHistoryRefusesToSeek()
    {
        const Samples s = lineSamples(20);
        Trainer trainer(linearMse(), trainOn(s), baseSettings(), Vec{{0.0, 0.0}});
        RunHistory history;
        QVERIFY(history.empty());
        QVERIFY_THROWS_EXCEPTION(InputError, history.seek(trainer, 0));
    }
};

QTEST_APPLESS_MAIN(TestRunHistory)
#include "test_run_history.moc"
