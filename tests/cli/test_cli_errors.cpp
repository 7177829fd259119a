// Bad input: every case must exit with 2, say what is wrong in one line on stderr that names
// the flag (or the file and line), print nothing on stdout and leave no file behind.
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include "tests/cli/cli_harness.h"

using namespace clitest;

class TestCliErrors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void badInput_data();
    void badInput();
    void noCommand();

private:
    QTemporaryDir fixtures_;
};

void TestCliErrors::initTestCase()
{
    QVERIFY(!cliBinary().isEmpty());
    QVERIFY(fixtures_.isValid());
    const QString in = fixtures_.path();
    QVERIFY(writeBytes(in + "/good.csv", csvText(fiveSamples())));
    QVERIFY(writeBytes(in + "/bad.csv", "x,count\n0.5,1\n1.0,abc\n2,3\n"));
    QVERIFY(writeBytes(in + "/ragged.csv", "x,count\n0.5,1\n1.0,2\n1.5\n"));
    QVERIFY(writeBytes(in + "/negative.csv", "x,count\n0.5,1\n1.0,-2\n"));
    QVERIFY(writeBytes(in + "/header-only.csv", "x,count\n"));
    QVERIFY(writeBytes(in + "/no-x.csv", "feature,count\n0.5,1\n"));
    QVERIFY(writeBytes(in + "/unreadable.csv", csvText(fiveSamples())));
    QVERIFY(QFile::setPermissions(in + "/unreadable.csv", QFileDevice::Permissions()));
    QVERIFY(QDir(in).mkdir("no-labels"));

    const CliRun made = runCli({"dataset", "--count", "4", "--out", in + "/corrupt"});
    QCOMPARE(made.exitCode, 0);
    QVERIFY(writeBytes(in + "/corrupt/000002.png", "this is not a png"));
}

