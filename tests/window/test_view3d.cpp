// Over the ~600-line guide by a few lines: one test of one class; its cases share the hand-made
// surface area, grids and path fixtures at the top, which a split would have to copy or move into
// a header used by nothing else.
// The 3D view on its own, over a surface area with a grid made by hand (the view in the window is
// tests/window/test_view3d_window): the surface series holds the landscape plot's grid (rows,
// columns, heights, the log floor), the path's beads lie on it at the loss read bilinearly from
// the grid (computed here independently), along the path's steps, no more than a bead's
// diameter apart in the box's space however long the steps (one long step among many short
// ones), first and newest exact, and a very long path spreads its beads evenly up to the limit.
// The axes' ticks are round values (NiceAxisFormatter on an axis of its own), a log height axis
// thins its decades' labels where they would crowd (DecadeAxisFormatter), and the labels' size
// follows the graph's size and the presentation scale.
// A landscape beyond float (the graph's numbers) is not drawn, and the view says why.
// Drawing needs a real OpenGL context: renders() checks that the view shows a picture and that
// the graph's own axes label round values, and skips where there is none (CTest runs
// offscreen); run it under Xvfb with
//   QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" build/tests/window_test_view3d
// Built only with Qt Data Visualization.
#include <QDir>
#include <QScopeGuard>
#include <QScreen>
#include <QSurface3DSeries>
#include <QValue3DAxis>
#include <QtTest>
#include <Q3DSurface>
#include <Q3DTheme>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "plots/landscape_plot.h"
#include "plots/palette.h"
#include "tests/common/landscape_grids.h"
#include "window/landscape/decade_axis_formatter.h"
#include "window/landscape/landscape_view_3d.h"
#include "window/landscape/nice_axis_formatter.h"
#include "window/run/surface_area.h"
#include "window/shell/appearance.h"

using namespace downhill;
using downhill::test::makeGrid;

