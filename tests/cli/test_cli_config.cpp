// --config FILE for train and render: a settings file written by the window's own code
// (ui::saveSettingsFile) gives the same run, byte for byte, as the equivalent flags; flags beside
// it override it; a bad file is bad input naming the file. --config needs no window: a build
// without it (DOWNHILL_BUILD_GUI=OFF) runs the train cases.
#include <QTemporaryDir>
#include <QtTest>

#include "tests/cli/cli_harness.h"
#include "session/settings/app_settings.h"
#include "core/optim/schedule.h"
#include "session/settings/settings_io.h"

using namespace clitest;
namespace core = downhill::core;
namespace ui = downhill::ui;

class TestCliConfig : public CliTestCase {
    Q_OBJECT

private slots:
    void initTestCase();
    void sameAsFlags_data();
    void sameAsFlags();
    void flagsOverrideFile_data();
    void flagsOverrideFile();
#if DOWNHILL_HAVE_RENDER
    void renderTakesConfig();
#endif
    void largeSeedInFileIsTheSeedFlag_data();
    void largeSeedInFileIsTheSeedFlag();
    void badFile_data();
    void badFile();
};

void TestCliConfig::initTestCase()
{
    QVERIFY(prepare());
}

namespace {

// A settings file and the flags that say the same.
struct Case {
    ui::AppSettings settings;
    QStringList flags;
};

Case csvMomentum(const QString& data)
{
    Case c;
    c.settings.data.path = data;
    c.settings.data.valFraction = 0;
    c.settings.train.optimizer.lr = 0.1;
    c.settings.train.optimizer.momentum = 0.9;
    c.settings.train.batchSize = 2;
    c.settings.data.seed = 3;
    c.settings.train.seed = 3;
    c.settings.start = {0.5, 1};
    c.flags = {"--data", data, "--val-fraction", "0", "--lr", "0.1", "--momentum", "0.9", "--batch-size", "2", "--seed",
        "3", "--init", "0.5,1"};
    return c;
}

Case linExpAdam()
{
    Case c;
    c.settings.model = "lin-exp";
    c.settings.loss.kind = core::LossKind::Huber;
    c.settings.loss.delta = 0.5;
    auto& opt = c.settings.train.optimizer;
    opt.kind = core::OptimizerKind::Adam;
    opt.lr = 0.02;
    opt.beta1 = 0.8;
    opt.beta2 = 0.99;
    c.settings.train.schedule = core::Schedule::parse("cosine:10");
    c.settings.data.count = 100;
    c.settings.data.seed = 4;
    c.settings.train.seed = 4;
    c.settings.data.valFraction = 0.25;
    c.settings.train.batchSize = 8;
    c.settings.train.shuffle = false;
    c.flags = {"--model", "lin-exp", "--loss", "huber", "--huber-delta", "0.5", "--optimizer", "adam", "--lr", "0.02",
        "--betas", "0.8,0.99", "--schedule", "cosine:10", "--count", "100", "--seed", "4", "--val-fraction", "0.25",
        "--batch-size", "8", "--no-shuffle"};
    return c;
}

Case rmspropAugmented()
{
    Case c;
    auto& opt = c.settings.train.optimizer;
    opt.kind = core::OptimizerKind::RmsProp;
    opt.lr = 0.01;
    opt.centered = true;
    opt.alpha = 0.9;
    opt.momentum = 0.5;
    opt.eps = 1e-6;
    c.settings.train.batchSize = core::TrainSettings::kFullBatch;
    c.settings.train.augmentation.flip = true;
    c.settings.train.augmentation.noise = true;
    c.settings.data.count = 60;
    c.settings.data.seed = 2;
    c.settings.train.seed = 2;
    c.flags = {"--optimizer", "rmsprop", "--lr", "0.01", "--centered", "--alpha", "0.9", "--momentum", "0.5", "--eps",
        "1e-6", "--batch-size", "full", "--augment", "flip,noise", "--count", "60", "--seed", "2"};
    return c;
}

Case adagradStepSchedule()
{
    Case c;
    auto& opt = c.settings.train.optimizer;
    opt.kind = core::OptimizerKind::Adagrad;
    opt.lr = 0.5;
    opt.lrDecay = 0.01;
    c.settings.train.schedule = core::Schedule::parse("step:2:0.5");
    c.settings.data.count = 50;
    c.settings.data.seed = 9;
    c.settings.train.seed = 9;
    c.flags = {"--optimizer", "adagrad", "--lr", "0.5", "--lr-decay", "0.01", "--schedule", "step:2:0.5", "--count", "50",
        "--seed", "9"};
    return c;
}

Case analyticNesterov()
{
    Case c;
    c.settings.model = "rosenbrock";
    auto& opt = c.settings.train.optimizer;
    opt.lr = 0.001;
    opt.momentum = 0.5;
    opt.nesterov = true;
    c.settings.start = {-1, 1.5};
    c.flags = {"--model", "rosenbrock", "--lr", "0.001", "--momentum", "0.5", "--nesterov", "--init", "-1,1.5"};
    return c;
}

// The summary without its last line, which names the trajectory file.
QByteArray summaryOf(const QByteArray& out)
{
    return out.left(out.indexOf("trajectory: "));
}

}  // namespace

