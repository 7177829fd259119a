// downhill-cli with a network (mlp:...): the narrow trajectory CSV, --params-out and
// --params-in round trips, --input-size, augmentations on the pixels, and the bad inputs that
// exit 2 with one line naming the flag or the file and line, leaving no file behind.
#include <QtTest>

#include <cmath>

#include "tests/cli/cli_harness.h"

using namespace clitest;

class TestCliNetwork : public CliTestCase {
    Q_OBJECT

private slots:
    void initTestCase();
    void narrowTrajectoryAndParams();
    void paramsRoundTrip();
    void inputSizeAndAugmentation();
    void badInput_data();
    void badInput();
    void gradcheckAndLandscape();
    void networkStartsFromTheRunSeed();

private:
    QByteArray train(const QStringList& args);
    QString images_;
    QString params_;
};

void TestCliNetwork::initTestCase()
{
    QVERIFY(prepare());
    images_ = path("images");
    QCOMPARE(runCli({"dataset", "--count", "40", "--seed", "3", "--size", "32", "--out", images_}).exitCode, 0);
    params_ = path("params.csv");
}

QByteArray TestCliNetwork::train(const QStringList& args)
{
    const CliRun run = runCli(QStringList{"train"} + args, dir_.path());
    if (run.exitCode != 0 || !run.err.isEmpty())
        qWarning("exit %d, stderr: %s", run.exitCode, run.err.constData());
    return run.exitCode == 0 && run.err.isEmpty() ? run.out : QByteArray();
}

void TestCliNetwork::narrowTrajectoryAndParams()
{
    const QByteArray out = train({"--data", images_, "--model", "mlp:5", "--input-size", "4", "--steps", "6",
        "--batch-size", "8", "--out", path("net.csv"), "--params-out", params_});
    QVERIFY(!out.isEmpty());
    QVERIFY2(out.contains("model: mlp:5:tanh + mse\n"), out.constData());
    // 5 x 16 + 5 + 5 + 1 parameters: too many for the summary line.
    QVERIFY2(out.contains("params: 91 values (train --params-out FILE.csv writes them)\n"), out.constData());
    QVERIFY(out.contains("parameters: " + params_.toUtf8() + "\n"));
    const Csv csv = readCsv(path("net.csv"));
    QCOMPARE(csv.header.join(','), QByteArray("step,epoch,lr,loss,grad_norm,train_loss"));
    QCOMPARE(csv.rows.size(), 7);
    QCOMPARE(csv.rows[0].join(',').left(6), QByteArray("0,,,,,"));
    for (int k = 1; k < csv.rows.size(); ++k) {
        QCOMPARE(csv.rows[k].size(), 6);
        QVERIFY(number(csv.rows[k][4]) > 0.0);
        QVERIFY(std::isfinite(number(csv.rows[k][5])));
    }
    const Csv params = readCsv(params_);
    QCOMPARE(params.header.join(','), QByteArray("name,value"));
    QCOMPARE(params.rows.size(), 91);
    QCOMPARE(params.rows[0][0], QByteArray("0.weight[0][0]"));
    QCOMPARE(params.rows[16][0], QByteArray("0.weight[1][0]"));
    QCOMPARE(params.rows[80][0], QByteArray("0.bias[0]"));
    QCOMPARE(params.rows[85][0], QByteArray("2.weight[0][0]"));
    QCOMPARE(params.rows[90][0], QByteArray("2.bias[0]"));
    // The last row's train_loss is the loss at the parameters written.
    QVERIFY(!train({"--data", images_, "--model", "mlp:5", "--input-size", "4", "--params-in", params_, "--steps", "1",
        "--lr", "1e-300", "--out", path("again.csv")}).isEmpty());
    QCOMPARE(readCsv(path("again.csv")).rows[0][5], csv.rows.back()[5]);
}

// Training on from the written parameters continues the run exactly when nothing else carries
// over: full batches of plain SGD (no optimizer state, a constant rate), 1 + 1 steps equal 2 in
// one go, bit for bit, so every value round-trips through the file.
void TestCliNetwork::paramsRoundTrip()
{
    const QStringList common = {"--data", images_, "--model", "mlp:4,3:relu", "--input-size", "8", "--batch-size", "full",
        "--val-fraction", "0", "--lr", "0.05"};
    QVERIFY(!train(common + QStringList{"--steps", "2", "--params-out", path("whole.csv")}).isEmpty());
    QVERIFY(!train(common + QStringList{"--steps", "1", "--params-out", path("half.csv")}).isEmpty());
    QVERIFY(!train(common + QStringList{"--steps", "1", "--params-in", path("half.csv"), "--params-out", path("rest.csv")})
                 .isEmpty());
    QCOMPARE(readCsv(path("rest.csv")).rows.size(), 4 * 64 + 4 + 3 * 4 + 3 + 3 + 1);
    QCOMPARE(readBytes(path("rest.csv")), readBytes(path("whole.csv")));
    QVERIFY(readBytes(path("half.csv")) != readBytes(path("whole.csv")));
}

