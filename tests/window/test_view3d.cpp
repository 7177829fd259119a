// The 3D view on its own, over a surface area with a grid made by hand (the view in the window is
// tests/window/test_view3d_window): the surface series holds the landscape plot's grid (rows,
// columns, heights, the log floor), the path's dots lie on it at the loss read bilinearly from
// the grid (computed here independently), a long path is thinned with its newest point exact.
// Drawing needs a real OpenGL context: renders() checks that the view shows a picture and skips
// where there is none (CTest runs offscreen); run it under Xvfb with
//   QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" build/tests/window_test_view3d
// Built only with Qt Data Visualization.
#include <QDir>
#include <QScreen>
#include <QSurface3DSeries>
#include <QtTest>
#include <Q3DSurface>

#include <cmath>
#include <set>

#include "plots/landscape_plot.h"
#include "tests/common/landscape_grids.h"
#include "window/landscape/landscape_view_3d.h"
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
        path.push_back(QPointF(1.7, 0.2));   // off the grid: no ground, no dot
        path.push_back(QPointF(0.31, 0.41));
        plot.appendPath(path);
        plot.setCurrent(QPointF(0.31, 0.41), QPointF(0.1, 0.0), QPointF(), QPointF());
        ui::LandscapeView3D view(&area);
        QVERIFY(view.sync());

        const auto& dots = view.pathDots();
        QCOMPARE(dots.size(), qsizetype{51});
        int k = 0;
        for (const QPointF& p : path) {
            if (p.x() > grid.request.max1)
                continue;
            const QVector3D& d = dots[k++];
            QCOMPARE(d.x(), static_cast<float>(p.x()));
            QCOMPARE(d.z(), static_cast<float>(p.y()));
            QVERIFY2(closeTo(d.y(), bilinear(grid, p.x(), p.y())),
                qPrintable(QStringLiteral("dot %1: %2 vs %3").arg(k).arg(d.y()).arg(bilinear(grid, p.x(), p.y()))));
        }
        const QVector3D c = view.currentPoint();
        QCOMPARE(c.x(), 0.31f);
        QCOMPARE(c.z(), 0.41f);
        QVERIFY(closeTo(c.y(), bilinear(grid, 0.31, 0.41)));

        // The path redrawn shorter (a seek back): the dots follow.
        plot.clearPath();
        plot.appendPath(path.mid(0, 10));
        plot.setCurrent(path[9], QPointF(), QPointF(), QPointF());
        QVERIFY(view.sync());
        QCOMPARE(view.pathDots().size(), qsizetype{10});
        QCOMPARE(view.currentPoint().x(), static_cast<float>(path[9].x()));
        // Off the grid, the current point has no height and is not drawn.
        plot.setCurrent(QPointF(5.0, 5.0), QPointF(), QPointF(), QPointF());
        QVERIFY(view.sync());
        QVERIFY(std::isnan(view.currentPoint().y()));
    }

    void longPathIsThinnedNewestExact()
    {
        const core::LandscapeGrid grid = makeGrid(21, false);
        ui::SurfaceArea area(new ui::LandscapePlot);
        ui::LandscapePlot& plot = *area.mainPlot();
        plot.setLandscape(grid, {}, QStringLiteral("w"), QStringLiteral("b"));
        QVector<QPointF> path;
        const int n = 5000;
        for (int k = 0; k < n; ++k)
            path.push_back(QPointF(-0.9 + 1.8 * k / n, 1.4 - 1.8 * k / n));
        plot.appendPath(path);
        ui::LandscapeView3D view(&area);
        view.sync();
        const auto& dots = view.pathDots();
        QCOMPARE(dots.size(), qsizetype{ui::LandscapeView3D::kMaxPathDots});
        QCOMPARE(dots.front().x(), static_cast<float>(path.front().x()));
        QCOMPARE(dots.back().x(), static_cast<float>(path.back().x()));
        QCOMPARE(dots.back().z(), static_cast<float>(path.back().y()));
        for (qsizetype k = 1; k < dots.size(); ++k)
            QVERIFY(dots[k].x() > dots[k - 1].x());   // in order, no repeats
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
        QCOMPARE(view->graph()->customItems().size(), qsizetype{41});   // 40 dots and the current point
        QCOMPARE(view->graph()->activeTheme(), view->theme());
        QVERIFY(view->graph()->axisX()->isTitleVisible() && view->graph()->axisZ()->isTitleVisible());
        QVERIFY(!view->graph()->axisY()->isTitleVisible());   // the dock's header names the height
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
