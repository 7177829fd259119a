// The training thread seen from the GUI: commands arrive in order and between steps, frames
// carry what happened, the thread stops promptly; and the landscape worker's cancel-and-restart.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <optional>

#include "tests/common/controller_sync.h"
#include "core/model/data_objective.h"
#include "session/run/landscape_worker.h"
#include "core/model/objective.h"
#include "session/run/snapshot_buffer.h"
#include "core/train/step_explanation.h"
#include "core/train/trainer.h"
#include "session/run/training_controller.h"

using namespace downhill;
using downhill::ui::Snapshot;
using downhill::ui::TrainingController;

namespace {

// y = 2x + 1 with a deterministic wiggle: a data set whose every number the test can redo.
core::TrainData lineData(int n)
{
    core::TrainData data;
    data.train.x.resize(n);
    data.train.t.resize(n);
    for (int i = 0; i < n; ++i) {
        const double x = 3.0 * i / n;
        data.train.x[i] = x;
        data.train.t[i] = 2.0 * x + 1.0 + 0.3 * std::sin(7.0 * i);
    }
    data.val = data.train;
    return data;
}

core::TrainSettings plainSgd(double lr, int batch)
{
    core::TrainSettings s;
    s.optimizer.lr = lr;
    s.batchSize = batch;
    s.shuffle = false;
    return s;
}

std::unique_ptr<core::Trainer> makeTrainer(const core::TrainSettings& settings, int n = 64,
    const std::string& loss = "mse", const std::string& model = "linear")
{
    core::LossSettings ls;
    ls.kind = core::lossKindFromName(loss);
    auto objective = core::makeObjective(model, ls);
    return std::make_unique<core::Trainer>(objective, lineData(n), settings, objective->defaultInit());
}

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
    void snapshotBufferThinsButKeepsEnds();
    void snapshotBufferShowsMarksOnlyWithTheirState();
    void landscapeWorkerDeliversOnlyTheLastRequest();
    void landscapeWorkerReportsBadRequests();
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
    QVERIFY(QString::fromStdString(c.divergence()->message).contains(QStringLiteral("diverged at step")));

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

void TestTrainingController::snapshotBufferThinsButKeepsEnds()
{
    ui::SnapshotBuffer buffer(1000);
    core::TrainState state;
    state.params = core::Vec{{0.0, 0.0}};
    buffer.restart(state, 10, 0.0);
    const int total = 3500;
    std::vector<ui::StepRow> rows;
    std::vector<core::EpochRecord> epochs;
    for (int i = 1; i <= total; ++i) {
        ui::StepRow row;
        row.step = i;
        row.params = core::Vec{{double(i), 0.0}};
        rows.push_back(row);
        if (i % 100 == 0) {
            core::EpochRecord e;
            e.epoch = i / 100 - 1;
            epochs.push_back(e);
        }
        if (i % 250 == 0) {
            state.step = i;
            buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, state.step);
            QVERIFY(rows.empty());
        }
    }
    const Snapshot s = buffer.take();
    QVERIFY(s.restarted);
    QVERIFY(s.rows.size() <= buffer.capacity());
    QVERIFY(s.rows.size() > buffer.capacity() / 4);
    QCOMPARE(s.rows.front().step, std::int64_t{1});
    QCOMPARE(s.rows.back().step, std::int64_t{total});
    for (std::size_t i = 1; i < s.rows.size(); ++i)
        QVERIFY(s.rows[i].step > s.rows[i - 1].step);
    QCOMPARE(static_cast<std::int64_t>(s.rows.size()) + s.droppedRows, std::int64_t{total});
    QCOMPARE(s.epochs.size(), std::size_t(total / 100));  // a few epochs are kept whole
    QCOMPARE(s.state.step, std::int64_t{total});
    QVERIFY(buffer.take().empty());
}

