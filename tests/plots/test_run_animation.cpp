// RunAnimation and exportAnimation: the frames' steps, a GIF (header, frame count and size as Qt
// decodes it, frames that change, the current point of frame k drawn where SGD put it by hand),
// numbered PNG frames, and that a cancel or an unwritable target leaves nothing behind.
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

#include <unistd.h>

#include "core/geometry/contours.h"
#include "plots/figure.h"
#include "tests/common/image_files.h"
#include "core/landscape/landscape.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "core/model/objective.h"
#include "plots/run_animation.h"

using namespace downhill;
using ui::AnimationFormat;
using ui::ExportResult;
using downhill::test::decodeAll;

namespace {

constexpr double kLr = 0.002;
constexpr int kSteps = 30;
const QSize kSize(640, 400);

// Himmelblau's function, f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2, and plain SGD on it, by hand.
QPointF himmelblauGradient(QPointF w)
{
    const double x = w.x(), y = w.y();
    const double a = x * x + y - 11, b = x + y * y - 7;
    return {4 * x * a + 2 * b, 2 * a + 4 * y * b};
}

std::vector<QPointF> handPath()
{
    std::vector<QPointF> path{QPointF(0.0, 0.0)};
    for (int k = 0; k < kSteps; ++k)
        path.push_back(path.back() - kLr * himmelblauGradient(path.back()));
    return path;
}

ui::AnimationRun handRun()
{
    const auto path = handPath();
    ui::AnimationRun run;
    run.init = core::Vec{{path[0].x(), path[0].y()}};
    for (int k = 1; k <= kSteps; ++k) {
        ui::StepRow row;
        row.step = k;
        row.lr = row.updateLr = kLr;
        row.batchLoss = 1.0 / k;
        row.params = core::Vec{{path[static_cast<std::size_t>(k)].x(), path[static_cast<std::size_t>(k)].y()}};
        const QPointF g = himmelblauGradient(path[static_cast<std::size_t>(k - 1)]);
        row.gradient = core::Vec{{g.x(), g.y()}};
        run.rows.push_back(row);
    }
    run.startNegGradient = -himmelblauGradient(path[0]);
    run.optimizer.lr = kLr;
    return run;
}

// A map of `function` over [-5, 5]^2 on `plot`.
bool drawFunction(ui::LandscapePlot& plot, const std::string& function)
{
    const auto objective = core::makeObjective(function, {});
    core::LandscapeRequest request;
    request.origin = core::Vec{{0.0, 0.0}};
    request.min1 = -5;
    request.max1 = 5;
    request.min2 = -5;
    request.max2 = 5;
    request.resolution = 96;
    const auto grid = core::computeLandscape(*objective, core::Samples(), request);
    if (!grid)
        return false;
    plot.setLandscape(*grid, core::computeContours(*grid, core::contourLevels(*grid, 14)), "x", "y");
    plot.setGradientFieldVisible(false);
    plot.setCaptionsVisible(false);
    plot.resetView();
    return true;
}

// The landscape the window would show around the run, computed here from the objective.
std::unique_ptr<ui::Figure> makeFigure(bool withLoss, const ui::AnimationRun& run)
{
    auto figure = std::make_unique<ui::Figure>(kSize, withLoss, QString(), 1);
    if (!drawFunction(figure->landscape(), "himmelblau"))
        return nullptr;
    if (ui::LossPlot* loss = figure->loss())
        ui::RunAnimation::plotLoss(*loss, run.rows, {});
    return figure;
}

// Where parameter point p lands in a frame: the plot's own mapping at the figure's layout.
QPointF pixelOf(ui::Figure& figure, QPointF p)
{
    ui::LandscapePlot& plot = figure.landscape();
    plot.setViewport(plot.rect());
    plot.replot();
    return {plot.xAxis->coordToPixel(p.x()), plot.yAxis->coordToPixel(p.y())};
}

// The current-point marker is a white disc 12 px across with a dark rim: count the near-white
// pixels within 5 px of `at` and their centre.
struct Disc {
    int count = 0;
    QPointF centre;
};

Disc whiteDiscAt(const QImage& image, QPointF at)
{
    Disc d;
    QPointF sum;
    for (int y = static_cast<int>(at.y()) - 6; y <= static_cast<int>(at.y()) + 6; ++y) {
        for (int x = static_cast<int>(at.x()) - 6; x <= static_cast<int>(at.x()) + 6; ++x) {
            if (x < 0 || y < 0 || x >= image.width() || y >= image.height())
                continue;
            if (std::hypot(x - at.x(), y - at.y()) > 5)
                continue;
            const QRgb c = image.pixel(x, y);
            if (qRed(c) >= 235 && qGreen(c) >= 235 && qBlue(c) >= 235) {
                ++d.count;
                sum += QPointF(x, y);
            }
        }
    }
    if (d.count > 0)
        d.centre = sum / d.count;
    return d;
}

QPointF pixelOn(ui::LandscapePlot& plot, QPointF p)
{
    plot.setViewport(plot.rect());
    plot.replot();
    return {plot.xAxis->coordToPixel(p.x()), plot.yAxis->coordToPixel(p.y())};
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

}  // namespace

class TestRunAnimation : public QObject {
    Q_OBJECT

private slots:
    void evenSteps_data();
    void evenSteps();
    void everyKSteps();
    void gifFramesShowTheRun();
    void gifWithLossPlot();
    void pngFrames();
    void pngFramesReplaceEarlierSetOnly();
    void cancelLeavesNothing_data();
    void cancelLeavesNothing();
    void unwritableTarget_data();
    void unwritableTarget();
    void sideBySideMapsShowTheSameRun();
};

void TestRunAnimation::evenSteps_data()
{
    QTest::addColumn<qint64>("last");
    QTest::addColumn<int>("frames");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("exact") << qint64(40) << 5 << QList<qint64>{0, 10, 20, 30, 40};
    QTest::newRow("rounded") << qint64(10) << 4 << QList<qint64>{0, 3, 7, 10};
    QTest::newRow("fewer steps than frames") << qint64(3) << 10 << QList<qint64>{0, 1, 2, 3};
    QTest::newRow("no steps") << qint64(0) << 10 << QList<qint64>{0};
    QTest::newRow("long run") << qint64(1000000) << 3 << QList<qint64>{0, 500000, 1000000};
}

void TestRunAnimation::evenSteps()
{
    QFETCH(qint64, last);
    QFETCH(int, frames);
    QFETCH(QList<qint64>, expected);
    const auto steps = ui::evenFrameSteps(last, frames);
    QCOMPARE(QList<qint64>(steps.begin(), steps.end()), expected);
}

void TestRunAnimation::everyKSteps()
{
    auto list = [](const std::vector<std::int64_t>& v) { return QList<qint64>(v.begin(), v.end()); };
    QCOMPARE(list(ui::everyKFrameSteps(10, 4, 100)), (QList<qint64>{0, 4, 8, 10}));
    QCOMPARE(list(ui::everyKFrameSteps(12, 4, 100)), (QList<qint64>{0, 4, 8, 12}));
    // 100001 frames would be too many: 5 spread evenly instead.
    QCOMPARE(list(ui::everyKFrameSteps(100000, 1, 5)), (QList<qint64>{0, 25000, 50000, 75000, 100000}));
}

void TestRunAnimation::gifFramesShowTheRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ui::AnimationRun run = handRun();
    auto figure = makeFigure(false, run);
    QVERIFY(figure);
    ui::RunAnimation animation(*figure, run);
    ui::AnimationOutput output;
    output.target = dir.filePath("run.gif");
    output.steps = {0, 8, 15, 23, 30};
    output.fps = 20;
    int calls = 0;
    QString error;
    const auto result = ui::exportAnimation(animation, output, [&](int, int total) {
        ++calls;
        return total == 5;
    }, &error);
    QVERIFY2(result == ExportResult::Written, qPrintable(error));
    QCOMPARE(calls, 6);   // before each frame and once at the end

