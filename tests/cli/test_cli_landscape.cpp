// downhill-cli landscape: grid layout and values against losses computed here
// from the data the test wrote, and against the trainer's own training loss.
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>

#include "tests/cli/cli_harness.h"

using namespace clitest;

namespace {

// The mean of lossOf(residual) over the five samples for the residual function r(x, t).
double meanLoss(const std::function<double(double, double)>& residual, const std::function<double(double)>& lossOf)
{
    double sum = 0;
    for (const auto& s : fiveSamples())
        sum += lossOf(residual(s.x, s.t));
    return sum / 5;
}

double square(double r)
{
    return r * r;
}

}  // namespace

class TestCliLandscape : public CliTestCase {
    Q_OBJECT

private slots:
    void initTestCase();
    void gridLayoutAndValues();
    void axesInOtherOrder();
    void matchesTrainerLoss();
    void setHoldsParameter();
    void maeLoss();
    void validationSplit();
    void analyticDefaultRange();
    void flagFormsGiveIdenticalBytes();
    void refusesUndrawableRanges_data();
    void refusesUndrawableRanges();

private:
    Csv landscape(const QStringList& args, const QString& out);
};

void TestCliLandscape::initTestCase()
{
    QVERIFY(prepare());
}

Csv TestCliLandscape::landscape(const QStringList& args, const QString& out)
{
    const CliRun run = runCli(QStringList{"landscape", "--data", five_, "--out", out} + args, dir_.path());
    if (run.exitCode != 0)
        qWarning("exit %d: %s", run.exitCode, run.err.constData());
    return run.exitCode == 0 ? readCsv(out) : Csv{};
}

void TestCliLandscape::gridLayoutAndValues()
{
    const Csv csv = landscape({"--val-fraction", "0", "--axes", "w,b", "--range", "-1:1,0:2", "--grid", "5"}, path("grid.csv"));
    QCOMPARE(csv.header.join(','), QByteArray("w,b,loss"));
    QCOMPARE(csv.rows.size(), 25);
    for (int k = 0; k < 25; ++k) {
        const auto& row = csv.rows[k];
        QCOMPARE(row.size(), 3);
        // w (the first axis) varies fastest.
        const double w = -1 + 0.5 * (k % 5);
        const double b = 0.5 * (k / 5);
        QCOMPARE(number(row[0]), w);
        QCOMPARE(number(row[1]), b);
        const double expected = meanLoss([&](double x, double t) { return w * x + b - t; }, square);
        QVERIFY2(near(number(row[2]), expected, 1e-10), qPrintable(QString("row %1: %2 vs %3").arg(k).arg(row[2]).arg(expected)));
    }
}

void TestCliLandscape::axesInOtherOrder()
{
    const Csv csv = landscape({"--val-fraction", "0", "--axes", "b,w", "--range", "0:2,-1:1", "--grid", "3"}, path("ba.csv"));
    QCOMPARE(csv.header.join(','), QByteArray("b,w,loss"));
    QCOMPARE(csv.rows.size(), 9);
    QCOMPARE(number(csv.rows[1][0]), 1.0);   // b moves first
    QCOMPARE(number(csv.rows[1][1]), -1.0);
    QCOMPARE(number(csv.rows[3][1]), 0.0);
    const double b = number(csv.rows[5][0]);
    const double w = number(csv.rows[5][1]);
    QVERIFY(near(number(csv.rows[5][2]), meanLoss([&](double x, double t) { return w * x + b - t; }, square), 1e-10));
}

// The landscape's loss at a point is the trainer's training loss there (row 0 of a trajectory).
void TestCliLandscape::matchesTrainerLoss()
{
    const Csv grid = landscape({"--val-fraction", "0", "--axes", "w,b", "--range", "-2:4,-1:5", "--grid", "4"}, path("m.csv"));
    QCOMPARE(grid.rows.size(), 16);
    for (int k : {0, 6, 13}) {
        const QByteArray init = grid.rows[k][0] + "," + grid.rows[k][1];
        const QString out = path(QString("m%1.csv").arg(k));
        const CliRun run = runCli({"train", "--data", five_, "--val-fraction", "0", "--init", QString::fromUtf8(init),
            "--steps", "1", "--out", out});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(near(number(readCsv(out).rows[0][8]), number(grid.rows[k][2]), 1e-10));
    }
}