namespace {
// Bilinear interpolation written out again, not shared with the code under test.
double bilinear(const core::LandscapeGrid& grid, double x, double y)
{
    const auto& rq = grid.request;
    const int g = rq.resolution;
    const double fx = (x - rq.min1) / (rq.max1 - rq.min1) * (g - 1);
    const double fy = (y - rq.min2) / (rq.max2 - rq.min2) * (g - 1);
    const int i = std::min(static_cast<int>(std::floor(fx)), g - 2);
    const int j = std::min(static_cast<int>(std::floor(fy)), g - 2);
    const double u = fx - i, v = fy - j;
    return grid.loss(i, j) * (1 - u) * (1 - v) + grid.loss(i + 1, j) * u * (1 - v) + grid.loss(i, j + 1) * (1 - u) * v
        + grid.loss(i + 1, j + 1) * u * v;
}

bool closeTo(float shown, double expected)
{
    return std::abs(static_cast<double>(shown) - expected) <= 1e-6 * std::max(1.0, std::abs(expected));
}

// Where a bead lies in the graph's box, worked out here from the view's box and height range:
// each grid range onto its edge, the height range onto the box's height (log10 on a log axis).
QVector3D inBox(const ui::LandscapeView3D& view, const core::LandscapeRequest& rq, const QVector3D& dot)
{
    const QVector3D box = view.boxSize();
    const bool log = view.isLogHeight();
    const auto scale = [log](double v) { return log ? std::log10(v) : v; };
    const double lo = scale(view.heightFloor()), hi = scale(view.heightCeiling());
    return QVector3D(static_cast<float>((dot.x() - rq.min1) / (rq.max1 - rq.min1) * box.x()),
        static_cast<float>((scale(dot.y()) - lo) / (hi - lo) * box.y()),
        static_cast<float>((dot.z() - rq.min2) / (rq.max2 - rq.min2) * box.z()));
}

// The gaps between neighbouring beads, in the box's space, from bead `from` to bead `to`
// (the end by default).
QVector<double> gaps(const ui::LandscapeView3D& view, const core::LandscapeRequest& rq, qsizetype from = 0,
    qsizetype to = -1)
{
    const auto& dots = view.pathDots();
    if (to < 0)
        to = dots.size() - 1;
    QVector<double> out;
    for (qsizetype k = from + 1; k <= to; ++k)
        out.push_back(static_cast<double>((inBox(view, rq, dots[k]) - inBox(view, rq, dots[k - 1])).length()));
    return out;
}

double largestGap(const ui::LandscapeView3D& view, const core::LandscapeRequest& rq, qsizetype from = 0,
    qsizetype to = -1)
{
    const QVector<double> all = gaps(view, rq, from, to);
    return all.isEmpty() ? 0.0 : *std::max_element(all.begin(), all.end());
}

// The length of the path laid on the ground, in the box's space: each step in 256 pieces.
double lengthOnTheGround(const ui::LandscapeView3D& view, const core::LandscapeGrid& grid, const QVector<QPointF>& path)
{
    double length = 0;
    for (qsizetype k = 1; k < path.size(); ++k) {
        QVector3D before;
        for (int i = 0; i <= 256; ++i) {
            const QPointF p = path[k - 1] + (path[k] - path[k - 1]) * (i / 256.0);
            const QVector3D here = inBox(view, grid.request,
                QVector3D(static_cast<float>(p.x()), static_cast<float>(bilinear(grid, p.x(), p.y())),
                    static_cast<float>(p.y())));
            if (i > 0)
                length += static_cast<double>((here - before).length());
            before = here;
        }
    }
    return length;
}

// How far (in parameter units) a point is from the nearest of the path's steps from..to.
double offPath(QPointF p, const QVector<QPointF>& path, qsizetype from, qsizetype to)
{
    double best = std::numeric_limits<double>::infinity();
    for (qsizetype k = from; k < to; ++k) {
        const QPointF a = path[k], b = path[k + 1];
        const QPointF ab = b - a;
        const double len2 = QPointF::dotProduct(ab, ab);
        const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
        const QPointF d = p - (a + t * ab);
        best = std::min(best, std::hypot(d.x(), d.y()));
    }
    return best;
}

// Every bead on the ground: the loss at its place read bilinearly from the grid.
bool onTheGround(const ui::LandscapeView3D& view, const core::LandscapeGrid& grid, QString* why)
{
    const auto& dots = view.pathDots();
    for (qsizetype k = 0; k < dots.size(); ++k) {
        const double expected = bilinear(grid, dots[k].x(), dots[k].z());
        if (!closeTo(dots[k].y(), view.isLogHeight() ? std::max(expected, view.heightFloor()) : expected)) {
            *why = QStringLiteral("bead %1 at (%2, %3): %4, the ground %5").arg(k).arg(dots[k].x()).arg(dots[k].z())
                       .arg(dots[k].y()).arg(expected);
            return false;
        }
    }
    return true;
}

// Distinct colours in an image, up to a limit.
int colourCount(const QImage& image, int limit = 1000)
{
    std::set<QRgb> colours;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            if (colours.insert(img.pixel(x, y)).second && static_cast<int>(colours.size()) >= limit)
                return limit;
    return static_cast<int>(colours.size());
}

}  // namespace