void TestCliErrors::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");  // the flag or file:line the message must name

    auto row = [](const char* name, const QString& args, const QString& expected) {
        QTest::newRow(name) << args.split(' ', Qt::SkipEmptyParts) << expected;
    };
    // {in}: the fixtures; {out}: a fresh, empty folder that must stay empty.
    const QString train = "train --data {in}/good.csv --out {out}/t.csv ";
    const QString land = "landscape --data {in}/good.csv --axes w,b --range -1:1,0:2 --out {out}/l.csv ";

    // Commands and flags.
    row("unknown command", "frobnicate --out {out}/x.csv", "frobnicate");
    row("unknown flag", train + "--bogus 1", "--bogus");
    row("misspelt flag", train + "--lrate 0.1", "--lrate");
    row("stray argument", train + "extra", "extra");
    row("single-dash flag", train + "-x", "-x");
    row("flag twice", train + "--lr 0.1 --lr 0.2", "--lr");
    row("switch with value", train + "--nesterov=yes --momentum 0.9", "--nesterov");
    row("shuffle contradiction", train + "--shuffle --no-shuffle", "shuffle");

    // Missing and non-numeric values.
    row("missing value at end", train + "--lr", "--lr");
    row("missing value before flag", train + "--lr --steps 3", "--lr");
    row("empty value", train + "--lr=", "--lr");
    row("lr not a number", train + "--lr fast", "--lr");
    row("lr nan", train + "--lr nan", "--lr");
    row("lr inf", train + "--lr inf", "--lr");
    row("steps not whole", train + "--steps 2.5", "--steps");
    row("seed not a number", train + "--seed x", "--seed: expected a whole number from 0 to 18446744073709551615, got 'x'");
    row("init not a number", train + "--init 1,two", "--init");
    row("init empty item", train + "--init 1,,2", "--init");

    // Out of range.
    row("lr negative", train + "--lr -1", "--lr");
    row("lr negative with =", train + "--lr=-1", "--lr");
    row("lr zero", train + "--lr 0", "--lr");
    row("momentum one", train + "--momentum 1", "--momentum");
    row("momentum negative", train + "--momentum -0.5", "--momentum");
    row("dampening above one", train + "--dampening 1.5", "--dampening");
    row("nesterov without momentum", train + "--nesterov", "--nesterov");
    row("batch size zero", train + "--batch-size 0", "--batch-size");
    row("batch size word", train + "--batch-size all", "--batch-size");
    row("val fraction one", train + "--val-fraction 1", "--val-fraction");
    row("val fraction negative", train + "--val-fraction -0.1", "--val-fraction");
    row("epochs zero", train + "--epochs 0", "--epochs");
    row("steps negative", train + "--steps -5", "--steps");
    row("patience zero", train + "--patience 0", "--patience");
    row("seed negative", train + "--seed -1", "--seed: expected a whole number from 0 to 18446744073709551615, got '-1'");
    row("seed above 2^64 - 1", train + "--seed 18446744073709551616",
        "--seed: expected a whole number from 0 to 18446744073709551615, got '18446744073709551616'");
    row("seed fraction", train + "--seed 2.5", "--seed: expected a whole number from 0 to 18446744073709551615, got '2.5'");
    row("huber delta zero", train + "--loss huber --huber-delta 0", "--huber-delta");
    row("huber delta without huber", train + "--huber-delta 2", "--huber-delta");
    row("eps zero", train + "--optimizer adam --eps 0", "--eps");
    row("alpha one", train + "--optimizer rmsprop --alpha 1", "--alpha");
    row("lr decay negative", train + "--optimizer adagrad --lr-decay -1", "--lr-decay");
    row("betas one value", train + "--optimizer adam --betas 0.9", "--betas");
    row("betas out of range", train + "--optimizer adam --betas 0.9,1", "--betas");
    row("betas for sgd", train + "--betas 0.9,0.99", "--betas");
    row("centered for adam", train + "--optimizer adam --centered", "--centered");
    row("schedule period zero", train + "--schedule cosine:0", "--schedule");
    row("restarts period zero", train + "--schedule cosine-restarts:0:2", "--schedule");
    row("step every zero", train + "--schedule step:0:0.5", "--schedule");
    row("schedule gamma word", train + "--schedule exponential:fast", "--schedule");
    row("schedule arity", train + "--schedule step:10", "--schedule");

    // Unknown names.
    row("unknown model", train + "--model cubic", "--model");
    row("unknown loss", train + "--loss hinge", "--loss");
    row("unknown optimizer", train + "--optimizer lbfgs", "--optimizer");
    row("unknown schedule", train + "--schedule linear", "--schedule");
    row("unknown augmentation", "train --augment blur --out {out}/t.csv", "--augment");

    // Wrong number of parameters.
    row("init too many", train + "--init 1,2,3", "--init");
    row("init too few", train + "--init 1", "--init");
    row("init too few for lin-exp", train + "--model lin-exp --init 1,2", "--init");
    row("init for analytic", "train --model rosenbrock --init 1,2,3 --out {out}/t.csv", "--init");

    // Files.
    row("missing data file", "train --data {in}/nope.csv --out {out}/t.csv", "--data");
    row("bad number in csv", "train --data {in}/bad.csv --out {out}/t.csv", "bad.csv:3");
    row("ragged csv", "train --data {in}/ragged.csv --out {out}/t.csv", "ragged.csv:4");
    row("negative count", "train --data {in}/negative.csv --out {out}/t.csv", "negative.csv:3");
    row("header only", "train --data {in}/header-only.csv --out {out}/t.csv", "header-only.csv");
    row("missing column", "train --data {in}/no-x.csv --out {out}/t.csv", "no-x.csv:1");
    row("unreadable csv", "train --data {in}/unreadable.csv --out {out}/t.csv", "unreadable.csv");
    row("folder without labels", "train --data {in}/no-labels --out {out}/t.csv", "labels.csv");
    row("corrupt image", "train --data {in}/corrupt --out {out}/t.csv", "labels.csv:4");
    row("augment on csv", train + "--augment flip", "--augment");
    row("built-in flag with data", train + "--count 10", "--count");
    row("out folder missing", "train --data {in}/good.csv --out {out}/missing/t.csv", "--out");
    row("out is a folder", "train --data {in}/good.csv --out {out}", "--out");

    // landscape.
    row("grid one", land + "--grid 1", "--grid");
    row("grid too large", land + "--grid 4097", "--grid");
    row("grid huge", land + "--grid 99999999999999", "--grid");
    row("grid word", land + "--grid fine", "--grid");
    row("range one interval", "landscape --data {in}/good.csv --range -1:1 --out {out}/l.csv", "--range");
    row("range three intervals", "landscape --data {in}/good.csv --range 0:1,0:1,0:1 --out {out}/l.csv", "--range");
    row("range no colon", "landscape --data {in}/good.csv --range 0-1,0:1 --out {out}/l.csv", "--range");
    row("range empty interval", "landscape --data {in}/good.csv --range 1:1,0:1 --out {out}/l.csv", "--range");
    row("range reversed", "landscape --data {in}/good.csv --range 0:1,2:-2 --out {out}/l.csv", "--range");
    row("range not numbers", "landscape --data {in}/good.csv --range a:b,0:1 --out {out}/l.csv", "--range");
    row("range empty", "landscape --data {in}/good.csv --range= --out {out}/l.csv", "--range");
    row("range missing", "landscape --data {in}/good.csv --out {out}/l.csv", "--range");
    row("unknown axis", "landscape --data {in}/good.csv --axes w,q --range 0:1,0:1 --out {out}/l.csv", "--axes");
    row("one axis", "landscape --data {in}/good.csv --axes w --range 0:1,0:1 --out {out}/l.csv", "--axes");
    row("same axis twice", "landscape --data {in}/good.csv --axes w,w --range 0:1,0:1 --out {out}/l.csv", "--axes");
    row("set unknown", land + "--set q=1", "--set");
    row("set without value", land + "--set w", "--set");
    row("set not a number", "landscape --data {in}/good.csv --model lin-exp --axes a,b --range 0:1,0:1 --set c=x --out {out}/l.csv", "--set");
    row("set an axis", land + "--set w=1", "--set");
    row("on unknown", land + "--on test", "--on");
    row("on empty validation", land + "--on val --val-fraction 0", "--on");
    row("landscape without out", "landscape --data {in}/good.csv --range 0:1,0:1", "--out");
    row("landscape bad csv", "landscape --data {in}/bad.csv --range 0:1,0:1 --out {out}/l.csv", "bad.csv:3");
    row("landscape unknown model", land + "--model cubic", "--model");

    // gradcheck.
    row("h zero", "gradcheck --data {in}/good.csv --h 0", "--h");
    row("h negative", "gradcheck --data {in}/good.csv --h -1e-5", "--h");
    row("at wrong count", "gradcheck --data {in}/good.csv --at 1", "--at");
    row("gradcheck bad csv", "gradcheck --data {in}/ragged.csv", "ragged.csv:4");

    // dataset.
    row("dataset count zero", "dataset --count 0 --out {out}/ds", "--count");
    row("dataset count word", "dataset --count many --out {out}/ds", "--count");
    row("dataset max people negative", "dataset --max-people -1 --out {out}/ds", "--max-people");
    row("dataset size small", "dataset --size 8 --out {out}/ds", "--size");
    row("dataset without out", "dataset --count 3", "--out");
    row("dataset out is a file", "dataset --count 3 --out {in}/good.csv", "--out");
    row("dataset unknown flag", "dataset --count 3 --colour --out {out}/ds", "--colour");
}

