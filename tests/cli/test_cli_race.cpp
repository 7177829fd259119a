// downhill-cli render --race: the figures it writes, each entrant's end point against a solo
// core::Trainer run by this test (never against the program's own output), a diverging entrant,
// animations of a race (GIF and PNG frames), the race of a --config file and bad specs. Without
// the window's library, render is not there.
#include <QTemporaryDir>
#include <QtTest>
#if DOWNHILL_HAVE_RENDER
#include <QImage>

#include "tests/common/image_files.h"
#include "core/model/objective.h"
#include "core/optim/optimizer.h"
#include "session/settings/settings_io.h"
#include "core/train/trainer.h"
#endif

#include <map>

#include "tests/cli/cli_harness.h"

using namespace clitest;

class TestCliRace : public CliTestCase {
    Q_OBJECT

private slots:
    void initTestCase();
#if DOWNHILL_HAVE_RENDER
    void writesImages_data();
    void writesImages();
    void endPointsMatchSoloTrainers();
    void analyticEndPointsMatchExactly();
    void divergingEntrantStopsAlone();
    void animatesTheRace();
    void configFileRace();
    void badSpecs_data();
    void badSpecs();
#else
    void notAvailable();
#endif
};

void TestCliRace::initTestCase()
{
    QVERIFY(prepare());
}

#if DOWNHILL_HAVE_RENDER

using namespace downhill;
using downhill::test::decodeAll;
using downhill::test::kPngSignature;

namespace {

// "entrant 2 params: w=0.5 b=1" -> {"entrant 2 params", "w=0.5 b=1"}: every summary line by key.
std::map<QByteArray, QByteArray> summary(const QByteArray& out)
{
    std::map<QByteArray, QByteArray> lines;
    for (const QByteArray& line : out.split('\n')) {
        const auto colon = line.indexOf(": ");
        if (colon > 0)
            lines[line.left(colon)] = line.mid(colon + 2);
    }
    return lines;
}

// "w=0.5 b=1" -> {0.5, 1}, read back exactly (the CLI prints the shortest round-trip form).
std::vector<double> params(const QByteArray& text)
{
    std::vector<double> values;
    for (const QByteArray& part : text.split(' ')) {
        const auto eq = part.indexOf('=');
        values.push_back(eq > 0 ? number(part.mid(eq + 1)) : qQNaN());
    }
    return values;
}

// The five samples in file order: with --val-fraction 0 the training set is the whole file.
core::TrainData fiveData()
{
    const auto samples = fiveSamples();
    core::TrainData data;
    data.train.x.resize(static_cast<Eigen::Index>(samples.size()));
    data.train.t.resize(static_cast<Eigen::Index>(samples.size()));
    for (std::size_t i = 0; i < samples.size(); ++i) {
        data.train.x[static_cast<Eigen::Index>(i)] = samples[i].x;
        data.train.t[static_cast<Eigen::Index>(i)] = samples[i].t;
    }
    return data;
}

// A solo run, stepped here: n updates, or fewer if it diverges.
core::Vec solo(const std::string& model, core::TrainData data, const core::OptimizerSettings& optimizer, int batch,
    const core::Vec& init, int steps)
{
    core::TrainSettings settings;
    settings.optimizer = optimizer;
    settings.batchSize = batch;
    settings.seed = 1;   // the CLI's run seed without --seed
    core::Trainer trainer(core::makeObjective(model, core::LossSettings{}), std::move(data), settings, init);
    for (int k = 0; k < steps && trainer.step(nullptr, true); ++k) {
    }
    return trainer.params();
}

core::OptimizerSettings sgd(double lr, double momentum = 0, bool nesterov = false)
{
    core::OptimizerSettings o;
    o.lr = lr;
    o.momentum = momentum;
    o.nesterov = nesterov;
    return o;
}

core::OptimizerSettings other(core::OptimizerKind kind, double lr)
{
    core::OptimizerSettings o;
    o.kind = kind;
    o.lr = lr;
    return o;
}

}  // namespace

