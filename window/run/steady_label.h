#pragma once
// A label whose text changes many times a second (a read-out, the timeline's step) without the
// window being laid out again each time.
//
// QLabel::setText asks its parent's layout to be done again, and each layout that activates asks
// its own parent's: twenty times a second the read-out panel, its group, the right column, the
// scroll area and the timeline's toolbar were laid out, up to the main window, whose layout then
// starts a zero-length animation for every dock and toolbar. A widget of fixed size asks nothing
// of its parent, so this label holds one: the largest its texts have needed since its font last
// changed (and at least the room asked for), and a new layout comes only when a text needs more.
// Its text is plain and never wraps; the size is measured with the font's metrics, the same
// whether the text is selectable (QLabel would lay out a text document for that) or not.
//
// setText hides QLabel's (which is not virtual): call it through a SteadyLabel.
#include <QLabel>

namespace downhill::ui {

class SteadyLabel : public QLabel {
    Q_OBJECT
public:
    explicit SteadyLabel(QWidget* parent = nullptr);
    explicit SteadyLabel(const QString& text, QWidget* parent = nullptr);

    void setText(const QString& text);
    // Shrinks to no text: what a new run's first text then grows from.
    void clear();
    // Room for at least this text, in the label's font whatever it becomes (the widest a
    // counter will get), so that the label does not grow while it counts.
    void setRoomFor(const QString& sample);

protected:
    void changeEvent(QEvent* event) override;

private:
    // The size a text takes in the label's font, with its margins.
    QSize measure(const QString& text) const;
    // Measures the room again (a new sample, font or style) and holds the text from there.
    void remeasure();
    // Fixes the size to what the text needs, at least the room; the width never shrinks unless
    // `shrink`.
    void hold(const QString& text, bool shrink);

    QString room_;
    int roomWidth_ = 0;   // room_ in the current font
};

}  // namespace downhill::ui
