#pragma once
// A QCPCurve whose scatter dots are stamped from a small pixmap, drawn once per look (shape,
// size, colours, pen, device pixel ratio) with QCustomPlot's own drawing: a path of 1,500
// dots redrawn 20 times a second spent most of its paint time rasterising the same
// antialiased ellipse again and again. On anything but an untransformed raster device (a PDF
// or SVG export, a scaled PNG export) the dots are drawn by QCustomPlot as before.
#include <QPixmap>

#include <qcustomplot.h>

namespace downhill::ui {

class DotCurve : public QCPCurve {
public:
    using QCPCurve::QCPCurve;

    // How many times the stamp was drawn anew (for tests: once per look).
    int stampsDrawn() const { return stampsDrawn_; }

protected:
    void drawScatterPlot(QCPPainter* painter, const QVector<QPointF>& points, const QCPScatterStyle& style) const override;

private:
    struct Look {
        int shape = -1;
        double size = 0;
        QRgb pen = 0, brush = 0;
        double penWidth = 0;
        double dpr = 0;
        bool antialiased = false;
        bool operator==(const Look&) const = default;
    };
    mutable Look look_;
    mutable QPixmap stamp_;
    mutable double half_ = 0;   // from the stamp's corner to the dot's centre, in logical pixels
    mutable int stampsDrawn_ = 0;
};

}  // namespace downhill::ui
