// The main run's worker driven directly, on the test's own thread (its timer runs in the
// test's event loop): a step is exactly one update, published; play steps until the playing
// flag is cleared, which, like the interrupt flag, ends a chunk at the next step; a divergence
// keeps the last finite state and is published once, in the words every program uses.
#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/train/divergence.h"
#include "core/train/trainer.h"
#include "session/run/snapshot_buffer.h"
#include "session/run/training_worker.h"
#include "tests/session/line_problem.h"

using namespace downhill;
using downhill::test::makeTrainer;
using downhill::test::plainSgd;

namespace {

// A worker with the buffer and the flags a TrainingController would give it.
struct Bench {
    ui::SnapshotBuffer buffer;
    std::atomic<bool> playing{false};
    std::atomic<bool> interrupt{false};
    ui::TrainingWorker worker{buffer, playing, interrupt};

    // What the GUI would have taken so far, merged.
    std::vector<ui::Snapshot> taken;
    void take()
    {
        ui::Snapshot s = buffer.take();
        if (!s.empty())
            taken.push_back(std::move(s));
    }
    std::int64_t lastStep() const
    {
        for (auto it = taken.rbegin(); it != taken.rend(); ++it)
            if (it->hasState)
                return it->state.step;
        return -1;
    }
    int divergences() const
    {
        int n = 0;
        for (const auto& s : taken)
            n += s.divergence ? 1 : 0;
        return n;
    }
};

// The line objective with a hook before every update: what the GUI thread does while the
// worker is busy (raise the interrupt flag, clear the playing flag), done at a known update.
class HookedObjective final : public core::Objective {
public:
    explicit HookedObjective(std::function<void(int update)> beforeUpdate)
        : inner_(core::makeObjective("linear", {})), beforeUpdate_(std::move(beforeUpdate))
    {
    }

    std::string name() const override { return inner_->name(); }
    std::vector<std::string> parameterNames() const override { return inner_->parameterNames(); }
    core::Vec defaultInit() const override { return inner_->defaultInit(); }
    bool usesData() const override { return inner_->usesData(); }
    double evaluate(const core::Vec& w, const core::Samples& samples, core::Workspace& ws) const override
    {
        return inner_->evaluate(w, samples, ws);
    }
    double evaluateWithGradient(const core::Vec& w, const core::Samples& samples, core::Vec& grad,
        core::Workspace& ws) const override
    {
        beforeUpdate_(++updates);
        return inner_->evaluateWithGradient(w, samples, grad, ws);
    }

    mutable int updates = 0;

private:
    std::shared_ptr<const core::Objective> inner_;
    std::function<void(int)> beforeUpdate_;
};

std::shared_ptr<core::Trainer> hookedTrainer(std::function<void(int update)> beforeUpdate)
{
    auto objective = std::make_shared<HookedObjective>(std::move(beforeUpdate));
    return std::make_shared<core::Trainer>(objective, test::lineData(64), plainSgd(0.01, 8), objective->defaultInit());
}

}  // namespace

class TestTrainingWorker : public QObject {
    Q_OBJECT
private slots:
    void stepTakesOneUpdateAndPublishesIt();
    void playStepsUntilThePlayingFlagIsCleared();
    void interruptEndsTheChunkAtTheNextStep();
    void pauseTakesEffectAtTheNextStep();
    void divergenceKeepsTheLastFiniteStateAndSaysSoOnce();
};

void TestTrainingWorker::stepTakesOneUpdateAndPublishesIt()
{
    Bench b;
    auto reference = makeTrainer(plainSgd(0.05, 8));
    b.worker.configure(std::shared_ptr<core::Trainer>(makeTrainer(plainSgd(0.05, 8))));
    b.take();
    QCOMPARE(b.taken.size(), std::size_t{1});
    QVERIFY(b.taken[0].restarted);
    QCOMPARE(b.taken[0].state.step, std::int64_t{0});

    for (int k = 1; k <= 3; ++k) {
        b.worker.stepOnce();
        core::StepRecord expected;
        QVERIFY(reference->step(&expected, true));
        const ui::Snapshot s = b.buffer.take();
        QCOMPARE(s.rows.size(), std::size_t{1});
        QCOMPARE(s.rows[0].step, std::int64_t{k});
        QVERIFY(s.rows[0].params == expected.after);
        QCOMPARE(s.rows[0].batchLoss, expected.batchLoss);
        QVERIFY(s.state == reference->state());
        // At rest after a manual step: the card gets the update in full.
        QVERIFY(s.stepInputs);
        QCOMPARE(s.stepInputs->record.step, std::int64_t{k});
    }
    // Paused, nothing more happens.
    QTest::qWait(50);
    QVERIFY(b.buffer.take().empty());
}

