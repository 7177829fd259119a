#include "plots/fitted_ticker.h"

#include <algorithm>
#include <cmath>

#include <QFontMetricsF>

namespace downhill::ui {

namespace {

QSizeF labelSize(const QFontMetricsF& metrics, const QString& text)
{
    return metrics.boundingRect(QRectF(), Qt::TextDontClip, text).size();
}

}  // namespace

void FittedTicker::install(QCPAxis* axis)
{
    QSharedPointer<QCPAxisTicker> current = axis->ticker();
    if (!current.dynamicCast<FittedTicker>())
        axis->setTicker(QSharedPointer<FittedTicker>::create(axis, current));
    axis->setNumberFormat(QString(axis->numberFormat().at(0)));
    if (axis->property("dhFittedTicks").toBool())
        return;
    axis->setProperty("dhFittedTicks", true);
    // The ticks were made for the length of the layout before: again once it has changed.
    QCustomPlot* plot = axis->parentPlot();
    QObject::connect(plot, &QCustomPlot::afterLayout, axis, [axis, plot] {
        const auto fitted = axis->ticker().dynamicCast<FittedTicker>();
        const double length = axis->orientation() == Qt::Horizontal ? axis->axisRect()->width() : axis->axisRect()->height();
        if (fitted && axis->visible() && length > 0 && std::abs(length - fitted->fittedLength()) > 0.5)
            plot->replot(QCustomPlot::rpQueuedReplot);
    });
}

QString FittedTicker::compactLabel(double value, const QLocale& locale, QChar format, int precision)
{
    QString text = locale.toString(value, format.toLatin1(), precision);
    const QString exponential = locale.exponential();
    qsizetype at = text.lastIndexOf(exponential, -1, Qt::CaseInsensitive);
    if (at < 0)
        at = text.lastIndexOf(QLatin1Char('e'), -1, Qt::CaseInsensitive);
    if (at <= 0)
        return text;
    const qsizetype symbol = at < text.size() && text.at(at).toLower() == QLatin1Char('e') ? 1 : exponential.size();
    QString exponent = text.mid(at + symbol);
    bool negative = false;
    if (exponent.startsWith(locale.negativeSign()) || exponent.startsWith(QLatin1Char('-'))) {
        negative = true;
        exponent.remove(0, 1);
    } else if (exponent.startsWith(locale.positiveSign()) || exponent.startsWith(QLatin1Char('+'))) {
        exponent.remove(0, 1);
    }
    while (exponent.size() > 1 && (exponent.startsWith(QLatin1Char('0')) || exponent.startsWith(locale.zeroDigit())))
        exponent.remove(0, 1);
    return text.left(at) + QLatin1Char('e') + (negative ? locale.negativeSign() : QString()) + exponent;
}

FittedTicker::FittedTicker(QCPAxis* axis, QSharedPointer<QCPAxisTicker> inner) : axis_(axis), inner_(std::move(inner))
{
    setTickCount(inner_->tickCount());
    setTickStepStrategy(inner_->tickStepStrategy());
}

double FittedTicker::axisLength() const
{
    const QRect rect = axis_->axisRect()->rect();
    const double length = axis_->orientation() == Qt::Horizontal ? rect.width() : rect.height();
    if (length > 0)
        return length;
    const QCustomPlot* plot = axis_->parentPlot();
    return axis_->orientation() == Qt::Horizontal ? plot->width() : plot->height();
}

double FittedTicker::pixel(double value, const QCPRange& range, double length) const
{
    if (axis_->scaleType() == QCPAxis::stLogarithmic && range.lower > 0 && value > 0)
        return std::log(value / range.lower) / std::log(range.upper / range.lower) * length;
    return (value - range.lower) / range.size() * length;
}

bool FittedTicker::fits(const QVector<double>& ticks, const QVector<QString>& labels, const QCPRange& range, double length) const
{
    const QFontMetricsF metrics(axis_->tickLabelFont());
    const bool horizontal = axis_->orientation() == Qt::Horizontal;
    // A character's width between labels side by side, a fifth of a line between stacked ones.
    const double gap = horizontal ? metrics.horizontalAdvance(QLatin1Char('0')) : 0.2 * metrics.height();
    double lastEnd = -1e300;
    for (qsizetype k = 0; k < ticks.size(); ++k) {
        if (labels[k].isEmpty())
            continue;
        const QSizeF size = labelSize(metrics, labels[k]);
        const double extent = horizontal ? size.width() : size.height();
        const double at = pixel(ticks[k], range, length);
        if (at - extent / 2 < lastEnd + gap)
            return false;
        lastEnd = at + extent / 2;
    }
    return true;
}

void FittedTicker::generate(const QCPRange& range, const QLocale& locale, QChar formatChar, int precision,
    QVector<double>& ticks, QVector<double>* subTicks, QVector<QString>* tickLabels)
{
    length_ = axisLength();
    const auto labelsOf = [&](const QVector<double>& values) {
        QVector<QString> labels;
        labels.reserve(values.size());
        for (double v : values)
            labels.push_back(compactLabel(v, locale, formatChar, precision));
        return labels;
    };
    const auto labelled = [](const QVector<QString>& labels) {
        return std::count_if(labels.begin(), labels.end(), [](const QString& l) { return !l.isEmpty(); });
    };
    // Every k-th label of the ticks for `count`, the rest left out; k = 1: all of them.
    QVector<QString> labels;
    const auto tryTicks = [&](int count, int every) {
        inner_->setTickCount(count);
        inner_->generate(range, locale, formatChar, precision, ticks, subTicks, nullptr);
        labels = labelsOf(ticks);
        for (qsizetype k = 0; k < labels.size(); ++k)
            if (k % every != 0)
                labels[k].clear();
        return labelled(labels) >= 2 && fits(ticks, labels, range, length_);
    };
    // The most ticks that fit, all labelled; else, labels at every k-th of as many ticks as
    // possible (the ends of a short axis, rather than a lone "0"); else the first label alone,
    // which cannot collide.
    const int most = std::max(tickCount(), 1);
    bool done = false;
    for (int count = most; count >= 2 && !done; --count)
        done = tryTicks(count, 1);
    for (int count = most; count >= 1 && !done; --count)
        for (int every = 2; every <= 8 && !done; ++every)
            done = tryTicks(count, every);
    if (!done) {
        tryTicks(1, 1);
        for (qsizetype k = 1; k < labels.size(); ++k)
            labels[k].clear();
    }
    if (tickLabels)
        *tickLabels = labels;
}

}  // namespace downhill::ui
