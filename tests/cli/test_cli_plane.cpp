// downhill-cli on planes through a network's parameters: landscape over a random plane
// (alpha,beta,loss, the directions written and read back to the same grid), train with a plane
// (alpha,beta,off_plane on every row; a plane through the start holds the start at 0,0,0, the
// PCA plane of the path its end), and the bad inputs that exit 2 with one line naming the flag
// or the file and line, leaving no file behind. The numbers themselves are checked against
// numpy by tools/plane_numpy_check.py and in tests/core/test_plane.cpp.
#include <QtTest>

#include "tests/cli/cli_harness.h"

using namespace clitest;

class TestCliPlane : public CliTestCase {
    Q_OBJECT

private slots:
    void initTestCase();
    void landscapeOnARandomPlane();
    void trainOnAPlane();
    void badInput_data();
    void badInput();

private:
    QStringList net() const { return {"--data", images_, "--model", "mlp:3", "--input-size", "2"}; }
    QString images_;
};

void TestCliPlane::initTestCase()
{
    QVERIFY(prepare());
    images_ = path("images");
    QCOMPARE(runCli({"dataset", "--count", "40", "--seed", "3", "--size", "32", "--out", images_}).exitCode, 0);
}

void TestCliPlane::landscapeOnARandomPlane()
{
    const CliRun run = runCli(QStringList{"landscape"} + net()
            + QStringList{"--plane", "random:4", "--grid", "5", "--directions-out", path("d.csv"), "--out", path("l.csv")},
        dir_.path());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("on a random plane (seed 4), over alpha in [-1, 1] x beta in [-1, 1], 5 x 5 points"),
        run.out.constData());
    const Csv grid = readCsv(path("l.csv"));
    QCOMPARE(grid.header.join(','), QByteArray("alpha,beta,loss"));
    QCOMPARE(grid.rows.size(), 25);
    QCOMPARE(grid.rows[0].join(','), QByteArray("-1,-1,") + grid.rows[0][2]);
    // 3 x 4 + 3 + 3 + 1 parameters, a row each, biases without a direction.
    const Csv directions = readCsv(path("d.csv"));
    QCOMPARE(directions.header.join(','), QByteArray("name,d1,d2"));
    QCOMPARE(directions.rows.size(), 19);
    QCOMPARE(directions.rows[12].join(','), QByteArray("0.bias[0],0,0"));
    QVERIFY(number(directions.rows[0][1]) != 0);

    // Read back, the same directions give the same grid, to the last digit.
    const CliRun again = runCli(QStringList{"landscape"} + net()
            + QStringList{"--directions", path("d.csv"), "--grid", "5", "--out", path("l2.csv")},
        dir_.path());
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(readBytes(path("l2.csv")), readBytes(path("l.csv")));
    // Another seed, another plane.
    QCOMPARE(runCli(QStringList{"landscape"} + net() + QStringList{"--plane", "random:5", "--grid", "5", "--out", path("l3.csv")},
                 dir_.path()).exitCode, 0);
    QVERIFY(readBytes(path("l3.csv")) != readBytes(path("l.csv")));
}

