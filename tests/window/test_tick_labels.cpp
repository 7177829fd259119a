// The tick labels of the landscape plot's axes and of the loss plot's never run into each other,
// whatever the range: a diverged run's 1e82 (lesson 01 once read "-1.5E+82-1E+82-5E+81"), the
// losses of 1e160 before a run stops, tiny and offset ranges, in a small dock and a large
// window, at the normal sizes and presentation mode's larger text. Each label's rectangle is
// measured here with QFontMetrics from the axis's own tick-label font and placed where the axis
// puts its tick; neighbours must keep apart, and every axis keeps at least two labels where it
// is long enough for four labels of eight characters.
#include <QApplication>
#include <QFontMetricsF>
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>

#include "plots/fitted_ticker.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "plots/palette.h"
#include "window/shell/appearance.h"

using namespace downhill;

namespace {

struct Range {
    double lower, upper;
};

// The labelled ticks' rectangles along the axis, in pixels, in the order of the ticks; an empty
// label is not drawn and has none. What goes wrong is returned, empty when nothing does.
QString overlaps(QCPAxis* axis, int* labelled, double* widest)
{
    const QFontMetricsF metrics(axis->tickLabelFont());
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    if (ticks.size() != labels.size())
        return QStringLiteral("%1 ticks, %2 labels").arg(ticks.size()).arg(labels.size());
    QRectF last;
    QString lastText;
    *labelled = 0;
    *widest = 0;
    for (qsizetype k = 0; k < ticks.size(); ++k) {
        if (labels[k].isEmpty())
            continue;
        ++*labelled;
        const QSizeF size = metrics.boundingRect(QRectF(), Qt::TextDontClip, labels[k]).size();
        *widest = std::max(*widest, horizontal ? size.width() : size.height());
        const double at = axis->coordToPixel(ticks[k]);
        const QRectF rect = horizontal ? QRectF(at - size.width() / 2, 0, size.width(), size.height())
                                       : QRectF(0, at - size.height() / 2, size.width(), size.height());
        if (!last.isNull() && rect.intersects(last))
            return QStringLiteral("\"%1\" and \"%2\" overlap").arg(lastText, labels[k]);
        last = rect;
        lastText = labels[k];
    }
    return {};
}

QString check(QCPAxis* axis, const char* name)
{
    int labelled = 0;
    double widest = 0;
    const QString problem = overlaps(axis, &labelled, &widest);
    const QStringList labels = axis->tickVectorLabels();
    const QString all = labels.join(QLatin1Char('|'));
    if (!problem.isEmpty())
        return QStringLiteral("%1 [%2]: %3").arg(QLatin1String(name), all, problem);
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const double length = horizontal ? axis->axisRect()->width() : axis->axisRect()->height();
    // Room for four labels as long as any ("-8.8e-88"): at least two shown.
    const QSizeF longest = QFontMetricsF(axis->tickLabelFont()).boundingRect(QRectF(), Qt::TextDontClip, QStringLiteral("-8.8e-88")).size();
    if (labelled < 2 && length > 4 * std::max(widest, horizontal ? longest.width() : longest.height()))
        return QStringLiteral("%1 [%2]: %3 label(s) on %4 px").arg(QLatin1String(name), all).arg(labelled).arg(length);
    return {};
}

}  // namespace

