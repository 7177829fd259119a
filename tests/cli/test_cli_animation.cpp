// downhill-cli render as an animation: --out run.gif (header, frame count and size as Qt decodes
// it, the delay from --fps, the current point moving along the path SGD takes, worked out here
// by hand), PNG frames with --out DIR/ and --frames-dir DIR, bad input, and an interrupt that
// leaves nothing behind.
#include <QTemporaryDir>
#include <QtTest>
#if DOWNHILL_HAVE_RENDER
#include <QImage>
#include <QImageReader>
#endif

#include <csignal>
#include <cmath>

#include "tests/cli/cli_harness.h"
#if DOWNHILL_HAVE_RENDER
#include "tests/common/image_files.h"

using downhill::test::decodeAll;
using downhill::test::kPngSignature;
#endif

using namespace clitest;

class TestCliAnimation : public CliTestCase {
    Q_OBJECT

private slots:
    void initTestCase();
#if DOWNHILL_HAVE_RENDER
    void gif();
    void pngFrames();
    void badInput_data();
    void badInput();
    void framesDirWithOtherFiles();
    void interruptLeavesNothing();
#else
    void notAvailable();
#endif
};

void TestCliAnimation::initTestCase()
{
    QVERIFY(prepare());
}

#if DOWNHILL_HAVE_RENDER

namespace {

constexpr int kSteps = 30;
constexpr double kLr = 0.002;

// SGD on Himmelblau's function f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2 from (0, 0), by hand.
std::vector<QPointF> handPath()
{
    std::vector<QPointF> path{QPointF(0, 0)};
    for (int k = 0; k < kSteps; ++k) {
        const double x = path.back().x(), y = path.back().y();
        const double a = x * x + y - 11, b = x + y * y - 7;
        path.push_back(path.back() - kLr * QPointF(4 * x * a + 2 * b, 2 * a + 4 * y * b));
    }
    return path;
}

const QStringList kHimmelblau{"--model", "himmelblau", "--init", "0,0", "--lr", "0.002", "--steps", "30", "--range",
    "-5:5,-5:5", "--grid", "64", "--no-field", "--no-captions", "--title", ""};

bool whiteAround(const QImage& image, int x, int y)
{
    // The 5 x 5 block centred here is all near-white: the inside of the 12 px current-point disc
    // (the path, arrows and map are coloured, text is dark).
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const QRgb c = image.pixel(x + dx, y + dy);
            if (qRed(c) < 235 || qGreen(c) < 235 || qBlue(c) < 235)
                return false;
        }
    return true;
}

// The centre of what is white in this frame and not in every frame: the white background and
// the minimum's star stay put, the current point moves. Count 0: nothing moving was found.
struct Moving {
    int count = 0;
    QPointF centre;
};

QVector<Moving> movingDiscs(const QVector<QImage>& frames)
{
    const QSize size = frames.front().size();
    QVector<QVector<bool>> white;
    for (const QImage& f : frames) {
        QVector<bool> w(size.width() * size.height(), false);
        for (int y = 2; y < size.height() - 2; ++y)
            for (int x = 2; x < size.width() - 2; ++x)
                w[y * size.width() + x] = whiteAround(f, x, y);
        white.push_back(w);
    }
    QVector<Moving> out;
    for (int k = 0; k < frames.size(); ++k) {
        Moving m;
        QPointF sum;
        for (int i = 0; i < size.width() * size.height(); ++i) {
            if (!white[k][i])
                continue;
            bool everywhere = true;
            for (int j = 0; j < frames.size() && everywhere; ++j)
                everywhere = white[j][i];
            if (everywhere)
                continue;
            ++m.count;
            sum += QPointF(i % size.width(), i / size.width());
        }
        if (m.count > 0)
            m.centre = sum / m.count;
        out.push_back(m);
    }
    return out;
}

}  // namespace

