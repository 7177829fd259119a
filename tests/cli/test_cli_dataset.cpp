// downhill-cli dataset: the folder it writes, read back by train --data; and the help and
// version texts.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

#include "tests/cli/cli_harness.h"

using namespace clitest;

namespace {

// Width and height from a PNG's IHDR chunk (big-endian, after the 8-byte signature and the
// chunk's length and type).
QPair<int, int> pngSize(const QByteArray& png)
{
    auto be32 = [&](int at) {
        return (static_cast<int>(static_cast<unsigned char>(png[at])) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16)
            | (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    return png.size() < 24 ? QPair<int, int>{0, 0} : QPair<int, int>{be32(16), be32(20)};
}

}  // namespace

class TestCliDataset : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void writesImagesAndLabels();
    void sameSeedSameBytes();
    void sizeAndDistractorFlags();
    void trainReadsFolderBack();
    void help_data();
    void help();
    void commandHelpListsEveryFlag();
    void version();

private:
    QString path(const QString& name) const { return dir_.filePath(name); }

    QTemporaryDir dir_;
};

void TestCliDataset::initTestCase()
{
    QVERIFY(!cliBinary().isEmpty());
    QVERIFY(dir_.isValid());
    const CliRun run = runCli({"dataset", "--count", "12", "--seed", "5", "--max-people", "3", "--out", path("set")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
}

void TestCliDataset::writesImagesAndLabels()
{
    const QStringList files = filesIn(path("set"));
    QCOMPARE(files.size(), 13);  // no temporaries left
    QVERIFY(files.contains("labels.csv"));
    QCOMPARE(files.filter(QRegularExpression("^\\d{6}\\.png$")).size(), 12);

    const Csv labels = readCsv(path("set/labels.csv"));
    QCOMPARE(labels.header.join(','), QByteArray("image,count"));
    QCOMPARE(labels.rows.size(), 12);
    std::set<int> counts;
    for (const auto& row : labels.rows) {
        QVERIFY(files.contains(QString::fromUtf8(row[0])));
        bool ok = false;
        const int count = row[1].toInt(&ok);
        QVERIFY(ok && count >= 0 && count <= 3);
        counts.insert(count);
        QVERIFY(readBytes(path("set/") + QString::fromUtf8(row[0])).startsWith("\x89PNG\r\n\x1a\n"));
    }
    QVERIFY(counts.size() > 1);
}

void TestCliDataset::sameSeedSameBytes()
{
    QCOMPARE(runCli({"dataset", "--count", "12", "--seed", "5", "--max-people", "3", "--out", path("again")}).exitCode, 0);
    QCOMPARE(runCli({"dataset", "--count", "12", "--seed", "6", "--max-people", "3", "--out", path("other")}).exitCode, 0);
    bool anyDifferent = false;
    for (const auto& name : filesIn(path("set"))) {
        QCOMPARE(readBytes(path("again/") + name), readBytes(path("set/") + name));
        anyDifferent = anyDifferent || readBytes(path("other/") + name) != readBytes(path("set/") + name);
    }
    QVERIFY(anyDifferent);
}

void TestCliDataset::sizeAndDistractorFlags()
{
    const CliRun run = runCli({"dataset", "--count=3", "--size=40", "--no-distractors", "--out=" + path("small")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(filesIn(path("small")).size(), 4);
    const auto size = pngSize(readBytes(path("small/000000.png")));
    QCOMPARE(size.first, 40);
    QCOMPARE(size.second, 40);
    QCOMPARE(pngSize(readBytes(path("set/000000.png"))).first, 48);
}

// With w = b = 0 and the whole set as one batch, the first batch loss is mean(count^2): the
// counts train reads must be those of labels.csv.
void TestCliDataset::trainReadsFolderBack()
{
    const QString out = path("fromset.csv");
    const CliRun run = runCli({"train", "--data", path("set"), "--val-fraction", "0", "--batch-size", "full", "--init",
        "0,0", "--steps", "2", "--out", out});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    double sum = 0;
    const Csv labels = readCsv(path("set/labels.csv"));
    for (const auto& row : labels.rows)
        sum += row[1].toDouble() * row[1].toDouble();
    const auto n = static_cast<double>(labels.rows.size());
    const Csv csv = readCsv(out);
    QCOMPARE(csv.rows.size(), 3);
    QVERIFY(near(number(csv.rows[1][3]), sum / n));
    // b's gradient at w = b = 0 is mean(2 (0 - t)).
    double t = 0;
    for (const auto& row : labels.rows)
        t += row[1].toDouble();
    QVERIFY(near(number(csv.rows[1][7]), -2 * t / n));
}

void TestCliDataset::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("--help") << QStringList{"--help"} << "landscape";
    QTest::newRow("-h") << QStringList{"-h"} << "gradcheck";
    QTest::newRow("help") << QStringList{"help"} << "--max-people";
    QTest::newRow("help train") << QStringList{"help", "train"} << "--patience";
    QTest::newRow("train --help") << QStringList{"train", "--help"} << "--lr";
    QTest::newRow("help after flags") << QStringList{"train", "--lr", "-1", "--help"} << "--momentum";
    QTest::newRow("landscape --help") << QStringList{"landscape", "--help"} << "--range";
    QTest::newRow("gradcheck -h") << QStringList{"gradcheck", "-h"} << "--at";
    QTest::newRow("dataset --help") << QStringList{"dataset", "--help"} << "--no-distractors";
}

void TestCliDataset::help()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mustContain);
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    QVERIFY(run.out.contains("usage: downhill-cli"));
    QVERIFY2(run.out.contains(mustContain.toUtf8()), run.out.constData());
}

void TestCliDataset::commandHelpListsEveryFlag()
{
    const QMap<QString, QStringList> flags = {
        {"dataset", {"count", "seed", "out", "max-people", "size", "no-distractors"}},
        {"train",
            {"data", "model", "loss", "huber-delta", "optimizer", "lr", "momentum", "dampening", "nesterov", "betas",
                "alpha", "eps", "centered", "lr-decay", "schedule", "batch-size", "epochs", "steps", "shuffle",
                "no-shuffle", "val-fraction", "seed", "augment", "patience", "init", "out", "count", "max-people"}},
        {"landscape",
            {"data", "model", "loss", "axes", "range", "grid", "set", "on", "init", "seed", "val-fraction", "out"}},
        {"gradcheck", {"data", "model", "loss", "at", "h"}},
    };
    const QByteArray all = runCli({"--help"}).out;
    for (auto it = flags.begin(); it != flags.end(); ++it) {
        const QByteArray text = runCli({"help", it.key()}).out;
        QCOMPARE(runCli({it.key(), "--help"}).out, text);
        QVERIFY(all.contains(text));
        for (const auto& flag : it.value()) {
            // Each flag on its own line, with its default where it has one.
            const QRegularExpression line("\\n  --" + QRegularExpression::escape(flag) + "[ \\n]");
            QVERIFY2(line.match(QString::fromUtf8(text)).hasMatch(), qPrintable(it.key() + " --" + flag));
        }
    }
    const QByteArray train = runCli({"train", "--help"}).out;
    for (const char* withDefault : {"(default: 0.05)", "(default: 32)", "(default: 0.2)", "(default: sgd)", "(default: 1)"})
        QVERIFY2(train.contains(withDefault), withDefault);
}

void TestCliDataset::version()
{
    const CliRun run = runCli({"--version"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QRegularExpression("^downhill-cli \\d+\\.\\d+\\.\\d+\\n$").match(QString::fromUtf8(run.out)).hasMatch());
}

QTEST_GUILESS_MAIN(TestCliDataset)
#include "test_cli_dataset.moc"