void TestCliRace::writesImages_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("png") << "race.png" << QStringList{"--size", "1200x800"};
    QTest::newRow("png with the loss panel") << "race-loss.png" << QStringList{"--with-loss", "--size", "1200x1100"};
    QTest::newRow("svg with the loss panel") << "race.svg" << QStringList{"--with-loss"};
    QTest::newRow("pdf") << "race.pdf" << QStringList{};
    QTest::newRow("preset, pdf with the loss panel") << "preset.pdf" << QStringList{"--with-loss", "--race", "preset"};
}

void TestCliRace::writesImages()
{
    QFETCH(QString, name);
    QFETCH(QStringList, extra);
    QStringList args{"render", "--data", five_, "--steps", "60", "--out", path(name)};
    if (!extra.contains("preset"))
        args << "--race" << "sgd:lr=0.05" << "--race" << "sgd:lr=0.05,momentum=0.9" << "--race" << "adam:lr=0.1";
    const CliRun run = runCli(args + extra, dir_.path());
    QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), run.err.constData());
    QVERIFY(run.out.contains("figure: " + path(name).toUtf8() + "\n"));
    const auto lines = summary(run.out);
    const int entrants = extra.contains("preset") ? 4 : 3;
    for (int i = 1; i <= entrants; ++i)
        QCOMPARE(lines.at(QByteArray("entrant ") + QByteArray::number(i) + " steps"), QByteArray("60"));
    QVERIFY(lines.count(QByteArray("entrant ") + QByteArray::number(entrants + 1) + " steps") == 0);
    const QByteArray bytes = readBytes(path(name));
    QVERIFY(bytes.size() > 5000);
    if (name.endsWith(".png")) {
        QCOMPARE(bytes.left(8), kPngSignature);
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        const QStringList size = extra.at(extra.indexOf("--size") + 1).split('x');
        QCOMPARE(image.size(), QSize(size[0].toInt(), size[1].toInt()));
    } else if (name.endsWith(".svg")) {
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains("</svg>"));
    } else {
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    }
}