void TestCliAnimation::gif()
{
    const QString gif = path("run.gif");
    const CliRun run = runCli(QStringList{"render"} + kHimmelblau
            + QStringList{"--out", gif, "--frames", "7", "--fps", "20", "--size", "640x400"},
        dir_.path());
    QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), run.err.constData());
    QVERIFY2(run.out.contains("animation: " + gif.toUtf8() + " (7 frames)\n"), run.out.constData());
    QCOMPARE(readBytes(gif).left(6), QByteArray("GIF89a"));
    QImageReader reader(gif);
    QCOMPARE(reader.imageCount(), 7);
    QCOMPARE(reader.size(), QSize(640, 400));
    QImage first;
    QVERIFY(reader.read(&first));
    QCOMPARE(reader.nextImageDelay(), 50);   // 20 frames a second: the delay of the frame just read
    const QVector<QImage> frames = decodeAll(gif);
    QCOMPARE(frames.size(), 7);
    for (const QImage& f : frames)
        QCOMPARE(f.size(), QSize(640, 400));
    QVERIFY(frames.front() != frames.back());

    // Frames at steps 0, 5, ..., 30. The axes are linear: the first and last frames' points fix
    // the mapping from parameters to pixels, and every other frame's point must lie where the
    // path at its step maps to.
    const auto path = handPath();
    const QVector<Moving> discs = movingDiscs(frames);
    for (int k = 0; k < 7; ++k)
        QVERIFY2(discs[k].count >= 9 && discs[k].count <= 60, qPrintable(QString("frame %1: %2").arg(k).arg(discs[k].count)));
    const QPointF p0 = path[0], p1 = path[kSteps];
    const QPointF q0 = discs[0].centre, q1 = discs[6].centre;
    const double sx = (q1.x() - q0.x()) / (p1.x() - p0.x());
    const double sy = (q1.y() - q0.y()) / (p1.y() - p0.y());
    QVERIFY(sx > 0 && sy < 0);   // x to the right, y up
    // Same scale on both axes here: the range is square and so nearly is the map.
    QVERIFY2(std::abs(sx + sy) < 0.35 * sx, qPrintable(QString("%1 %2").arg(sx).arg(sy)));
    for (int k = 1; k < 6; ++k) {
        const QPointF p = path[static_cast<std::size_t>(5 * k)];
        const QPointF expected(q0.x() + sx * (p.x() - p0.x()), q0.y() + sy * (p.y() - p0.y()));
        QVERIFY2(QLineF(discs[k].centre, expected).length() < 2.0,
            qPrintable(QString("frame %1: (%2, %3), expected (%4, %5)")
                           .arg(k).arg(discs[k].centre.x()).arg(discs[k].centre.y()).arg(expected.x()).arg(expected.y())));
    }
}

void TestCliAnimation::pngFrames()
{
    const QString a = path("frames-a");
    const QString b = path("frames-b");
    const QStringList common = QStringList{"render"} + kHimmelblau + QStringList{"--frames", "5", "--size", "400x300"};
    const CliRun viaOut = runCli(common + QStringList{"--out", a + "/"}, dir_.path());
    QVERIFY2(viaOut.exitCode == 0 && viaOut.err.isEmpty(), viaOut.err.constData());
    QVERIFY2(viaOut.out.contains("frames: " + a.toUtf8() + "/ (5 frames)\n"), viaOut.out.constData());
    const CliRun viaFlag = runCli(common + QStringList{"--frames-dir", b, "--with-loss"}, dir_.path());
    QVERIFY2(viaFlag.exitCode == 0 && viaFlag.err.isEmpty(), viaFlag.err.constData());
    for (const QString& dir : {a, b}) {
        const QStringList names = filesIn(dir);
        QCOMPARE(names, (QStringList{"frame_0000.png", "frame_0001.png", "frame_0002.png", "frame_0003.png", "frame_0004.png"}));
        for (const QString& name : names) {
            const QByteArray bytes = readBytes(QDir(dir).filePath(name));
            QCOMPARE(bytes.left(8), kPngSignature);
            QImage image;
            QVERIFY(image.loadFromData(bytes, "PNG"));
            QCOMPARE(image.size(), QSize(400, 300));
        }
        QVERIFY(readBytes(QDir(dir).filePath(names.first())) != readBytes(QDir(dir).filePath(names.last())));
    }
    // The loss panel under the landscape makes the frames differ between the two.
    QVERIFY(readBytes(QDir(a).filePath("frame_0002.png")) != readBytes(QDir(b).filePath("frame_0002.png")));
    // Fewer steps than frames: one frame per step.
    const QString c = path("frames-c");
    const CliRun few = runCli({"render", "--data", five_, "--steps", "3", "--size", "400x300", "--frames-dir", c}, dir_.path());
    QVERIFY2(few.exitCode == 0, few.err.constData());
    QCOMPARE(filesIn(c).size(), 4);
}