void TestTrainingController::snapshotBufferShowsMarksOnlyWithTheirState()
{
    // The GUI takes whenever its timer fires, also between the worker's mark (seek, branch,
    // divergence) and the publish of the state it belongs to. A mark taken without its state
    // made the window redraw the path to step 0 and leave it there.
    ui::SnapshotBuffer buffer(1000);
    core::TrainState state;
    state.params = core::Vec{{0.0, 0.0}};
    buffer.restart(state, 10, 0.0);
    std::vector<ui::StepRow> rows;
    std::vector<core::EpochRecord> epochs;
    for (int i = 1; i <= 9; ++i) {
        ui::StepRow row;
        row.step = i;
        row.params = core::Vec{{double(i), 0.0}};
        rows.push_back(row);
    }
    state.step = 9;
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 9);
    QCOMPARE(buffer.take().rows.size(), std::size_t{9});

    core::TrainSettings settings;
    settings.optimizer.lr = 0.25;
    buffer.seeked(settings);
    QVERIFY(buffer.take().empty());   // not yet: the state at the new position is not there
    state.step = 3;
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 9);
    Snapshot s = buffer.take();
    QVERIFY(s.seeked);
    QVERIFY(s.hasState);
    QCOMPARE(s.state.step, std::int64_t{3});
    QVERIFY(s.settings);
    QCOMPARE(s.settings->optimizer.lr, 0.25);

    // A branch at step 5 while rows up to 8 wait: rows after 5 are abandoned, the rows of the
    // publish that carries the branch are the new future.
    for (int i = 4; i <= 8; ++i) {
        ui::StepRow row;
        row.step = i;
        rows.push_back(row);
    }
    state.step = 8;
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 8);
    state.step = 5;
    buffer.branched(5);
    ui::StepRow fresh;
    fresh.step = 6;
    rows.push_back(fresh);
    state.step = 6;
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 6);
    s = buffer.take();
    QCOMPARE(s.branchedAt, std::optional<std::int64_t>{5});
    QCOMPARE(s.abandoned.size(), std::size_t{3});
    QCOMPARE(s.abandoned.front().step, std::int64_t{6});
    QCOMPARE(s.rows.size(), std::size_t{3});   // 4, 5 and the new 6
    QCOMPARE(s.rows.back().step, std::int64_t{6});

    buffer.branched(2);
    buffer.diverged(ui::Divergence{7, "diverged at step 7"});
    QVERIFY(buffer.take().empty());
    state.step = 2;
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 2);
    s = buffer.take();
    QCOMPARE(s.branchedAt, std::optional<std::int64_t>{2});
    QVERIFY(s.divergence);
    QCOMPARE(s.divergence->step, std::int64_t{7});

    // The step card's inputs come with the update they explain, in the same take.
    core::StepInputs inputs;
    inputs.record.step = 3;
    buffer.explain(inputs, nullptr);
    QVERIFY(buffer.take().empty());
    core::StepRecord latest;
    latest.step = 3;
    buffer.publish(rows, epochs, latest, {}, {}, state, 10, 3);
    s = buffer.take();
    QVERIFY(s.latest);
    QVERIFY(s.stepInputs);
    QCOMPARE(s.stepInputs->record.step, std::int64_t{3});

    // A restart drops marks that never got their state.
    buffer.seeked(settings);
    buffer.restart(state, 10, 0.0);
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 2);
    s = buffer.take();
    QVERIFY(s.restarted);
    QVERIFY(!s.seeked);
}

void TestTrainingController::landscapeWorkerDeliversOnlyTheLastRequest()
{
    // mae on many samples takes the general path: each fine grid takes a while, so requests
    // really do overtake running jobs.
    core::LossSettings mae;
    mae.kind = core::LossKind::Mae;
    auto objective = core::makeObjective("lin-exp", mae);
    auto data = std::make_shared<core::TrainData>(lineData(4000));
    ui::LandscapeWorker worker;
    QSignalSpy ready(&worker, &ui::LandscapeWorker::landscapeReady);
    QSignalSpy failed(&worker, &ui::LandscapeWorker::landscapeFailed);
    ui::LandscapeJob job;
    job.objective = objective;
    job.samples = std::shared_ptr<const core::Samples>(data, &data->train);
    job.request.axis1 = 0;
    job.request.axis2 = 2;
    job.request.origin = objective->defaultInit();
    quint64 last = 0;
    for (int i = 0; i < 100; ++i) {
        job.request.min1 = -1.0 - 0.01 * i;
        job.request.max1 = 3.0;
        job.request.min2 = -0.5;
        job.request.max2 = 0.8;
        last = worker.request(job);
        if (i % 10 == 0)
            QCoreApplication::processEvents();
    }
    QCOMPARE(worker.latestId(), last);
    auto fineArrived = [&] {
        for (const auto& args : ready)
            if (args.at(0).value<ui::LandscapeResult>().fine)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(fineArrived(), 30000);
    QVERIFY(!ready.wait(300));  // nothing else is on its way
    int fine = 0;
    for (const auto& args : ready) {
        const auto result = args.at(0).value<ui::LandscapeResult>();
        QCOMPARE(result.id, last);
        fine += result.fine ? 1 : 0;
        QCOMPARE(result.grid.request.min1, -1.0 - 0.01 * 99);
        QCOMPARE(result.grid.loss.rows(), result.grid.resolution());
        QVERIFY(result.field.has_value());
        QVERIFY(!result.contours.empty());
    }
    QCOMPARE(fine, 1);
    QCOMPARE(ready.last().at(0).value<ui::LandscapeResult>().grid.resolution(), job.fineResolution);
    QVERIFY(failed.isEmpty());
}

void TestTrainingController::landscapeWorkerReportsBadRequests()
{
    auto objective = core::makeObjective("rosenbrock", {});
    ui::LandscapeWorker worker;
    QSignalSpy failed(&worker, &ui::LandscapeWorker::landscapeFailed);
    QSignalSpy ready(&worker, &ui::LandscapeWorker::landscapeReady);
    ui::LandscapeJob job;
    job.objective = objective;
    job.request.axis1 = 0;
    job.request.axis2 = 0;  // the same parameter twice
    job.request.origin = objective->defaultInit();
    const quint64 id = worker.request(job);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).toULongLong(), id);
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("different")));

    // And the thread is still there for the next, good, request.
    job.request.axis2 = 1;
    worker.request(job);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 10000);
}

QTEST_GUILESS_MAIN(TestTrainingController)
#include "test_training_controller.moc"
