#include "plots/fitted_label.h"

#include <QFontMetrics>

#include <qcustomplot.h>

namespace downhill::ui::FittedLabel {

namespace {

// An axis's two labels and what the last fitting was for: after a layout with the same length
// and font (every frame but a resize or presentation mode) nothing is measured again.
class Labels final : public QObject {
public:
    using QObject::QObject;
    QString full;
    QString brief;
    double fittedLength = -1;
    QFont fittedFont;
};

Labels* labelsOf(QCPAxis* axis)
{
    // Labels has no meta-object of its own (findChild<Labels*> would match any child): found
    // by its name.
    const QString name = QStringLiteral("dhFittedLabels");
    if (QObject* found = axis->findChild<QObject*>(name, Qt::FindDirectChildrenOnly))
        return static_cast<Labels*>(found);
    auto* labels = new Labels(axis);
    labels->setObjectName(name);
    QObject::connect(axis->parentPlot(), &QCustomPlot::afterLayout, labels, [axis, labels] {
        const double len = length(axis);
        if (len <= 0 || (len == labels->fittedLength && axis->labelFont() == labels->fittedFont))
            return;
        labels->fittedLength = len;
        labels->fittedFont = axis->labelFont();
        const QString text = fit(axis, labels->full, labels->brief, len);
        if (axis->label() != text) {
            axis->setLabel(text);
            axis->parentPlot()->replot(QCustomPlot::rpQueuedReplot);
        }
    });
    return labels;
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
    Labels* labels = labelsOf(axis);
    labels->full = full;
    labels->brief = brief;
    labels->fittedLength = -1;   // measured again at the next layout
    const double len = length(axis);
    axis->setLabel(len > 0 ? fit(axis, full, brief, len) : full);
}

}  // namespace downhill::ui::FittedLabel