void TestCliLandscape::setHoldsParameter()
{
    // lin-exp y = a + b x + exp(c x) with c held at 0.3.
    const Csv held = landscape({"--val-fraction", "0", "--model", "lin-exp", "--axes", "a,b", "--range", "-1:1,0:2",
                                   "--grid", "3", "--set", "c=0.3"},
        path("set.csv"));
    QCOMPARE(held.header.join(','), QByteArray("a,b,loss"));
    QCOMPARE(held.rows.size(), 9);
    for (const auto& row : held.rows) {
        const double a = number(row[0]);
        const double b = number(row[1]);
        const double expected = meanLoss([&](double x, double t) { return a + b * x + std::exp(0.3 * x) - t; }, square);
        QVERIFY(near(number(row[2]), expected, 1e-10));
    }
    // --init puts the held parameter there too; --set overrides --init.
    landscape({"--val-fraction", "0", "--model", "lin-exp", "--axes", "a,b", "--range", "-1:1,0:2",
                                      "--grid", "3", "--init", "9,9,0.3"},
        path("init.csv"));
    QCOMPARE(readBytes(path("init.csv")), readBytes(path("set.csv")));
    landscape({"--val-fraction", "0", "--model", "lin-exp", "--axes", "a,b", "--range",
                                         "-1:1,0:2", "--grid", "3", "--init", "0,0,2", "--set", "c=0.3"},
        path("override.csv"));
    QCOMPARE(readBytes(path("override.csv")), readBytes(path("set.csv")));
}

void TestCliLandscape::maeLoss()
{
    const Csv csv = landscape({"--val-fraction", "0", "--loss", "mae", "--range", "-1:1,0:2", "--grid", "3"}, path("mae.csv"));
    QCOMPARE(csv.rows.size(), 9);
    for (const auto& row : csv.rows) {
        const double w = number(row[0]);
        const double b = number(row[1]);
        const double expected = meanLoss([&](double x, double t) { return w * x + b - t; }, [](double r) { return std::abs(r); });
        QVERIFY(near(number(row[2]), expected, 1e-10));
    }
}

// With 2 of 5 rows held out, 3 L_train + 2 L_val = 5 L_all at every point (mse sums).
void TestCliLandscape::validationSplit()
{
    const QStringList grid = {"--range", "-1:1,0:2", "--grid", "3", "--seed", "11"};
    const Csv all = landscape(grid + QStringList{"--val-fraction", "0"}, path("all.csv"));
    const Csv train = landscape(grid + QStringList{"--val-fraction", "0.4", "--on", "train"}, path("train.csv"));
    const Csv val = landscape(grid + QStringList{"--val-fraction", "0.4", "--on", "val"}, path("val.csv"));
    QCOMPARE(all.rows.size(), 9);
    QCOMPARE(train.rows.size(), 9);
    QCOMPARE(val.rows.size(), 9);
    for (int k = 0; k < 9; ++k) {
        const double combined = 3 * number(train.rows[k][2]) + 2 * number(val.rows[k][2]);
        QVERIFY(near(combined, 5 * number(all.rows[k][2]), 1e-10));
    }
    QVERIFY(readBytes(path("train.csv")) != readBytes(path("val.csv")));
}

void TestCliLandscape::analyticDefaultRange()
{
    // No --range: the function's own view. Rosenbrock ignores the data.
    const QString out = path("rosen.csv");
    const CliRun run = runCli({"landscape", "--model", "rosenbrock", "--grid", "4", "--out", out});
    QCOMPARE(run.exitCode, 0);
    const Csv csv = readCsv(out);
    QCOMPARE(csv.header.join(','), QByteArray("x,y,loss"));
    QCOMPARE(csv.rows.size(), 16);
    for (const auto& row : csv.rows) {
        const double x = number(row[0]);
        const double y = number(row[1]);
        QVERIFY(near(number(row[2]), std::pow(1 - x, 2) + 100 * std::pow(y - x * x, 2), 1e-12));
    }
}

void TestCliLandscape::flagFormsGiveIdenticalBytes()
{
    landscape({"--val-fraction", "0", "--axes", "w,b", "--range", "-1:1,0:2", "--grid", "7"}, path("f1.csv"));
    landscape({"--val-fraction=0", "--axes=w,b", "--range=-1:1,0:2", "--grid=7"}, path("f2.csv"));
    const QByteArray a = readBytes(path("f1.csv"));
    QCOMPARE(a.count('\n'), 50);
    QCOMPARE(readBytes(path("f2.csv")), a);
}

void TestCliLandscape::refusesUndrawableRanges_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("says");
    // B - A overflowed here once: exit 0 and a file of -nan and inf cells.
    QTest::newRow("overflowing width") << "-1e308:1e308,-1e308:1e308" << "range: P1";
    QTest::newRow("tiny width") << "0:1,0:1e-300" << "range: P2";
}

void TestCliLandscape::refusesUndrawableRanges()
{
    QFETCH(QString, range);
    QFETCH(QString, says);
    const QString out = path("huge.csv");
    QFile::remove(out);
    const CliRun run = runCli({"landscape", "--data", five_, "--out", out, "--range", range, "--grid", "3"}, dir_.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(says.toUtf8()), run.err.constData());
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestCliLandscape)
#include "test_cli_landscape.moc"
