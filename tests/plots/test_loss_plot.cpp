// LossPlot: the graphs hold what was appended, the log toggle changes the axis, memory stays
// bounded over a million steps.
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>

#include "plots/fitted_ticker.h"
#include "plots/loss_plot.h"
#include "plots/palette.h"

using downhill::ui::LossPlot;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::unique_ptr<LossPlot> shownPlot()
{
    auto plot = std::make_unique<LossPlot>();
    plot->resize(900, 360);
    plot->show();
    if (!QTest::qWaitForWindowExposed(plot.get()))
        qWarning("window not exposed");
    return plot;
}

// A few steps of a decaying loss with a cosine learning rate.
void appendRun(LossPlot& plot, int from, int count)
{
    QVector<double> steps, loss, lr;
    for (int k = from; k < from + count; ++k) {
        steps.push_back(k);
        loss.push_back(3.0 * std::exp(-k / 50.0) + 0.1);
        lr.push_back(0.05 * (1 + std::cos(3.141592653589793 * k / 1000.0)) / 2);
    }
    plot.appendSteps(steps, loss, lr);
}

}  // namespace

class TestLossPlot : public QObject {
    Q_OBJECT

private slots:
    // In the window's narrow right column (and at presentation mode's larger text) the step
    // axis's labels stand apart: between two tick marks there is room for the wider label.
    void stepLabelsDoNotOverlapWhenNarrow_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<double>("textScale");
        QTest::newRow("270 px") << 270 << 1.0;
        QTest::newRow("270 px, presentation") << 270 << 1.3;
        QTest::newRow("420 px") << 420 << 1.0;
        QTest::newRow("900 px") << 900 << 1.3;
    }

    void stepLabelsDoNotOverlapWhenNarrow()
    {
        QFETCH(int, width);
        QFETCH(double, textScale);
        downhill::ui::palette::setPresentationScale(1.0, textScale);
        auto plot = shownPlot();
        downhill::ui::palette::applyPresentationScale(plot.get());
        plot->resize(width, 220);
        for (int last : {175, 1750, 17500, 175000}) {
            appendRun(*plot, plot->batchGraph()->data()->size() + 1, last - plot->batchGraph()->data()->size());
            plot->replot();
            const QVector<double> ticks = plot->xAxis->tickVector();
            const QVector<QString> labels = plot->xAxis->tickVectorLabels();
            const QFontMetrics metrics(plot->xAxis->tickLabelFont());
            int shown = 0;
            for (qsizetype k = 0; k + 1 < ticks.size(); ++k) {
                const double a = plot->xAxis->coordToPixel(ticks[k]), b = plot->xAxis->coordToPixel(ticks[k + 1]);
                if (!plot->xAxis->range().contains(ticks[k]) || !plot->xAxis->range().contains(ticks[k + 1]))
                    continue;
                ++shown;
                const double need = (metrics.horizontalAdvance(labels[k]) + metrics.horizontalAdvance(labels[k + 1])) / 2.0 + 4;
                QVERIFY2(b - a >= need, qPrintable(QStringLiteral("%1 px, %2 steps: \"%3\" and \"%4\" %5 px apart, need %6")
                                                       .arg(width).arg(last).arg(labels[k], labels[k + 1]).arg(b - a).arg(need)));
            }
            QVERIFY(shown >= 1);   // at least two labels in view
        }
        downhill::ui::palette::setPresentationScale(1.0, 1.0);
        downhill::ui::palette::applyPresentationScale(plot.get());
    }

    // The legend goes when the plot has no room for it, judged each time from the legend as it
    // is now: its size is measured again when its names change (a race's runs), not kept.
    void theLegendGoesWhenItsTextNoLongerFits()
    {
        auto plot = shownPlot();
        appendRun(*plot, 1, 50);
        plot->replot();
        QVERIFY(plot->legend->visible());
        const QSize normal = plot->legend->minimumOuterSizeHint();
        // An axis rect 2.3 legends wide: room for this one (the rule is two legends).
        for (int round = 0; round < 4; ++round) {
            plot->resize(plot->width() + (23 * normal.width() / 10 - plot->axisRect()->rect().width()), 600);
            plot->replot();
        }
        QCOMPARE(plot->axisRect()->rect().width(), 23 * normal.width() / 10);
        appendRun(*plot, 51, 1);
        QVERIFY(plot->legend->visible());

        const int id = plot->addOverlaySeries(QStringLiteral("a race run whose name is a good deal longer than the rest"), Qt::darkGreen);
        plot->appendOverlaySteps(id, {1, 2}, {1.0, 0.9});
        appendRun(*plot, 52, 1);
        const QSize wide = plot->legend->minimumOuterSizeHint();
        QVERIFY2(2 * wide.width() > plot->axisRect()->rect().width(),
            qPrintable(QStringLiteral("%1 px, was %2 px, area %3 px").arg(wide.width()).arg(normal.width()).arg(plot->axisRect()->rect().width())));
        QVERIFY(!plot->legend->visible());

        plot->removeOverlaySeries(id);
        appendRun(*plot, 53, 1);
        QCOMPARE(plot->legend->minimumOuterSizeHint(), normal);
        QVERIFY(plot->legend->visible());
    }

    void stepsAppearWithTheirLearningRate()
    {
        auto plot = shownPlot();
        appendRun(*plot, 1, 200);
        QCOMPARE(plot->batchGraph()->data()->size(), 200);
        QCOMPARE(plot->batchGraph()->data()->at(0)->key, 1.0);
        QCOMPARE(plot->batchGraph()->data()->at(199)->value, 3.0 * std::exp(-200 / 50.0) + 0.1);
        QCOMPARE(plot->lrGraph()->data()->size(), 200);
        QCOMPARE(plot->lrGraph()->valueAxis(), plot->yAxis2);  // the schedule on the right axis
        QVERIFY(plot->yAxis2->visible());
        QVERIFY(plot->yAxis2->range().contains(0.05 * (1 + std::cos(3.141592653589793 / 1000.0)) / 2));
        QVERIFY(plot->xAxis->range().contains(200));
        QVERIFY(plot->yAxis->range().contains(3.0 * std::exp(-1 / 50.0) + 0.1));
        QVERIFY(plot->legend->visible());
        // Without a schedule the steps still show.
        plot->appendSteps({201, 202}, {0.2, 0.19}, {});
        QCOMPARE(plot->batchGraph()->data()->size(), 202);
        QVERIFY(std::isnan(plot->lrGraph()->data()->at(201)->value));
    }

    void epochsAppearInTrainAndValidationGraphs()
    {
        auto plot = shownPlot();
        appendRun(*plot, 1, 300);
        plot->appendEpoch(100, 0.9, 1.1);
        plot->appendEpoch(200, 0.5, 0.7);
        plot->appendEpoch(300, 0.3, kNaN);  // no validation set this time
        QCOMPARE(plot->trainGraph()->data()->size(), 3);
        QCOMPARE(plot->valGraph()->data()->size(), 3);
        QCOMPARE(plot->trainGraph()->data()->at(1)->key, 200.0);
        QCOMPARE(plot->trainGraph()->data()->at(1)->value, 0.5);
        QCOMPARE(plot->valGraph()->data()->at(0)->value, 1.1);
        QVERIFY(std::isnan(plot->valGraph()->data()->at(2)->value));
        QVERIFY(plot->trainGraph()->scatterStyle().shape() != QCPScatterStyle::ssNone);  // markers
        QVERIFY(plot->trainGraph()->pen().color() != plot->valGraph()->pen().color());
        plot->clear();
        QCOMPARE(plot->trainGraph()->data()->size(), 0);
        QCOMPARE(plot->batchGraph()->data()->size(), 0);
    }

    void logScaleTogglesTheLossAxis()
    {
        auto plot = shownPlot();
        appendRun(*plot, 1, 400);
        QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLinear);
        plot->setLogScale(true);
        QVERIFY(plot->logScale());
        QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(plot->yAxis->range().lower > 0);
        QVERIFY(plot->yAxis->range().contains(0.1 + 3.0 * std::exp(-400 / 50.0)));
        // The log ticker, inside the FittedTicker that keeps its labels apart.
        const auto inner = [&] { return plot->yAxis->ticker().dynamicCast<downhill::ui::FittedTicker>()->inner(); };
        QVERIFY(!inner().dynamicCast<QCPAxisTickerLog>().isNull());
        plot->replot(QCustomPlot::rpImmediateRefresh);
        plot->setLogScale(false);
        QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLinear);
        QVERIFY(inner().dynamicCast<QCPAxisTickerLog>().isNull());
    }

    void memoryIsBoundedOverAMillionSteps()
    {
        auto plot = shownPlot();
        QVector<double> steps(10000), loss(10000), lr(10000);
        for (int chunk = 0; chunk < 100; ++chunk) {
            for (int k = 0; k < 10000; ++k) {
                const double step = chunk * 10000.0 + k + 1;
                steps[k] = step;
                loss[k] = 1.0 / std::sqrt(step) + 0.01 * std::sin(step);
                lr[k] = 0.01;
            }
            plot->appendSteps(steps, loss, lr);
            plot->appendEpoch(steps.back(), loss.back(), loss.back() * 1.1);
        }
        QCOMPARE(plot->appendedStepCount(), qint64(1000000));
        QVERIFY(plot->storedStepCount() <= LossPlot::kMaxPoints + 1);   // and the newest
        QVERIFY(plot->batchGraph()->data()->size() <= LossPlot::kMaxPoints + 1);
        QVERIFY(plot->lrGraph()->data()->size() <= LossPlot::kMaxPoints + 1);
        // The newest step exactly, the first one kept, keys still in order.
        const auto& data = *plot->batchGraph()->data();
        QCOMPARE(data.at(data.size() - 1)->key, 1000000.0);
        QCOMPARE(data.at(data.size() - 1)->value, loss.back());
        QCOMPARE(data.at(0)->key, 1.0);
        // The same density everywhere: evenly spaced keys (the newest point aside).
        const double spacing = data.at(1)->key - data.at(0)->key;
        QVERIFY(spacing > 1.0);
        for (int k = 1; k < data.size() - 1; ++k)
            QCOMPARE(data.at(k)->key - data.at(k - 1)->key, spacing);
        QVERIFY(data.at(data.size() - 1)->key > data.at(data.size() - 2)->key);
        QVERIFY(data.size() >= LossPlot::kMaxPoints / 2);
        QCOMPARE(plot->storedEpochCount(), 100);
        plot->setCurrentStep(1000000);
        plot->replot(QCustomPlot::rpImmediateRefresh);
    }

    // Frame by frame (a few points each, as the window appends them) the graphs get only what
    // is new; after every frame they hold exactly the stored points, each with its own values,
    // through the replaced newest point and every halving.
    void graphsFollowEveryFrameExactly()
    {
        auto plot = shownPlot();
        const auto loss = [](double step) { return 1.0 / std::sqrt(step) + 0.01 * std::sin(step); };
        const auto rate = [](double step) { return 0.01 + 1e-7 * step; };
        double step = 0;
        int frame = 0;
        while (step < 3.0 * LossPlot::kMaxPoints) {
            QVector<double> steps, losses, rates;
            for (int k = 0; k < 1 + frame % 7; ++k) {
                steps.push_back(++step);
                losses.push_back(loss(step));
                rates.push_back(rate(step));
            }
            plot->appendSteps(steps, losses, rates);
            if (frame % 5 == 0)
                plot->appendEpoch(step, 2 * loss(step), 3 * loss(step));
            ++frame;
            const auto& batch = *plot->batchGraph()->data();
            const auto& lr = *plot->lrGraph()->data();
            QCOMPARE(batch.size(), plot->storedStepCount());
            QCOMPARE(lr.size(), plot->storedStepCount());
            QCOMPARE(batch.at(batch.size() - 1)->key, step);
            // Every point every few frames, the newest ones at every frame.
            for (int k = frame % 13 == 0 ? 0 : std::max(0, batch.size() - 16); k < batch.size(); ++k) {
                const double key = batch.at(k)->key;
                if ((k > 0 && key <= batch.at(k - 1)->key) || lr.at(k)->key != key || batch.at(k)->value != loss(key)
                    || lr.at(k)->value != rate(key))
                    QFAIL(qPrintable(QStringLiteral("frame %1: a stale point at step %2").arg(frame).arg(key)));
            }
            const auto& train = *plot->trainGraph()->data();
            QCOMPARE(train.size(), plot->storedEpochCount());
            for (int k = 0; k < train.size(); ++k)
                if (train.at(k)->value != 2 * loss(train.at(k)->key))
                    QFAIL(qPrintable(QStringLiteral("frame %1: a stale epoch point").arg(frame)));
        }
        QVERIFY(plot->appendedStepCount() > 2 * LossPlot::kMaxPoints);   // it halved on the way
    }

    void currentStepMarker()
    {
        auto plot = shownPlot();
        appendRun(*plot, 1, 100);
        auto* marker = plot->findChild<QCPItemLine*>(QStringLiteral("currentStep"));
        QVERIFY(marker && !marker->visible());
        plot->setCurrentStep(42);
        QVERIFY(marker->visible());
        QCOMPARE(marker->start->coords().x(), 42.0);
        QCOMPARE(marker->end->coords().x(), 42.0);
        // It spans the whole height whatever the scale.
        QCOMPARE(marker->start->typeY(), QCPItemPosition::ptAxisRectRatio);
    }

    void hoverReportsTheNearestStep()
    {
        auto plot = shownPlot();
        appendRun(*plot, 1, 100);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QSignalSpy spy(plot.get(), &LossPlot::hoverInfo);
        const QPoint pixel(static_cast<int>(std::lround(plot->xAxis->coordToPixel(37))),
            plot->axisRect()->rect().center().y());
        QTest::mouseMove(plot.get(), pixel);
        QTRY_VERIFY(spy.count() >= 1);
        QCOMPARE(spy.last().at(0).toDouble(), 37.0);
        QCOMPARE(spy.last().at(1).toDouble(), 3.0 * std::exp(-37 / 50.0) + 0.1);
        auto* text = plot->findChild<QCPItemText*>(QStringLiteral("hoverText"));
        QVERIFY(text && text->visible());
        QVERIFY(text->text().startsWith(QStringLiteral("step 37")));
    }

    void exportPng()
    {
        auto plot = shownPlot();
        appendRun(*plot, 1, 100);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(plot->exportImage(dir.filePath(QStringLiteral("loss.png")), &error), qPrintable(error));
        QImage image(dir.filePath(QStringLiteral("loss.png")));
        QCOMPARE(image.size(), plot->size() * 2);
        QVERIFY(!plot->exportImage(dir.filePath(QStringLiteral("loss.gif")), &error));
        QVERIFY(!error.isEmpty());
    }

    // A race: each run's loss in its own graph and colour, in the legend (which then lists only
    // the race), bounded like the step series, inside the fitted axes; clearing removes the
    // graphs and their legend entries and brings the run's entries back.
    void overlaySeriesKeepTheirOwnPointsAndColours()
    {
        auto plot = shownPlot();
        appendRun(*plot, 1, 50);
        const int graphsBefore = plot->graphCount();
        const int legendBefore = plot->legend->itemCount();
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(plot->addOverlaySeries(QStringLiteral("run %1").arg(i), downhill::ui::palette::raceColor(i)), i);
            QVector<double> steps, loss;
            for (int k = 1; k <= 20 * (i + 1); ++k) {
                steps.push_back(k);
                loss.push_back((5.0 + 10.0 * i) / k);
            }
            plot->appendOverlaySteps(i, steps, loss);
        }
        plot->appendOverlaySteps(9, {1.0}, {1.0});  // an unknown id changes nothing
        plot->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(plot->overlaySeriesCount(), 4);
        QCOMPARE(plot->graphCount(), graphsBefore + 4);
        QCOMPARE(plot->legend->itemCount(), 4);
        QVERIFY(!plot->legend->hasItemWithPlottable(plot->batchGraph()));
        QVERIFY(!plot->legend->hasItemWithPlottable(plot->trainGraph()));
        for (int i = 0; i < 4; ++i) {
            const QCPGraph* graph = plot->overlayGraph(i);
            QCOMPARE(plot->overlayStoredCount(i), 20 * (i + 1));
            QCOMPARE(graph->data()->size(), 20 * (i + 1));
            QCOMPARE(graph->pen().color(), downhill::ui::palette::raceColor(i));
            QCOMPARE(graph->name(), QStringLiteral("run %1").arg(i));
            QVERIFY(plot->legend->hasItemWithPlottable(graph));
        }
        // The axes follow the overlays: the largest loss (35 at step 1) and the last step (80).
        QVERIFY(plot->yAxis->range().upper >= 35.0);
        QVERIFY(plot->xAxis->range().upper >= 80.0);
        QCOMPARE(plot->storedStepCount(), 50);  // the run's own series untouched

        plot->clearOverlaySeries();
        QCOMPARE(plot->overlaySeriesCount(), 0);
        QCOMPARE(plot->graphCount(), graphsBefore);
        QCOMPARE(plot->legend->itemCount(), legendBefore);
        for (QCPGraph* graph : {plot->batchGraph(), plot->lrGraph(), plot->trainGraph(), plot->valGraph()})
            QVERIFY(plot->legend->hasItemWithPlottable(graph));
        QCOMPARE(plot->overlayGraph(0), nullptr);
        QVERIFY(plot->yAxis->range().upper < 35.0);
        QCOMPARE(plot->storedStepCount(), 50);
    }

    void overlaySeriesMemoryIsBounded()
    {
        auto plot = shownPlot();
        const int id = plot->addOverlaySeries(QStringLiteral("long"), downhill::ui::palette::raceColor(2));
        QVector<double> steps(10000), loss(10000);
        for (int chunk = 0; chunk < 10; ++chunk) {
            for (int k = 0; k < 10000; ++k) {
                steps[k] = chunk * 10000.0 + k + 1;
                loss[k] = 1.0 / steps[k];
            }
            plot->appendOverlaySteps(id, steps, loss);
        }
        QVERIFY(plot->overlayStoredCount(id) <= LossPlot::kMaxPoints + 1);
        const auto& data = *plot->overlayGraph(id)->data();
        QCOMPARE(data.at(0)->key, 1.0);
        QCOMPARE(data.at(data.size() - 1)->key, 100000.0);
        // clear() is the run's own: the overlay stays.
        plot->clear();
        QCOMPARE(plot->overlayStoredCount(id), plot->overlayGraph(id)->data()->size());
        QVERIFY(plot->overlayStoredCount(id) > 0);
    }
};

QTEST_MAIN(TestLossPlot)
#include "test_loss_plot.moc"
