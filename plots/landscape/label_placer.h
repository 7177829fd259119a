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

#include <qcustomplot.h>

namespace downhill::ui {

class LabelPlacer {
public:
    explicit LabelPlacer(const QCustomPlot& plot);

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
    static QSizeF sizeOf(const QCPItemText* label);
    bool fits(const Spot& spot) const;
    void apply(QCPItemText* label, const Spot& spot) const;
    QPointF toPx(QPointF p) const;     // pixels from the axis rect's top left, y down
    QPointF fromPx(QPointF q) const;

    QCPRange xr_, yr_;
    QPointF perPixel_;
    QPointF origin_;   // the axis rect's top left, in widget pixels
    QRectF rect_;      // the axis rect in its own pixels
    QVector<QRectF> taken_;
    QVector<QLineF> shafts_;   // in pixels
};

}  // namespace downhill::ui