class TestTickLabels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance())); }
    void cleanup() { ui::palette::setPresentationScale(1.0, 1.0); }

    void labelsNeverOverlap_data()
    {
        QTest::addColumn<double>("x0");
        QTest::addColumn<double>("x1");
        QTest::addColumn<double>("y0");
        QTest::addColumn<double>("y1");
        const std::pair<const char*, std::array<double, 4>> ranges[] = {
            {"lesson 01 diverged", {-1.5e82, 1.1e82, -1.2e82, 0.9e82}},
            {"the valley", {-3.1, 6.3, -2.2, 9.4}},
            {"millions", {-2.5e6, 3.7e6, 1e5, 9.9e6}},
            {"tiny", {1.2e-7, 3.9e-7, -4e-9, 7e-9}},
            {"offset", {1e6, 1e6 + 37.5, -1e-3, 1e-3}},
            {"1e300", {-1e300, 1e300, 1e299, 1e300}},
        };
        const std::pair<const char*, QSize> sizes[] = {{"dock", QSize(300, 260)}, {"window", QSize(720, 700)}};
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("presentation");
        for (const auto& [name, r] : ranges)
            for (const auto& [where, size] : sizes)
                for (const double scale : {1.0, 1.6})
                    QTest::addRow("%s, %s%s", name, where, scale > 1 ? ", presentation" : "") << r[0] << r[1] << r[2] << r[3] << size << scale;
    }

    void labelsNeverOverlap()
    {
        QFETCH(double, x0);
        QFETCH(double, x1);
        QFETCH(double, y0);
        QFETCH(double, y1);
        QFETCH(QSize, size);
        QFETCH(double, presentation);
        ui::palette::setPresentationScale(presentation, presentation);

        ui::LandscapePlot landscape;
        ui::LossPlot loss;
        landscape.applyPresentationScale();
        ui::palette::applyPresentationScale(&loss);
        QStringList failures;
        for (QCustomPlot* plot : {static_cast<QCustomPlot*>(&landscape), static_cast<QCustomPlot*>(&loss)}) {
            plot->resize(size);
            plot->show();
            QVERIFY(QTest::qWaitForWindowExposed(plot));
        }
        landscape.xAxis->setRange(x0, x1);
        landscape.yAxis->setRange(y0, y1);
        // The loss plot: steps along x (never negative), the loss up the left (its absolute
        // values, as a loss is), the learning rate on the right.
        loss.xAxis->setRange(0, std::max(std::abs(x0), std::abs(x1)));
        loss.yAxis->setRange(0, std::max(std::abs(y0), std::abs(y1)));
        loss.yAxis2->setRange(std::min(std::abs(x0), std::abs(x1)), std::max(std::abs(x0), std::abs(x1)));
        for (QCustomPlot* plot : {static_cast<QCustomPlot*>(&landscape), static_cast<QCustomPlot*>(&loss)})
            plot->replot();
        QTest::qWait(50);   // a replot the new layout asked for
        for (const auto& [axis, name] : {std::pair{landscape.xAxis, "landscape x"}, std::pair{landscape.yAxis, "landscape y"},
                 std::pair{loss.xAxis, "loss x"}, std::pair{loss.yAxis, "loss y"}, std::pair{loss.yAxis2, "learning rate"}}) {
            const QString problem = check(axis, name);
            if (!problem.isEmpty())
                failures << problem;
        }
        // And on a log scale, from a tiny loss up to the range's largest.
        loss.setLogScale(true);
        loss.yAxis->setRange(1e-3, std::max({std::abs(y0), std::abs(y1), 1.0}));
        loss.replot();
        QTest::qWait(50);
        const QString logProblem = check(loss.yAxis, "loss y (log)");
        if (!logProblem.isEmpty())
            failures << logProblem;
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    // Large and small numbers are written short: a mantissa and the exponent without "+" or
    // leading zeros, the mantissa as the locale writes it.
    void labelsAreShort_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("german");
        QTest::newRow("-1.5e82") << -1.5e82 << "-1.5e82" << "-1,5e82";
        QTest::newRow("2e-7") << 2e-7 << "2e-7" << "2e-7";
        QTest::newRow("1e6") << 1e6 << "1e6" << "1e6";
        QTest::newRow("0.25") << 0.25 << "0.25" << "0,25";
        QTest::newRow("-40") << -40.0 << "-40" << "-40";
    }

    void labelsAreShort()
    {
        QFETCH(double, value);
        QFETCH(QString, english);
        QFETCH(QString, german);
        QCOMPARE(ui::FittedTicker::compactLabel(value, QLocale(QLocale::English, QLocale::UnitedKingdom), QLatin1Char('g'), 6), english);
        QCOMPARE(ui::FittedTicker::compactLabel(value, QLocale(QLocale::German, QLocale::Germany), QLatin1Char('g'), 6), german);
    }
};

QTEST_MAIN(TestTickLabels)
#include "test_tick_labels.moc"