void TestCliConfig::sameAsFlags_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QStringList>("flags");
    auto row = [&](const char* name, const Case& c) {
        const QString file = path(QString(name).replace(' ', '_').remove(',') + ".json");
        QString error;
        QVERIFY2(ui::saveSettingsFile(file, c.settings, &error), qPrintable(error));
        QTest::newRow(name) << file << c.flags;
    };
    row("csv, sgd with momentum", csvMomentum(five_));
    row("built-in, lin-exp, huber, adam, cosine, no shuffle", linExpAdam());
    row("rmsprop, full batch, augmentations", rmspropAugmented());
    row("adagrad, step schedule", adagradStepSchedule());
    row("analytic, nesterov, start", analyticNesterov());
}

void TestCliConfig::sameAsFlags()
{
    QFETCH(QString, config);
    QFETCH(QStringList, flags);
    const CliRun fromFile = runCli({"train", "--config", config, "--steps", "5", "--out", path("a.csv")}, dir_.path());
    QVERIFY2(fromFile.exitCode == 0 && fromFile.err.isEmpty(), fromFile.err.constData());
    const CliRun fromFlags = runCli(QStringList{"train"} + flags + QStringList{"--steps", "5", "--out", path("b.csv")}, dir_.path());
    QVERIFY2(fromFlags.exitCode == 0 && fromFlags.err.isEmpty(), fromFlags.err.constData());
    const QByteArray expected = readBytes(path("b.csv"));
    QCOMPARE(readCsv(path("b.csv")).rows.size(), 6);
    QCOMPARE(readBytes(path("a.csv")), expected);
    QCOMPARE(summaryOf(fromFile.out), summaryOf(fromFlags.out));
}

