// The hand-over between the training thread and the GUI: bounded by thinning that keeps the
// ends, and marks (seek, branch, divergence, the step card) that show only with their state.
#include <QtTest>

#include <optional>
#include <vector>

#include "core/train/step_explanation.h"
#include "core/train/trainer.h"
#include "session/run/snapshot_buffer.h"

using namespace downhill;
using downhill::ui::Snapshot;

class TestSnapshotBuffer : public QObject {
    Q_OBJECT
private slots:
    void thinsButKeepsEnds();
    void aNetworksRowsKeepToTheByteBudget();
    void showsMarksOnlyWithTheirState();
    void tellsNewsOncePerTake();
    void rowsHandedBackKeepTheirMemory();
    void vectorsTradePlacesWithTheGui();
};

// take(out) swaps the GUI's kept snapshot with what is pending: the vectors a frame held go
// back to the worker with their memory (its third publish gets a vector with room for a frame),
// and clear() empties every field of a snapshot but keeps that memory.
void TestSnapshotBuffer::vectorsTradePlacesWithTheGui()
{
    ui::SnapshotBuffer buffer(1000);
    core::TrainState state;
    state.params = core::Vec{{0.0, 0.0}};
    buffer.restart(state, 10, 0.0);
    Snapshot frame;
    std::vector<ui::StepRow> rows, spare;
    std::vector<core::EpochRecord> epochs;
    std::vector<std::size_t> roomAfterPublish;
    std::int64_t step = 0;
    for (int round = 0; round < 5; ++round) {
        buffer.takeSpare(spare);
        for (int i = 0; i < 80; ++i) {
            core::StepRecord record;
            record.step = ++step;
            record.after = core::Vec{{static_cast<double>(step), 2.0}};
            record.gradient = core::Vec{{-1.0, 0.5}};
            if (spare.empty()) {
                rows.push_back(ui::StepRow::from(record));
            } else {
                rows.push_back(std::move(spare.back()));
                spare.pop_back();
                rows.back().assign(record);
            }
            epochs.push_back(core::EpochRecord{step, step, 1.0, 2.0});
        }
        state.step = step;
        buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, step);
        QVERIFY(rows.empty() && epochs.empty());
        roomAfterPublish.push_back(rows.capacity());
        buffer.take(frame);
        QCOMPARE(frame.rows.size(), std::size_t{80});
        QCOMPARE(frame.rows.front().step, step - 79);
        QCOMPARE(frame.rows.back().params[0], static_cast<double>(step));
        QCOMPARE(frame.epochs.size(), std::size_t{80});
        QCOMPARE(frame.epochs.back().step, step);
        QVERIFY(frame.hasState);
        QCOMPARE(frame.state.step, step);
        QCOMPARE(frame.restarted, round == 0);
        buffer.recycle(frame.rows);
    }
    QCOMPARE(roomAfterPublish[0], std::size_t{0});
    for (std::size_t r = 2; r < roomAfterPublish.size(); ++r)
        QVERIFY2(roomAfterPublish[r] >= 80, qPrintable(QString("round %1: room for %2 rows").arg(r).arg(roomAfterPublish[r])));
    // Nothing new: the next take is empty, whatever the kept snapshot held.
    buffer.take(frame);
    QVERIFY(frame.empty());
    // clear(): every field as a default snapshot, the vectors' memory kept.
    frame.epochs.assign(50, core::EpochRecord{});
    frame.abandoned.resize(3);
    frame.hasState = frame.seeked = frame.restarted = true;
    frame.branchedAt = 4;
    frame.latest = core::StepRecord{};
    const std::size_t epochRoom = frame.epochs.capacity();
    frame.clear();
    QVERIFY(frame.empty());
    QVERIFY(!frame.hasState && frame.abandoned.empty() && frame.epochs.empty());
    QCOMPARE(frame.epochs.capacity(), epochRoom);
    QVERIFY(frame.abandoned.capacity() >= 3);
}

