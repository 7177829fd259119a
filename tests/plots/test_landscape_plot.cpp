// LandscapePlot: the map shows the grid it was given, the overlays stay inside the plot, the
// mouse maps to parameter coordinates, the view commands frame what they say, exports are
// real files. The paths' memory, overlays and ghost are in test_path_layer.cpp.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <cmath>
#include <limits>

#include "core/geometry/view_fit.h"
#include "plots/palette.h"
#include "tests/common/image_files.h"
#include "tests/plots/landscape_plot_fixture.h"

using namespace downhill;
using namespace downhill::test;
using downhill::ui::LandscapePlot;

class TestLandscapePlot : public QObject {
    Q_OBJECT

private slots:
    void mapMatchesGrid_data()
    {
        QTest::addColumn<double>("min1");
        QTest::addColumn<double>("max1");
        QTest::addColumn<double>("min2");
        QTest::addColumn<double>("max2");
        QTest::addColumn<bool>("log");
        // Near the minimum the loss spans less than two decades; over the wide range, more.
        QTest::newRow("narrow, linear colours") << 4.0 << 5.0 << 0.5 << 1.5 << false;
        QTest::newRow("wide, log colours") << -2.0 << 11.0 << -6.0 << 8.0 << true;
    }

    void mapMatchesGrid()
    {
        QFETCH(double, min1);
        QFETCH(double, max1);
        QFETCH(double, min2);
        QFETCH(double, max2);
        QFETCH(bool, log);
        const auto grid = makeGrid(min1, max1, min2, max2, 64);
        QCOMPARE(std::log10(grid.maxLoss / grid.minLoss) > 2.0, log);  // the rows test what they say
        auto plot = shownPlot(grid);
        const QCPColorMap* map = plot->colorMap();
        const QCPColorScale* scale = plot->colorScale();

        QCOMPARE(map->data()->keySize(), 64);
        QCOMPARE(map->data()->valueSize(), 64);
        QCOMPARE(map->data()->keyRange(), QCPRange(min1, max1));
        QCOMPARE(map->data()->valueRange(), QCPRange(min2, max2));
        for (const auto& [i, j] : std::vector<std::pair<int, int>>{{0, 0}, {63, 0}, {17, 42}, {63, 63}})
            QCOMPARE(map->data()->cell(i, j), grid.loss(i, j));

        // The scale spans min..max, and the map really uses the scale's range, type and the
        // palette's gradient (setColorScale copies them: the order of the calls matters).
        QCOMPARE(scale->dataRange().lower, grid.minLoss);
        QCOMPARE(scale->dataRange().upper, grid.maxLoss);
        QCOMPARE(map->dataRange(), scale->dataRange());
        QCOMPARE(plot->isLogColorScale(), log);
        QCOMPARE(scale->dataScaleType(), log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        QCOMPARE(map->dataScaleType(), scale->dataScaleType());
        QVERIFY(map->gradient() == ui::palette::lossGradient());
        QVERIFY(scale->gradient() == ui::palette::lossGradient());
        QVERIFY(map->gradient().nanHandling() != QCPColorGradient::nhNone);
        QVERIFY(plot->contourPointCount() > 0);

        QCOMPARE(plot->xAxis->label(), QStringLiteral("w"));
        QCOMPARE(plot->yAxis->label(), QStringLiteral("b"));
        QCOMPARE(plot->xAxis->range(), QCPRange(min1, max1));
        QCOMPARE(plot->yAxis->range(), QCPRange(min2, max2));
    }

    void minimumMarkerAtArgmin()
    {
        const auto grid = wideGrid();
        auto plot = shownPlot(grid);
        const auto& rq = grid.request;
        QCOMPARE(plot->minimumPosition(), QPointF(rq.value1(grid.argmin1), rq.value2(grid.argmin2)));
        QCOMPARE(plot->lossAt(plot->minimumPosition()), grid.minLoss);
        auto* marker = plot->findChild<QCPGraph*>(QStringLiteral("minimumMarker"));
        QVERIFY(marker && marker->visible());
        QCOMPARE(marker->data()->size(), 1);
        auto* label = plot->findChild<QCPItemText*>(QStringLiteral("minimumLabel"));
        QVERIFY(label && label->visible());
        QVERIFY(label->text().contains(QString::number(grid.minLoss, 'g', 4)));
    }

    void hoverLossIsExactAtNodes()
    {
        const auto grid = wideGrid();
        auto plot = shownPlot(grid);
        const auto& rq = grid.request;
        for (const auto& [i, j] : std::vector<std::pair<int, int>>{{0, 0}, {95, 95}, {0, 95}, {40, 7}, {33, 71}})
            QCOMPARE(plot->lossAt(QPointF(rq.value1(i), rq.value2(j))), grid.loss(i, j));
        // Half-way between four nodes: their mean.
        const QPointF mid((rq.value1(10) + rq.value1(11)) / 2, (rq.value2(20) + rq.value2(21)) / 2);
        const double mean = (grid.loss(10, 20) + grid.loss(11, 20) + grid.loss(10, 21) + grid.loss(11, 21)) / 4;
        QVERIFY(std::abs(plot->lossAt(mid) - mean) <= 1e-12 * mean);
        QVERIFY(std::isnan(plot->lossAt(QPointF(rq.max1 + 0.5, 0.0))));
        QVERIFY(std::isnan(plot->lossAt(QPointF(0.0, rq.min2 - 1e-3))));

        // The mouse: hoverInfo carries the point under the cursor and its loss, and the
        // read-out shows them.
        QSignalSpy spy(plot.get(), &LandscapePlot::hoverInfo);
        const QPointF node(rq.value1(48), rq.value2(30));
        QTest::mouseMove(plot.get(), pixelOf(*plot, node));
        QTRY_VERIFY(spy.count() >= 1);
        const QPointF p = spy.last().at(0).toPointF();
        const double loss = spy.last().at(1).toDouble();
        const QPointF px = pixelSize(*plot);
        QVERIFY(std::abs(p.x() - node.x()) <= px.x() && std::abs(p.y() - node.y()) <= px.y());
        QCOMPARE(loss, plot->lossAt(p));
        auto* text = plot->findChild<QCPItemText*>(QStringLiteral("hoverText"));
        QVERIFY(text && text->visible());
        QVERIFY(text->text().startsWith(QStringLiteral("w = ")));
        QVERIFY(text->text().contains(QStringLiteral("loss = %1").arg(QString::number(loss, 'g', 4))));
    }

    void leftPressAndDragRequestStartPoint()
    {
        auto plot = shownPlot(wideGrid());
        QSignalSpy spy(plot.get(), &LandscapePlot::startPointRequested);
        const QPointF target(3.0, 2.0);
        QTest::mousePress(plot.get(), Qt::LeftButton, Qt::NoModifier, pixelOf(*plot, target));
        QCOMPARE(spy.count(), 1);
        const QPointF px = pixelSize(*plot);
        QPointF got = spy.last().at(0).toPointF();
        QVERIFY2(std::abs(got.x() - target.x()) <= px.x() && std::abs(got.y() - target.y()) <= px.y(),
            qPrintable(QStringLiteral("got (%1, %2)").arg(got.x()).arg(got.y())));

        const QPointF dragged(6.0, -1.0);
        QTest::mouseMove(plot.get(), pixelOf(*plot, dragged));
        QTRY_COMPARE(spy.count(), 2);
        got = spy.last().at(0).toPointF();
        QVERIFY(std::abs(got.x() - dragged.x()) <= px.x() && std::abs(got.y() - dragged.y()) <= px.y());
        QTest::mouseRelease(plot.get(), Qt::LeftButton, Qt::NoModifier, pixelOf(*plot, dragged));
    }

    void rightDragPansWithoutSettingStart()
    {
        auto plot = shownPlot(wideGrid());
        QSignalSpy start(plot.get(), &LandscapePlot::startPointRequested);
        QSignalSpy view(plot.get(), &LandscapePlot::viewChanged);
        const QCPRange before = plot->xAxis->range();
        const QPoint from = plot->axisRect()->rect().center();
        QTest::mousePress(plot.get(), Qt::RightButton, Qt::NoModifier, from);
        QTest::mouseMove(plot.get(), from + QPoint(100, 0));
        QTest::mouseRelease(plot.get(), Qt::RightButton, Qt::NoModifier, from + QPoint(100, 0));
        QCOMPARE(start.count(), 0);
        QCOMPARE(view.count(), 1);
        const double shift = 100 * before.size() / plot->axisRect()->width();
        QVERIFY(std::abs(plot->xAxis->range().lower - (before.lower - shift)) < 1e-9 * before.size() + 1e-12);
        QCOMPARE(view.last().at(0).toDouble(), plot->xAxis->range().lower);
    }

    void wheelZoomReportsTheView()
    {
        auto plot = shownPlot(wideGrid());
        QSignalSpy view(plot.get(), &LandscapePlot::viewChanged);
        const double width = plot->xAxis->range().size();
        const QPointF pos = plot->axisRect()->rect().center();
        QWheelEvent wheel(pos, plot->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        QApplication::sendEvent(plot.get(), &wheel);
        QVERIFY(plot->xAxis->range().size() < width);
        QVERIFY(view.wait(2000));
        QCOMPARE(view.count(), 1);
        QCOMPARE(view.last().at(1).toDouble(), plot->xAxis->range().upper);
    }

    void arrowsStayInsideThePlot_data()
    {
        QTest::addColumn<QPointF>("point");
        QTest::addColumn<QPointF>("negGradient");
        QTest::addColumn<QPointF>("step");
        QTest::addColumn<QPointF>("velocity");
        QTest::newRow("ordinary") << QPointF(1, 5) << QPointF(-0.3, -2.4) << QPointF(0.05, -0.2) << QPointF(0.02, -0.1);
        QTest::newRow("huge gradient") << QPointF(1, 5) << QPointF(1e12, -1e12) << QPointF(0.1, 0.1) << QPointF();
        QTest::newRow("huge step") << QPointF(1, 5) << QPointF(-1e12, 3e11) << QPointF(-1e12, 1e12) << QPointF(-4e11, 4e11);
        QTest::newRow("astronomic") << QPointF(1, 5) << QPointF(1e300, 1e300) << QPointF(1e300, -1e300) << QPointF(1e300, 0);
        QTest::newRow("zero gradient") << QPointF(4.5, 1) << QPointF(0, 0) << QPointF(0, 0) << QPointF();
        QTest::newRow("non-finite") << QPointF(4.5, 1) << QPointF(kNaN, 1) << QPointF(std::numeric_limits<double>::infinity(), 0) << QPointF(kNaN, kNaN);
        QTest::newRow("at the edge") << QPointF(10.99, 7.99) << QPointF(50, 50) << QPointF(-0.1, -0.1) << QPointF(3, 3);
        QTest::newRow("outside the view") << QPointF(40, 40) << QPointF(-1, -1) << QPointF(30, 30) << QPointF();
    }

    void arrowsStayInsideThePlot()
    {
        QFETCH(QPointF, point);
        QFETCH(QPointF, negGradient);
        QFETCH(QPointF, step);
        QFETCH(QPointF, velocity);
        auto plot = shownPlot(wideGrid());
        plot->setCurrent(point, negGradient, step, velocity);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const QRect rect = plot->axisRect()->rect();
        int shown = 0;
        for (const QLineF& arrow : {plot->gradientArrow(), plot->stepArrow(), plot->velocityArrow()}) {
            if (std::isnan(arrow.x1())) {  // hidden
                QVERIFY(std::isnan(arrow.y1()) && std::isnan(arrow.x2()) && std::isnan(arrow.y2()));
                continue;
            }
            ++shown;
            for (const QPointF& end : {arrow.p1(), arrow.p2()}) {
                QVERIFY(std::isfinite(end.x()) && std::isfinite(end.y()));
                const QPointF px(plot->xAxis->coordToPixel(end.x()), plot->yAxis->coordToPixel(end.y()));
                QVERIFY2(rect.contains(px.toPoint()), qPrintable(QStringLiteral("(%1, %2) outside").arg(px.x()).arg(px.y())));
            }
        }
        // -grad: at most 15% of the visible width (plus the clipping margin's rounding).
        const QLineF grad = plot->gradientArrow();
        if (!std::isnan(grad.x1())) {
            const double dx = (grad.x2() - grad.x1()) / plot->xAxis->range().size() * rect.width();
            const double dy = (grad.y2() - grad.y1()) / plot->yAxis->range().size() * rect.height();
            QVERIFY(std::hypot(dx, dy) <= 0.15 * rect.width() + 1.0);
            // The direction is kept (unless clipping shortened it: direction survives that too).
            const double cross = (grad.x2() - grad.x1()) * negGradient.y() / std::max(std::abs(negGradient.x()), std::abs(negGradient.y()))
                - (grad.y2() - grad.y1()) * negGradient.x() / std::max(std::abs(negGradient.x()), std::abs(negGradient.y()));
            QVERIFY(std::abs(cross) <= 1e-9 * (std::abs(grad.dx()) + std::abs(grad.dy())));
        }
        if (QByteArray(QTest::currentDataTag()) == "ordinary" || QByteArray(QTest::currentDataTag()) == "huge gradient")
            QVERIFY(!std::isnan(grad.x1()));
        if (QByteArray(QTest::currentDataTag()) == "zero gradient")
            QCOMPARE(shown, 0);
    }

    void divergedBanner()
    {
        auto plot = shownPlot(wideGrid());
        auto* banner = plot->findChild<QCPItemText*>(QStringLiteral("divergedBanner"));
        QVERIFY(banner);
        QVERIFY(!banner->visible());
        const QString message = QStringLiteral("Diverged at step 17 — lower the learning rate and press Reset");
        plot->setDiverged(true, message);
        QVERIFY(plot->isDiverged());
        QVERIFY(banner->visible());
        QCOMPARE(banner->text(), message);
        plot->setDiverged(false, QString());
        QVERIFY(!banner->visible());
        // A window with a banner of its own: the plot stays diverged (its view follows the
        // flight) but draws no second banner, nor does the plot that follows it.
        LandscapePlot follower;
        auto* followerBanner = follower.findChild<QCPItemText*>(QStringLiteral("divergedBanner"));
        plot->setFollower(&follower);
        plot->setBannerShown(false);
        plot->setDiverged(true, message);
        QVERIFY(plot->isDiverged());
        QVERIFY(follower.isDiverged());
        QVERIFY(!banner->visible());
        QVERIFY(!followerBanner->visible());
        plot->setBannerShown(true);
        QVERIFY(banner->visible());
        QVERIFY(followerBanner->visible());
        plot->setFollower(nullptr);
    }

    void staleLandscapeIsDimmedUntilTheNextGrid()
    {
        const auto grid = wideGrid();
        auto plot = shownPlot(grid);
        auto* shade = plot->findChild<QCPItemRect*>(QStringLiteral("staleShade"));
        QVERIFY(shade && !shade->visible());
        plot->setLandscapeStale(true);
        QVERIFY(shade->visible());
        plot->setLandscape(grid, contoursOf(grid), QStringLiteral("w"), QStringLiteral("b"));
        QVERIFY(!shade->visible());
        QVERIFY(!plot->isLandscapeStale());
    }

    void captionsAndFieldToggle()
    {
        const auto grid = wideGrid();
        auto plot = shownPlot(grid);
        auto* captions = plot->findChild<QCPItemText*>(QStringLiteral("captions"));
        QVERIFY(captions && captions->visible());
        QVERIFY(captions->text().contains(QStringLiteral("minus the gradient")));
        plot->setCaptionsVisible(false);
        QVERIFY(!captions->visible());

        core::GradientField field;
        field.request = grid.request;
        field.request.resolution = 12;
        field.d1 = core::Array2D::Constant(12, 12, 1.0);
        field.d2 = core::Array2D::Constant(12, 12, -2.0);
        field.d1(3, 3) = kNaN;  // skipped, not drawn as garbage
        plot->setGradientField(field);
        auto* quiver = plot->findChild<QCPCurve*>(QStringLiteral("gradientField"));
        QVERIFY(quiver && !quiver->visible());
        plot->setGradientFieldVisible(true);
        QVERIFY(quiver->visible());
        QCOMPARE(quiver->data()->size(), (12 * 12 - 1) * 7);  // shaft, gap, two barbs, gap
    }

    void viewCommands()
    {
        const auto grid = wideGrid();
        auto plot = shownPlot(grid);
        plot->fitToMinimum();
        const QPointF m = plot->minimumPosition();
        QVERIFY(plot->xAxis->range().contains(m.x()) && plot->yAxis->range().contains(m.y()));
        QVERIFY(plot->xAxis->range().size() < 0.5 * (grid.request.max1 - grid.request.min1));
        plot->appendPath({QPointF(0, 0), QPointF(2, 3), QPointF(1, -1)});
        plot->fitToPath();
        for (const QPointF& p : plot->pathPoints())
            QVERIFY(plot->xAxis->range().contains(p.x()) && plot->yAxis->range().contains(p.y()));
        plot->resetView();
        QCOMPARE(plot->xAxis->range(), QCPRange(grid.request.min1, grid.request.max1));
        QCOMPARE(plot->yAxis->range(), QCPRange(grid.request.min2, grid.request.max2));
    }

    void fitLeavesADivergedFlightOut()
    {
        // A race entrant that diverged flew off to 1e12; Fit to path keeps the others in view
        // and follows the flight only while the view stays within kDivergedZoomOut times theirs.
        const auto grid = wideGrid();
        auto plot = shownPlot(grid);
        const int calm = plot->addOverlayPath(QStringLiteral("calm"), Qt::blue);
        const int wild = plot->addOverlayPath(QStringLiteral("wild"), Qt::red);
        plot->appendOverlayPath(calm, {QPointF(0, 0), QPointF(1, 0.5), QPointF(2, 1)});
        QVector<QPointF> flight{QPointF(0, 0), QPointF(3, -2)};
        for (int k = 1; k <= 12; ++k)
            flight.push_back(QPointF(std::pow(10.0, k), -std::pow(10.0, k)));
        plot->appendOverlayPath(wild, flight);
        plot->fitToPath();
        QVERIFY(plot->xAxis->range().size() > 1e11);   // not yet marked: the flight is in view
        plot->setOverlayDiverged(wild, true);
        plot->fitToPath();
        const QCPRange x = plot->xAxis->range(), y = plot->yAxis->range();
        QVERIFY2(x.size() <= (1 + 2 * core::kViewMargin) * LandscapePlot::kDivergedZoomOut * 2 + 1e-9, qPrintable(QString::number(x.size())));
        for (const QPointF& p : {QPointF(0, 0), QPointF(1, 0.5), QPointF(2, 1)})
            QVERIFY(x.contains(p.x()) && y.contains(p.y()));
        QVERIFY(x.contains(3.0) && y.contains(-2.0));   // the flight's first step is near enough to follow
        QVERIFY(!x.contains(10.0) || !y.contains(-10.0));
        QVERIFY(!x.contains(100.0));
        // The main run's own flight, once the plot shows it diverged, likewise.
        plot->clearOverlayPaths();
        plot->appendPath(flight);
        plot->setDiverged(true, QStringLiteral("diverged"));
        plot->fitToPath();
        QVERIFY2(plot->xAxis->range().size() < 1000, qPrintable(QString::number(plot->xAxis->range().size())));
    }

    void exportWritesRealFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("png") << QStringLiteral("landscape.png");
        QTest::newRow("svg") << QStringLiteral("landscape.svg");
        QTest::newRow("pdf") << QStringLiteral("landscape.PDF");
    }

    void exportWritesRealFiles()
    {
        QFETCH(QString, name);
        auto plot = shownPlot(wideGrid());
        plot->appendPath({QPointF(0, 6), QPointF(2, 3), QPointF(4, 1)});
        plot->setCurrent(QPointF(4, 1), QPointF(1, -1), QPointF(2, -2), QPointF(0.5, -0.5));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(name);
        QString error;
        QVERIFY2(plot->exportImage(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const QString suffix = QFileInfo(name).suffix().toLower();
        if (suffix == QLatin1String("png")) {
            QCOMPARE(bytes.left(8), downhill::test::kPngSignature);
            QImage image;
            QVERIFY(image.loadFromData(bytes, "PNG"));
            QCOMPARE(image.size(), plot->size() * 2);  // 2x for slides
        } else if (suffix == QLatin1String("svg")) {
            QVERIFY(bytes.startsWith("<?xml") || bytes.contains("<svg"));
            QVERIFY(bytes.contains("</svg>"));
        } else {
            QVERIFY(bytes.startsWith("%PDF"));
            QVERIFY(bytes.contains("%%EOF"));
        }
        // Nothing else left behind (the temporary file was renamed into place).
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void exportFailsCleanly_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown suffix") << QStringLiteral("%1/landscape.bmp") << QStringLiteral("unknown file type");
        QTest::newRow("no suffix") << QStringLiteral("%1/landscape") << QStringLiteral("unknown file type");
        QTest::newRow("missing folder") << QStringLiteral("%1/no/such/folder/landscape.png") << QStringLiteral("does not exist");
        // Even root cannot create files in /proc.
        QTest::newRow("unwritable folder") << QStringLiteral("/proc/downhill-test-landscape.png") << QStringLiteral("Cannot write");
    }

    void exportFailsCleanly()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        if (path.contains(QLatin1String("%1")))
            path = path.arg(dir.path());
        auto plot = shownPlot(wideGrid());
        QString error;
        QVERIFY(!plot->exportImage(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
    }

    // A race: four optimizers' paths, each with its own points, colour, legend entry and
    // current marker, between the ghost path (below) and the main path (above).
};

QTEST_MAIN(TestLandscapePlot)
#include "test_landscape_plot.moc"
