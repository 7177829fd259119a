#pragma once
// A label that paints from a picture of itself, made again only when what it shows changes.
//
// The landscape's title is a rich-text label on the plot, and a plot's replot repaints its
// children: at 20 frames a second the title's text document was drawn 20 times a second
// (2.6 ms of every second, as much as half the read-outs together) for a title that changes when
// the data or the model does. This label draws itself once into a pixmap, through QLabel's own
// paint, and then copies that pixmap; the picture is made again when anything that paint reads
// changed (text, format, alignment, wrap, margins, font, palette, enabled state, direction,
// size, pixel ratio) or the style did.
//
// A widget cannot render itself from its own paint event (Qt refuses a recursive repaint), so
// the picture is QLabel's paint of a twin: an unshown QLabel given this one's text, format,
// alignment, wrap, margins, font, palette, direction and enabled state. The twin has the
// application's style and style sheet, as this label does; a style or style sheet set on this
// label alone is not carried over (handing the twin this label's style would keep a pointer to
// a style sheet's style that the next application style sheet deletes).
#include <QFont>
#include <QLabel>
#include <QMargins>
#include <QPalette>
#include <QPixmap>
#include <memory>

namespace downhill::ui {

class CachedLabel : public QLabel {
    Q_OBJECT
public:
    explicit CachedLabel(QWidget* parent = nullptr);
    ~CachedLabel() override;

    // How many times the picture was made: a test's measure.
    int pictures() const { return pictures_; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // Everything QLabel's paint reads, as the twin is given it: a picture is made again when
    // any of it differs from what the last one was made from.
    struct Look {
        QString text;
        Qt::TextFormat format = Qt::AutoText;
        Qt::Alignment alignment;
        bool wordWrap = false;
        int margin = 0;
        int indent = -1;
        QMargins contentsMargins;
        Qt::TextInteractionFlags interaction;
        QFont font;
        QPalette palette;
        bool enabled = true;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        QSize size;
        qreal pixelRatio = 0;
        int styleGeneration = 0;
        bool operator==(const Look&) const = default;
    };
    Look look() const;
    void drawPicture(const Look& look);

    std::unique_ptr<QLabel> twin_;
    QPixmap picture_;
    Look pictureLook_;
    int styleGeneration_ = 0;   // counts style changes (a new application style sheet)
    int pictures_ = 0;
};

}  // namespace downhill::ui
