// downhill-cli render: the images it writes (a PNG of exactly --size, SVG, PDF), the same path
// as train for the same flags, a diverged run, bad input, and no display needed. Without the
// window's library, render must say that it is not available.
#include <QTemporaryDir>
#include <QtTest>
#if DOWNHILL_HAVE_RENDER
#include <QColor>
#include <QImage>
#include <QImageReader>
#endif

#include <cmath>

#include "tests/cli/cli_harness.h"
#if DOWNHILL_HAVE_RENDER
#include "tests/common/image_files.h"

using downhill::test::kPngSignature;
#endif

using namespace clitest;

class TestCliRender : public CliTestCase {
    Q_OBJECT

private slots:
    void initTestCase();
#if DOWNHILL_HAVE_RENDER
    void pngHasExactSize_data();
    void pngHasExactSize();
    void vectorFormats_data();
    void vectorFormats();
    void samePathAsTrain_data();
    void samePathAsTrain();
    void divergedRunStillWritesFigure();
    void surfaceChoice();
    void sideBySide();
    void badInput_data();
    void badInput();
    void rendersWithoutPlatformOrDisplay();
    void otherCommandsNeedNoDisplay();
    void onAPlane();
    void planeBadInput_data();
    void planeBadInput();
#else
    void notAvailable();
#endif
};

void TestCliRender::initTestCase()
{
    QVERIFY(prepare());
}

#if DOWNHILL_HAVE_RENDER

namespace {

// Without display or platform: what a script on a server has.
QProcessEnvironment headless(const QString& platform)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    if (platform.isEmpty())
        env.remove("QT_QPA_PLATFORM");
    else
        env.insert("QT_QPA_PLATFORM", platform);
    return env;
}

}  // namespace

void TestCliRender::pngHasExactSize_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QSize>("size");
    QTest::newRow("default size") << QStringList{"--steps", "20"} << QSize(1600, 1000);
    QTest::newRow("small") << QStringList{"--steps", "20", "--size", "640x400"} << QSize(640, 400);
    QTest::newRow("size with =") << QStringList{"--steps", "20", "--size=402x300"} << QSize(402, 300);
    QTest::newRow("tall, with the loss panel")
        << QStringList{"--steps", "20", "--with-loss", "--size", "800x1200"} << QSize(800, 1200);
    QTest::newRow("analytic, no field, no captions, no title")
        << QStringList{"--model", "rosenbrock", "--optimizer", "adam", "--lr", "0.02", "--steps", "100", "--no-field",
               "--no-captions", "--title=", "--size", "600x400"}
        << QSize(600, 400);
    QTest::newRow("lin-exp over a and c, given range")
        << QStringList{"--model", "lin-exp", "--steps", "20", "--axes", "a,c", "--range", "-1:1,0:1", "--grid", "64",
               "--size", "600x400"}
        << QSize(600, 400);
}

void TestCliRender::pngHasExactSize()
{
    QFETCH(QStringList, args);
    QFETCH(QSize, size);
    const QString png = path(QString("%1.png").arg(QTest::currentDataTag()).replace(' ', '_').replace(',', '_'));
    const CliRun run = runCli(QStringList{"render", "--data", five_, "--out", png} + args, dir_.path());
    QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), run.err.constData());
    QVERIFY(run.out.contains("figure: " + png.toUtf8() + "\n"));
    const QByteArray bytes = readBytes(png);
    QCOMPARE(bytes.left(8), kPngSignature);
    QImage image;
    QVERIFY(image.loadFromData(bytes, "PNG"));
    QCOMPARE(image.size(), size);
}

void TestCliRender::vectorFormats_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("marker");
    QTest::addColumn<bool>("atStart");
    QTest::newRow("svg") << "figure.svg" << QByteArray("<svg") << false;
    QTest::newRow("pdf") << "figure.pdf" << QByteArray("%PDF") << true;
    QTest::newRow("svg with the loss panel") << "stacked.svg" << QByteArray("<svg") << false;
    QTest::newRow("pdf with the loss panel") << "stacked.pdf" << QByteArray("%PDF") << true;
    QTest::newRow("upper-case suffix") << "FIGURE.PDF" << QByteArray("%PDF") << true;
}

void TestCliRender::vectorFormats()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, marker);
    QFETCH(bool, atStart);
    QStringList args{"render", "--data", five_, "--steps", "10", "--out", path(name)};
    if (name.startsWith("stacked"))
        args << "--with-loss";
    const CliRun run = runCli(args, dir_.path());
    QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), run.err.constData());
    const QByteArray bytes = readBytes(path(name));
    QVERIFY(bytes.size() > 1000);
    QVERIFY(atStart ? bytes.startsWith(marker) : bytes.contains(marker));
}