class TestView3D : public QObject {
    Q_OBJECT
private slots:
    // The program's look, as in downhill itself.
    void initTestCase() { ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance())); }

    void surfaceHoldsTheGrid_data()
    {
        QTest::addColumn<bool>("decades");
        QTest::newRow("linear heights") << false;
        QTest::newRow("log heights over eight decades") << true;
    }

    void surfaceHoldsTheGrid()
    {
        QFETCH(bool, decades);
        const int g = 37;
        const core::LandscapeGrid grid = makeGrid(g, decades);
        ui::SurfaceArea area(new ui::LandscapePlot);
        ui::LandscapePlot& plot = *area.mainPlot();
        plot.setLandscape(grid, {}, QStringLiteral("w"), QStringLiteral("b"));
        QCOMPARE(plot.isLogColorScale(), decades);
        ui::LandscapeView3D view(&area);
        QVERIFY(view.sync());
        QVERIFY(!view.sync());   // nothing new: nothing done
        QCOMPARE(view.isLogHeight(), decades);

        const QSurfaceDataProxy* proxy = view.surfaceSeries()->dataProxy();
        QCOMPARE(proxy->rowCount(), g);
        QCOMPARE(proxy->columnCount(), g);
        const double floor = view.heightFloor();
        if (decades) {
            // The floor is the smallest positive cell, as in the 2D map's colour scale.
            QCOMPARE(floor, plot.colorRange().lower);
            QVERIFY(floor > 0.0);
        } else {
            QCOMPARE(floor, grid.minLoss);
        }
        QCOMPARE(view.heightCeiling(), grid.maxLoss);
        const auto& rq = grid.request;
        for (int row = 0; row < g; ++row) {
            for (int col = 0; col < g; ++col) {
                const QSurfaceDataItem* item = proxy->itemAt(row, col);
                QCOMPARE(item->x(), static_cast<float>(rq.value1(col)));
                QCOMPARE(item->z(), static_cast<float>(rq.value2(row)));
                const double v = grid.loss(col, row);
                QCOMPARE(item->y(), static_cast<float>(decades ? std::max(v, floor) : v));
            }
        }
        if (decades)
            QCOMPARE(proxy->itemAt(g / 4, g / 2)->y(), static_cast<float>(floor));   // the exact zero sits on the floor

        // A new grid is picked up by the next sync.
        plot.setLandscape(makeGrid(21, decades), {}, QStringLiteral("w"), QStringLiteral("b"));
        QVERIFY(view.sync());
        QCOMPARE(view.surfaceSeries()->dataProxy()->rowCount(), 21);
    }

    void pathLiesOnTheSurface()
    {
        const core::LandscapeGrid grid = makeGrid(41, false);
        ui::SurfaceArea area(new ui::LandscapePlot);
        ui::LandscapePlot& plot = *area.mainPlot();
        plot.setLandscape(grid, {}, QStringLiteral("w"), QStringLiteral("b"));
        QVector<QPointF> path;
        for (int k = 0; k < 50; ++k)
            path.push_back(QPointF(-0.9 + 0.024 * k, 1.3 - 0.017 * k + 0.05 * std::sin(k)));
        path.push_back(QPointF(1.7, 0.2));   // off the grid: no ground, no beads to or from it
        path.push_back(QPointF(0.31, 0.41));
        plot.appendPath(path);
        plot.setCurrent(QPointF(0.31, 0.41), QPointF(0.1, 0.0), QPointF(), QPointF());
        ui::LandscapeView3D view(&area);
        QVERIFY(view.sync());

        const auto& dots = view.pathDots();
        QVERIFY2(dots.size() > 20, qPrintable(QString::number(dots.size())));
        QString why;
        QVERIFY2(onTheGround(view, grid, &why), qPrintable(why));
        // The first and the newest point exact; every other bead on one of the first 49 steps
        // (the two steps to and from the point off the grid have none).
        QCOMPARE(dots.front().x(), static_cast<float>(path.front().x()));
        QCOMPARE(dots.front().z(), static_cast<float>(path.front().y()));
        QCOMPARE(dots.back().x(), 0.31f);
        QCOMPARE(dots.back().z(), 0.41f);
        for (qsizetype k = 0; k + 1 < dots.size(); ++k) {
            const double off = offPath(QPointF(dots[k].x(), dots[k].z()), path, 0, 49);
            QVERIFY2(off < 1e-6, qPrintable(QStringLiteral("bead %1 is %2 off the path").arg(k).arg(off)));
        }
        // Along the first 49 steps (the newest point stands alone past the gap).
        const double gap = largestGap(view, grid.request, 0, dots.size() - 2);
        QVERIFY2(gap <= 1.01 * view.dotSpacing(),
            qPrintable(QStringLiteral("%1 vs %2").arg(gap).arg(view.dotSpacing())));
        const QVector3D c = view.currentPoint();
        QCOMPARE(c.x(), 0.31f);
        QCOMPARE(c.z(), 0.41f);
        QVERIFY(closeTo(c.y(), bilinear(grid, 0.31, 0.41)));

        // The path redrawn shorter (a seek back): the beads follow.
        plot.clearPath();
        plot.appendPath(path.mid(0, 10));
        plot.setCurrent(path[9], QPointF(), QPointF(), QPointF());
        QVERIFY(view.sync());
        QCOMPARE(view.pathDots().back().x(), static_cast<float>(path[9].x()));
        QCOMPARE(view.pathDots().back().z(), static_cast<float>(path[9].y()));
        for (const QVector3D& d : view.pathDots())
            QVERIFY(offPath(QPointF(d.x(), d.z()), path, 0, 9) < 1e-6);
        QCOMPARE(view.currentPoint().x(), static_cast<float>(path[9].x()));
        // Off the grid, the current point has no height and is not drawn.
        plot.setCurrent(QPointF(5.0, 5.0), QPointF(), QPointF(), QPointF());
        QVERIFY(view.sync());
        QVERIFY(std::isnan(view.currentPoint().y()));
        // A path of one point: one bead, there.
        plot.clearPath();
        plot.appendPath({QPointF(0.2, 0.3)});
        QVERIFY(view.sync());
        QCOMPARE(view.pathDots().size(), qsizetype{1});
        QCOMPARE(view.pathDots().front().x(), 0.2f);
    }

    // The graph draws in float: a landscape beyond it (a diverging run's view followed it to
    // losses of 1e52, and Qt Data Visualization's log axis crashed on the infinite float) is not
    // drawn, and the view says why; a drawable one afterwards is drawn again.
    void beyondFloatIsNotDrawn_data()
    {
        QTest::addColumn<double>("lossScale");
        QTest::addColumn<double>("coordinateScale");
        QTest::addColumn<bool>("decades");
        QTest::newRow("losses of 1e52, log heights") << 1e52 << 1.0 << true;
        QTest::newRow("losses of 1e52, linear heights") << 1e52 << 1.0 << false;
        QTest::newRow("coordinates of 1e60") << 1.0 << 1e60 << false;
        QTest::newRow("a range of 1e-50") << 1.0 << 1e-50 << false;
    }

    void beyondFloatIsNotDrawn()
    {
        QFETCH(double, lossScale);
        QFETCH(double, coordinateScale);
        QFETCH(bool, decades);
        core::LandscapeGrid huge = makeGrid(21, decades);
        huge.loss = huge.loss * lossScale + (decades ? 0.0 : lossScale);
        huge.minLoss = huge.loss.minCoeff();
        huge.maxLoss = huge.loss.maxCoeff();
        auto& rq = huge.request;
        rq.min1 *= coordinateScale;
        rq.max1 *= coordinateScale;
        rq.min2 *= coordinateScale;
        rq.max2 *= coordinateScale;
        ui::SurfaceArea area(new ui::LandscapePlot);
        ui::LandscapePlot& plot = *area.mainPlot();
        plot.setLandscape(huge, {}, QStringLiteral("w"), QStringLiteral("b"));
        plot.appendPath(
            {QPointF(0.1 * coordinateScale, 0.2 * coordinateScale), QPointF(0.3 * coordinateScale, 0.4 * coordinateScale)});
        plot.setCurrent(QPointF(0.3 * coordinateScale, 0.4 * coordinateScale), QPointF(), QPointF(), QPointF());
        ui::LandscapeView3D view(&area);
        view.sync();
        QVERIFY(view.isOutOfRange());
        QVERIFY2(view.message().contains(QStringLiteral("cannot draw this landscape")), qPrintable(view.message()));
        QCOMPARE(view.surfaceSeries()->dataProxy()->rowCount(), 0);
        QVERIFY(view.pathDots().isEmpty());
        QVERIFY(std::isnan(view.currentPoint().x()));

        plot.setLandscape(makeGrid(21, decades), {}, QStringLiteral("w"), QStringLiteral("b"));
        QVERIFY(view.sync());
        QVERIFY(!view.isOutOfRange());
        QVERIFY(!view.message().contains(QStringLiteral("cannot draw this landscape")));
        QCOMPARE(view.surfaceSeries()->dataProxy()->rowCount(), 21);
    }

    // A run's steps shrink by orders of magnitude near a minimum: beads picked by step index
    // bunched up among the short steps and left the long one bare. Spaced by arc length, no two
    // neighbours are more than a bead's diameter apart, on linear and on log heights.
    void longStepAmongShortOnesIsCovered_data()
    {
        QTest::addColumn<bool>("decades");
        QTest::newRow("linear heights") << false;
        QTest::newRow("log heights") << true;
    }

    void longStepAmongShortOnesIsCovered()
    {
        QFETCH(bool, decades);
        const core::LandscapeGrid grid = makeGrid(64, decades);
        ui::SurfaceArea area(new ui::LandscapePlot);
        ui::LandscapePlot& plot = *area.mainPlot();
        plot.setLandscape(grid, {}, QStringLiteral("w"), QStringLiteral("b"));
        QVector<QPointF> path;
        for (int k = 0; k < 250; ++k)   // creeping near one corner
            path.push_back(QPointF(-0.9 + 1e-4 * k, -0.4 + 5e-5 * k));
        for (int k = 0; k < 250; ++k)   // one long step across the bowl, then creeping again
            path.push_back(QPointF(0.85 - 1e-4 * k, 1.35 - 1e-4 * k));
        plot.appendPath(path);
        ui::LandscapeView3D view(&area);
        QVERIFY(view.sync());

        const auto& dots = view.pathDots();
        QVERIFY(dots.size() <= ui::LandscapeView3D::kMaxPathDots);
        const double gap = largestGap(view, grid.request);
        QVERIFY2(gap <= 1.01 * view.dotSpacing(),
            qPrintable(
                QStringLiteral("%1 beads, gap %2, spacing %3").arg(dots.size()).arg(gap).arg(view.dotSpacing())));
        QString why;
        QVERIFY2(onTheGround(view, grid, &why), qPrintable(why));
        QCOMPARE(dots.front().x(), static_cast<float>(path.front().x()));
        QCOMPARE(dots.back().x(), static_cast<float>(path.back().x()));
        QCOMPARE(dots.back().z(), static_cast<float>(path.back().y()));
        // The long step climbs over the bowl's rim rather than being a straight chord: the beads
        // along it are many, and the ones in its middle are on the ground (checked above).
        int onLongStep = 0;
        for (const QVector3D& d : dots)
            onLongStep += d.x() > -0.8f && d.x() < 0.75f ? 1 : 0;
        QVERIFY2(onLongStep > 40, qPrintable(QString::number(onLongStep)));
    }

    void veryLongPathSpreadsEvenlyUpToTheLimit()
    {
        const core::LandscapeGrid grid = makeGrid(21, false);
        ui::SurfaceArea area(new ui::LandscapePlot);
        ui::LandscapePlot& plot = *area.mainPlot();
        plot.setLandscape(grid, {}, QStringLiteral("w"), QStringLiteral("b"));
        // Forty crossings of the grid, far more than kMaxPathDots beads a diameter apart.
        QVector<QPointF> path;
        const int n = 5000;
        for (int k = 0; k < n; ++k) {
            const double t = static_cast<double>(k) / (n - 1);
            path.push_back(QPointF(-0.9 + 1.8 * std::abs(std::fmod(40.0 * t, 2.0) - 1.0), 1.4 - 1.8 * t));
        }
        plot.appendPath(path);
        ui::LandscapeView3D view(&area);
        view.sync();
        const auto& dots = view.pathDots();
        QCOMPARE(dots.size(), qsizetype{ui::LandscapeView3D::kMaxPathDots});
        QCOMPARE(dots.front().x(), static_cast<float>(path.front().x()));
        QCOMPARE(dots.back().x(), static_cast<float>(path.back().x()));
        QCOMPARE(dots.back().z(), static_cast<float>(path.back().y()));
        for (qsizetype k = 1; k < dots.size(); ++k)
            QVERIFY(dots[k].z() < dots[k - 1].z());   // in order, no repeats
        // Evenly: a bead every length / (count - 1) along the ground (the beads at a turn are
        // closer, as the crow flies, than along the path).
        const double even = lengthOnTheGround(view, grid, path) / static_cast<double>(dots.size() - 1);
        QVERIFY(even > view.dotSpacing());
        QVector<double> all = gaps(view, grid.request);
        std::sort(all.begin(), all.end());
        QVERIFY2(all.back() <= 1.01 * even, qPrintable(QStringLiteral("%1 vs %2").arg(all.back()).arg(even)));
        const double median = all[all.size() / 2];
        QVERIFY2(std::abs(median - even) < 0.02 * even, qPrintable(QStringLiteral("%1 vs %2").arg(median).arg(even)));
    }

    // Round ticks inside the axis's own range, labelled without noise digits, each at its value's
    // place along the axis.
    void ticksAreRoundValues_data()
    {
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<int>("target");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("[-1.37, 2.91]") << -1.37 << 2.91 << 5 << QStringList{"-1", "0", "1", "2"};
        QTest::newRow("[-1.37, 2.91], room for more") << -1.37 << 2.91 << 8
                                                      << QStringList{"-1", "-0.5", "0", "0.5", "1", "1.5", "2", "2.5"};
        QTest::newRow("[-1.37, 2.91], a small dock") << -1.37 << 2.91 << 2 << QStringList{"0", "2"};
        QTest::newRow("a half either side") << -0.51 << 0.52 << 3 << QStringList{"-0.5", "0", "0.5"};
        QTest::newRow("-0.5 just outside") << -0.4972 << 0.5031 << 3 << QStringList{"0", "0.5"};
        QTest::newRow("about a half, finer") << -0.4972 << 0.5031 << 5
                                             << QStringList{"-0.4", "-0.2", "0", "0.2", "0.4"};
        QTest::newRow("small losses") << 0.00123 << 0.0456 << 5 << QStringList{"0.01", "0.02", "0.03", "0.04"};
        QTest::newRow("tenths from 0.1") << 0.1 << 0.75 << 6
                                         << QStringList{"0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"};
        QTest::newRow("thousands") << 1234.0 << 98765.0 << 5 << QStringList{"20000", "40000", "60000", "80000"};
        QTest::newRow("huge") << 0.0 << 3.2e7 << 4 << QStringList{"0", "1e+07", "2e+07", "3e+07"};
        QTest::newRow("ends on ticks") << 0.0 << 1.0 << 3 << QStringList{"0", "0.5", "1"};
        QTest::newRow("room for 2, round values 1 or 5: the ends") << -4.0 << 4.0 << 2 << QStringList{"-4", "4"};
        QTest::newRow("room for 3") << -4.0 << 4.0 << 3 << QStringList{"-4", "-2", "0", "2", "4"};
    }

    void ticksAreRoundValues()
    {
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(int, target);
        QFETCH(QStringList, labels);
        QValue3DAxis axis;
        auto* formatter = new ui::NiceAxisFormatter;
        formatter->setTargetTickCount(target);
        axis.setFormatter(formatter);
        axis.setRange(static_cast<float>(min), static_cast<float>(max));
        QCOMPARE(axis.labels(), labels);   // what the graph draws
        const QList<float> positions = formatter->tickPositions();
        QCOMPARE(positions.size(), labels.size());
        for (qsizetype k = 0; k < labels.size(); ++k) {
            bool ok = false;
            const double value = labels[k].toDouble(&ok);
            QVERIFY(ok);
            const double expected = (value - axis.min()) / (axis.max() - axis.min());
            QVERIFY2(std::abs(positions[k] - expected) < 1e-6,
                qPrintable(QStringLiteral("%1 at %2, not %3").arg(labels[k]).arg(positions[k]).arg(expected)));
        }
        // The range stays the axis's own.
        QCOMPARE(axis.min(), static_cast<float>(min));
        QCOMPARE(axis.max(), static_cast<float>(max));
    }

    // Whatever the range and the room, an axis shows at least two labelled ticks (a single "0"
    // does not tell the scale), no more than half as many again as there is room for, each
    // inside the range and on one of the axis's lines, evenly spaced.
    void everyAxisHasTwoLabels()
    {
        const std::pair<double, double> ranges[] = {{-4, 4}, {-1, 1}, {0, 1}, {-0.5, 0.5}, {1, 10}, {-3.3, 7.1},
            {100, 900}, {-4.5, 4.5}, {-0.04, 0.04}, {-40, 40}, {0.2, 0.9}, {-2e6, 6e6}};
        for (const auto& [min, max] : ranges) {
            for (int target = 2; target <= 6; ++target) {
                QValue3DAxis axis;
                auto* formatter = new ui::NiceAxisFormatter;
                formatter->setTargetTickCount(target);
                axis.setFormatter(formatter);
                axis.setRange(static_cast<float>(min), static_cast<float>(max));
                const QStringList labels = axis.labels();
                const QString where = QStringLiteral("[%1, %2], room for %3: %4").arg(min).arg(max).arg(target).arg(labels.join(QLatin1Char(' ')));
                QVERIFY2(labels.size() >= 2, qPrintable(where));
                QVERIFY2(labels.size() <= (3 * target + 1) / 2, qPrintable(where));
                std::vector<double> values;
                for (const QString& label : labels) {
                    bool ok = false;
                    values.push_back(label.toDouble(&ok));
                    QVERIFY2(ok, qPrintable(where));
                    const double slack = 1e-6 * (max - min);
                    QVERIFY2(values.back() >= axis.min() - slack && values.back() <= axis.max() + slack, qPrintable(where));
                }
                for (std::size_t k = 2; k < values.size(); ++k)
                    QVERIFY2(std::abs((values[k] - values[k - 1]) - (values[1] - values[0])) < 1e-6 * (max - min), qPrintable(where));
                // Each label on a line of the grid.
                const QList<float> lines = formatter->gridLinePositions();
                for (const float p : formatter->tickPositions())
                    QVERIFY2(std::any_of(lines.begin(), lines.end(), [p](float l) { return std::abs(l - p) < 1e-6f; }), qPrintable(where));
            }
        }
    }

    // A log height axis keeps a line per decade and labels every k-th decade where the labels
    // would crowd its edge.
    void logHeightLabelsThinOutWhenCrowded_data()
    {
        QTest::addColumn<float>("floor");
        QTest::addColumn<int>("room");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("room for all")
            << 1e-6f << 9 << QStringList{"1e-06", "1e-05", "0.0001", "0.001", "0.01", "0.1", "1", "10", "100"};
        QTest::newRow("room for 5: every second") << 1e-6f << 5 << QStringList{"1e-06", "0.0001", "0.01", "1", "100"};
        QTest::newRow("room for 3: every third") << 1e-6f << 3 << QStringList{"1e-06", "0.001", "1"};
        QTest::newRow("room for 2: every fourth") << 1e-6f << 2 << QStringList{"0.0001", "1"};
        QTest::newRow("room for 2 over five decades: not 1 alone") << 0.005f << 2 << QStringList{"0.01", "1", "100"};
    }

    void logHeightLabelsThinOutWhenCrowded()
    {
        QFETCH(float, floor);
        QFETCH(int, room);
        QFETCH(QStringList, labels);
        QValue3DAxis axis;
        axis.setLabelFormat(QStringLiteral("%.3g"));   // as the view's
        auto* formatter = new ui::DecadeAxisFormatter;
        formatter->setTargetLabelCount(room);
        axis.setFormatter(formatter);
        axis.setRange(floor, 200.0f);
        QStringList shown = axis.labels();
        shown.removeAll(QString());
        QCOMPARE(shown, labels);
        // A line at every decade all the same, at its place on the log scale.
        const QList<float> lines = formatter->linePositions();
        const double low = std::log10(static_cast<double>(axis.min()));
        const double high = std::log10(static_cast<double>(axis.max()));
        for (int n = static_cast<int>(std::ceil(low - 1e-6)); n <= 2; ++n) {
            const double at = (n - low) / (high - low);
            const bool found
                = std::any_of(lines.begin(), lines.end(), [at](float p) { return std::abs(p - at) < 1e-4; });
            QVERIFY2(found, qPrintable(QStringLiteral("no line at 1e%1").arg(n)));
        }
    }

    // The labels' text is kLabelTextScale times as tall on screen as the 2D plots' tick labels
    // (at the middle of the box's depth), in a small dock and a large one, and presentation mode
    // makes it presentationTextScale() times as tall (Qt Data Visualization draws a label
    // 2 x (0.05 + points / 500) scene units tall).
    void labelSizeFollowsTheGraphAndPresentation()
    {
        ui::SurfaceArea area(new ui::LandscapePlot);
        area.mainPlot()->setLandscape(makeGrid(21, false), {}, QStringLiteral("w"), QStringLiteral("b"));
        ui::LandscapeView3D view(&area);
        const auto sceneHeight = [&] { return 2.0 * (0.05 + view.theme()->font().pointSizeF() / 500.0); };
        const QFontMetricsF normalText(ui::palette::tickLabelFont());
        const double wanted = ui::LandscapeView3D::kLabelTextScale * normalText.capHeight();
        QVERIFY(ui::LandscapeView3D::kLabelTextScale >= 1.0);
        QCOMPARE(view.labelCapPixels(), wanted);
        // The text's cap height on screen: the label's scene height in pixels, times the share of
        // the label's texture (50 pt text and 20 pixels of padding) that the cap height takes.
        QFont texture = view.theme()->font();
        texture.setPointSize(50);
        const double capShare = QFontMetricsF(texture).capHeight() / (QFontMetrics(texture).height() + 20);
        const auto capOnScreen = [&] {
            const QSizeF graph = view.viewportSize();
            return sceneHeight() * capShare
                * ui::LandscapeView3D::sceneToPixels(graph, ui::LandscapeView3D::fittedZoom(graph));
        };
        // The camera's zoom fits the box into graphs wider than 4:3, and the labels keep their size.
        QCOMPARE(ui::LandscapeView3D::fittedZoom(QSizeF(300, 600)), double{ui::LandscapeView3D::kZoomLevel});
        QVERIFY(ui::LandscapeView3D::fittedZoom(QSizeF(440, 230)) < ui::LandscapeView3D::fittedZoom(QSizeF(440, 330)));

        view.resize(440, 330);   // about the dock's graph at 1280 x 800
        view.applyPresentationScale();
        QVERIFY2(std::abs(capOnScreen() - wanted) < 0.01,
            qPrintable(QStringLiteral("%1 vs %2").arg(capOnScreen()).arg(wanted)));
        const double smallDock = sceneHeight();
        view.resize(900, 400);
        view.applyPresentationScale();
        QVERIFY(std::abs(capOnScreen() - wanted) < 0.01);
        QVERIFY(sceneHeight() < smallDock);   // a larger graph: smaller in the scene, as tall on screen

        const auto restore = qScopeGuard([] { ui::palette::setPresentationScale(1.0, 1.0); });
        const double normal = sceneHeight();
        ui::palette::setPresentationScale(1.6, 1.3);
        view.applyPresentationScale();
        QVERIFY2(std::abs(sceneHeight() / normal - 1.3) < 1e-9,
            qPrintable(QString::number(sceneHeight() / normal, 'g', 17)));
        QVERIFY(std::abs(capOnScreen() - 1.3 * wanted) < 0.01);
        ui::palette::setPresentationScale(1.0, 1.0);
        view.applyPresentationScale();
        QCOMPARE(sceneHeight(), normal);
    }

    void renders()
    {
        if (!ui::LandscapeView3D::openGLAvailable())
            QSKIP("No OpenGL context on this platform (CTest runs with QT_QPA_PLATFORM=offscreen): run this test under "
                  "xvfb-run with QT_QPA_PLATFORM=xcb to check the drawing");
        const core::LandscapeGrid grid = makeGrid(64, false);
        ui::SurfaceArea area(new ui::LandscapePlot);
        ui::LandscapePlot& plot = *area.mainPlot();
        plot.setLandscape(grid, {}, QStringLiteral("w"), QStringLiteral("b"));
        QVector<QPointF> path;
        for (int k = 0; k < 40; ++k)
            path.push_back(QPointF(-0.9 + 0.03 * k, 1.3 - 0.022 * k));
        plot.appendPath(path);
        plot.setCurrent(path.back(), QPointF(), QPointF(), QPointF());

        QWidget window;
        window.resize(520, 440);
        auto* view = new ui::LandscapeView3D(&area, &window);
        view->resize(window.size());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(view->graph(), qPrintable(view->message()));
        QVERIFY(view->pathDots().size() > 40);   // beads along the 40 points' 39 steps
        QCOMPARE(view->graph()->customItems().size(), view->pathDots().size() + 1);   // and the current point
        QCOMPARE(view->graph()->activeTheme(), view->theme());
        QVERIFY(view->graph()->axisX()->isTitleVisible() && view->graph()->axisZ()->isTitleVisible());
        QVERIFY(!view->graph()->axisY()->isTitleVisible());   // the dock's header names the height
        // The graph's own axes label round values: equal steps of 1, 2 or 5 x 10^k, each label a
        // multiple of the step, as the graph draws them.
        for (QValue3DAxis* axis : {view->graph()->axisX(), view->graph()->axisY(), view->graph()->axisZ()}) {
            const QStringList labels = axis->labels();
            QVERIFY2(labels.size() >= 2, qPrintable(labels.join(QLatin1Char(' '))));
            const double step = labels[1].toDouble() - labels[0].toDouble();
            const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
            QVERIFY2(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9,
                qPrintable(labels.join(QLatin1Char(' '))));
            for (const QString& label : labels) {
                const double multiple = label.toDouble() / step;
                QVERIFY2(std::abs(multiple - std::round(multiple)) < 1e-9, qPrintable(labels.join(QLatin1Char(' '))));
                QVERIFY(label.toDouble() >= axis->min() - 1e-6 && label.toDouble() <= axis->max() + 1e-6);
            }
        }
        QTest::qWait(500);   // the graph draws on its own update requests

        // What the graph draws...
        const QImage drawn = view->graph()->renderToImage(0, QSize(400, 340));
        QVERIFY(!drawn.isNull());
        QVERIFY2(colourCount(drawn) > 50, qPrintable(QString::number(colourCount(drawn))));
        // ...and what is on screen where the view is (the window container is a native child
        // window: grab the screen, not the widget).
        const QPoint origin = view->mapToGlobal(QPoint(0, 0));
        const QImage screen = window.screen()->grabWindow(0, origin.x(), origin.y(), view->width(), view->height()).toImage();
        QVERIFY(!screen.isNull());
        const int onScreen = colourCount(screen);
        QVERIFY2(onScreen > 50, qPrintable(QString::number(onScreen)));
        const QString dir = QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        drawn.save(dir + QStringLiteral("/view3d-render.png"));
        screen.save(dir + QStringLiteral("/view3d-screen.png"));
    }
};

QTEST_MAIN(TestView3D)
#include "test_view3d.moc"