void TestCliConfig::flagsOverrideFile_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QStringList>("beside");     // flags given with --config
    QTest::addColumn<QStringList>("equivalent"); // the same run from flags alone
    auto save = [&](const char* name, const Case& c) {
        const QString file = path(QString(name) + ".json");
        QString error;
        if (!ui::saveSettingsFile(file, c.settings, &error))
            qFatal("%s", qPrintable(error));
        return file;
    };
    const Case csv = csvMomentum(five_);
    const Case linExp = linExpAdam();
    const Case rmsprop = rmspropAugmented();
    const QString csvFile = save("csv", csv);
    const QString linExpFile = save("linexp", linExp);
    const QString rmspropFile = save("rmsprop", rmsprop);
    // flags with one flag's value replaced, or the flag (and its value) removed.
    auto with = [](QStringList flags, const QString& flag, const QString& value) {
        const qsizetype at = flags.indexOf(flag);
        if (value.isNull())
            flags.remove(at, at + 1 < flags.size() && !flags.at(at + 1).startsWith("--") ? 2 : 1);
        else
            flags[at + 1] = value;
        return flags;
    };

    QTest::newRow("lr") << csvFile << QStringList{"--lr", "0.01"} << with(csv.flags, "--lr", "0.01");
    QTest::newRow("lr with =") << csvFile << QStringList{"--lr=0.01"} << with(csv.flags, "--lr", "0.01");
    QTest::newRow("seed seeds both") << csvFile << QStringList{"--seed", "7"} << with(csv.flags, "--seed", "7");
    QTest::newRow("start") << csvFile << QStringList{"--init", "2,3"} << with(csv.flags, "--init", "2,3");
    QTest::newRow("optimizer") << csvFile << QStringList{"--optimizer", "adam"}
                               << with(csv.flags, "--momentum", QString()) + QStringList{"--optimizer", "adam"};
    QTest::newRow("built-in count instead of the file's data")
        << csvFile << QStringList{"--count", "80"} << with(csv.flags, "--data", QString()) + QStringList{"--count", "80"};
    QTest::newRow("data file instead of the built-in set")
        << linExpFile << QStringList{"--data", five_}
        << with(linExp.flags, "--count", QString()) + QStringList{"--data", five_};
    QTest::newRow("model drops nothing else") << linExpFile << QStringList{"--model", "linear"}
                                              << with(linExp.flags, "--model", "linear");
    QTest::newRow("batch size") << rmspropFile << QStringList{"--batch-size", "4"} << with(rmsprop.flags, "--batch-size", "4");
    QTest::newRow("shuffle again") << linExpFile << QStringList{"--shuffle"}
                                   << with(linExp.flags, "--no-shuffle", QString());
    QTest::newRow("no augmentation") << rmspropFile << QStringList{"--augment", "none"}
                                     << with(rmsprop.flags, "--augment", QString());
}

void TestCliConfig::flagsOverrideFile()
{
    QFETCH(QString, config);
    QFETCH(QStringList, beside);
    QFETCH(QStringList, equivalent);
    const CliRun fromFile = runCli(QStringList{"train", "--config", config} + beside + QStringList{"--steps", "5", "--out",
        path("a.csv")}, dir_.path());
    QVERIFY2(fromFile.exitCode == 0 && fromFile.err.isEmpty(), fromFile.err.constData());
    const CliRun fromFlags = runCli(QStringList{"train"} + equivalent + QStringList{"--steps", "5", "--out", path("b.csv")},
        dir_.path());
    QVERIFY2(fromFlags.exitCode == 0 && fromFlags.err.isEmpty(), fromFlags.err.constData());
    QCOMPARE(readBytes(path("a.csv")), readBytes(path("b.csv")));
    QCOMPARE(summaryOf(fromFile.out), summaryOf(fromFlags.out));
}

#if DOWNHILL_HAVE_RENDER
void TestCliConfig::renderTakesConfig()
{
    // A lesson on lin-exp drawn over a and c, with its own range and view settings.
    Case c = linExpAdam();
    c.settings.axis1 = 0;
    c.settings.axis2 = 2;
    c.settings.range = std::array<double, 4>{-1, 1, -0.5, 1.5};
    c.settings.gradientField = false;
    c.settings.captions = false;
    const QString file = path("lesson.json");
    QString error;
    QVERIFY2(ui::saveSettingsFile(file, c.settings, &error), qPrintable(error));

    const CliRun train = runCli({"train", "--config", file, "--steps", "20", "--out", path("t.csv")}, dir_.path());
    QCOMPARE(train.exitCode, 0);
    const CliRun render = runCli({"render", "--config", file, "--steps", "20", "--trajectory", path("r.csv"), "--size",
                                     "400x300", "--out", path("lesson.png")},
        dir_.path());
    QVERIFY2(render.exitCode == 0 && render.err.isEmpty(), render.err.constData());
    QCOMPARE(readBytes(path("r.csv")), readBytes(path("t.csv")));
    QVERIFY(readBytes(path("lesson.png")).startsWith("\x89PNG"));
}
#endif

void TestCliConfig::largeSeedInFileIsTheSeedFlag_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("neighbour");   // one less: a different run
    QTest::newRow("2^53") << "9007199254740992" << "9007199254740991";
    QTest::newRow("2^53 + 1") << "9007199254740993" << "9007199254740992";
    QTest::newRow("2^64 - 1") << "18446744073709551615" << "18446744073709551614";
}