// Rows the GUI has read go back to the worker with their vectors' memory (no allocation per
// row at full speed), at most as many as may be pending, and are refilled exactly.
void TestSnapshotBuffer::rowsHandedBackKeepTheirMemory()
{
    ui::SnapshotBuffer buffer(100);
    core::TrainState state;
    state.params = core::Vec{{0.0, 0.0}};
    buffer.restart(state, 10, 0.0);
    std::vector<ui::StepRow> rows;
    std::vector<core::EpochRecord> epochs;
    for (int i = 1; i <= 80; ++i) {
        core::StepRecord record;
        record.step = i;
        record.after = core::Vec{{1.0 * i, 2.0 * i}};
        record.gradient = core::Vec{{-1.0 * i, 0.5}};
        rows.push_back(ui::StepRow::from(record));
    }
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 80);
    Snapshot taken = buffer.take();
    QCOMPARE(taken.rows.size(), std::size_t{80});
    std::vector<const double*> memory;
    for (const auto& row : taken.rows)
        memory.push_back(row.params.data());
    buffer.recycle(taken.rows);
    QVERIFY(taken.rows.empty());
    std::vector<ui::StepRow> spare;
    buffer.takeSpare(spare);
    QCOMPARE(spare.size(), std::size_t{80});
    for (std::size_t i = 0; i < spare.size(); ++i)
        QCOMPARE(spare[i].params.data(), memory[i]);
    // Refilled from a record: every field is the record's, in the same memory.
    core::StepRecord record;
    record.step = 7;
    record.epoch = 3;
    record.batchIndex = 2;
    record.lr = 0.5;
    record.update.lr = 0.25;
    record.batchLoss = 1.5;
    record.trainLoss = 2.5;
    record.after = core::Vec{{9.0, 8.0}};
    record.gradient = core::Vec{{7.0, 6.0}};
    spare.back().assign(record);
    const ui::StepRow& row = spare.back();
    QCOMPARE(row.params.data(), memory.back());
    QCOMPARE(row.step, 7);
    QCOMPARE(row.epoch, 3);
    QCOMPARE(row.batchIndex, 2);
    QCOMPARE(row.lr, 0.5);
    QCOMPARE(row.updateLr, 0.25);
    QCOMPARE(row.batchLoss, 1.5);
    QCOMPARE(row.trainLoss, 2.5);
    QCOMPARE(row.params, record.after);
    QCOMPARE(row.gradient, record.gradient);
    // Never more than could be pending (the buffer's capacity here): the rest are freed.
    std::vector<ui::StepRow> many(150, ui::StepRow::from(record));
    buffer.recycle(many);
    buffer.takeSpare(spare);
    QCOMPARE(spare.size(), buffer.capacity());
}

// The GUI is told once when the buffer goes from taken to holding something, not at every
// write (no timer polls it, and a fast worker must not flood the GUI with wake-ups).
void TestSnapshotBuffer::tellsNewsOncePerTake()
{
    ui::SnapshotBuffer buffer(1000);
    int told = 0;
    buffer.setOnNews([&] { ++told; });
    core::TrainState state;
    state.params = core::Vec{{0.0, 0.0}};
    buffer.restart(state, 10, 0.0);
    QCOMPARE(told, 1);
    std::vector<ui::StepRow> rows;
    std::vector<core::EpochRecord> epochs;
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 0);
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 0);
    QCOMPARE(told, 1);
    // Marks stay out of sight until their state is published: no news by themselves.
    QVERIFY(!buffer.take().empty());
    buffer.diverged(core::Divergence{});
    QCOMPARE(told, 1);
    QVERIFY(buffer.take().empty());
    state.step = 1;
    buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, 1);
    QCOMPARE(told, 2);
    buffer.restart(state, 10, 0.0);
    QCOMPARE(told, 2);
    buffer.take();
    buffer.restart(state, 10, 0.0);
    QCOMPARE(told, 3);
}

void TestSnapshotBuffer::thinsButKeepsEnds()
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

// A network's rows carry its parameters and gradient: what waits for a slow GUI stays within the
// byte budget, not within the row cap alone (16,384 rows of mlp:16 would be 613 MB), and a
// small model's rows still get the whole row cap.
void TestSnapshotBuffer::aNetworksRowsKeepToTheByteBudget()
{
    constexpr int kParameters = 2337;   // mlp:16 on 12 x 12 inputs
    ui::SnapshotBuffer buffer;
    core::TrainState state;
    state.params = core::Vec::Zero(kParameters);
    buffer.restart(state, 10, 0.0);
    std::vector<ui::StepRow> rows;
    std::vector<core::EpochRecord> epochs;
    const int total = 2000;
    for (int i = 1; i <= total; ++i) {
        ui::StepRow row;
        row.step = i;
        row.params = core::Vec::Constant(kParameters, double(i));
        row.gradient = core::Vec::Zero(kParameters);
        rows.push_back(std::move(row));
        if (i % 50 == 0) {   // a 5 ms chunk of a network at 10,000 steps a second
            state.step = i;
            buffer.publish(rows, epochs, std::nullopt, {}, {}, state, 10, i);
        }
    }
    const Snapshot s = buffer.take();
    const std::size_t rowBytes = sizeof(ui::StepRow) + 2 * kParameters * sizeof(double);
    QVERIFY2(s.rows.size() * rowBytes <= ui::SnapshotBuffer::kPendingBudgetBytes,
        qPrintable(QStringLiteral("%1 rows of %2 bytes wait").arg(s.rows.size()).arg(rowBytes)));
    QVERIFY(s.rows.size() >= ui::SnapshotBuffer::kMinPendingRows);
    QCOMPARE(s.rows.front().step, std::int64_t{1});
    QCOMPARE(s.rows.back().step, std::int64_t{total});
    QCOMPARE(s.rows.back().params[kParameters - 1], double(total));
    QCOMPARE(static_cast<std::int64_t>(s.rows.size()) + s.droppedRows, std::int64_t{total});

    // Two parameters: far below the budget, so the row cap is what bounds them.
    ui::StepRow small;
    small.params = core::Vec::Zero(2);
    small.gradient = core::Vec::Zero(2);
    QCOMPARE(buffer.rowCapacity(small), buffer.capacity());
}

void TestSnapshotBuffer::showsMarksOnlyWithTheirState()
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

QTEST_GUILESS_MAIN(TestSnapshotBuffer)
#include "test_snapshot_buffer.moc"