void TestCliAnimation::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");  // what the one line on stderr must name
    auto row = [](const char* name, const QString& args, const QString& expected) {
        QTest::newRow(name) << args.split(' ', Qt::SkipEmptyParts) << expected;
    };
    const QString render = "render --data {in} --steps 5 ";
    row("frames for an image", render + "--out {out}/f.png --frames 10", "--frames: only for an animation");
    row("fps for an image", render + "--out {out}/f.png --fps 10", "--fps: only for an animation");
    row("fps for png frames", render + "--out {out}/frames/ --fps 10", "--fps: only for a GIF");
    row("one frame", render + "--out {out}/f.gif --frames 1", "--frames");
    row("too many frames", render + "--out {out}/f.gif --frames 1001", "--frames");
    row("fps zero", render + "--out {out}/f.gif --fps 0", "--fps");
    row("fps too fast", render + "--out {out}/f.gif --fps 60", "--fps");
    row("out and frames-dir", render + "--out {out}/f.gif --frames-dir {out}/frames", "--frames-dir");
    row("gif folder missing", render + "--out {out}/missing/f.gif", "--out: no such folder");
    row("frames-dir is a file", render + "--frames-dir {in}", "--frames-dir");
    row("unknown suffix names gif", render + "--out {out}/f.bmp", ".gif");
    row("gif size odd", render + "--out {out}/f.gif --size 641x400", "--size");
}

void TestCliAnimation::badInput()
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
    QVERIFY2(err.count('\n') == 1 && err.startsWith("downhill-cli render: ") && err.contains(expected), qPrintable(err));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(filesIn(out.path()).isEmpty(), qPrintable(filesIn(out.path()).join(", ")));
}

void TestCliAnimation::framesDirWithOtherFiles()
{
    QTemporaryDir out;
    const QString mine = out.filePath("slides");
    QVERIFY(QDir().mkpath(mine));
    QVERIFY(writeBytes(QDir(mine).filePath("talk.txt"), "notes"));
    const CliRun run = runCli({"render", "--data", five_, "--steps", "5", "--frames-dir", mine}, out.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--frames-dir") && run.err.contains("talk.txt"), run.err.constData());
    QCOMPARE(filesIn(mine), QStringList{"talk.txt"});
    QCOMPARE(filesIn(out.path()), QStringList{"slides"});
}

namespace {

// Whether the process has a file open in dir: QSaveFile's temporary may have no name there
// (O_TMPFILE), but /proc shows it.
bool writesInto(qint64 pid, const QString& dir)
{
    const QDir fds(QString("/proc/%1/fd").arg(pid));
    for (const QString& fd : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
        if (QFileInfo(fds.filePath(fd)).symLinkTarget().startsWith(dir + '/'))
            return true;
    return false;
}

}  // namespace

void TestCliAnimation::interruptLeavesNothing()
{
    // A long animation, interrupted once it writes: a GIF to its temporary file, PNG frames
    // to their temporary folder.
    for (const QString& target : {QString("long.gif"), QString("frames/")}) {
        QTemporaryDir out;
        QProcess process;
        process.setWorkingDirectory(out.path());
        process.start(cliBinary(), {"render", "--data", five_, "--steps", "2000", "--frames", "1000", "--size", "960x600",
                                       "--out", out.filePath(target)});
        QVERIFY(process.waitForStarted(10000));
        QElapsedTimer t;
        t.start();
        while (!writesInto(process.processId(), out.path()) && t.elapsed() < 60000 && process.state() == QProcess::Running)
            QTest::qWait(10);
        QVERIFY2(process.state() == QProcess::Running, "finished before it could be interrupted");
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(process.readAllStandardError() == "downhill-cli render: interrupted; no file written\n", "no interrupt message");
        QCOMPARE(filesIn(out.path()), QStringList());
    }
}

#else

void TestCliAnimation::notAvailable()
{
    const CliRun run = runCli({"render", "--data", five_, "--out", path("run.gif")}, dir_.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!QFile::exists(path("run.gif")));
}

#endif

QTEST_GUILESS_MAIN(TestCliAnimation)
#include "test_cli_animation.moc"
