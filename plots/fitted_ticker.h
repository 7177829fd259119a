#pragma once
// Tick labels that never run into each other along an axis, whatever its range. QCustomPlot's
// tickers aim at a fixed number of ticks (5) and write "-1.5E+82": when lesson 01 diverged, the
// landscape's x axis at 1e82 read "-1.5E+82-1E+82-5E+81". FittedTicker wraps an axis's ticker
// (linear or log) and
//   - writes large and small numbers as a mantissa and a short exponent ("-1.5e82", "2e-7"),
//   - measures each label with the axis's tick-label font (presentation mode's included) and
//     takes the most ticks, up to its tick count, whose labels keep a gap between them along
//     the axis's length in pixels,
//   - where even the fewest ticks do not fit, labels only every k-th of them.
// The axis's length is the one of the last layout: after a layout that changed it, the plot is
// replotted once, so the ticks always fit the axis as drawn. The number format loses its 'b'
// (QCustomPlot's typeset powers of ten), so the label drawn is the label measured.
#include <QSharedPointer>
#include <QString>

#include <qcustomplot.h>

namespace downhill::ui {

class FittedTicker : public QCPAxisTicker {
public:
    // Wraps the axis's current ticker (call again after setting another one).
    static void install(QCPAxis* axis);
    // A label: QLocale's, with the exponent short ("1.5e+82" -> "1.5e82", "2e-07" -> "2e-7").
    static QString compactLabel(double value, const QLocale& locale, QChar format, int precision);

    FittedTicker(QCPAxis* axis, QSharedPointer<QCPAxisTicker> inner);
    QSharedPointer<QCPAxisTicker> inner() const { return inner_; }
    double fittedLength() const { return length_; }   // the axis length the last ticks fit

    void generate(const QCPRange& range, const QLocale& locale, QChar formatChar, int precision, QVector<double>& ticks,
        QVector<double>* subTicks, QVector<QString>* tickLabels) override;

private:
    double axisLength() const;
    double pixel(double value, const QCPRange& range, double length) const;
    // Whether the labels, centred on their ticks, keep a gap; labels that are empty do not count.
    bool fits(const QVector<double>& ticks, const QVector<QString>& labels, const QCPRange& range, double length) const;

    QCPAxis* axis_;
    QSharedPointer<QCPAxisTicker> inner_;
    double length_ = 0;
};

}  // namespace downhill::ui