    QFile file(output.target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(6), QByteArray("GIF89a"));
    file.close();
    QCOMPARE(entries(dir.path()), QStringList{"run.gif"});   // no temporary file left beside it

    QImageReader reader(output.target);
    QCOMPARE(reader.format(), QByteArray("gif"));
    QCOMPARE(reader.imageCount(), 5);
    QCOMPARE(reader.size(), kSize);
    QImage first;
    QVERIFY(reader.read(&first));
    QCOMPARE(reader.nextImageDelay(), 50);   // 20 frames a second: the delay of the frame just read
    const QVector<QImage> frames = decodeAll(output.target);
    QCOMPARE(frames.size(), 5);
    for (const QImage& frame : frames)
        QCOMPARE(frame.size(), kSize);
    QVERIFY(frames.front() != frames.back());

    // Frame k shows the point SGD reached at its step (computed by hand above), and not the
    // point of the other frames.
    const auto path = handPath();
    for (int k = 0; k < 5; ++k) {
        const QPointF expected = pixelOf(*figure, path[static_cast<std::size_t>(output.steps[static_cast<std::size_t>(k)])]);
        const Disc disc = whiteDiscAt(frames[k], expected);
        QVERIFY2(disc.count >= 40, qPrintable(QString("frame %1: %2 white pixels at (%3, %4)").arg(k).arg(disc.count).arg(expected.x()).arg(expected.y())));
        QVERIFY2(QLineF(disc.centre, expected).length() < 1.5,
            qPrintable(QString("frame %1: disc at (%2, %3), expected (%4, %5)").arg(k).arg(disc.centre.x()).arg(disc.centre.y()).arg(expected.x()).arg(expected.y())));
        for (int other = 0; other < 5; ++other) {
            const QPointF elsewhere = pixelOf(*figure, path[static_cast<std::size_t>(output.steps[static_cast<std::size_t>(other)])]);
            if (QLineF(elsewhere, expected).length() > 20)
                QVERIFY2(whiteDiscAt(frames[k], elsewhere).count < 20, qPrintable(QString("frame %1 has a disc at frame %2's point").arg(k).arg(other)));
        }
    }
    // The frames are what RunAnimation draws, up to the GIF's palette.
    const QImage direct = animation.frame(15).convertToFormat(QImage::Format_RGB32);
    int far = 0;
    for (int y = 0; y < kSize.height(); ++y)
        for (int x = 0; x < kSize.width(); ++x) {
            const QRgb a = direct.pixel(x, y), b = frames[2].pixel(x, y);
            if (std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b)) > 60)
                ++far;
        }
    QVERIFY2(far < kSize.width() * kSize.height() / 500, qPrintable(QString::number(far)));
}

