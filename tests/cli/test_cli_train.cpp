// downhill-cli train: the trajectory CSV's format, its numbers against a hand computation,
// determinism, flag forms, divergence, and the summary.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "tests/cli/cli_harness.h"

using namespace clitest;

class TestCliTrain : public CliTestCase {
    Q_OBJECT

private slots:
    void initTestCase();
    void trajectoryFormat();
    void handComputedSgd();
    void fullBatch();
    void scheduleColumn();
    void analyticFunction();
    void flagFormsGiveIdenticalBytes();
    void seedDeterminism();
    void divergenceKeepsFiniteTrajectory();
    void earlyStopping();
    void withoutOutWritesNothing();
    void replacesExistingFile();
    void imageFolderWithAugmentation();

private:
    // Runs train and expects success; returns stdout.
    QByteArray train(const QStringList& args);
};

void TestCliTrain::initTestCase()
{
    QVERIFY(prepare());
}

QByteArray TestCliTrain::train(const QStringList& args)
{
    const CliRun run = runCli(QStringList{"train"} + args, dir_.path());
    if (run.exitCode != 0 || !run.err.isEmpty())
        qWarning("exit %d, stderr: %s", run.exitCode, run.err.constData());
    return run.exitCode == 0 && run.err.isEmpty() ? run.out : QByteArray();
}

void TestCliTrain::trajectoryFormat()
{
    const QByteArray out = train({"--data", five_, "--val-fraction", "0", "--steps", "7", "--out", path("format.csv")});
    QVERIFY(!out.isEmpty());
    const Csv csv = readCsv(path("format.csv"));
    QCOMPARE(csv.header.join(','), QByteArray("step,epoch,lr,loss,w,b,grad_w,grad_b,train_loss"));
    QCOMPARE(csv.rows.size(), 7 + 1);
    for (int k = 0; k < csv.rows.size(); ++k) {
        QCOMPARE(csv.rows[k].size(), csv.header.size());
        QCOMPARE(csv.rows[k][0].toInt(), k);
    }

    // Step 0: the initial parameters (the linear model's default, w = -1, b = 7) and the
    // training loss there; every other field empty.
    const auto& zero = csv.rows[0];
    for (int c : {1, 2, 3, 6, 7})
        QVERIFY(zero[c].isEmpty());
    QCOMPARE(number(zero[4]), -1.0);
    QCOMPARE(number(zero[5]), 7.0);
    double sum = 0;
    for (const auto& s : fiveSamples())
        sum += std::pow(-1.0 * s.x + 7.0 - s.t, 2);
    QVERIFY(near(number(zero[8]), sum / 5));

    // The summary names the final state, which is the last row.
    QVERIFY(out.contains("steps: 7\n"));
    const auto& last = csv.rows.last();
    QVERIFY2(out.contains("params: w=" + last[4] + " b=" + last[5] + "\n"), out.constData());
    QVERIFY(out.contains("train loss: " + last[8] + "\n"));
    QVERIFY(out.contains("validation loss: none"));
}

// Batches of two rows in file order: rows {0,1}, {2,3}, {4} per epoch, the last one partial.
// Every number of every row is recomputed from the data: loss = mean r^2, grad = (mean 2rx,
// mean 2r), w <- w - lr grad, train_loss = mean r^2 over all five rows after the update.
void TestCliTrain::handComputedSgd()
{
    const double lr = 0.1;
    QVERIFY(!train({"--data", five_, "--val-fraction", "0", "--no-shuffle", "--batch-size", "2", "--optimizer", "sgd",
                      "--lr", "0.1", "--init", "0.5,1", "--steps", "6", "--out", path("hand.csv")})
                 .isEmpty());
    const Csv csv = readCsv(path("hand.csv"));
    QCOMPARE(csv.rows.size(), 7);

    const auto data = fiveSamples();
    const std::vector<std::vector<int>> batches = {{0, 1}, {2, 3}, {4}};
    const int expectedEpoch[] = {1, 1, 1, 2, 2, 2};
    double w = 0.5;
    double b = 1.0;
    for (int k = 1; k <= 6; ++k) {
        const auto& rows = batches[static_cast<std::size_t>((k - 1) % 3)];
        double loss = 0, gw = 0, gb = 0;
        for (int i : rows) {
            const double r = w * data[static_cast<std::size_t>(i)].x + b - data[static_cast<std::size_t>(i)].t;
            loss += r * r;
            gw += 2 * r * data[static_cast<std::size_t>(i)].x;
            gb += 2 * r;
        }
        const auto n = static_cast<double>(rows.size());
        loss /= n;
        gw /= n;
        gb /= n;
        w -= lr * gw;
        b -= lr * gb;
        double trainLoss = 0;
        for (const auto& s : data)
            trainLoss += std::pow(w * s.x + b - s.t, 2);
        trainLoss /= 5;

        const auto& row = csv.rows[k];
        QCOMPARE(row[0].toInt(), k);
        QCOMPARE(row[1].toInt(), expectedEpoch[k - 1]);
        QCOMPARE(number(row[2]), lr);
        QVERIFY2(near(number(row[3]), loss), qPrintable(QString("step %1 loss %2 vs %3").arg(k).arg(row[3]).arg(loss)));
        QVERIFY2(near(number(row[4]), w), qPrintable(QString("step %1 w").arg(k)));
        QVERIFY2(near(number(row[5]), b), qPrintable(QString("step %1 b").arg(k)));
        QVERIFY2(near(number(row[6]), gw), qPrintable(QString("step %1 grad_w").arg(k)));
        QVERIFY2(near(number(row[7]), gb), qPrintable(QString("step %1 grad_b").arg(k)));
        QVERIFY2(near(number(row[8]), trainLoss), qPrintable(QString("step %1 train_loss").arg(k)));
    }
    // Step 1 exactly as the brief states it: the parameters are init - lr * grad.
    const auto& one = csv.rows[1];
    QVERIFY(near(number(one[4]), 0.5 - lr * number(one[6])));
    QVERIFY(near(number(one[5]), 1.0 - lr * number(one[7])));

    // --epochs counts the partial batch: 2 epochs of 5 rows in batches of 2 are 6 steps.
    QVERIFY(!train({"--data", five_, "--val-fraction", "0", "--batch-size", "2", "--epochs", "2", "--out", path("epochs.csv")})
                 .isEmpty());
    const Csv epochs = readCsv(path("epochs.csv"));
    QCOMPARE(epochs.rows.size(), 7);
    QCOMPARE(epochs.rows.last()[1], QByteArray("2"));
}

