// The training thread seen from the GUI: commands arrive in order and between steps, frames
// carry what happened, the thread stops promptly. (The snapshot buffer and the landscape worker
// have tests of their own.)
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <optional>

#include "tests/common/controller_sync.h"
#include "core/model/data_objective.h"
#include "core/model/objective.h"
#include "core/train/divergence.h"
#include "session/run/snapshot_buffer.h"
#include "core/train/step_explanation.h"
#include "core/train/trainer.h"
#include "session/run/training_controller.h"
#include "tests/session/line_problem.h"

using namespace downhill;
using downhill::ui::Snapshot;
using downhill::ui::TrainingController;

namespace {

using downhill::test::makeTrainer;
using downhill::test::plainSgd;
using downhill::test::syncWith;

}  // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
private slots:
    void stepAdvancesExactlyOneSgdUpdate();
    void settingReachesTrainerBeforeNextStep();
    void stepEpochEndsAtTheEpochBoundary();
    void playThenPauseStops();
    void stepInputsOnlyWhenAtRest();
    void pauseExplainsTheLastStepWithoutASync();
    void pacedSpeedIsNotExceeded();
    void resetRestoresInitialStateExactly();
    void startPointRestartsTheRun();
    void divergenceStopsAndRecovers();
    void rapidSettingChangesWhilePlaying();
    void destructionWhilePlayingIsPrompt();
    void destructionDuringAReplayIsPrompt();
    void aReplayShowsProgressAndCanBeCancelled();
};

void TestTrainingController::stepAdvancesExactlyOneSgdUpdate()
{
    const double lr = 0.05;
    const int batch = 8;
    auto trainer = makeTrainer(plainSgd(lr, batch));
    const core::Vec init = trainer->params();
    const core::Samples train = trainer->data().train;

    TrainingController c;
    QSignalSpy frames(&c, &TrainingController::frame);
    c.configure(std::move(trainer));
    QVERIFY(syncWith(c));
    QCOMPARE(c.state().step, std::int64_t{0});
    frames.clear();

    c.stepOnce();
    QVERIFY(syncWith(c));
    QCOMPARE(c.state().step, std::int64_t{1});

    // Independent: the first unshuffled batch is rows 0..7; for y = w x + b and mse,
    // dL/dw = mean 2 r x, dL/db = mean 2 r with r = w x + b - t.
    double gw = 0, gb = 0;
    for (int i = 0; i < batch; ++i) {
        const double r = init[0] * train.x[i] + init[1] - train.t[i];
        gw += 2.0 * r * train.x[i];
        gb += 2.0 * r;
    }
    gw /= batch;
    gb /= batch;
    const core::Vec& w = c.state().params;
    QVERIFY(std::abs(w[0] - (init[0] - lr * gw)) < 1e-12);
    QVERIFY(std::abs(w[1] - (init[1] - lr * gb)) < 1e-12);

    // The frame carried exactly this one step.
    std::int64_t rows = 0;
    std::optional<core::StepRecord> latest;
    for (const auto& args : frames) {
        const auto s = args.at(0).value<Snapshot>();
        rows += static_cast<std::int64_t>(s.rows.size());
        if (s.latest)
            latest = s.latest;
    }
    QCOMPARE(rows, std::int64_t{1});
    QVERIFY(latest);
    QCOMPARE(latest->step, std::int64_t{1});
    QCOMPARE(latest->lr, lr);
    QVERIFY((latest->after - (latest->before - lr * latest->gradient)).norm() < 1e-15);
}

void TestTrainingController::settingReachesTrainerBeforeNextStep()
{
    TrainingController c;
    QSignalSpy frames(&c, &TrainingController::frame);
    c.configure(makeTrainer(plainSgd(0.05, 8)));
    for (double lr : {0.123, 0.0042, 1.5}) {
        frames.clear();
        core::TrainSettings s = plainSgd(lr, 8);
        c.setSettings(s);
        c.stepOnce();
        QVERIFY(syncWith(c));
        std::optional<core::StepRecord> latest;
        for (const auto& args : frames)
            if (auto snap = args.at(0).value<Snapshot>(); snap.latest)
                latest = snap.latest;
        QVERIFY(latest);
        QCOMPARE(latest->lr, lr);
    }
}

