// PathLayer, through LandscapePlot: the paths keep bounded memory however long the run and
// are drawn thinned; overlay paths keep their own points, colours and ids; the ghost path lies
// grey under the live one.
#include <QImage>
#include <QTest>
#include <cmath>

#include "plots/palette.h"
#include "tests/plots/landscape_plot_fixture.h"

using namespace downhill;
using namespace downhill::test;
using downhill::ui::LandscapePlot;

class TestPathLayer : public QObject {
    Q_OBJECT

private slots:
    void pathMemoryIsBounded()
    {
        auto plot = shownPlot(wideGrid());
        QVector<QPointF> chunk;
        qint64 n = 0;
        QPointF first, last;
        for (int call = 0; call < 100; ++call) {
            chunk.clear();
            for (int k = 0; k < 1000; ++k, ++n) {
                const double t = static_cast<double>(n);
                chunk.push_back(QPointF(4.5 + 3 * std::cos(t * 1e-3) * std::exp(-t * 1e-5), 1 + 2 * std::sin(t * 1e-3)));
            }
            if (call == 0)
                first = chunk.front();
            last = chunk.back();
            plot->appendPath(chunk);
        }
        QCOMPARE(plot->pathAppendedCount(), qint64(100000));
        QVERIFY(plot->pathPointCount() <= LandscapePlot::kMaxPathPoints);
        QVERIFY(plot->pathPointCount() >= LandscapePlot::kMaxPathPoints / 2);
        const auto stored = plot->pathPoints();
        QCOMPARE(stored.back(), last);   // the newest point exactly
        QCOMPARE(stored.front(), first); // and where the run began
        // Drawn: at most what is stored (plus the joins of the eight fading segments), and the
        // newest segment ends exactly at the newest point.
        int drawn = 0;
        const QCPCurve* newest = nullptr;
        for (const auto* curve : plot->findChildren<QCPCurve*>()) {
            if (curve->objectName().startsWith(QStringLiteral("path"))) {
                drawn += curve->data()->size();
                if (curve->objectName() == QStringLiteral("path7"))
                    newest = curve;
            }
        }
        QVERIFY(drawn > 0);
        QVERIFY(drawn <= plot->pathPointCount() + 8);
        QVERIFY(newest && !newest->data()->isEmpty());
        const auto end = newest->data()->at(newest->data()->size() - 1);
        QCOMPARE(QPointF(end->key, end->value), last);
        // One big call behaves the same.
        plot->clearPath();
        QCOMPARE(plot->pathPointCount(), 0);
        QVector<QPointF> all(100000);
        for (int k = 0; k < all.size(); ++k)
            all[k] = QPointF(k * 1e-4, std::sin(k * 1e-3));
        plot->appendPath(all);
        QVERIFY(plot->pathPointCount() <= LandscapePlot::kMaxPathPoints);
        QCOMPARE(plot->pathPoints().back(), all.back());
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }

    void overlayPathsKeepTheirOwnPointsAndColours()
    {
        auto plot = shownPlot(wideGrid());
        const int plottablesBefore = plot->plottableCount();
        const QStringList labels{QStringLiteral("sgd"), QStringLiteral("momentum"), QStringLiteral("adam"), QStringLiteral("rmsprop")};
        QVector<QPointF> ends;
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(plot->addOverlayPath(labels[i], ui::palette::raceColor(i)), i);
            QVector<QPointF> points;
            for (int k = 0; k < 10 * (i + 1); ++k)
                points.push_back(QPointF(0.5 + 0.1 * k, -3.0 + 1.5 * i + 0.05 * k));
            // In two calls: appending adds to what is there.
            plot->appendOverlayPath(i, points.mid(0, 5));
            plot->appendOverlayPath(i, points.mid(5));
            plot->setOverlayCurrent(i, points.back());
            ends.push_back(points.back());
        }
        plot->appendOverlayPath(7, {QPointF(1, 1)});  // an unknown id changes nothing
        plot->replot(QCustomPlot::rpImmediateRefresh);