void TestCliNetwork::inputSizeAndAugmentation()
{
    // 32-pixel images: 2 x 2 inputs, 16 x 16 blocks.
    QVERIFY(!train({"--data", images_, "--model", "mlp:2", "--input-size", "2", "--steps", "2", "--params-out",
        path("small.csv")}).isEmpty());
    QCOMPARE(readCsv(path("small.csv")).rows.size(), 2 * 4 + 2 + 2 + 1);
    const CliRun odd = runCli({"train", "--data", images_, "--model", "mlp:2", "--input-size", "6"}, dir_.path());
    QCOMPARE(odd.exitCode, 2);
    QVERIFY2(odd.err.contains("--input-size 6 does not divide the image side 32 (choose one of 1, 2, 4, 8, 16, 32)"),
        odd.err.constData());
    const QStringList args = {"--data", images_, "--model", "mlp:6:sigmoid", "--input-size", "4", "--steps", "3",
        "--batch-size", "8", "--seed", "5"};
    QVERIFY(!train(args + QStringList{"--augment", "flip,brightness,noise", "--out", path("aug1.csv")}).isEmpty());
    QVERIFY(!train(args + QStringList{"--augment", "flip,brightness,noise", "--out", path("aug2.csv")}).isEmpty());
    QCOMPARE(readBytes(path("aug1.csv")), readBytes(path("aug2.csv")));
    QVERIFY(!train(args + QStringList{"--out", path("plain.csv")}).isEmpty());
    // The network sees the augmented pixels: the first batch's loss differs.
    QVERIFY(readCsv(path("aug1.csv")).rows[1][3] != readCsv(path("plain.csv")).rows[1][3]);
}

void TestCliNetwork::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::addColumn<QString>("file");  // written by the params helpers below, or empty
    QTest::newRow("csv data") << QStringList{"--data", "five.csv", "--model", "mlp:4"}
                              << "a network reads the pixels, and" << "";
    QTest::newRow("input size") << QStringList{"--model", "mlp:4", "--input-size", "5", "--count", "20"}
                                << "--input-size 5 does not divide the image side 48" << "";
    QTest::newRow("input size for linear") << QStringList{"--input-size", "4"} << "--input-size: applies to the networks"
                                           << "";
    QTest::newRow("no units") << QStringList{"--model", "mlp:"} << "--model: model 'mlp:': the hidden units are missing"
                              << "";
    QTest::newRow("zero units") << QStringList{"--model", "mlp:0"} << "hidden units must be whole numbers" << "";
    QTest::newRow("activation") << QStringList{"--model", "mlp:16:softplus"} << "unknown activation 'softplus'" << "";
    QTest::newRow("three layers") << QStringList{"--model", "mlp:16,8,4"} << "3 hidden layers given, 1 or 2 allowed"
                                  << "";
    QTest::newRow("init for a network") << QStringList{"--model", "mlp:2", "--init", "1,2"}
                                        << "give them as a file with --params-in" << "";
    QTest::newRow("missing file") << QStringList{"--model", "mlp:2", "--params-in", "absent.csv"}
                                  << "--params-in: absent.csv: cannot open the file" << "";
    QTest::newRow("missing rows") << QStringList{"--model", "mlp:2", "--input-size", "4", "--params-in", "short.csv"}
                                  << "short.csv:4: no row for '0.weight[0][2]' and 34 more" << "short.csv";
    QTest::newRow("extra row") << QStringList{"--model", "mlp:2", "--input-size", "4", "--params-in", "extra.csv"}
                               << "extra.csv:39: 'w' is not a parameter of mlp:2:tanh + mse" << "extra.csv";
    QTest::newRow("not a number") << QStringList{"--model", "mlp:2", "--input-size", "4", "--params-in", "nan.csv"}
                                  << "nan.csv:3: the value of '0.weight[0][1]' is not a finite number: 'abc'"
                                  << "nan.csv";
    QTest::newRow("twice") << QStringList{"--model", "mlp:2", "--input-size", "4", "--params-in", "twice.csv"}
                           << "twice.csv:4: '0.weight[0][0]' is given twice (first on line 2)" << "twice.csv";
    QTest::newRow("header") << QStringList{"--model", "mlp:2", "--input-size", "4", "--params-in", "header.csv"}
                            << "header.csv:1: the header must be name,value" << "header.csv";
}

void TestCliNetwork::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    QFETCH(QString, file);
    // mlp:2 on 4 x 4 inputs: 2 x 16 + 2 + 2 + 1 = 37 parameters.
    QByteArray good = "name,value\n";
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 16; ++j)
            good += "0.weight[" + QByteArray::number(i) + "][" + QByteArray::number(j) + "],0.01\n";
    good += "0.bias[0],0\n0.bias[1],0\n2.weight[0][0],1\n2.weight[0][1],1\n2.bias[0],0\n";
    const QList<QByteArray> lines = good.split('\n');
    if (file == "short.csv")
        QVERIFY(writeBytes(path(file), lines.mid(0, 3).join('\n') + "\n"));
    else if (file == "extra.csv")
        QVERIFY(writeBytes(path(file), good + "w,1\n"));
    else if (file == "nan.csv")
        QVERIFY(writeBytes(path(file), QByteArray(good).replace("0.weight[0][1],0.01", "0.weight[0][1],abc")));
    else if (file == "twice.csv")
        QVERIFY(writeBytes(path(file), QByteArray(good).replace("0.weight[0][2],0.01", "0.weight[0][0],0.5")));
    else if (file == "header.csv")
        QVERIFY(writeBytes(path(file), QByteArray(good).replace("name,value", "parameter,value")));
    const QString out = path("should_not_exist.csv");
    const QString paramsOut = path("nor_this.csv");
    const CliRun run = runCli(QStringList{"train", "--steps", "2"} + args + QStringList{"--out", out, "--params-out", paramsOut},
        dir_.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(says), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(paramsOut));
}

