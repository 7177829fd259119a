// downhill-cli gradcheck: exit status, the table, and the analytic column against a gradient
// computed here from the data the test wrote.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/cli/cli_harness.h"

using namespace clitest;

class TestCliGradcheck : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void gradcheckLinear();
    void gradcheckAgainstHandGradient();
    void gradcheckOtherModels_data();
    void gradcheckOtherModels();

private:
    QTemporaryDir dir_;
    QString five_;
};

void TestCliGradcheck::initTestCase()
{
    QVERIFY(!cliBinary().isEmpty());
    QVERIFY(dir_.isValid());
    five_ = dir_.filePath("five.csv");
    QVERIFY(writeBytes(five_, csvText(fiveSamples())));
}

void TestCliGradcheck::gradcheckLinear()
{
    const CliRun run = runCli({"gradcheck", "--model", "linear", "--loss", "mse"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    const QString out = QString::fromUtf8(run.out);
    const auto match = QRegularExpression("max relative error: (\\S+)").match(out);
    QVERIFY2(match.hasMatch(), qPrintable(out));
    bool ok = false;
    const double maxRel = match.captured(1).toDouble(&ok);
    QVERIFY(ok);
    QVERIFY2(maxRel < 1e-6, qPrintable(out));
    for (const char* column : {"parameter", "analytic", "numeric", "abs error"})
        QVERIFY(out.contains(column));
    QVERIFY(QRegularExpression("\\nw +\\S+ +\\S+ +\\S+\\n").match(out).hasMatch());
    QVERIFY(QRegularExpression("\\nb +\\S+ +\\S+ +\\S+\\n").match(out).hasMatch());
}

void TestCliGradcheck::gradcheckAgainstHandGradient()
{
    const CliRun run = runCli({"gradcheck", "--data", five_, "--val-fraction", "0", "--at", "0.5,1", "--h", "1e-6"});
    QCOMPARE(run.exitCode, 0);
    double gw = 0, gb = 0;
    for (const auto& s : fiveSamples()) {
        const double r = 0.5 * s.x + 1 - s.t;
        gw += 2 * r * s.x / 5;
        gb += 2 * r / 5;
    }
    const QString out = QString::fromUtf8(run.out);
    const auto w = QRegularExpression("\\nw +(\\S+) +(\\S+)").match(out);
    const auto b = QRegularExpression("\\nb +(\\S+) +(\\S+)").match(out);
    QVERIFY2(w.hasMatch() && b.hasMatch(), qPrintable(out));
    QVERIFY(near(w.captured(1).toDouble(), gw));
    QVERIFY(near(b.captured(1).toDouble(), gb));
    QVERIFY(near(w.captured(2).toDouble(), gw, 1e-6));
    QVERIFY(near(b.captured(2).toDouble(), gb, 1e-6));
}

void TestCliGradcheck::gradcheckOtherModels_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("lin-exp huber") << QStringList{"--model", "lin-exp", "--loss", "huber", "--at", "0.1,0.2,0.3"};
    QTest::newRow("fold mse") << QStringList{"--model", "fold", "--at", "1.7,2"};
    QTest::newRow("beale") << QStringList{"--model", "beale", "--at", "1,0.5"};
}

void TestCliGradcheck::gradcheckOtherModels()
{
    QFETCH(QStringList, args);
    const CliRun run = runCli(QStringList{"gradcheck", "--count", "300"} + args);
    QCOMPARE(run.exitCode, 0);
    const auto match = QRegularExpression("max relative error: (\\S+)").match(QString::fromUtf8(run.out));
    QVERIFY(match.hasMatch());
    QVERIFY2(match.captured(1).toDouble() < 1e-5, run.out.constData());
}

QTEST_GUILESS_MAIN(TestCliGradcheck)
#include "test_cli_gradcheck.moc"