void TestCliConfig::largeSeedInFileIsTheSeedFlag()
{
    // A seed no double holds, in a file written by the window's code (as a string) and given
    // with --seed: the same images, split, shuffling and augmentations, so the same trajectory.
    QFETCH(QString, seed);
    QFETCH(QString, neighbour);
    Case c = rmspropAugmented();
    c.settings.data.seed = seed.toULongLong();
    c.settings.train.seed = seed.toULongLong();
    c.flags[c.flags.indexOf("--seed") + 1] = seed;
    const QString file = path("seed-" + seed + ".json");
    QString error;
    QVERIFY2(ui::saveSettingsFile(file, c.settings, &error), qPrintable(error));

    const QStringList steps{"--steps", "8"};
    const CliRun fromFile = runCli(QStringList{"train", "--config", file, "--out", path("f.csv")} + steps, dir_.path());
    QVERIFY2(fromFile.exitCode == 0 && fromFile.err.isEmpty(), fromFile.err.constData());
    const CliRun fromFlags = runCli(QStringList{"train"} + c.flags + QStringList{"--out", path("s.csv")} + steps, dir_.path());
    QVERIFY2(fromFlags.exitCode == 0 && fromFlags.err.isEmpty(), fromFlags.err.constData());
    QCOMPARE(readCsv(path("f.csv")).rows.size(), 9);
    QCOMPARE(readBytes(path("f.csv")), readBytes(path("s.csv")));

    // The seed is not rounded on the way: one less gives another run.
    c.flags[c.flags.indexOf("--seed") + 1] = neighbour;
    const CliRun other = runCli(QStringList{"train"} + c.flags + QStringList{"--out", path("n.csv")} + steps, dir_.path());
    QVERIFY2(other.exitCode == 0, other.err.constData());
    QVERIFY(readBytes(path("n.csv")) != readBytes(path("f.csv")));
}

void TestCliConfig::badFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");   // null: the file does not exist
    QTest::addColumn<QString>("expected");     // besides the file's name, the message names this
    QTest::newRow("malformed JSON") << "broken.json" << QByteArray("{\"model\": \"linear\",") << "not valid JSON";
    QTest::newRow("not an object") << "list.json" << QByteArray("[1, 2]") << "object";
    QTest::newRow("unknown key") << "unknown.json" << QByteArray("{\"learning_rate\": 0.1}") << "learning_rate";
    QTest::newRow("wrong type") << "type.json" << QByteArray("{\"optimizer\": {\"lr\": \"fast\"}}") << "optimizer.lr";
    QTest::newRow("invalid value") << "value.json" << QByteArray("{\"optimizer\": {\"momentum\": 1.5}}") << "optimizer";
    QTest::newRow("unknown model") << "model.json" << QByteArray("{\"model\": \"cubic\"}") << "model";
    QTest::newRow("seed not a whole number") << "seed.json" << QByteArray("{\"seed\": \"12x\"}")
                                             << "seed: expected a whole number from 0 to 18446744073709551615, got \"12x\"";
    QTest::newRow("data seed negative") << "dataseed.json" << QByteArray("{\"data\": {\"seed\": -3}}")
                                        << "data.seed: expected a whole number from 0 to 18446744073709551615, got -3";
    QTest::newRow("missing file") << "nope.json" << QByteArray() << "nope.json";
}

void TestCliConfig::badFile()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString config = path(file);
    if (!content.isNull())
        QVERIFY(writeBytes(config, content));
#if DOWNHILL_HAVE_RENDER
    const auto commands = {"train", "render"};
#else
    const auto commands = {"train"};
#endif
    for (const char* command : commands) {
        const CliRun run = runCli({command, "--config", config, "--out", out.filePath("x.png")}, out.path());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(run.exitCode == 2, qPrintable(QString("exit %1, stderr: %2").arg(run.exitCode).arg(err)));
        QVERIFY2(err.count('\n') == 1, qPrintable("not one line: " + err));
        const QString prefix = QString("downhill-cli %1: %2: ").arg(command, config);
        QVERIFY2(err.startsWith(prefix) && err.contains(expected), qPrintable(err));
        QVERIFY(run.out.isEmpty());
        QVERIFY(filesIn(out.path()).isEmpty());
    }
}


QTEST_GUILESS_MAIN(TestCliConfig)
#include "test_cli_config.moc"