void TestCliRender::samePathAsTrain_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::newRow("csv data") << QStringList{"--data", five_, "--val-fraction", "0", "--steps", "30", "--lr", "0.05"};
    QTest::newRow("built-in data, momentum, batches")
        << QStringList{"--count", "200", "--seed", "5", "--batch-size", "16", "--momentum", "0.9", "--epochs", "3"};
    QTest::newRow("analytic, adam, schedule")
        << QStringList{"--model", "himmelblau", "--optimizer", "adam", "--lr", "0.1", "--schedule", "cosine:50", "--steps", "80"};
}

void TestCliRender::samePathAsTrain()
{
    QFETCH(QStringList, flags);
    const QString trained = path("trained.csv");
    const QString rendered = path("rendered.csv");
    const CliRun train = runCli(QStringList{"train"} + flags + QStringList{"--out", trained}, dir_.path());
    QCOMPARE(train.exitCode, 0);
    const CliRun render = runCli(
        QStringList{"render"} + flags + QStringList{"--trajectory", rendered, "--size", "400x300", "--out", path("path.png")},
        dir_.path());
    QVERIFY2(render.exitCode == 0 && render.err.isEmpty(), render.err.constData());
    const QByteArray expected = readBytes(trained);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(readBytes(rendered), expected);
    // The same summary too, then the files written.
    QVERIFY(render.out.startsWith(train.out.left(train.out.indexOf("trajectory: "))));
    QVERIFY(render.out.contains("trajectory: " + rendered.toUtf8() + "\nfigure: "));
}

void TestCliRender::divergedRunStillWritesFigure()
{
    const QString png = path("diverged.png");
    const QString csv = path("diverged.csv");
    const CliRun run = runCli({"render", "--data", five_, "--lr", "100", "--steps", "100", "--size", "400x300",
                                  "--trajectory", csv, "--out", png},
        dir_.path());
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.startsWith("downhill-cli render: diverged at step "), run.err.constData());
    QVERIFY(run.out.contains("figure: " + png.toUtf8()));
    QImage image;
    QVERIFY(image.load(png, "PNG"));
    QCOMPARE(image.size(), QSize(400, 300));
    // The trajectory stops at the last finite step, as train's does.
    const Csv rows = readCsv(csv);
    QVERIFY(rows.rows.size() > 1 && rows.rows.size() < 101);
    for (const auto& field : rows.rows.last().mid(4))
        QVERIFY(field.isEmpty() || std::isfinite(number(field)));
}

