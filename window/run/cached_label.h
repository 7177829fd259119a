#pragma once
// A label that paints from a picture of itself, made again only when what it shows changes.
//
// The landscape's title is a rich-text label on the plot, and a plot's replot repaints its
// children: at 20 frames a second the title's text document was drawn 20 times a second
// (2.6 ms of every second, as much as half the read-outs together) for a title that changes when
// the data or the model does. This label draws itself once into a pixmap, through QLabel's own
// paint, and then copies that pixmap; the picture is made again when its text, size, pixel
// ratio, word wrap or alignment changed, or its font, palette, style or enabled state did.
//
// A widget cannot render itself from its own paint event (Qt refuses a recursive repaint), so
// the picture is QLabel's paint of a twin: an unshown QLabel given this one's text, format,
// alignment, wrap, margins, font, palette, direction and enabled state. The twin has the
// application's style and style sheet, as this label does; a style or style sheet set on this
// label alone is not carried over (handing the twin this label's style would keep a pointer to
// a style sheet's style that the next application style sheet deletes).
#include <QLabel>
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
    struct Key {
        QString text;
        QSize size;
        qreal pixelRatio = 0;
        bool wordWrap = false;
        Qt::Alignment alignment;
        int generation = 0;
        bool operator==(const Key&) const = default;
    };
    Key key() const;

    void drawPicture();

    std::unique_ptr<QLabel> twin_;
    QPixmap picture_;
    Key pictureKey_;
    int generation_ = 0;   // font, palette, style or enabled state changed
    int pictures_ = 0;
};

}  // namespace downhill::ui