        QCOMPARE(plot->overlayPathCount(), 4);
        QCOMPARE(plot->pathPointCount(), 0);
        QVERIFY(plot->legend->visible());
        QCOMPARE(plot->legend->itemCount(), 4);
        const QImage shot = plot->grab().toImage();
        const double dpr = plot->devicePixelRatioF();
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(plot->overlayPointCount(i), 10 * (i + 1));
            const QCPCurve* curve = plot->overlayCurve(i);
            QCOMPARE(curve->data()->size(), 10 * (i + 1));
            QCOMPARE(curve->pen().color(), ui::palette::raceColor(i));
            QCOMPARE(curve->layer(), plot->liveLayer());
            QCOMPARE(curve->name(), labels[i]);
            QVERIFY(plot->legend->hasItemWithPlottable(curve));
            const QCPGraph* marker = plot->overlayMarker(i);
            QVERIFY(marker->visible());
            QCOMPARE(marker->data()->size(), 1);
            QCOMPARE(QPointF(marker->data()->at(0)->key, marker->data()->at(0)->value), ends[i]);
            // The marker is really drawn there, in the overlay's colour.
            const QPoint at = pixelOf(*plot, ends[i]);
            const QColor seen = shot.pixelColor(static_cast<int>(at.x() * dpr), static_cast<int>(at.y() * dpr));
            const QColor want = ui::palette::raceColor(i);
            QVERIFY2(std::abs(seen.red() - want.red()) + std::abs(seen.green() - want.green()) + std::abs(seen.blue() - want.blue()) < 40,
                qPrintable(QStringLiteral("overlay %1: %2 instead of %3").arg(i).arg(seen.name(), want.name())));
        }
        QCOMPARE(plot->overlayCurve(4), nullptr);
        QCOMPARE(plot->overlayPointCount(4), -1);

        // Drawn on the live layer above the ghost and below the main path and its marker.
        const auto stack = plot->liveLayer()->children();
        const auto index = [&](const QString& name) {
            for (qsizetype k = 0; k < stack.size(); ++k)
                if (stack[k]->objectName() == name)
                    return k;
            return qsizetype(-1);
        };
        QVERIFY(index(QStringLiteral("ghostPath")) >= 0);
        QVERIFY(index(QStringLiteral("ghostPath")) < index(QStringLiteral("overlayPath0")));
        QVERIFY(index(QStringLiteral("overlayPath3")) < index(QStringLiteral("path0")));
        QVERIFY(index(QStringLiteral("overlayCurrent3")) < index(QStringLiteral("currentMarker")));

        plot->clearOverlayPaths();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(plot->overlayPathCount(), 0);
        QCOMPARE(plot->plottableCount(), plottablesBefore);
        QVERIFY(plot->findChild<QCPCurve*>(QStringLiteral("overlayPath0")) == nullptr);
        QCOMPARE(plot->legend->itemCount(), 0);
        QVERIFY(!plot->legend->visible());
        // Ids start again from 0.
        QCOMPARE(plot->addOverlayPath(QStringLiteral("again"), ui::palette::raceColor(0)), 0);
    }

    void overlayMemoryIsBounded()
    {
        auto plot = shownPlot(wideGrid());
        const int id = plot->addOverlayPath(QStringLiteral("long run"), ui::palette::raceColor(1));
        QVector<QPointF> all(60000);
        for (int k = 0; k < all.size(); ++k)
            all[k] = QPointF(4.5 + 3 * std::cos(k * 1e-3), 1 + 2 * std::sin(k * 1e-3));
        for (qsizetype k = 0; k < all.size(); k += 1000)
            plot->appendOverlayPath(id, all.mid(k, 1000));
        QVERIFY(plot->overlayPointCount(id) <= LandscapePlot::kMaxPathPoints);
        QVERIFY(plot->overlayPointCount(id) >= LandscapePlot::kMaxPathPoints / 2);
        const QCPCurve* curve = plot->overlayCurve(id);
        QVERIFY(curve->data()->size() <= plot->overlayPointCount(id));
        const auto first = curve->data()->at(0);
        const auto last = curve->data()->at(curve->data()->size() - 1);
        QCOMPARE(QPointF(first->key, first->value), all.front());
        QCOMPARE(QPointF(last->key, last->value), all.back());
    }

    void ghostPathIsGreyAndUnderTheLivePath()
    {
        auto plot = shownPlot(wideGrid());
        QVector<QPointF> old;
        for (int k = 0; k < 50; ++k)
            old.push_back(QPointF(0.2 * k, 6.0 - 0.2 * k));
        plot->appendPath({QPointF(1, 1), QPointF(2, 1.5)});
        plot->setGhostPath(old);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const QCPCurve* ghost = plot->ghostCurve();
        QCOMPARE(ghost->layer(), plot->liveLayer());
        QCOMPARE(ghost->data()->size(), 50);
        QCOMPARE(ghost->pen().color(), ui::palette::ghostPath());
        QCOMPARE(ghost->pen().color().red(), ghost->pen().color().blue());  // grey
        // Dots and a pen wider than the live path's: it shows where the new path runs over it.
        QVERIFY(!ghost->scatterStyle().isNone());
        QVERIFY(ghost->pen().widthF() > plot->findChild<QCPCurve*>(QStringLiteral("path7"))->pen().widthF());
        // Every other live item is drawn after (over) it.
        QCOMPARE(plot->liveLayer()->children().front(), static_cast<const QCPLayerable*>(ghost));
        QVERIFY(!plot->legend->visible());  // no label, no legend entry
        QCOMPARE(plot->pathPointCount(), 2);  // the main path is untouched

        // fitToPath takes the ghost in.
        plot->fitToPath();
        QVERIFY(plot->xAxis->range().contains(old.back().x()) && plot->yAxis->range().contains(old.front().y()));

        plot->setGhostPath(old, QStringLiteral("before the branch"));
        QVERIFY(plot->legend->visible());
        QVERIFY(plot->legend->hasItemWithPlottable(ghost));
        plot->clearGhostPath();
        QVERIFY(ghost->data()->isEmpty());
        QVERIFY(!plot->legend->visible());
        QCOMPARE(plot->pathPointCount(), 2);
    }
};

QTEST_MAIN(TestPathLayer)
#include "test_path_layer.moc"