void TestCliTrain::fullBatch()
{
    QVERIFY(!train({"--data", five_, "--val-fraction", "0", "--batch-size", "full", "--epochs", "3", "--init", "0,0",
                      "--out", path("full.csv")})
                 .isEmpty());
    const Csv csv = readCsv(path("full.csv"));
    QCOMPARE(csv.rows.size(), 4);  // one update per epoch
    QCOMPARE(csv.rows[3][1], QByteArray("3"));
    // At w = b = 0 the batch loss of the whole set is mean t^2.
    double sum = 0;
    for (const auto& s : fiveSamples())
        sum += s.t * s.t;
    QVERIFY(near(number(csv.rows[1][3]), sum / 5));
    QVERIFY(near(number(csv.rows[0][8]), sum / 5));
}

void TestCliTrain::scheduleColumn()
{
    QVERIFY(!train({"--data", five_, "--steps", "5", "--lr", "0.08", "--schedule", "step:2:0.5", "--out", path("sched.csv")})
                 .isEmpty());
    const Csv csv = readCsv(path("sched.csv"));
    const double expected[] = {0.08, 0.08, 0.04, 0.04, 0.02};
    for (int k = 1; k <= 5; ++k)
        QCOMPARE(number(csv.rows[k][2]), expected[k - 1]);
}

void TestCliTrain::analyticFunction()
{
    // Rosenbrock f = (1 - x)^2 + 100 (y - x^2)^2 needs no data; one "sample" per epoch.
    QVERIFY(!train({"--model", "rosenbrock", "--init", "-1.5,2", "--lr", "1e-4", "--steps", "3", "--out", path("rosen.csv")})
                 .isEmpty());
    const Csv csv = readCsv(path("rosen.csv"));
    QCOMPARE(csv.header.join(','), QByteArray("step,epoch,lr,loss,x,y,grad_x,grad_y,train_loss"));
    QCOMPARE(csv.rows.size(), 4);
    const double x = -1.5, y = 2.0;
    const double f = std::pow(1 - x, 2) + 100 * std::pow(y - x * x, 2);
    QVERIFY(near(number(csv.rows[0][8]), f));
    QVERIFY(near(number(csv.rows[1][3]), f));
    QVERIFY(near(number(csv.rows[1][6]), -2 * (1 - x) - 400 * x * (y - x * x)));
    QVERIFY(near(number(csv.rows[1][7]), 200 * (y - x * x)));
    QCOMPARE(csv.rows[3][1], QByteArray("3"));
}

void TestCliTrain::flagFormsGiveIdenticalBytes()
{
    const QString out = path("forms.csv");
    const QByteArray spaced = train({"--data", five_, "--lr", "0.1", "--init", "-1,2", "--batch-size", "2", "--steps",
        "9", "--seed", "3", "--optimizer", "adam", "--betas", "0.8,0.99", "--out", out});
    const QByteArray spacedCsv = readBytes(out);
    const QByteArray joined = train({"--data=" + five_, "--lr=0.1", "--init=-1,2", "--batch-size=2", "--steps=9",
        "--seed=3", "--optimizer=adam", "--betas=0.8,0.99", "--out=" + out});
    QVERIFY(!spaced.isEmpty());
    QCOMPARE(joined, spaced);
    QVERIFY(!spacedCsv.isEmpty());
    QCOMPARE(readBytes(out), spacedCsv);
}

