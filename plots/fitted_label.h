#pragma once
// An axis label that fits its axis. QCustomPlot centres a label on its axis and draws it whole,
// past the ends when the axis is shorter: the loss plot's "learning rate" read "earning rate"
// in the window's right column at 1280 x 800. FittedLabel::set gives an axis its full label and
// a brief one; after every layout the axis shows the full label where it fits the axis's length
// in the label's font, else the brief one, else the brief one elided ("lr", "rel. err..."), and
// the plot is replotted once when that changed. Set every axis label through it, or a later
// QCPAxis::setLabel is undone at the next layout.
#include <QString>

class QCPAxis;

namespace downhill::ui::FittedLabel {

void set(QCPAxis* axis, const QString& full, const QString& brief = QString());
// The text that fits: full, brief or brief elided, for a length in pixels.
QString fit(const QCPAxis* axis, const QString& full, const QString& brief, double length);
// What a label needs along its axis, in pixels, in the axis's label font.
int needed(const QCPAxis* axis, const QString& text);
// The axis's length in pixels as last laid out (0 before the first layout).
double length(const QCPAxis* axis);

}  // namespace downhill::ui::FittedLabel
