#pragma once
// Places the labels of LandscapePlot so that they collide with nothing: each arrow's label
// just past its head, or at another spot around the head, further out each round; the grid
// minimum's label on a free side of its star, or hidden (the hover still tells). Labels keep
// off each other, off every arrow's shaft, off the markers and off the boxes drawn above the
// live layer. One placer serves one placement: it reads the view when made.
#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QVector>

#include <optional>
#include <unordered_map>

#include <qcustomplot.h>

namespace downhill::ui {

// What a placement measures of a text item, kept from one placement to the next: laying out
// a text is most of what placing the labels costs, and the texts change far less often than the
// frames do. An entry is used only while everything it was measured from is the same.
class TextBoxes {
public:
    // The item's box in widget pixels, as its topLeft and bottomRight anchors give it.
    QRectF box(const QCPItemText* item);
    // One line of the item's text in its font, with its padding.
    QSizeF size(const QCPItemText* item);

private:
    // What a text's size is measured from; a box also needs where it stands and how it aligns.
    struct Text {
        QString text;
        QFont font;
        QMargins padding;
        bool operator==(const Text&) const = default;
    };
    struct Place {
        QPointF at;
        int positionAlignment = 0, textAlignment = 0;
        double rotation = 0;
        bool operator==(const Place&) const = default;
    };
    struct Entry {
        std::optional<Text> sized, boxed;
        Place place;
        QSizeF size;
        QRectF box;
    };
    static Text textOf(const QCPItemText* item);
    std::unordered_map<const QCPItemText*, Entry> entries_;
};

class LabelPlacer {
public:
    // `boxes` outlives the placer.
    LabelPlacer(const QCustomPlot& plot, TextBoxes& boxes);

    // Obstacles. A text item counts when visible; a shaft and a marker are in parameter units.
    void avoidItem(const QCPItemText* item);
    void avoidShaft(QLineF shaft);
    // Returns a handle for stopAvoiding().
    qsizetype avoidMarker(QPointF centre, double size);
    void stopAvoiding(qsizetype handle);

    // The label at the best free spot around the head of the shaft (parameter units), which
    // it then occupies; the first spot when none is free.
    void placeAtHead(QCPItemText* label, QLineF shaft);
    // The label on a free side of the point; false (label untouched) when there is none.
    bool placeBeside(QCPItemText* label, QPointF point);

    bool inView(QPointF point) const;

private:
    struct Spot {
        QPointF anchor;
        Qt::Alignment align;
        QRectF rect;
    };
    static Spot spotFor(QPointF from, QPointF dir, double distance, QSizeF size);
    bool fits(const Spot& spot) const;
    void apply(QCPItemText* label, const Spot& spot) const;
    QPointF toPx(QPointF p) const;     // pixels from the axis rect's top left, y down
    QPointF fromPx(QPointF q) const;

    TextBoxes& boxes_;
    QCPRange xr_, yr_;
    QPointF perPixel_;
    QPointF origin_;   // the axis rect's top left, in widget pixels
    QRectF rect_;      // the axis rect in its own pixels
    QVector<QRectF> taken_;
    QVector<QLineF> shafts_;   // in pixels
};

}  // namespace downhill::ui