void TestCliRender::surfaceChoice()
{
    // The same run drawn over three surfaces: --on train is the default, val and batch differ
    // from it, and a settings file's surface is read as --on.
    const QStringList common = {"render", "--data", five_, "--steps", "3", "--batch-size", "2", "--size", "400x300",
        "--range", "-2:6,-4:8", "--no-captions", "--title", ""};
    QByteArray images[4];
    const char* const surfaces[] = {nullptr, "train", "val", "batch"};
    for (int k = 0; k < 4; ++k) {
        QStringList args = common;
        args << "--out" << path(QString("surface%1.png").arg(k));
        if (surfaces[k])
            args << "--on" << surfaces[k];
        const CliRun run = runCli(args, dir_.path());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        images[k] = readBytes(path(QString("surface%1.png").arg(k)));
        QVERIFY(images[k].startsWith(kPngSignature));
    }
    QVERIFY(images[0] == images[1]);
    QVERIFY(images[2] != images[1]);
    QVERIFY(images[3] != images[1]);
    QVERIFY(images[3] != images[2]);

    const QString config = path("val-surface.json");
    QVERIFY(writeBytes(config, R"({"format": "downhill-settings", "view": {"surface": "val"}})"));
    QStringList args = common;
    args << "--config" << config << "--out" << path("surface-config.png");
    const CliRun run = runCli(args, dir_.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(readBytes(path("surface-config.png")) == images[2]);
}

void TestCliRender::sideBySide()
{
    // --on train+val: the training and the validation maps side by side in one image of the
    // size asked for; a settings file's train+val draws the same; SVG and PDF too.
    const QStringList common = {"render", "--data", five_, "--val-fraction", "0.4", "--steps", "3", "--batch-size", "2",
        "--size", "1600x800", "--range", "-2:6,-4:8"};
    const CliRun train = runCli(common + QStringList{"--out", path("sbs-train.png")}, dir_.path());
    QVERIFY2(train.exitCode == 0, train.err.constData());
    const CliRun pair = runCli(common + QStringList{"--on", "train+val", "--out", path("sbs.png")}, dir_.path());
    QVERIFY2(pair.exitCode == 0 && pair.err.isEmpty(), pair.err.constData());
    QImage image;
    QVERIFY(image.load(path("sbs.png")));
    QCOMPARE(image.size(), QSize(1600, 800));
    QVERIFY(readBytes(path("sbs.png")) != readBytes(path("sbs-train.png")));
    // Two colour scales, one per map: the right half holds a map of its own.
    int colouredRight = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = image.width() / 2; x < image.width(); x += 4)
            colouredRight += QColor(image.pixel(x, y)).saturation() > 80 ? 1 : 0;
    QVERIFY2(colouredRight > 1000, qPrintable(QString::number(colouredRight)));

    const QString config = path("sbs.json");
    QVERIFY(writeBytes(config, R"({"format": "downhill-settings", "view": {"surface": "train+val"}})"));
    const CliRun fromFile = runCli(common + QStringList{"--config", config, "--out", path("sbs-config.png")}, dir_.path());
    QVERIFY2(fromFile.exitCode == 0, fromFile.err.constData());
    QVERIFY(readBytes(path("sbs-config.png")) == readBytes(path("sbs.png")));

    for (const char* suffix : {"svg", "pdf"}) {
        const QString out = path(QString("sbs.%1").arg(suffix));
        const CliRun vector = runCli(common + QStringList{"--on", "train+val", "--out", out}, dir_.path());
        QVERIFY2(vector.exitCode == 0, vector.err.constData());
        const QByteArray bytes = readBytes(out);
        QVERIFY(suffix == QByteArray("svg") ? bytes.contains("<svg") : bytes.startsWith("%PDF"));
    }
    // An animation of the pair: every frame the size asked for.
    const CliRun gif = runCli(common + QStringList{"--on", "train+val", "--out", path("sbs.gif"), "--frames", "3"}, dir_.path());
    QVERIFY2(gif.exitCode == 0, gif.err.constData());
    QCOMPARE(QImageReader(path("sbs.gif")).imageCount(), 3);
    QCOMPARE(QImageReader(path("sbs.gif")).size(), QSize(1600, 800));
}

void TestCliRender::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");  // what the one line on stderr must name
    auto row = [](const char* name, const QString& args, const QString& expected) {
        QTest::newRow(name) << args.split(' ', Qt::SkipEmptyParts) << expected;
    };
    const QString render = "render --data {in} --steps 5 ";
    row("size too small", render + "--out {out}/f.png --size 100x100", "--size");
    row("size too large", render + "--out {out}/f.png --size 9000x1000", "--size");
    row("size odd", render + "--out {out}/f.png --size 1601x1000", "--size");
    row("size a word", render + "--out {out}/f.png --size big", "--size");
    row("size one side", render + "--out {out}/f.png --size 1600x", "--size");
    row("size not whole", render + "--out {out}/f.png --size 1600.5x1000", "--size");
    row("unknown suffix", render + "--out {out}/f.bmp", "--out");
    row("no suffix", render + "--out {out}/figure", "--out");
    row("missing out", render, "--out");
    row("out folder missing", render + "--out {out}/missing/f.png", "--out");
    row("out is a folder", render + "--out {out}", "--out");
    row("trajectory folder missing", render + "--out {out}/f.png --trajectory {out}/missing/t.csv", "--trajectory");
    row("unknown axis", render + "--out {out}/f.png --axes w,q", "--axes");
    row("same axis twice", render + "--out {out}/f.png --axes b,b", "--axes");
    row("range reversed", render + "--out {out}/f.png --range 1:0,0:1", "--range");
    row("grid one", render + "--out {out}/f.png --grid 1", "--grid");
    row("train flag checked too", render + "--out {out}/f.png --lr -1", "--lr");
    row("unknown flag", render + "--out {out}/f.png --colour red", "--colour");
    row("switch with a value", render + "--out {out}/f.png --no-field=yes", "--no-field");
    row("unknown surface", render + "--out {out}/f.png --on everything", "--on");
    row("side by side without a validation set", render + "--out {out}/f.png --on train+val --val-fraction 0", "--on: there is no validation set");
    row("side by side of a function", "render --model rosenbrock --steps 5 --out {out}/f.png --on train+val", "--on: train+val needs data");
    row("side by side of a race", render + "--out {out}/f.png --race adam --on train+val", "--on: a race is drawn on one map");
    row("validation without a validation set", render + "--out {out}/f.png --val-fraction 0 --on val", "--on");
}