void TestCliNetwork::gradcheckAndLandscape()
{
    const CliRun check = runCli({"gradcheck", "--data", images_, "--model", "mlp:3:sigmoid", "--input-size", "2"}, dir_.path());
    QCOMPARE(check.exitCode, 0);
    // 19 parameters: the 10 with the largest gradient are checked, one row each.
    QVERIFY2(check.out.contains("the 10 of 19 parameters with the largest |gradient| checked\n"), check.out.constData());
    QCOMPARE(check.out.count('\n'), 1 + 1 + 10 + 1);
    const QByteArray last = check.out.trimmed().split('\n').last();
    QVERIFY2(last.startsWith("max relative error: "), last.constData());
    QVERIFY(number(last.mid(20)) < 1e-6);
    // Largest first: each checked row's |analytic| is at least the next one's.
    const QList<QByteArray> lines = check.out.trimmed().split('\n');
    for (int k = 2; k + 1 < 11; ++k)
        QVERIFY(std::abs(number(lines[k].simplified().split(' ')[1])) >= std::abs(number(lines[k + 1].simplified().split(' ')[1])));
    const CliRun picked = runCli({"gradcheck", "--data", images_, "--model", "mlp:3:sigmoid", "--input-size", "2", "--check",
        "0.weight[1][2],2.bias[0]"}, dir_.path());
    QCOMPARE(picked.exitCode, 0);
    QVERIFY2(picked.out.contains(", 2 of 19 parameters checked\n"), picked.out.constData());
    QVERIFY(picked.out.contains("\n0.weight[1][2] "));
    QVERIFY(picked.out.contains("\n2.bias[0] "));
    const CliRun both = runCli({"gradcheck", "--data", images_, "--model", "mlp:3", "--input-size", "2", "--check", "2.bias[0]",
        "--largest", "3"}, dir_.path());
    QCOMPARE(both.exitCode, 2);
    QVERIFY2(both.err.contains("--largest: contradicts --check"), both.err.constData());
    const CliRun land = runCli({"landscape", "--data", images_, "--model", "mlp:3", "--input-size", "2", "--axes",
        "2.weight[0][1],2.bias[0]", "--range", "-1:1,-2:2", "--grid", "4", "--out", path("net_land.csv")}, dir_.path());
    QCOMPARE(land.exitCode, 0);
    const Csv grid = readCsv(path("net_land.csv"));
    QCOMPARE(grid.header.join(','), QByteArray("2.weight[0][1],2.bias[0],loss"));
    QCOMPARE(grid.rows.size(), 16);
}

void TestCliNetwork::networkStartsFromTheRunSeed()
{
    // Two settings files alike but for the run's seed: the same data and split, so the training
    // loss before the first step differs only if the start does.
    const auto config = [&](const QString& name, int seed) {
        const QString file = path(name);
        writeBytes(file, QByteArray(R"({"format": "downhill-settings", "version": 1, "model": "mlp:3", "seed": )")
                + QByteArray::number(seed) + R"(, "data": {"path": ")" + images_.toUtf8() + R"(", "seed": 4}})");
        return file;
    };
    const QStringList steps = {"--input-size", "2", "--steps", "1"};
    QVERIFY(!train(QStringList{"--config", config("s2.json", 2)} + steps + QStringList{"--out", path("s2.csv")}).isEmpty());
    QVERIFY(!train(QStringList{"--config", config("s2b.json", 2)} + steps + QStringList{"--out", path("s2b.csv")}).isEmpty());
    QVERIFY(!train(QStringList{"--config", config("s3.json", 3)} + steps + QStringList{"--out", path("s3.csv")}).isEmpty());
    QCOMPARE(readBytes(path("s2.csv")), readBytes(path("s2b.csv")));
    QVERIFY(readCsv(path("s2.csv")).rows[0][5] != readCsv(path("s3.csv")).rows[0][5]);
    // --seed 1 (the default) is the network's default start, as before.
    const QStringList plain = {"--data", images_, "--model", "mlp:3", "--input-size", "2", "--steps", "1"};
    QVERIFY(!train(plain + QStringList{"--out", path("d.csv")}).isEmpty());
    QVERIFY(!train(plain + QStringList{"--seed", "1", "--out", path("d1.csv")}).isEmpty());
    QCOMPARE(readBytes(path("d.csv")), readBytes(path("d1.csv")));
}

QTEST_GUILESS_MAIN(TestCliNetwork)
#include "test_cli_network.moc"