void TestTrainingWorker::playStepsUntilThePlayingFlagIsCleared()
{
    Bench b;
    b.worker.configure(std::shared_ptr<core::Trainer>(makeTrainer(plainSgd(0.01, 8))));
    b.worker.setSpeed(0);
    b.playing.store(true);
    b.worker.play();
    QTRY_VERIFY_WITH_TIMEOUT((b.take(), b.lastStep() >= 200), 10000);
    b.playing.store(false);   // what TrainingController::pause() does, and all it does
    QTest::qWait(20);
    b.take();
    const std::int64_t stoppedAt = b.lastStep();
    QTest::qWait(100);
    b.take();
    QCOMPARE(b.lastStep(), stoppedAt);
    // Every update was published, in order, none twice; on a loaded machine the GUI side may
    // take too late to get them all, and then the buffer says how many it thinned away.
    std::int64_t last = 0, published = 0, dropped = 0;
    for (const auto& s : b.taken) {
        dropped += s.droppedRows;
        for (const auto& row : s.rows) {
            QVERIFY(row.step > last);
            last = row.step;
            ++published;
        }
    }
    QCOMPARE(last, stoppedAt);
    QCOMPARE(published + dropped, stoppedAt);

    // Playing again goes on from there.
    b.playing.store(true);
    b.worker.play();
    QTRY_VERIFY_WITH_TIMEOUT((b.take(), b.lastStep() > stoppedAt), 10000);
    b.playing.store(false);
}

void TestTrainingWorker::interruptEndsTheChunkAtTheNextStep()
{
    Bench b;
    // Every 7th update raises the flag; left alone, a chunk would run for its 5 ms, thousands
    // of these updates. No update may start while the flag is up: each chunk lowers it first.
    int whileInterrupted = 0;
    auto trainer = hookedTrainer([&](int update) {
        if (b.interrupt.load())
            ++whileInterrupted;
        if (update % 7 == 0)
            b.interrupt.store(true);
    });
    const auto& objective = static_cast<const HookedObjective&>(trainer->objective());
    b.worker.configure(trainer);
    b.worker.setSpeed(0);
    b.playing.store(true);
    b.worker.play();
    QTRY_VERIFY_WITH_TIMEOUT(objective.updates >= 300, 10000);
    b.playing.store(false);
    QTest::qWait(20);
    QCOMPARE(whileInterrupted, 0);
}

void TestTrainingWorker::pauseTakesEffectAtTheNextStep()
{
    Bench b;
    // The pause comes during update 150, in the middle of a chunk: that update is the last.
    auto trainer = hookedTrainer([&](int update) {
        if (update == 150)
            b.playing.store(false);
    });
    b.worker.configure(trainer);
    b.worker.setSpeed(0);
    b.playing.store(true);
    b.worker.play();
    QTRY_COMPARE_WITH_TIMEOUT((b.take(), b.lastStep()), std::int64_t{150}, 10000);
    QTest::qWait(50);
    b.take();
    QCOMPARE(b.lastStep(), std::int64_t{150});
    QCOMPARE(trainer->state().step, std::int64_t{150});
    // At rest: the last update gets its card.
    QVERIFY(b.taken.back().stepInputs);
    QCOMPARE(b.taken.back().stepInputs->record.step, std::int64_t{150});
}

void TestTrainingWorker::divergenceKeepsTheLastFiniteStateAndSaysSoOnce()
{
    const core::TrainSettings wild = plainSgd(10.0, 8);
    auto solo = makeTrainer(wild);
    std::int64_t failedAt = 0;
    for (std::int64_t k = 1; k <= 10000 && failedAt == 0; ++k) {
        if (!solo->step(nullptr, true))
            failedAt = k;
    }
    QVERIFY2(failedAt > 1, "the test's run must diverge");

    Bench b;
    b.worker.configure(std::shared_ptr<core::Trainer>(makeTrainer(wild)));
    b.worker.setSpeed(0);
    b.playing.store(true);
    b.worker.play();
    QTRY_VERIFY_WITH_TIMEOUT((b.take(), b.divergences() > 0), 10000);
    // The worker stopped itself, and stays stopped.
    QVERIFY(!b.playing.load());
    QTest::qWait(100);
    b.take();
    QCOMPARE(b.divergences(), 1);

    const ui::Snapshot& last = b.taken.back();
    std::optional<core::Divergence> said;
    for (const auto& s : b.taken)
        if (s.divergence)
            said = s.divergence;
    QCOMPARE(said->step, failedAt);
    // The CLI's words, which the window now shows too.
    QCOMPARE(QString::fromStdString(said->message), QString::fromStdString(core::Divergence::at(failedAt).message));
    QCOMPARE(QString::fromStdString(said->message),
        QStringLiteral("diverged at step %1: the loss or the parameters stopped being finite numbers (lower the "
                       "learning rate); the last finite state is kept")
            .arg(failedAt));
    // The last finite state: the solo trainer's, which stopped at the same update.
    QVERIFY(last.hasState);
    QVERIFY(last.state == solo->state());
    QCOMPARE(last.state.step, failedAt - 1);
    QVERIFY(last.state.params.allFinite());

    // A step after it tries the same update again, and says so again.
    b.worker.stepOnce();
    b.take();
    QCOMPARE(b.divergences(), 2);
    QCOMPARE(b.lastStep(), failedAt - 1);
}

QTEST_GUILESS_MAIN(TestTrainingWorker)
#include "test_training_worker.moc"