void TestCliRender::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    for (auto& arg : args) {
        arg.replace("{in}", five_);
        arg.replace("{out}", out.path());
    }
    const CliRun run = runCli(args, out.path());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(run.exitCode == 2, qPrintable(QString("exit %1, stderr: %2").arg(run.exitCode).arg(err)));
    QVERIFY2(err.count('\n') == 1 && err.endsWith('\n'), qPrintable("not one line: " + err));
    QVERIFY2(err.startsWith("downhill-cli render: ") && err.contains(expected), qPrintable(err));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(filesIn(out.path()).isEmpty(), qPrintable(filesIn(out.path()).join(", ")));
}

void TestCliRender::rendersWithoutPlatformOrDisplay()
{
    const QString png = path("headless.png");
    const CliRun run = runCli({"render", "--data", five_, "--steps", "5", "--size", "400x300", "--out", png},
        dir_.path(), 60000, headless(QString()));
    QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), run.err.constData());
    QImage image;
    QVERIFY(image.load(png, "PNG"));
    QCOMPARE(image.size(), QSize(400, 300));
}

void TestCliRender::otherCommandsNeedNoDisplay()
{
    // A command that made a QApplication would abort here: xcb finds no display.
    const QProcessEnvironment env = headless("xcb");
    for (const QStringList& args : {QStringList{"train", "--data", five_, "--steps", "3"},
             QStringList{"landscape", "--data", five_, "--range", "0:1,0:1", "--grid", "3", "--out", path("grid.csv")},
             QStringList{"gradcheck", "--data", five_}, QStringList{"--help"}}) {
        const CliRun run = runCli(args, dir_.path(), 60000, env);
        QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), qPrintable(args.join(' ') + ": " + run.err));
    }
}

// A network's figure on a plane through all its parameters: the same plane, the same run and
// the same end on it as train finds for the same flags (train's own numbers are checked against
// numpy by tools/plane_numpy_check.py), the directions written, and a --config file's plane.
void TestCliRender::onAPlane()
{
    const QString images = path("plane-images");
    QCOMPARE(runCli({"dataset", "--count", "40", "--seed", "3", "--size", "32", "--out", images}).exitCode, 0);
    const QStringList net{"--data", images, "--model", "mlp:3", "--input-size", "2", "--steps", "20", "--lr", "0.2",
        "--batch-size", "8"};
    const auto planeLines = [](const QByteArray& out) {
        const qsizetype at = out.indexOf("plane: ");
        const qsizetype end = out.indexOf("\nend on the plane: ", at);
        return at < 0 || end < 0 ? QByteArray() : out.mid(at, out.indexOf('\n', end + 1) - at);
    };
    struct Case {
        QStringList flags;
        QByteArray says;
    };
    const QList<Case> cases = {
        {{"--plane", "random:4"}, "plane: a random plane (seed 4) through the run's start\n"},
        {{"--plane", "random:4", "--plane-origin", "end"}, "plane: a random plane (seed 4) through the run's end\n"},
        {{"--plane", "pca"}, "plane: the PCA plane of the path through the run's end, explaining "},
    };
    for (const Case& c : cases) {
        QStringList trainFlags = c.flags;
        if (!trainFlags.contains("--plane-origin") && trainFlags[1] != "pca")
            trainFlags += {"--plane-origin", "start"};   // train's default is the end
        const CliRun train = runCli(QStringList{"train"} + net + trainFlags + QStringList{"--directions-out", path("td.csv"),
                                        "--out", path("t.csv")}, dir_.path());
        QCOMPARE(train.exitCode, 0);
        const CliRun render = runCli(QStringList{"render"} + net + c.flags + QStringList{"--directions-out", path("rd.csv"),
                                         "--trajectory", path("r.csv"), "--size", "400x300", "--out", path("plane.png")},
            dir_.path());
        QVERIFY2(render.exitCode == 0 && render.err.isEmpty(), render.err.constData());
        QVERIFY2(render.out.contains(c.says), render.out.constData());
        QVERIFY(!planeLines(train.out).isEmpty());
        QCOMPARE(planeLines(render.out), planeLines(train.out));
        QCOMPARE(readBytes(path("rd.csv")), readBytes(path("td.csv")));
        // The trajectory render writes is the run's, plane or not (train's first six columns).
        const Csv trained = readCsv(path("t.csv"));
        const Csv rendered = readCsv(path("r.csv"));
        QCOMPARE(rendered.rows.size(), 21);
        for (int k = 0; k < rendered.rows.size(); ++k)
            QCOMPARE(rendered.rows[k], trained.rows[k].mid(0, 6));
        const QImage image(path("plane.png"));
        QCOMPARE(image.size(), QSize(400, 300));
    }

    // A race on a random plane through the start: every entrant's summary, then the plane.
    const CliRun race = runCli(QStringList{"render", "--data", images, "--model", "mlp:3", "--input-size", "2", "--steps", "20", "--plane", "random:4", "--race", "adam:lr=0.05",
                                   "--race", "sgd:lr=0.2", "--size", "400x300", "--out", path("race.png")}, dir_.path());
    QVERIFY2(race.exitCode == 0, race.err.constData());
    QVERIFY2(race.out.contains("entrant 2 ") && race.out.contains("plane: a random plane (seed 4) through the run's start\nfigure: "),
        race.out.constData());

    // A settings file's plane is the figure's, unless a flag says otherwise.
    const QString config = path("net-plane.json");
    const QByteArray json = "{\"format\": \"downhill-settings\", \"version\": 1, \"model\": \"mlp:3\", \"input_size\": 2, "
                            "\"data\": {\"path\": \"" + images.toUtf8() + "\"}, \"plane\": {\"kind\": \"random\", \"seed\": 6}}";
    QVERIFY(writeBytes(config, json));
    CliRun run = runCli({"render", "--config", config, "--steps", "5", "--size", "400x300", "--out", path("c.png")}, dir_.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("plane: a random plane (seed 6) through the run's start\n"), run.out.constData());
    run = runCli({"render", "--config", config, "--axes", "0.bias[0],0.bias[1]", "--steps", "5", "--size", "400x300", "--out",
                     path("c.png")}, dir_.path());
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(!run.out.contains("plane: "), run.out.constData());
}