void TestCliPlane::trainOnAPlane()
{
    const QStringList train = QStringList{"train"} + net() + QStringList{"--steps", "20", "--lr", "0.2", "--batch-size", "8"};
    // Through the start: the first row sits at the origin.
    CliRun run = runCli(train + QStringList{"--plane", "random:2", "--plane-origin", "start", "--out", path("ts.csv")}, dir_.path());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("plane: a random plane (seed 2) through the run's start\n"), run.out.constData());
    Csv csv = readCsv(path("ts.csv"));
    QCOMPARE(csv.header.join(','), QByteArray("step,epoch,lr,loss,grad_norm,train_loss,alpha,beta,off_plane"));
    QCOMPARE(csv.rows.size(), 21);
    QCOMPARE(csv.rows[0].mid(6).join(','), QByteArray("0,0,0"));
    QVERIFY(number(csv.rows[20][8]) > 0);   // the run leaves a random plane

    // The PCA plane of the path goes through its end; the run is replayed to write the rows,
    // so they are the rows of the same run without a plane.
    run = runCli(train + QStringList{"--plane", "pca", "--directions-out", path("pd.csv"), "--out", path("tp.csv")}, dir_.path());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("plane: the PCA plane of the path through the run's end, explaining "), run.out.constData());
    QVERIFY2(run.out.contains("end on the plane: alpha 0, beta 0, off it 0\n"), run.out.constData());
    csv = readCsv(path("tp.csv"));
    QCOMPARE(csv.rows.size(), 21);
    QCOMPARE(csv.rows[20].mid(6).join(','), QByteArray("0,0,0"));
    QVERIFY(number(csv.rows[0][8]) > 0);
    QCOMPARE(runCli(train + QStringList{"--out", path("plain.csv")}, dir_.path()).exitCode, 0);
    const Csv plain = readCsv(path("plain.csv"));
    for (int k = 0; k < csv.rows.size(); ++k)
        QCOMPARE(csv.rows[k].mid(0, 6), plain.rows[k]);
    QCOMPARE(readCsv(path("pd.csv")).rows.size(), 19);
}

void TestCliPlane::badInput_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::addColumn<QByteArray>("file");
    QTest::newRow("pca without a path") << "landscape" << QStringList{"--plane", "pca"}
                                        << "--plane: pca needs a training path" << QByteArray();
    QTest::newRow("unknown plane") << "train" << QStringList{"--plane", "diagonal"}
                                   << "--plane: expected random, random:SEED or pca, got 'diagonal'" << QByteArray();
    QTest::newRow("bad seed") << "landscape" << QStringList{"--plane", "random:x"} << "--plane: expected a whole number"
                              << QByteArray();
    QTest::newRow("axes and a plane") << "landscape" << QStringList{"--plane", "random", "--axes", "0.bias[0],0.bias[1]"}
                                      << "--axes: contradicts --plane" << QByteArray();
    QTest::newRow("plane and directions") << "landscape" << QStringList{"--plane", "random", "--directions", "dir.csv"}
                                          << "--directions: contradicts --plane" << QByteArray("name,d1,d2\n");
    QTest::newRow("directions short") << "landscape" << QStringList{"--directions", "dir.csv"}
                                      << "--directions: dir.csv:3: no row for '0.weight[0][1]' and 17 more"
                                      << QByteArray("name,d1,d2\n0.weight[0][0],1,2\n");
    QTest::newRow("directions header") << "train" << QStringList{"--directions", "dir.csv"}
                                       << "--directions: dir.csv:1: the header must be name,d1,d2, got 'name,value'"
                                       << QByteArray("name,value\n");
    QTest::newRow("directions not a number") << "landscape" << QStringList{"--directions", "dir.csv"}
                                             << "--directions: dir.csv:2: the d2 of '0.weight[0][0]' is not a finite number: 'nan'"
                                             << QByteArray("name,d1,d2\n0.weight[0][0],1,nan\n");
    QTest::newRow("plane origin alone") << "train" << QStringList{"--plane-origin", "start"}
                                        << "--plane-origin: needs a plane" << QByteArray();
    QTest::newRow("plane origin word") << "train" << QStringList{"--plane", "random", "--plane-origin", "middle"}
                                       << "--plane-origin: expected start or end, got 'middle'" << QByteArray();
    QTest::newRow("directions out alone") << "landscape" << QStringList{"--directions-out", "never.csv"}
                                          << "--directions-out: needs a plane" << QByteArray();
}

void TestCliPlane::badInput()
{
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    QFETCH(QByteArray, file);
    if (!file.isEmpty())
        QVERIFY(writeBytes(path("dir.csv"), file));
    const QString out = path("should_not_exist.csv");
    const QStringList base = QStringList{command} + net() + (command == "train" ? QStringList{"--steps", "3"} : QStringList{});
    const CliRun run = runCli(base + args + QStringList{"--out", out}, dir_.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(says), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(path("never.csv")));
}

QTEST_GUILESS_MAIN(TestCliPlane)
#include "test_cli_plane.moc"