void TestRunAnimation::gifWithLossPlot()
{
    QTemporaryDir dir;
    const ui::AnimationRun run = handRun();
    auto figure = makeFigure(true, run);
    QVERIFY(figure);
    QCOMPARE(figure->pixels(), kSize);
    ui::RunAnimation animation(*figure, run);
    // The loss plot's marker moves: the lower part of two frames differs.
    const QImage first = animation.frame(0);
    const QImage last = animation.frame(30);
    QCOMPARE(first.size(), kSize);
    const int top = figure->landscape().height();
    QVERIFY(first.copy(0, top, kSize.width(), kSize.height() - top) != last.copy(0, top, kSize.width(), kSize.height() - top));
    ui::AnimationOutput output;
    output.target = dir.filePath("with-loss.gif");
    output.steps = ui::evenFrameSteps(30, 8);
    QString error;
    QVERIFY2(ui::exportAnimation(animation, output, [](int, int) { return true; }, &error) == ExportResult::Written, qPrintable(error));
    QImageReader reader(output.target);
    QCOMPARE(reader.imageCount(), 8);
    QCOMPARE(reader.size(), kSize);
}

void TestRunAnimation::pngFrames()
{
    QTemporaryDir dir;
    const ui::AnimationRun run = handRun();
    auto figure = makeFigure(false, run);
    QVERIFY(figure);
    ui::RunAnimation animation(*figure, run);
    ui::AnimationOutput output;
    output.format = AnimationFormat::PngFrames;
    output.target = dir.filePath("nested/frames/");   // a trailing slash names the same folder
    output.steps = ui::evenFrameSteps(30, 12);
    QString error;
    QVERIFY2(ui::exportAnimation(animation, output, [](int, int) { return true; }, &error) == ExportResult::Written, qPrintable(error));
    const QStringList names = entries(output.target);
    QCOMPARE(names.size(), 12);
    for (int k = 0; k < 12; ++k) {
        QCOMPARE(names[k], QString("frame_%1.png").arg(k, 4, 10, QChar('0')));
        QFile f(QDir(output.target).filePath(names[k]));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(8), downhill::test::kPngSignature);
        f.close();
        QImage image(f.fileName());
        QCOMPARE(image.size(), kSize);
    }
    QCOMPARE(entries(dir.filePath("nested")), QStringList{"frames"});   // no temporary folder left
    // Lossless: frame 6 is exactly what RunAnimation draws at its step.
    const QImage six(QDir(output.target).filePath(names[6]));
    QCOMPARE(six.convertToFormat(QImage::Format_RGB32), animation.frame(output.steps[6]).convertToFormat(QImage::Format_RGB32));
}

