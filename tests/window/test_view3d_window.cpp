// The 3D view (View > 3D view) in the window (the view on its own is tests/window/test_view3d):
// it follows the run and the timeline only while its dock is open, draws the plot chosen side by
// side and says which, and grows its labels and markers in presentation mode (the theme and the
// sizes are the view's own, so this is checked offscreen too). The window tests save screenshots
// only where there is an OpenGL context (CTest runs offscreen); run it under Xvfb with
//   QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" build/tests/window_test_view3d_window
// A build without Qt Data Visualization checks that the View menu says the view is unavailable.
#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>

#include "window/shell/appearance.h"
#include "tests/common/controller_sync.h"
#include "tests/common/window_harness.h"
#include "plots/landscape_plot.h"
#include "window/shell/main_window.h"
#include "window/run/timeline_bar.h"
#include "session/run/training_controller.h"

#ifdef DOWNHILL_HAVE_3D
#include <QComboBox>
#include <QCustom3DItem>
#include <QLabel>
#include <QScreen>
#include <QSurface3DSeries>
#include <Q3DSurface>
#include <Q3DTheme>

#include "session/settings/app_settings.h"
#include "window/landscape/landscape_view_3d.h"
#include "plots/palette.h"
#include "tests/common/landscape_grids.h"
#include "window/run/surface_area.h"
#include "window/run/surface_feeder.h"
#endif

using namespace downhill;
using downhill::test::action;
using downhill::test::syncWith;
using downhill::ui::MainWindow;
#ifdef DOWNHILL_HAVE_3D
using downhill::test::makeGrid;
#endif

namespace {

std::unique_ptr<MainWindow> openWindow()
{
    MainWindow::Options options;
    options.persist = false;
    auto w = std::make_unique<MainWindow>(options);
    QSignalSpy shown(w.get(), &MainWindow::landscapeShown);
    w->resize(1280, 800);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    QElapsedTimer t;
    t.start();
    while (shown.isEmpty() && t.elapsed() < 20000)
        shown.wait(100);
    return shown.isEmpty() ? nullptr : std::move(w);
}

#ifdef DOWNHILL_HAVE_3D

// The window after `steps` steps, with the 3D dock opened; nullptr if it could not be had.
std::unique_ptr<MainWindow> windowWith3D(int steps)
{
    auto w = openWindow();
    if (!w)
        return nullptr;
    for (int k = 0; k < steps; ++k) {
        action(*w, "stepAction")->trigger();
        if (!syncWith(w->controller()))
            return nullptr;
    }
    w->view3dAction()->trigger();
    return w;
}

// The series holds this plot's grid, the heights as the view draws them (within the colour
// scale's range, the ceiling for a non-finite cell).
bool drawsGridOf(const ui::LandscapeView3D& view, const ui::LandscapePlot& plot)
{
    const QSurfaceDataProxy* proxy = view.surfaceSeries()->dataProxy();
    const core::Array2D& loss = plot.lossGrid();
    const int g = plot.gridRequest().resolution;
    if (proxy->rowCount() != g || proxy->columnCount() != g)
        return false;
    const QCPRange range = plot.colorRange();
    for (int row = 0; row < g; ++row) {
        for (int col = 0; col < g; ++col) {
            // In the colour scale's range (on a log scale the zeros on its floor), the
            // non-finite cells at its top.
            const double v = loss(col, row);
            const double h = std::isfinite(v) ? std::clamp(v, range.lower, range.upper) : range.upper;
            if (proxy->itemAt(row, col)->y() != static_cast<float>(h))
                return false;
        }
    }
    return true;
}

// The view's path ends where the plot's does (its beads are spaced along the path, so their
// number is not the plot's; the newest point is exact).
bool endsAtNewest(const ui::LandscapeView3D& view, const ui::LandscapePlot& plot)
{
    const QVector<QPointF> path = plot.pathPoints();
    const auto& dots = view.pathDots();
    return !path.isEmpty() && !dots.isEmpty() && dots.back().x() == static_cast<float>(path.back().x())
        && dots.back().z() == static_cast<float>(path.back().y());
}

// Qt Data Visualization draws a label 2 x (0.05 + points / 500) scene units tall, whatever the font.
double labelHeight(const QFont& font)
{
    return 2.0 * (0.05 + font.pointSizeF() / 500.0);
}

// The whole window as on screen (the 3D view is a native child window: grab the screen, not
// the widget) into build/screenshots, where there is a graph to see.
bool screenshot(QWidget& window, const ui::LandscapeView3D& view, const char* name)
{
    if (!view.graph())
        return true;
    QTest::qWait(1500);   // software OpenGL draws a frame in a few hundred ms
    const QImage shot = window.screen()->grabWindow(0, window.x(), window.y(), window.width(), window.height()).toImage();
    const QString dir = QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    return shot.save(dir + QLatin1Char('/') + QLatin1String(name));
}

#endif

}  // namespace