void TestTrainingController::stepEpochEndsAtTheEpochBoundary()
{
    TrainingController c;
    QSignalSpy frames(&c, &TrainingController::frame);
    c.configure(makeTrainer(plainSgd(0.05, 10), 64));
    c.stepOnce();
    c.stepEpoch();
    QVERIFY(syncWith(c));   // answered once the epoch is done
    QCOMPARE(c.state().epoch, std::int64_t{1});
    QCOMPARE(c.state().step, std::int64_t{7});  // ceil(64 / 10) updates in an epoch
    QCOMPARE(c.state().cursor, std::int64_t{0});
    QCOMPARE(c.batchesPerEpoch(), std::int64_t{7});
    int epochs = 0;
    for (const auto& args : frames)
        epochs += static_cast<int>(args.at(0).value<Snapshot>().epochs.size());
    QCOMPARE(epochs, 1);

    // Pressed twice in a row: two epochs, not the same one twice.
    c.stepEpoch();
    c.stepEpoch();
    QVERIFY(syncWith(c));
    QCOMPARE(c.state().epoch, std::int64_t{3});
    QCOMPARE(c.state().step, std::int64_t{21});

    // An epoch of 4000 single-sample updates takes the worker many chunks: a sync sent right
    // after the press still answers only once the epoch is done, never from the middle of it.
    TrainingController slow;
    slow.configure(makeTrainer(plainSgd(0.001, 1), 4000));
    slow.stepEpoch();
    QVERIFY(syncWith(slow));
    QCOMPARE(slow.state().epoch, std::int64_t{1});
    QCOMPARE(slow.state().step, std::int64_t{4000});
}

void TestTrainingController::playThenPauseStops()
{
    TrainingController c;
    c.configure(makeTrainer(plainSgd(0.01, 8), 256));
    c.setSpeed(0);
    QSignalSpy playing(&c, &TrainingController::playingChanged);
    c.play();
    QVERIFY(c.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(c.state().step > 50, 5000);
    c.pause();
    QVERIFY(!c.isPlaying());
    QVERIFY(syncWith(c));
    const std::int64_t stopped = c.state().step;
    // Nothing moves any more: no frame for a while, and the step count stays.
    QSignalSpy frames(&c, &TrainingController::frame);
    QVERIFY(!frames.wait(300));
    QVERIFY(syncWith(c));
    QCOMPARE(c.state().step, stopped);
    QCOMPARE(playing.count(), 2);
    // And nothing ticks: the refresh is not due until the worker writes again.
    QTRY_VERIFY_WITH_TIMEOUT(!c.refreshDue(), 1000);
    QTest::qWait(200);
    QVERIFY(!c.refreshDue());
    // A command that moves the run wakes it again: its frame arrives without a sync.
    c.stepOnce();
    QTRY_COMPARE_WITH_TIMEOUT(c.state().step, stopped + 1, 2000);
}

void TestTrainingController::stepInputsOnlyWhenAtRest()
{
    TrainingController c;
    c.configure(makeTrainer(plainSgd(0.01, 8), 256));
    c.setSpeed(0);
    QVERIFY(syncWith(c));
    QSignalSpy frames(&c, &TrainingController::frame);
    const core::TrainState start = c.state();

    // A manual step: the frame explains it, from the state it started at.
    c.stepOnce();
    QVERIFY(syncWith(c));
    std::optional<core::StepInputs> explained;
    for (const auto& args : frames)
        if (const auto snap = args.at(0).value<Snapshot>(); snap.stepInputs)
            explained = snap.stepInputs;
    QVERIFY(explained);
    QVERIFY(explained->before == start);
    QCOMPARE(explained->record.step, std::int64_t{1});
    QCOMPARE(explained->batch.size(), Eigen::Index{8});
    QCOMPARE(explained->settings.optimizer.lr, 0.01);
    QCOMPARE(explained->batchRows.size(), std::size_t{8});
    QVERIFY(explained->objective);
    QVERIFY(!core::explainStep(*explained).empty());

    // Playing: no frame carries it; pausing: one does, for the last step taken.
    frames.clear();
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.state().step > 50, 5000);
    c.pause();
    QVERIFY(syncWith(c));
    int withInputs = 0;
    explained.reset();
    for (const auto& args : frames) {
        if (const auto snap = args.at(0).value<Snapshot>(); snap.stepInputs) {
            ++withInputs;
            explained = snap.stepInputs;
        }
    }
    QCOMPARE(withInputs, 1);
    QCOMPARE(explained->record.step, c.state().step);
    QCOMPARE(explained->before.step, c.state().step - 1);
    QVERIFY(explained->record.after == c.state().params);
}

