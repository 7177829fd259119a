#include "window/run/steady_label.h"

#include <algorithm>

#include <QEvent>
#include <QFontMetrics>

namespace downhill::ui {

SteadyLabel::SteadyLabel(QWidget* parent) : SteadyLabel(QString(), parent) {}

SteadyLabel::SteadyLabel(const QString& text, QWidget* parent) : QLabel(text, parent)
{
    remeasure();
}

QSize SteadyLabel::measure(const QString& text) const
{
    const QFontMetrics metrics(font());
    const QStringList lines = text.split(QLatin1Char('\n'));
    int width = 0;
    for (const QString& line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    const QMargins m = contentsMargins();
    // One pixel more for the text cursor's width a selectable label's document allows for.
    return {width + 1 + m.left() + m.right() + 2 * margin(),
        metrics.height() + (static_cast<int>(lines.size()) - 1) * metrics.lineSpacing() + m.top() + m.bottom() + 2 * margin()};
}

void SteadyLabel::remeasure()
{
    roomWidth_ = room_.isEmpty() ? 0 : measure(room_).width();
    hold(text(), true);
}

void SteadyLabel::hold(const QString& text, bool shrink)
{
    QSize need = measure(text);
    // The width held so far is the fixed one (the constructor fixed the first).
    need.setWidth(std::max({need.width(), roomWidth_, shrink ? 0 : minimumWidth()}));
    // The height follows the line count both ways: it changes only with the kind of text shown.
    if (minimumSize() != need || maximumSize() != need)
        setFixedSize(need);
}

void SteadyLabel::setText(const QString& text)
{
    if (text == QLabel::text())
        return;
    // With the old fixed size in place QLabel asks no layout of anyone; a text that needs more
    // room asks once, through the new size.
    QLabel::setText(text);
    hold(text, false);
}

void SteadyLabel::clear()
{
    QLabel::clear();
    hold(QString(), true);
}

void SteadyLabel::setRoomFor(const QString& sample)
{
    room_ = sample;
    remeasure();
}

void SteadyLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    // Another font or style (presentation mode, the theme, a style sheet): measured afresh.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        remeasure();
}

}  // namespace downhill::ui
