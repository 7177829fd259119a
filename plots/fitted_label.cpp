#include "plots/fitted_label.h"

#include <QFontMetrics>

#include <qcustomplot.h>

namespace downhill::ui::FittedLabel {

namespace {

const char* const kFull = "dhFullLabel";
const char* const kBrief = "dhBriefLabel";
const char* const kConnected = "dhFittedLabel";

void apply(QCPAxis* axis, bool replot)
{
    const QString full = axis->property(kFull).toString();
    const QString brief = axis->property(kBrief).toString();
    const double len = length(axis);
    const QString text = len > 0 ? fit(axis, full, brief, len) : full;
    if (axis->label() == text)
        return;
    axis->setLabel(text);
    if (replot)
        axis->parentPlot()->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace

int needed(const QCPAxis* axis, const QString& text)
{
    // As QCPAxisPainterPrivate measures it before drawing.
    return QFontMetrics(axis->labelFont()).boundingRect(0, 0, 0, 0, Qt::TextDontClip, text).width();
}

double length(const QCPAxis* axis)
{
    const QCPAxisRect* rect = axis->axisRect();
    if (!rect)
        return 0;
    return axis->orientation() == Qt::Horizontal ? rect->width() : rect->height();
}

QString fit(const QCPAxis* axis, const QString& full, const QString& brief, double length)
{
    if (needed(axis, full) <= length)
        return full;
    const QString shorter = brief.isEmpty() ? full : brief;
    if (needed(axis, shorter) <= length)
        return shorter;
    return QFontMetrics(axis->labelFont()).elidedText(shorter, Qt::ElideRight, static_cast<int>(length));
}

void set(QCPAxis* axis, const QString& full, const QString& brief)
{
    axis->setProperty(kFull, full);
    axis->setProperty(kBrief, brief);
    if (!axis->property(kConnected).toBool()) {
        axis->setProperty(kConnected, true);
        QObject::connect(axis->parentPlot(), &QCustomPlot::afterLayout, axis, [axis] { apply(axis, true); });
    }
    apply(axis, false);
}

}  // namespace downhill::ui::FittedLabel