void TestCliRace::endPointsMatchSoloTrainers()
{
    // Mini-batches of 2 over five shuffled samples, one entrant with batches of its own and one
    // with the full batch: each must be exactly the run it would be alone.
    const CliRun run = runCli({"render", "--data", five_, "--val-fraction", "0", "--init", "0.5,1", "--batch-size", "2",
                                  "--steps", "37", "--race", "sgd:lr=0.05", "--race", "sgd:lr=0.05,momentum=0.9,nesterov",
                                  "--race", "adam:lr=0.1,beta1=0.8", "--race", "rmsprop:lr=0.01,batch=full",
                                  "--race", "adagrad:lr=0.5,batch=3", "--out", path("solo.png")},
        dir_.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto lines = summary(run.out);
    core::OptimizerSettings adam = other(core::OptimizerKind::Adam, 0.1);
    adam.beta1 = 0.8;
    const struct {
        core::OptimizerSettings optimizer;
        int batch;
    } expected[] = {{sgd(0.05), 2}, {sgd(0.05, 0.9, true), 2}, {adam, 2}, {other(core::OptimizerKind::RmsProp, 0.01), 5},
        {other(core::OptimizerKind::Adagrad, 0.5), 3}};
    const core::Vec init{{0.5, 1.0}};
    for (int i = 0; i < 5; ++i) {
        const QByteArray key = "entrant " + QByteArray::number(i + 1);
        const core::Vec w = solo("linear", fiveData(), expected[i].optimizer, expected[i].batch, init, 37);
        const auto printed = params(lines.at(key + " params"));
        QCOMPARE(printed.size(), std::size_t{2});
        QVERIFY2(printed[0] == w[0] && printed[1] == w[1],
            qPrintable(QString("%1: printed %2 %3, solo %4 %5").arg(QString(key)).arg(printed[0], 0, 'g', 17)
                    .arg(printed[1], 0, 'g', 17).arg(w[0], 0, 'g', 17).arg(w[1], 0, 'g', 17)));
        QVERIFY(lines.at(key + " optimizer").endsWith("batch size " + QByteArray::number(expected[i].batch)));
        // And they do differ: the check would notice entrants swapped or sharing one run.
        if (i > 0)
            QVERIFY(params(lines.at("entrant " + QByteArray::number(i) + " params")) != printed);
    }
}

void TestCliRace::analyticEndPointsMatchExactly()
{
    // No data at all: Rosenbrock from (-1.5, 2).
    const CliRun run = runCli({"render", "--model", "rosenbrock", "--init", "-1.5,2", "--steps", "500", "--race",
                                  "adam:lr=0.02", "--race", "sgd:lr=0.0005,momentum=0.9", "--race", "rmsprop:lr=0.005",
                                  "--out", path("rosenbrock.svg")},
        dir_.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto lines = summary(run.out);
    const core::OptimizerSettings optimizers[] = {
        other(core::OptimizerKind::Adam, 0.02), sgd(0.0005, 0.9), other(core::OptimizerKind::RmsProp, 0.005)};
    for (int i = 0; i < 3; ++i) {
        const core::Vec w = solo("rosenbrock", core::TrainData{}, optimizers[i], 1, core::Vec{{-1.5, 2.0}}, 500);
        const auto printed = params(lines.at("entrant " + QByteArray::number(i + 1) + " params"));
        QCOMPARE(printed, (std::vector<double>{w[0], w[1]}));
    }
}

void TestCliRace::divergingEntrantStopsAlone()
{
    // lr = 2 on five samples with x up to 3 blows up within a few dozen steps; Adam at 0.1 does not.
    const QString png = path("diverged.png");
    const CliRun run = runCli({"render", "--data", five_, "--val-fraction", "0", "--batch-size", "full", "--steps", "300",
                                  "--race", "adam:lr=0.1", "--race", "sgd:lr=2", "--with-loss", "--out", png},
        dir_.path());
    QCOMPARE(run.exitCode, 3);
    const auto lines = summary(run.out);
    QVERIFY(lines.at("entrant 2 stop").startsWith("diverged at step "));
    QCOMPARE(lines.at("entrant 1 steps"), QByteArray("300"));
    const int diverged = lines.at("entrant 2 stop").mid(17).split(':').first().toInt();
    QVERIFY(diverged > 1 && diverged < 300);
    QCOMPARE(lines.at("entrant 2 steps").toInt(), diverged - 1);   // the last finite state is kept
    // The solo run diverges at the same step.
    core::TrainSettings settings;
    settings.optimizer = sgd(2);
    settings.batchSize = 5;
    core::Trainer trainer(core::makeObjective("linear", core::LossSettings{}), fiveData(), settings,
        core::makeObjective("linear", core::LossSettings{})->defaultInit());
    // As train runs it: the training loss after each update is checked too.
    int k = 0;
    while (k < 300 && trainer.step(nullptr, true))
        ++k;
    QCOMPARE(k, diverged - 1);
    // One line on stderr for it, naming the entrant; the figure is written all the same.
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.count('\n') == 1 && err.startsWith("downhill-cli render: entrant 2 (sgd lr=2)"), qPrintable(err));
    QVERIFY(err.contains(QString("diverged at step %1").arg(diverged)));
    QImage image;
    QVERIFY(image.load(png));
    QCOMPARE(image.size(), QSize(1600, 1000));
}

void TestCliRace::animatesTheRace()
{
    // A GIF: every frame the size asked for, the race moving from frame to frame.
    const QString gif = path("race.gif");
    const QStringList rosenbrock{"render", "--model", "rosenbrock", "--init", "-1.5,2", "--steps", "60", "--race",
        "adam:lr=0.02", "--race", "sgd:lr=0.0005,momentum=0.9", "--with-loss", "--size", "640x400"};
    const CliRun run = runCli(rosenbrock + QStringList{"--out", gif, "--frames", "4", "--fps", "5"}, dir_.path());
    QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), run.err.constData());
    QVERIFY2(run.out.contains("animation: " + gif.toUtf8() + " (4 frames)\n"), run.out.constData());
    QVERIFY(run.out.contains("entrant 2 params: "));
    QCOMPARE(readBytes(gif).left(6), QByteArray("GIF89a"));
    const QVector<QImage> frames = decodeAll(gif);
    QCOMPARE(frames.size(), 4);
    for (int k = 0; k < frames.size(); ++k) {
        QCOMPARE(frames[k].size(), QSize(640, 400));
        if (k > 0)
            QVERIFY(frames[k] != frames[k - 1]);
    }
    // The same race as PNG frames: a diverging entrant stops alone, the frames are written and
    // the exit code says so.
    const QString dir = path("race-frames");
    const CliRun diverging = runCli({"render", "--data", five_, "--val-fraction", "0", "--batch-size", "full", "--steps",
                                        "300", "--race", "adam:lr=0.1", "--race", "sgd:lr=2", "--frames", "6", "--size",
                                        "400x300", "--out", dir + "/"},
        dir_.path());
    QCOMPARE(diverging.exitCode, 3);
    QVERIFY2(diverging.out.contains("frames: " + dir.toUtf8() + "/ (6 frames)\n"), diverging.out.constData());
    QVERIFY(diverging.err.startsWith("downhill-cli render: entrant 2 (sgd lr=2)"));
    const QStringList names = filesIn(dir);
    QCOMPARE(names.size(), 6);
    for (const QString& name : names) {
        QImage image;
        QVERIFY(image.load(QDir(dir).filePath(name)));
        QCOMPARE(image.size(), QSize(400, 300));
    }
}