void TestRunAnimation::pngFramesReplaceEarlierSetOnly()
{
    QTemporaryDir dir;
    const ui::AnimationRun run = handRun();
    auto figure = makeFigure(false, run);
    QVERIFY(figure);
    ui::RunAnimation animation(*figure, run);
    ui::AnimationOutput output;
    output.format = AnimationFormat::PngFrames;
    output.target = dir.filePath("frames");
    output.steps = ui::evenFrameSteps(30, 6);
    QString error;
    QVERIFY(ui::exportAnimation(animation, output, [](int, int) { return true; }, &error) == ExportResult::Written);
    // A second, shorter export replaces the first set whole: no stale frame_0005.png.
    output.steps = ui::evenFrameSteps(30, 3);
    QVERIFY2(ui::exportAnimation(animation, output, [](int, int) { return true; }, &error) == ExportResult::Written, qPrintable(error));
    QCOMPARE(entries(output.target), (QStringList{"frame_0000.png", "frame_0001.png", "frame_0002.png"}));
    // A folder with anything else in it is not touched.
    const QString other = dir.filePath("notes");
    QVERIFY(QDir().mkpath(other));
    QFile keep(QDir(other).filePath("keep.txt"));
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.write("mine");
    keep.close();
    output.target = other;
    QVERIFY(ui::exportAnimation(animation, output, [](int, int) { return true; }, &error) == ExportResult::Failed);
    QVERIFY2(error.contains(QDir::toNativeSeparators(other)) && error.contains("keep.txt"), qPrintable(error));
    QCOMPARE(entries(other), QStringList{"keep.txt"});
    QCOMPARE(entries(dir.path()), (QStringList{"frames", "notes"}));
}

void TestRunAnimation::cancelLeavesNothing_data()
{
    QTest::addColumn<bool>("gif");
    QTest::addColumn<int>("cancelAt");
    QTest::newRow("gif, at once") << true << 0;
    QTest::newRow("gif, half way") << true << 4;
    QTest::newRow("png, half way") << false << 4;
    QTest::newRow("png, at the last frame") << false << 7;
}

void TestRunAnimation::cancelLeavesNothing()
{
    QFETCH(bool, gif);
    QFETCH(int, cancelAt);
    QTemporaryDir dir;
    const ui::AnimationRun run = handRun();
    auto figure = makeFigure(false, run);
    QVERIFY(figure);
    ui::RunAnimation animation(*figure, run);
    ui::AnimationOutput output;
    output.format = gif ? AnimationFormat::Gif : AnimationFormat::PngFrames;
    output.target = dir.filePath(gif ? "run.gif" : "frames");
    output.steps = ui::evenFrameSteps(30, 8);
    int seen = -1;
    QString error;
    const auto result = ui::exportAnimation(animation, output, [&](int done, int) {
        seen = done;
        return done < cancelAt;
    }, &error);
    QCOMPARE(result, ExportResult::Cancelled);
    QCOMPARE(seen, cancelAt);
    QCOMPARE(entries(dir.path()), QStringList());
}

void TestRunAnimation::unwritableTarget_data()
{
    QTest::addColumn<bool>("gif");
    QTest::addColumn<bool>("readOnly");   // else the folder is a file (unwritable even for root)
    QTest::newRow("gif, read-only folder") << true << true;
    QTest::newRow("png frames, read-only folder") << false << true;
    QTest::newRow("gif, folder is a file") << true << false;
    QTest::newRow("png frames, folder is a file") << false << false;
}