void TestCliRender::planeBadInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("race on the PCA plane") << QStringList{"--plane", "pca", "--race", "adam:lr=0.01"}
                                          << "--plane: a race is drawn on a plane through the start";
    QTest::newRow("race through the end") << QStringList{"--plane", "random", "--plane-origin", "end", "--race", "adam:lr=0.01"}
                                         << "--plane-origin: a race is drawn on a plane through the start";
    QTest::newRow("origin sideways") << QStringList{"--plane", "random", "--plane-origin", "middle"}
                                    << "--plane-origin: expected start or end, got 'middle'";
    QTest::newRow("origin without a plane") << QStringList{"--plane-origin", "end"} << "--plane-origin: needs a plane";
    QTest::newRow("plane and axes") << QStringList{"--plane", "random", "--axes", "0.bias[0],0.bias[1]"}
                                   << "--axes: contradicts --plane";
    QTest::newRow("bad plane") << QStringList{"--plane", "flat"} << "--plane: expected random, random:SEED or pca, got 'flat'";
    QTest::newRow("missing directions") << QStringList{"--directions", "{out}/none.csv"} << "none.csv";
}

void TestCliRender::planeBadInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString images = path("bad-plane-images");
    if (!QFileInfo::exists(images))
        QCOMPARE(runCli({"dataset", "--count", "20", "--seed", "3", "--size", "32", "--out", images}).exitCode, 0);
    for (auto& arg : args)
        arg.replace("{out}", out.path());
    const CliRun run = runCli(QStringList{"render", "--data", images, "--model", "mlp:3", "--input-size", "2", "--steps", "3",
                                  "--out", out.path() + "/x.png"} + args, out.path());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(run.exitCode == 2, qPrintable(QString("exit %1, stderr: %2").arg(run.exitCode).arg(err)));
    QVERIFY2(err.count('\n') == 1 && err.startsWith("downhill-cli render: ") && err.contains(expected), qPrintable(err));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(filesIn(out.path()).isEmpty(), qPrintable(filesIn(out.path()).join(", ")));
}

#else

void TestCliRender::notAvailable()
{
    const CliRun run = runCli({"render", "--data", five_, "--out", path("f.png")}, dir_.path());
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QByteArray("downhill-cli render: downhill-cli was built without the window; render is not available\n"));
    QVERIFY(!QFile::exists(path("f.png")));
}

#endif

QTEST_GUILESS_MAIN(TestCliRender)
#include "test_cli_render.moc"