void TestCliRace::configFileRace()
{
    ui::AppSettings s;
    s.data.path = five_;
    s.data.valFraction = 0.0;
    s.train.batchSize = 5;
    s.start = {0.5, 1.0};
    ui::RaceEntrant a;
    a.optimizer = other(core::OptimizerKind::Adam, 0.2);
    ui::RaceEntrant b;
    b.optimizer = sgd(0.02, 0.5);
    b.batchSize = 1;
    s.race = {a, b};
    const QString file = path("race.json");
    QString error;
    QVERIFY2(ui::saveSettingsFile(file, s, &error), qPrintable(error));
    const core::Vec init{{0.5, 1.0}};

    // The file's race, with its batch sizes.
    CliRun run = runCli({"render", "--config", file, "--steps", "25", "--out", path("config.png")}, dir_.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    auto lines = summary(run.out);
    QVERIFY(lines.at("entrant 1 optimizer").startsWith("adam lr=0.2"));
    QVERIFY(lines.at("entrant 2 optimizer").endsWith("batch size 1"));
    const core::Vec wa = solo("linear", fiveData(), a.optimizer, 5, init, 25);
    const core::Vec wb = solo("linear", fiveData(), b.optimizer, 1, init, 25);
    QCOMPARE(params(lines.at("entrant 1 params")), (std::vector<double>{wa[0], wa[1]}));
    QCOMPARE(params(lines.at("entrant 2 params")), (std::vector<double>{wb[0], wb[1]}));

    // --race replaces it.
    run = runCli({"render", "--config", file, "--steps", "25", "--race", "adagrad:lr=0.3", "--out", path("config2.png")},
        dir_.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    lines = summary(run.out);
    QVERIFY(lines.at("entrant 1 optimizer").startsWith("adagrad lr=0.3"));
    QCOMPARE(lines.count("entrant 2 optimizer"), std::size_t{0});

    // --race none draws the file's own run.
    run = runCli({"render", "--config", file, "--steps", "25", "--race", "none", "--out", path("config3.png")}, dir_.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(!run.out.contains("entrant"));
    QVERIFY(run.out.startsWith("model: linear + mse\noptimizer: sgd lr=0.05"));

    // The single run's optimizer flags do not apply to the file's race.
    QTemporaryDir out;
    run = runCli({"render", "--config", file, "--steps", "25", "--lr", "0.1", "--out", out.filePath("x.png")}, out.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith("downhill-cli render: --lr: ") && run.err.contains("--race none"), run.err.constData());
    QVERIFY(filesIn(out.path()).isEmpty());
}

void TestCliRace::badSpecs_data()
{
    QTest::addColumn<QStringList>("race");      // --race values (and other flags after them)
    QTest::addColumn<QString>("expected");      // what the one line on stderr must name
    QTest::newRow("unknown optimizer") << QStringList{"--race", "adamw:lr=0.1"} << "--race: 'adamw:lr=0.1': unknown optimizer";
    QTest::newRow("bad number") << QStringList{"--race", "sgd:lr=fast"} << "--race: 'sgd:lr=fast': lr: expected a number";
    QTest::newRow("negative rate") << QStringList{"--race", "adam:lr=-1"} << "--race: 'adam:lr=-1': learning rate";
    QTest::newRow("momentum 1") << QStringList{"--race", "sgd:momentum=1"} << "--race: 'sgd:momentum=1': momentum";
    QTest::newRow("key of another optimizer") << QStringList{"--race", "sgd:beta1=0.8"}
                                              << "--race: 'sgd:beta1=0.8': beta1 applies to adam only";
    QTest::newRow("unknown key") << QStringList{"--race", "adam:rate=0.1"} << "--race: 'adam:rate=0.1': unknown key 'rate'";
    QTest::newRow("key twice") << QStringList{"--race", "sgd:lr=0.1,lr=0.2"} << "'sgd:lr=0.1,lr=0.2': lr is given twice";
    QTest::newRow("no value") << QStringList{"--race", "sgd:lr"} << "'sgd:lr': lr needs a value";
    QTest::newRow("batch zero") << QStringList{"--race", "sgd:batch=0"} << "'sgd:batch=0': batch";
    QTest::newRow("trailing comma") << QStringList{"--race", "sgd:lr=0.1,"} << "'sgd:lr=0.1,'";
    QTest::newRow("empty") << QStringList{"--race="} << "--race: empty spec";
    QStringList nine;
    for (int i = 0; i < 9; ++i)
        nine << "--race" << QString("sgd:lr=0.0%1").arg(i + 1);
    QTest::newRow("nine entrants") << nine << "--race: 9 entrants, at most 8";
    QTest::newRow("preset and five") << QStringList{"--race", "preset", "--race", "sgd", "--race", "adam", "--race",
                                            "rmsprop", "--race", "adagrad", "--race", "sgd:lr=0.1"}
                                     << "--race: 9 entrants";
    QTest::newRow("none and another") << QStringList{"--race", "none", "--race", "adam"} << "--race: 'none'";
    QTest::newRow("single-run flag") << QStringList{"--race", "adam", "--lr", "0.1"} << "--lr: does not apply to a race";
    QTest::newRow("trajectory") << QStringList{"--race", "adam", "--trajectory", "t.csv"} << "--trajectory";
    QTest::newRow("batch surface") << QStringList{"--race", "adam", "--on", "batch"} << "--on: batch";
}

void TestCliRace::badSpecs()
{
    QFETCH(QStringList, race);
    QFETCH(QString, expected);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const CliRun run = runCli(QStringList{"render", "--data", five_, "--steps", "5", "--out", out.filePath("f.png")} + race,
        out.path());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(run.exitCode == 2, qPrintable(QString("exit %1, stderr: %2").arg(run.exitCode).arg(err)));
    QVERIFY2(err.count('\n') == 1 && err.endsWith('\n'), qPrintable("not one line: " + err));
    QVERIFY2(err.startsWith("downhill-cli render: ") && err.contains(expected), qPrintable(err));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(filesIn(out.path()).isEmpty(), qPrintable(filesIn(out.path()).join(", ")));
}

#else

void TestCliRace::notAvailable()
{
    const CliRun run = runCli({"render", "--race", "adam:lr=0.1", "--out", path("x.png")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("render is not available"));
}

#endif

QTEST_GUILESS_MAIN(TestCliRace)
#include "test_cli_race.moc"
