// PathLog: the run's path as the GUI keeps it. Rows and epochs come back as appended; a run of a
// million steps stays within the capacity, keeps its first and newest rows and spreads the rest
// over the whole run; a branch truncates both; the CSV exports hold exactly the numbers put in,
// in downhill-cli's columns, and are written whole or not at all.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "session/run/path_log.h"
#include "tests/common/file_size_limit.h"

using namespace downhill;
using downhill::test::FileSizeLimit;
using downhill::ui::PathLog;
using downhill::ui::StepRow;

namespace {

const std::vector<std::string> kNames = {"a", "b"};

// A row whose every number is a function of its step, so that any row read back (from the
// log or from its CSV) can be checked against the step it claims to be.
StepRow rowAt(std::int64_t step, std::int64_t stepsPerEpoch = 10)
{
    const double s = static_cast<double>(step);
    StepRow row;
    row.step = step;
    row.epoch = (step - 1) / stepsPerEpoch;
    row.lr = 0.1;
    row.updateLr = 0.1 / (1 + s);
    row.batchLoss = 1 / s;
    row.trainLoss = 2 / s;
    row.params = core::Vec{{s / 3, -s}};
    row.gradient = core::Vec{{s * 1e-9, 0.5 * s}};
    return row;
}

core::EpochRecord epochAt(std::int64_t epoch, double valLoss)
{
    return {epoch, 10 * (epoch + 1), 1.0 / static_cast<double>(epoch + 1), valLoss};
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList entries(const QTemporaryDir& dir)
{
    return QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

}  // namespace

class TestPathLog : public QObject {
    Q_OBJECT
private slots:
    void keepsWhatIsAppended();
    void millionStepsStayBoundedAndSpread();
    void epochsStayBoundedToo();
    void truncateDropsTheAbandonedFuture();
    void csvHoldsTheNumbersInTheCliColumns();
    void csvOfALongRunReadsBackExactly();
    void epochsCsvLeavesValLossEmptyWithoutValidation();
    void writesTheExportsWholeOrNotAtAll();
};

void TestPathLog::keepsWhatIsAppended()
{
    PathLog log(64);
    QCOMPARE(log.capacity(), std::size_t{64});
    QCOMPARE(PathLog(1).capacity(), std::size_t{4});   // the floor ThinnedLog needs to halve
    const core::Vec init{{0.5, -1.0}};
    log.clear(init, 2.25);
    QCOMPARE(log.init(), init);
    QCOMPARE(log.initLoss(), 2.25);
    for (std::int64_t k = 1; k <= 20; ++k)
        log.append(rowAt(k));
    log.appendEpochs({epochAt(0, 0.5), epochAt(1, 0.25)});
    QCOMPARE(log.rows().size(), std::size_t{20});
    QCOMPARE(log.stride(), std::int64_t{1});
    for (std::int64_t k = 1; k <= 20; ++k) {
        const StepRow& row = log.rows()[static_cast<std::size_t>(k - 1)];
        QCOMPARE(row.step, k);
        QCOMPARE(row.batchLoss, rowAt(k).batchLoss);
        QCOMPARE(row.params, rowAt(k).params);
        QCOMPARE(row.gradient, rowAt(k).gradient);
    }
    QCOMPARE(log.epochs().size(), std::size_t{2});
    QCOMPARE(log.epochs()[1].valLoss, 0.25);

    // A new run forgets the old one entirely.
    log.clear(core::Vec{{3.0, 4.0}}, 7);
    QVERIFY(log.rows().empty());
    QVERIFY(log.epochs().empty());
    QCOMPARE(log.init(), (core::Vec{{3.0, 4.0}}));
    QCOMPARE(log.initLoss(), 7.0);
    QCOMPARE(log.stride(), std::int64_t{1});
}

void TestPathLog::millionStepsStayBoundedAndSpread()
{
    PathLog log;   // the window's own capacity
    log.clear(core::Vec{{0.0, 0.0}}, 1);
    const std::int64_t steps = 1000000;
    for (std::int64_t k = 1; k <= steps; ++k)
        log.append(rowAt(k));
    const auto& rows = log.rows();
    QVERIFY(rows.size() <= log.capacity());
    QVERIFY(rows.size() >= log.capacity() / 2);
    QVERIFY(log.stride() > 1);
    QCOMPARE(rows.front().step, std::int64_t{1});
    QCOMPARE(rows.back().step, steps);
    // Thinning moves whole rows: each kept row still holds the numbers of its own step.
    QCOMPARE(rows.back().batchLoss, rowAt(steps).batchLoss);
    QCOMPARE(rows.back().params, rowAt(steps).params);
    // Spread over the run: no gap larger than the stride, so no stretch of the run is missing.
    std::int64_t widest = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::int64_t gap = rows[i].step - rows[i - 1].step;
        QVERIFY2(gap > 0, qPrintable(QStringLiteral("rows %1 and %2 out of order").arg(i - 1).arg(i)));
        widest = std::max(widest, gap);
        if (rows[i].trainLoss != rowAt(rows[i].step).trainLoss)
            QFAIL(qPrintable(QStringLiteral("row %1 does not hold step %2's numbers").arg(i).arg(rows[i].step)));
    }
    QVERIFY(widest <= log.stride());
    QVERIFY(log.stride() <= 2 * steps / static_cast<std::int64_t>(log.capacity()) + 1);
    QCOMPARE(log.endOf(steps), rows.end());
    QCOMPARE(log.endOf(0), rows.begin());
}

void TestPathLog::epochsStayBoundedToo()
{
    // Full batches end an epoch at every step: epochs arrive as often as rows.
    PathLog log(32);
    for (std::int64_t e = 0; e < 10000; ++e) {
        log.appendEpochs({epochAt(e, 0.5)});
        QVERIFY(log.epochs().size() <= log.capacity());
        QCOMPARE(log.epochs().back().epoch, e);
    }
    QCOMPARE(log.epochs().front().epoch, std::int64_t{0});
    for (std::size_t i = 1; i < log.epochs().size(); ++i)
        QVERIFY(log.epochs()[i].step > log.epochs()[i - 1].step);
}

void TestPathLog::truncateDropsTheAbandonedFuture()
{
    PathLog log(64);
    for (std::int64_t k = 1; k <= 40; ++k)
        log.append(rowAt(k));
    log.appendEpochs({epochAt(0, 0.5), epochAt(1, 0.5), epochAt(2, 0.5), epochAt(3, 0.5)});   // steps 10 .. 40
    QCOMPARE(log.endOf(25) - log.rows().begin(), 25);
    log.truncate(25);
    QCOMPARE(log.rows().size(), std::size_t{25});
    QCOMPARE(log.rows().back().step, std::int64_t{25});
    QCOMPARE(log.epochs().size(), std::size_t{2});
    QCOMPARE(log.epochs().back().step, std::int64_t{20});
    // The branch goes on from there.
    StepRow branch = rowAt(26);
    branch.batchLoss = -1;
    log.append(branch);
    QCOMPARE(log.rows().back().batchLoss, -1.0);
    QCOMPARE(log.endOf(100), log.rows().end());
}

void TestPathLog::csvHoldsTheNumbersInTheCliColumns()
{
    PathLog log(16);
    log.clear(core::Vec{{0.5, -1.0}}, 2.25);
    StepRow first;
    first.step = 1;
    first.epoch = 0;
    first.lr = 0.1;
    first.updateLr = 0.05;   // the rate that multiplied the update is the one written
    first.batchLoss = 1.5;
    first.params = core::Vec{{0.4, -0.75}};
    first.gradient = core::Vec{{1.0, -2.5}};
    first.trainLoss = 1.25;
    StepRow second;
    second.step = 2;
    second.epoch = 1;
    second.lr = 0.1;
    second.updateLr = 0.1;
    second.batchLoss = 1.0 / 3.0;
    second.params = core::Vec{{0.3, 1e-7}};
    second.gradient = core::Vec{{-0.125, 3e20}};
    second.trainLoss = 0.1;
    log.append(first);
    log.append(second);
    const QByteArray expected =
        "step,epoch,lr,loss,a,b,grad_a,grad_b,train_loss\n"
        "0,,,,0.5,-1,,,2.25\n"
        "1,1,0.05,1.5,0.4,-0.75,1,-2.5,1.25\n"
        "2,2,0.1,0.3333333333333333,0.3,1e-07,-0.125,3e+20,0.1\n";
    QCOMPARE(log.toCsv(kNames), expected);

    // Without a start (a run not begun from a point) there is no step-0 row.
    log.clear();
    log.append(first);
    QCOMPARE(log.toCsv({"w"}).split('\n').value(0), QByteArray("step,epoch,lr,loss,w,grad_w,train_loss"));
    QVERIFY(log.toCsv(kNames).split('\n').value(1).startsWith("1,1,"));
}

void TestPathLog::csvOfALongRunReadsBackExactly()
{
    PathLog log(1000);
    log.clear(core::Vec{{0.0, 0.0}}, 1);
    const std::int64_t steps = 100000;
    for (std::int64_t k = 1; k <= steps; ++k)
        log.append(rowAt(k, 7));
    const QList<QByteArray> lines = log.toCsv(kNames).split('\n');
    // Header, step 0, the kept rows, and the empty piece after the last newline.
    QCOMPARE(lines.size(), static_cast<qsizetype>(log.rows().size()) + 3);
    QVERIFY(lines.back().isEmpty());
    std::int64_t previous = 0;
    for (qsizetype i = 2; i + 1 < lines.size(); ++i) {
        const QList<QByteArray> f = lines[i].split(',');
        QCOMPARE(f.size(), qsizetype{9});
        const std::int64_t step = f[0].toLongLong();
        QVERIFY(step > previous);
        previous = step;
        const StepRow want = rowAt(step, 7);
        // Shortest round-trip numbers: each reads back to the very double put in.
        const bool same = f[1].toLongLong() == want.epoch + 1 && f[2].toDouble() == want.updateLr
            && f[3].toDouble() == want.batchLoss && f[4].toDouble() == want.params[0] && f[5].toDouble() == want.params[1]
            && f[6].toDouble() == want.gradient[0] && f[7].toDouble() == want.gradient[1] && f[8].toDouble() == want.trainLoss;
        if (!same)
            QFAIL(qPrintable(QStringLiteral("line %1 (step %2) does not read back: %3").arg(i).arg(step).arg(QString::fromLatin1(lines[i]))));
    }
    QCOMPARE(previous, steps);
}

void TestPathLog::epochsCsvLeavesValLossEmptyWithoutValidation()
{
    PathLog log(16);
    log.appendEpochs({epochAt(0, 0.75), epochAt(1, std::numeric_limits<double>::quiet_NaN())});
    QCOMPARE(log.epochsToCsv(), QByteArray("epoch,step,train_loss,val_loss\n"
                                           "1,10,1,0.75\n"
                                           "2,20,0.5,\n"));
}

void TestPathLog::writesTheExportsWholeOrNotAtAll()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PathLog log(4096);
    log.clear(core::Vec{{0.0, 0.0}}, 1);
    for (std::int64_t k = 1; k <= 5000; ++k)
        log.append(rowAt(k));
    log.appendEpochs({epochAt(0, 0.5)});
    const QString path = dir.filePath(QStringLiteral("path.csv"));
    const QString epochs = dir.filePath(QStringLiteral("loss.csv"));
    QString error;
    QVERIFY2(log.writeCsv(path, kNames, &error), qPrintable(error));
    QVERIFY2(log.writeEpochsCsv(epochs, &error), qPrintable(error));
    QCOMPARE(readAll(path), log.toCsv(kNames));
    QCOMPARE(readAll(epochs), log.epochsToCsv());

    // Into a folder that does not exist: nothing is written, and the message names the file.
    const QString nowhere = dir.filePath(QStringLiteral("missing/path.csv"));
    QVERIFY(!log.writeCsv(nowhere, kNames, &error));
    QVERIFY2(error.startsWith(nowhere + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(!log.writeEpochsCsv(nowhere, &error));
    QVERIFY2(error.startsWith(nowhere + QStringLiteral(": ")), qPrintable(error));
    QCOMPARE(entries(dir), (QStringList{QStringLiteral("loss.csv"), QStringLiteral("path.csv")}));

    // A longer run whose export fails half-way leaves the earlier export whole.
    const QByteArray earlier = readAll(path);
    for (std::int64_t k = 5001; k <= 20000; ++k)
        log.append(rowAt(k));
    bool written = true;
    {
        const FileSizeLimit limit(16 * 1024);
        QVERIFY(limit.active());
        written = log.writeCsv(path, kNames, &error);
    }
    QVERIFY(!written);
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QCOMPARE(readAll(path), earlier);
    QCOMPARE(entries(dir), (QStringList{QStringLiteral("loss.csv"), QStringLiteral("path.csv")}));
}

QTEST_GUILESS_MAIN(TestPathLog)
#include "test_path_log.moc"