class TestView3DWindow : public QObject {
    Q_OBJECT
private slots:
    // The program's look (its style sheet keeps fonts from passing to children, which
    // presentation mode relies on), as in downhill itself.
    void initTestCase() { ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance())); }

#ifdef DOWNHILL_HAVE_3D
    void followsTheWindowOnlyWhileOpen()
    {
        auto w = openWindow();
        QVERIFY(w);
        QAction* toggle = w->view3dAction();
        QVERIFY(toggle);
        QCOMPARE(toggle->objectName(), QStringLiteral("view3dDockAction"));
        QVERIFY(toggle->isEnabled());
        QCOMPARE(toggle->text(), QStringLiteral("3D view"));
        auto* dock = w->findChild<QDockWidget*>(QStringLiteral("view3dDock"));
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());   // closed at start
        ui::LandscapeView3D* view = w->landscapeView3D();
        QVERIFY(view);

        for (int k = 0; k < 5; ++k) {
            action(*w, "stepAction")->trigger();
            QVERIFY(syncWith(w->controller()));
        }
        QTest::qWait(250);
        QCOMPARE(view->updateCount(), 0);   // closed: no work at all
        QVERIFY(!view->graph());

        toggle->trigger();
        QVERIFY(dock->isVisible());
        QVERIFY(view->updateCount() >= 1);   // brought up to date when shown
        auto* plot = w->landscapePlot();
        QCOMPARE(plot->pathPointCount(), 6);
        QVERIFY(endsAtNewest(*view, *plot));
        QCOMPARE(view->surfaceSeries()->dataProxy()->rowCount(), plot->gridRequest().resolution);
        const QPointF current = plot->currentPoint();
        QCOMPARE(view->currentPoint().x(), static_cast<float>(current.x()));
        QCOMPARE(view->currentPoint().z(), static_cast<float>(current.y()));
        if (!ui::LandscapeView3D::openGLAvailable()) {
            QVERIFY(!view->graph());
            QVERIFY(view->message().contains(QStringLiteral("OpenGL")));
        }

        // Live: more steps reach the view within a tick or two of its timer.
        for (int k = 0; k < 4; ++k) {
            action(*w, "stepAction")->trigger();
            QVERIFY(syncWith(w->controller()));
        }
        QCOMPARE(plot->pathPointCount(), 10);
        QTRY_VERIFY_WITH_TIMEOUT(endsAtNewest(*view, *plot), 3000);

        // The timeline: back to step 3 redraws the plot's path, and the view follows.
        w->controller()->seek(3);
        QVERIFY(syncWith(w->controller()));
        QCOMPARE(plot->pathPointCount(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(endsAtNewest(*view, *plot), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(view->currentPoint().x(), static_cast<float>(plot->currentPoint().x()), 3000);

        // Playing: at most kUpdatesPerSecond updates a second, however fast the run (fewer
        // where drawing is slow, under Xvfb's software OpenGL).
        const int before = view->updateCount();
        QElapsedTimer played;
        played.start();
        action(*w, "playAction")->trigger();
        QTest::qWait(1000);
        action(*w, "playAction")->trigger();
        const int during = view->updateCount() - before;
        // Per the time it really played: qWait returns late when an event inside it runs long.
        // The view's timer is a coarse one, which may fire up to 5% early.
        const qint64 ms = played.elapsed();
        const qint64 allowed = ms * ui::LandscapeView3D::kUpdatesPerSecond / 950 + 2;
        QVERIFY2(during <= allowed, qPrintable(QStringLiteral("%1 updates in %2 ms").arg(during).arg(ms)));
        QVERIFY(view->updateIntervalMs() >= 1000 / ui::LandscapeView3D::kUpdatesPerSecond);
        QVERIFY(view->updateIntervalMs() <= ui::LandscapeView3D::kSlowestIntervalMs);
        QTRY_VERIFY_WITH_TIMEOUT(view->updateCount() > before, ui::LandscapeView3D::kSlowestIntervalMs + 1000);
        if (view->graph())
            qInfo("3D view: %d updates in 1 s of play; last frame drawn in %.1f ms, polling every %d ms (%d x %d grid)",
                during, view->lastRenderMs(), view->updateIntervalMs(), plot->gridRequest().resolution,
                plot->gridRequest().resolution);

        // Closed again: it stops following.
        QVERIFY(syncWith(w->controller()));
        toggle->trigger();
        QVERIFY(!dock->isVisible());
        const int closedAt = view->updateCount();
        for (int k = 0; k < 3; ++k) {
            action(*w, "stepAction")->trigger();
            QVERIFY(syncWith(w->controller()));
        }
        QTest::qWait(300);
        QCOMPARE(view->updateCount(), closedAt);
    }

    // Opened, the 3D view is a tab of the right column at the column's width: the column does
    // not widen for it (it did, to 440 px), so the landscape keeps its room, at 1280 x 800 and
    // at 1920 x 1080.
    void openingKeepsTheColumnWidth_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void openingKeepsTheColumnWidth()
    {
        QFETCH(QSize, size);
        auto w = openWindow();
        QVERIFY(w);
        w->resize(size);
        QVERIFY(test::settleLayouts());
        QTest::qWait(100);
        auto* now = w->findChild<QDockWidget*>(QStringLiteral("nowDock"));
        auto* loss = w->findChild<QDockWidget*>(QStringLiteral("lossDock"));
        const int column = now->width();
        const int landscape = w->landscapePlot()->width();
        QCOMPARE(loss->width(), column);
        w->view3dAction()->trigger();
        auto* dock = w->findChild<QDockWidget*>(QStringLiteral("view3dDock"));
        QVERIFY(dock->isVisible());
        QTest::qWait(300);
        QVERIFY(test::settleLayouts());
        QCoreApplication::processEvents();
        qInfo("column %d px, the 3D dock %d px, the landscape %d px (%d before)", column, dock->width(),
            w->landscapePlot()->width(), landscape);
        QVERIFY2(dock->width() <= column, qPrintable(QStringLiteral("%1 > %2").arg(dock->width()).arg(column)));
        QCOMPARE(loss->width(), column);
        QCOMPARE(w->landscapePlot()->width(), landscape);
    }

    void presentationScalesLabelsAndMarkers()
    {
        // No graph needed: the theme and the sizes are the view's own.
        ui::SurfaceArea area(new ui::LandscapePlot);
        area.mainPlot()->setLandscape(makeGrid(21, false), {}, QStringLiteral("w"), QStringLiteral("b"));
        ui::LandscapeView3D view(&area);
        const QFont normalFont = view.theme()->font();
        const float normalDot = view.dotRadius();
        const float normalCurrent = view.currentRadius();
        QVERIFY(normalDot > 0.0f && normalCurrent > normalDot);

        const auto restore = qScopeGuard([] { ui::palette::setPresentationScale(1.0, 1.0); });
        ui::palette::setPresentationScale(1.6, 1.3);
        view.applyPresentationScale();
        const double ratio = labelHeight(view.theme()->font()) / labelHeight(normalFont);
        QVERIFY2(std::abs(ratio - 1.3) < 1e-9, qPrintable(QString::number(ratio, 'g', 17)));
        QCOMPARE(view.theme()->font().family(), normalFont.family());
        QCOMPARE(view.dotRadius(), normalDot * 1.6f);
        QCOMPARE(view.currentRadius(), normalCurrent * 1.6f);

        ui::palette::setPresentationScale(1.0, 1.0);
        view.applyPresentationScale();
        QCOMPARE(view.theme()->font(), normalFont);
        QCOMPARE(view.dotRadius(), normalDot);
        QCOMPARE(view.currentRadius(), normalCurrent);
    }

    void presentationModeScalesTheDock()
    {
        auto w = windowWith3D(5);
        QVERIFY(w);
        ui::LandscapeView3D* view = w->landscapeView3D();
        QTRY_VERIFY_WITH_TIMEOUT(endsAtNewest(*view, *w->landscapePlot()), 3000);
        auto* title = view->findChild<QLabel*>(QStringLiteral("view3dSurfaceTitle"));
        QVERIFY(title);
        // For a look by eye: the window with the dock open, as it is (and below in presentation
        // mode). With a graph this waits for it to draw, by which time the dock has its size,
        // which the labels' size follows.
        QVERIFY(screenshot(*w, *view, "view3d-window.png"));
        const QFont normalFont = view->theme()->font();
        const QFont normalTitle = title->font();
        const float normalDot = view->dotRadius();
        const float normalCurrent = view->currentRadius();
        // What the graph draws with: the view's theme, and balls of the view's sizes.
        const auto graphMatches = [&] {
            if (!view->graph())
                return true;
            if (view->graph()->activeTheme() != view->theme())
                return false;
            const auto items = view->graph()->customItems();
            int current = 0;
            for (const QCustom3DItem* item : items) {
                const float r = item->scaling().x();
                current += r == view->currentRadius() ? 1 : 0;
                if (r != view->currentRadius() && r != view->dotRadius())
                    return false;
            }
            return current == 1 && view->pathDots().size() >= 2 && items.size() >= view->pathDots().size() + 1;
        };
        QVERIFY(graphMatches());

        auto* dock = w->findChild<QDockWidget*>(QStringLiteral("view3dDock"));
        QVERIFY(dock);
        const int normalWidth = dock->width();
        w->setPresentationMode(true);
        const double text = ui::palette::presentationTextScale();
        const double lines = ui::palette::presentationScale();
        QVERIFY(text > 1.0 && lines > 1.0);
        const double ratio = labelHeight(view->theme()->font()) / labelHeight(normalFont);
        QVERIFY2(std::abs(ratio - text) < 1e-9, qPrintable(QString::number(ratio, 'g', 17)));
        QCOMPARE(view->dotRadius(), normalDot * static_cast<float>(lines));
        QCOMPARE(view->currentRadius(), normalCurrent * static_cast<float>(lines));
        QCOMPARE(title->font(), normalTitle);   // the plots grow, the panels' text does not
        QVERIFY(graphMatches());
        QVERIFY(screenshot(*w, *view, "view3d-presentation.png"));

        w->setPresentationMode(false);
        QCOMPARE(view->theme()->font(), normalFont);
        QCOMPARE(view->dotRadius(), normalDot);
        QCOMPARE(view->currentRadius(), normalCurrent);
        QCOMPARE(title->font(), normalTitle);
        QVERIFY(graphMatches());
        // The panels' text stays as it was, and so does the dock's width.
        QTRY_COMPARE_WITH_TIMEOUT(dock->width(), normalWidth, 2000);
    }

    void sideBySideDrawsTheChosenSurface()
    {
        auto w = windowWith3D(5);
        QVERIFY(w);
        ui::LandscapeView3D* view = w->landscapeView3D();
        auto* title = view->findChild<QLabel*>(QStringLiteral("view3dSurfaceTitle"));
        auto* choice = view->findChild<QComboBox*>(QStringLiteral("view3dSurfaceChoice"));
        QVERIFY(title && choice);
        ui::LandscapePlot* main = w->landscapePlot();
        ui::LandscapePlot* side = w->surfaceArea()->sidePlot();

        // One plot: its surface, named as the plot's title names it, and no choice.
        QCOMPARE(view->source(), main);
        QVERIFY(drawsGridOf(*view, *main));
        QVERIFY(!choice->isVisibleTo(view));
        QVERIFY2(title->text().startsWith(QStringLiteral("Showing: <b>Training set</b>")), qPrintable(title->text()));
        // The height, which the graph's axis does not name.
        auto* height = view->findChild<QLabel*>(QStringLiteral("view3dHeightNote"));
        QVERIFY(height);
        QCOMPARE(height->text(), main->isLogColorScale() ? QStringLiteral("Height: the loss, on a log scale")
                                                         : QStringLiteral("Height: the loss"));

        // Training | validation: the training surface first, and the choice says so.
        auto* surface = w->findChild<QComboBox*>(QStringLiteral("surfaceCombo"));
        QVERIFY(surface);
        surface->setCurrentIndex(surface->findData(ui::surfaceName(ui::Surface::TrainAndVal)));
        QTRY_VERIFY_WITH_TIMEOUT(side->hasLandscape() && !side->isLandscapeStale(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(choice->isVisibleTo(view), 3000);
        QCOMPARE(title->text(), QStringLiteral("Showing:"));
        QCOMPARE(choice->currentText(), QStringLiteral("Training set"));
        QCOMPARE(view->source(), main);
        // The main plot's grid too is new (asked for with the side plot's); the view's next tick has it.
        QTRY_VERIFY_WITH_TIMEOUT(!main->isLandscapeStale() && drawsGridOf(*view, *main), 20000);
        QVERIFY(!drawsGridOf(*view, *side));   // the two surfaces differ

        // Validation chosen: its plot's grid, path and current point, at once.
        choice->setCurrentIndex(1);
        QCOMPARE(view->source(), side);
        QTRY_VERIFY_WITH_TIMEOUT(drawsGridOf(*view, *side), 3000);
        QVERIFY(endsAtNewest(*view, *side));
        QCOMPARE(view->currentPoint().x(), static_cast<float>(side->currentPoint().x()));
        for (int k = 0; k < 2; ++k) {
            action(*w, "stepAction")->trigger();
            QVERIFY(syncWith(w->controller()));
        }
        QCOMPARE(side->pathPointCount(), 8);
        QTRY_VERIFY_WITH_TIMEOUT(endsAtNewest(*view, *side), 3000);
        QCOMPARE(view->source(), side);
        QVERIFY(screenshot(*w, *view, "view3d-side-by-side.png"));

        // One surface again: the main plot's, named, and the choice gone.
        surface->setCurrentIndex(surface->findData(ui::surfaceName(ui::Surface::Validation)));
        QTRY_VERIFY_WITH_TIMEOUT(!choice->isVisibleTo(view), 3000);
        QCOMPARE(view->source(), main);
        QTRY_VERIFY_WITH_TIMEOUT(title->text().startsWith(QStringLiteral("Showing: <b>Validation set</b>")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!main->isLandscapeStale() && drawsGridOf(*view, *main), 20000);
    }

#else
    void menuSaysUnavailable()
    {
        auto w = openWindow();
        QVERIFY(w);
        QAction* toggle = w->view3dAction();
        QVERIFY(toggle);
        QCOMPARE(toggle->objectName(), QStringLiteral("view3dDockAction"));
        QVERIFY(!toggle->isEnabled());
        QVERIFY(toggle->text().contains(QStringLiteral("unavailable")));
        QVERIFY(!w->landscapeView3D());
        QVERIFY(!w->findChild<QDockWidget*>(QStringLiteral("view3dDock")));
    }
#endif
};

QTEST_MAIN(TestView3DWindow)
#include "test_view3d_window.moc"