void TestTrainingController::pauseExplainsTheLastStepWithoutASync()
{
    // The window never syncs: the card of the last update must come with the pause itself.
    // At 5 steps a second the worker spends the time between steps waiting for the next one;
    // a pause there, then a new speed, cancelled that wait, and with it the only flush that
    // would have explained the step (sync() hid it, as it flushes too).
    TrainingController c;
    c.configure(makeTrainer(plainSgd(0.01, 8), 256));
    c.setSpeed(5);
    QSignalSpy frames(&c, &TrainingController::frame);
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.state().step >= 1, 5000);
    c.pause();
    c.setSpeed(10);
    const auto explained = [&]() -> std::optional<core::StepInputs> {
        std::optional<core::StepInputs> last;
        for (const auto& args : frames)
            if (const auto snap = args.at(0).value<Snapshot>(); snap.stepInputs)
                last = snap.stepInputs;
        return last;
    };
    QTRY_VERIFY_WITH_TIMEOUT(explained().has_value(), 5000);
    QVERIFY(syncWith(c));
    QCOMPARE(explained()->record.step, c.state().step);
    QVERIFY(explained()->record.after == c.state().params);
}

void TestTrainingController::pacedSpeedIsNotExceeded()
{
    TrainingController c;
    c.configure(makeTrainer(plainSgd(0.01, 8), 256));
    c.setSpeed(50);
    QElapsedTimer t;
    t.start();
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.state().step >= 10, 5000);
    // Step k is due (k - 1) / speed seconds after play.
    QVERIFY2(t.elapsed() >= 170, qPrintable(QString::number(t.elapsed())));
    c.pause();
}

void TestTrainingController::resetRestoresInitialStateExactly()
{
    core::TrainSettings s = plainSgd(0.02, 8);
    s.optimizer.momentum = 0.9;
    s.shuffle = true;
    TrainingController c;
    c.configure(makeTrainer(s, 64));
    QVERIFY(syncWith(c));
    const core::TrainState initial = c.state();
    c.stepEpoch();
    QTRY_COMPARE_WITH_TIMEOUT(c.state().epoch, std::int64_t{1}, 5000);
    c.stepOnce();
    QVERIFY(syncWith(c));
    QVERIFY(!(c.state() == initial));
    QVERIFY(c.state().optimizer.hasBuffer);

    c.reset();
    QVERIFY(syncWith(c));
    QVERIFY(c.state() == initial);
}

void TestTrainingController::startPointRestartsTheRun()
{
    TrainingController c;
    QSignalSpy frames(&c, &TrainingController::frame);
    c.configure(makeTrainer(plainSgd(0.01, 8)));
    c.setSpeed(0);
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.state().step > 10, 5000);
    const core::Vec start{{0.5, -2.0}};
    frames.clear();
    c.setStartPoint(start);
    QVERIFY(syncWith(c));
    QVERIFY(c.isPlaying());  // keeps playing from the new point
    bool restartedThere = false;
    for (const auto& args : frames) {
        const auto snap = args.at(0).value<Snapshot>();
        restartedThere = restartedThere || (snap.restarted && snap.init == start);
    }
    QVERIFY(restartedThere);
    c.pause();
    c.reset();
    QVERIFY(syncWith(c));
    QCOMPARE(c.state().step, std::int64_t{0});
    QVERIFY(c.state().params == start);  // reset goes back to the chosen start
}

void TestTrainingController::divergenceStopsAndRecovers()
{
    TrainingController c;
    QSignalSpy frames(&c, &TrainingController::frame);
    c.configure(makeTrainer(plainSgd(10.0, 8)));
    c.setSpeed(0);
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.divergence().has_value(), 10000);
    QVERIFY(!c.isPlaying());
    QVERIFY(c.state().params.allFinite());
    QCOMPARE(c.divergence()->step, c.state().step + 1);
    QCOMPARE(QString::fromStdString(c.divergence()->message),
        QString::fromStdString(core::Divergence::at(c.divergence()->step).message));

    c.setSettings(plainSgd(0.01, 8));
    c.reset();
    c.stepOnce();
    QVERIFY(syncWith(c));
    QVERIFY(!c.divergence());
    QCOMPARE(c.state().step, std::int64_t{1});
    QVERIFY(c.state().params.allFinite());
}