void TestCliErrors::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    if (expected.startsWith("unreadable") && ::geteuid() == 0)
        QSKIP("root reads files without read permission");

    QTemporaryDir out;
    QVERIFY(out.isValid());
    for (auto& arg : args) {
        arg.replace("{in}", fixtures_.path());
        arg.replace("{out}", out.path());
    }
    expected.replace("{in}", fixtures_.path());

    const CliRun run = runCli(args, out.path());
    QVERIFY2(run.finished, "downhill-cli did not finish");
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(run.exitCode == 2, qPrintable(QString("exit %1, stderr: %2").arg(run.exitCode).arg(err)));
    QVERIFY2(err.count('\n') == 1 && err.endsWith('\n'), qPrintable("not one line: " + err));
    QVERIFY2(err.startsWith("downhill-cli"), qPrintable(err));
    QVERIFY2(err.contains(expected), qPrintable("'" + expected + "' not in: " + err));
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    QVERIFY2(filesIn(out.path()).isEmpty(), qPrintable("left behind: " + filesIn(out.path()).join(", ")));
}

void TestCliErrors::noCommand()
{
    const CliRun run = runCli({});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.err.contains("--help"));
}

QTEST_GUILESS_MAIN(TestCliErrors)
#include "test_cli_errors.moc"