void TestRunAnimation::unwritableTarget()
{
    QFETCH(bool, gif);
    QFETCH(bool, readOnly);
    if (readOnly && ::geteuid() == 0)
        QSKIP("running as root: a read-only folder is writable");
    QTemporaryDir dir;
    const QString parent = dir.filePath("parent");
    if (readOnly) {
        QVERIFY(QDir().mkpath(parent));
        QVERIFY(QFile::setPermissions(parent, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    } else {
        QFile file(parent);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const ui::AnimationRun run = handRun();
    auto figure = makeFigure(false, run);
    QVERIFY(figure);
    ui::RunAnimation animation(*figure, run);
    ui::AnimationOutput output;
    output.format = gif ? AnimationFormat::Gif : AnimationFormat::PngFrames;
    output.target = QDir(parent).filePath(gif ? "run.gif" : "frames");
    output.steps = ui::evenFrameSteps(30, 4);
    QString error;
    const auto result = ui::exportAnimation(animation, output, [](int, int) { return true; }, &error);
    const QStringList left = readOnly ? entries(parent) : QStringList();
    if (readOnly)
        QFile::setPermissions(parent, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(result, ExportResult::Failed);
    QVERIFY2(error.contains(QDir::toNativeSeparators(readOnly ? output.target : parent)), qPrintable(error));
    QCOMPARE(left, QStringList());
    QCOMPARE(entries(dir.path()), QStringList{"parent"});
}

void TestRunAnimation::sideBySideMapsShowTheSameRun()
{
    // Training | validation as a figure: two maps, each half the width, the same path, point
    // and arrows on both (the right one follows the left), and every format at the size asked.
    const QSize size(800, 400);
    ui::Figure figure(size, false, QStringLiteral("Himmelblau | Rosenbrock"), 1, ui::Figure::Maps::SideBySide);
    QVERIFY(figure.side());
    QVERIFY(drawFunction(figure.landscape(), "himmelblau"));
    QVERIFY(drawFunction(*figure.side(), "rosenbrock"));   // another map: the path is the same
    figure.setMapTitles(QStringLiteral("left"), QStringLiteral("right"));
    QCOMPARE(figure.pixels(), size);
    QCOMPARE(figure.landscape().width() + figure.side()->width(), size.width());
    const ui::AnimationRun run = handRun();
    ui::RunAnimation animation(figure, run);
    const auto path = handPath();
    for (const int step : {0, 12, kSteps}) {
        const QImage image = animation.frame(step);
        QCOMPARE(image.size(), size);
        const QPointF expected = path[static_cast<std::size_t>(step)];
        for (ui::LandscapePlot* plot : {&figure.landscape(), figure.side()}) {
            QCOMPARE(plot->pathPointCount(), step + 1);
            QCOMPARE(plot->currentPoint(), expected);
        }
        // The point's white disc in each half of the image, where each map puts it (the maps
        // sit below the title strip, the right one beside the left).
        const int top = size.height() - figure.landscape().height();
        const QPointF left = pixelOn(figure.landscape(), expected) + QPointF(0, top);
        const QPointF right = pixelOn(*figure.side(), expected) + QPointF(figure.landscape().width(), top);
        for (const QPointF& at : {left, right}) {
            const Disc d = whiteDiscAt(image, at);
            QVERIFY2(d.count >= 20 && QLineF(d.centre, at).length() < 1.5,
                qPrintable(QString("step %1 at (%2, %3): %4 white pixels").arg(step).arg(at.x()).arg(at.y()).arg(d.count)));
        }
    }
    QTemporaryDir dir;
    for (const char* suffix : {"png", "svg", "pdf"}) {
        const QString file = dir.filePath(QStringLiteral("pair.%1").arg(suffix));
        QString error;
        QVERIFY2(figure.write(file, &error), qPrintable(error));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(1024);
        if (suffix == QByteArray("png"))
            QCOMPARE(QImage(file).size(), size);
        else
            QVERIFY(suffix == QByteArray("svg") ? head.contains("<svg") : head.startsWith("%PDF"));
    }
}

QTEST_MAIN(TestRunAnimation)
#include "test_run_animation.moc"