void TestTrainingController::rapidSettingChangesWhilePlaying()
{
    TrainingController c;
    c.configure(makeTrainer(plainSgd(0.01, 8), 512));
    c.setSpeed(0);
    c.play();
    for (int i = 0; i < 800; ++i) {
        core::TrainSettings s = plainSgd(0.001 + 0.0001 * (i % 50), 1 + i % 64);
        s.optimizer.momentum = 0.9 * (i % 10) / 10.0;
        s.shuffle = i % 3 == 0;
        c.setSettings(s);
        if (i % 7 == 0)
            c.setSpeed(i % 2 ? 0.0 : 500.0);
        if (i % 50 == 0)
            QCoreApplication::processEvents();
    }
    QVERIFY(syncWith(c, 10000));
    const std::int64_t before = c.state().step;
    QTRY_VERIFY_WITH_TIMEOUT(c.state().step > before, 5000);
    QVERIFY(c.state().params.allFinite());
    c.pause();
    QVERIFY(syncWith(c));
}

void TestTrainingController::destructionWhilePlayingIsPrompt()
{
    // Full batches of 20000 samples with a non-quadratic loss: every step takes real time.
    core::TrainSettings s = plainSgd(0.001, 1 << 20);
    auto c = std::make_unique<TrainingController>();
    c->configure(makeTrainer(s, 20000, "mae", "lin-exp"));
    c->setSpeed(0);
    c->play();
    QTRY_VERIFY_WITH_TIMEOUT(c->state().step > 3, 10000);
    QElapsedTimer t;
    t.start();
    c.reset();
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
}

void TestTrainingController::destructionDuringAReplayIsPrompt()
{
    // A saved run whose head is a billion steps away (reachable: 64 samples in batches of 8):
    // its replay would take an hour, and quitting waited for it once.
    auto trainer = makeTrainer(plainSgd(0.001, 8));
    core::RunHistory::Change start{trainer->state(), trainer->settings()};
    core::TrainState headState = start.state;
    headState.step = 1000000000;
    headState.epoch = 1000000000 / 8;
    auto c = std::make_unique<TrainingController>();
    c->configure(std::move(trainer));
    QVERIFY(syncWith(*c));
    c->loadTimeline({start}, headState.step, headState, headState.step);
    QTRY_VERIFY_WITH_TIMEOUT(c->state().step > 4096, 10000);   // the replay is drawn as it goes
    QElapsedTimer t;
    t.start();
    c.reset();
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
}

void TestTrainingController::aReplayShowsProgressAndCanBeCancelled()
{
    auto trainer = makeTrainer(plainSgd(0.001, 8));
    core::RunHistory::Change start{trainer->state(), trainer->settings()};
    core::TrainState headState = start.state;
    headState.step = 1000000000;
    headState.epoch = 1000000000 / 8;
    TrainingController c;
    c.configure(std::move(trainer));
    QVERIFY(syncWith(c));
    QSignalSpy progress(&c, &TrainingController::replayProgress);
    QSignalSpy cancelled(&c, &TrainingController::replayCancelled);
    QSignalSpy loaded(&c, &TrainingController::timelineLoaded);
    c.loadTimeline({start}, headState.step, headState, 500000000);
    QVERIFY(c.isReplaying());
    QVERIFY(progress.wait(10000));
    QCOMPARE(progress.front().at(1).toLongLong(), qint64{1000000000});
    QVERIFY(progress.front().at(0).toLongLong() >= 4096);
    c.cancelReplay();
    QVERIFY(cancelled.wait(5000));
    QVERIFY(!c.isReplaying());
    QVERIFY(loaded.isEmpty());
    const qint64 reached = cancelled.front().at(0).toLongLong();
    QVERIFY(reached >= progress.last().at(0).toLongLong() && reached < 1000000000);
    // The timeline ends there, and the run goes on from it: one more step is one more step.
    QVERIFY(syncWith(c));
    QCOMPARE(c.head(), reached);
    QCOMPARE(c.state().step, reached);
    c.stepOnce();
    QVERIFY(syncWith(c));
    QCOMPARE(c.state().step, reached + 1);
}

QTEST_GUILESS_MAIN(TestTrainingController)
#include "test_training_controller.moc"