void TestCliTrain::seedDeterminism()
{
    // The built-in data set: the seed drives the images, the split and the shuffling.
    const QStringList common = {"--count", "300", "--epochs", "3", "--optimizer", "sgd", "--momentum", "0.9", "--lr",
        "0.01"};
    QVERIFY(!train(common + QStringList{"--seed", "7", "--out", path("seed7a.csv")}).isEmpty());
    QVERIFY(!train(common + QStringList{"--seed", "7", "--out", path("seed7b.csv")}).isEmpty());
    QVERIFY(!train(common + QStringList{"--seed", "8", "--out", path("seed8.csv")}).isEmpty());
    const QByteArray a = readBytes(path("seed7a.csv"));
    QVERIFY(a.count('\n') > 10);
    QCOMPARE(readBytes(path("seed7b.csv")), a);
    QVERIFY(readBytes(path("seed8.csv")) != a);
}

void TestCliTrain::divergenceKeepsFiniteTrajectory()
{
    const QString out = path("diverged.csv");
    const CliRun run = runCli({"train", "--model", "linear", "--lr", "100", "--out", out}, dir_.path());
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.err.count('\n'), 1);
    const QRegularExpression re("diverged at step (\\d+)");
    const auto match = re.match(QString::fromUtf8(run.err));
    QVERIFY2(match.hasMatch(), run.err.constData());
    const int failed = match.captured(1).toInt();
    QVERIFY(failed >= 1);
    QVERIFY(run.out.contains("steps: " + QByteArray::number(failed - 1) + "\n"));

    QVERIFY(QFile::exists(out));
    const Csv csv = readCsv(out);
    QCOMPARE(csv.rows.size(), failed);  // steps 0 .. failed - 1
    QCOMPARE(csv.rows.last()[0].toInt(), failed - 1);
    for (const auto& row : csv.rows) {
        for (int c = 0; c < row.size(); ++c) {
            if (row[c].isEmpty())
                continue;
            QVERIFY2(std::isfinite(number(row[c])), row.join(',').constData());
        }
    }
    QCOMPARE(filesIn(dir_.path()).filter(".tmp").size(), 0);
}

void TestCliTrain::earlyStopping()
{
    const QByteArray out = train({"--data", five_, "--val-fraction", "0.4", "--batch-size", "1", "--patience", "3",
        "--epochs", "100000", "--out", path("early.csv")});
    QVERIFY2(out.contains("stop: early stopping"), out.constData());
    QVERIFY(out.contains("best: epoch "));
    QVERIFY(readCsv(path("early.csv")).rows.size() < 1000);
}

void TestCliTrain::withoutOutWritesNothing()
{
    QTemporaryDir empty;
    const CliRun run = runCli({"train", "--data", five_, "--steps", "3"}, empty.path());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    QVERIFY(run.out.contains("steps: 3\n"));
    QVERIFY(!run.out.contains("trajectory:"));
    QVERIFY(filesIn(empty.path()).isEmpty());
}

void TestCliTrain::replacesExistingFile()
{
    QTemporaryDir fresh;
    const QString out = fresh.filePath("run.csv");
    QVERIFY(writeBytes(out, "old contents\n"));
    const CliRun run = runCli({"train", "--data", five_, "--steps", "2", "--out", out});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(filesIn(fresh.path()), QStringList{"run.csv"});
    QCOMPARE(readCsv(out).rows.size(), 3);
}

void TestCliTrain::imageFolderWithAugmentation()
{
    const QString images = path("images");
    const CliRun made = runCli({"dataset", "--count", "20", "--seed", "4", "--out", images});
    QCOMPARE(made.exitCode, 0);
    const QStringList args = {"--data", images, "--augment", "brightness,flip,noise", "--steps", "4", "--batch-size",
        "4", "--seed", "9"};
    QVERIFY(!train(args + QStringList{"--out", path("aug1.csv")}).isEmpty());
    QVERIFY(!train(args + QStringList{"--out", path("aug2.csv")}).isEmpty());
    QCOMPARE(readBytes(path("aug1.csv")), readBytes(path("aug2.csv")));
    QVERIFY(!train({"--data", images, "--steps", "4", "--batch-size", "4", "--seed", "9", "--out", path("plain.csv")})
                 .isEmpty());
    // The augmented batches are redrawn images: their features, so their losses, differ.
    QVERIFY(readCsv(path("aug1.csv")).rows[1][3] != readCsv(path("plain.csv")).rows[1][3]);
}

QTEST_GUILESS_MAIN(TestCliTrain)
#include "test_cli_train.moc"
