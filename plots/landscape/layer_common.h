#pragma once
// What the parts of LandscapePlot share: the names of its three layers, the scale of the view
// in parameter units per pixel, and the look of its text items.
#include <QPointF>
#include <QString>
#include <cmath>
#include <limits>

#include <qcustomplot.h>

#include "core/geometry/plane_box.h"
#include "core/geometry/plane_point.h"

namespace downhill::ui {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Bottom to top: the map (colours, contours, field, minimum) shares a paint buffer with the
// axes; the live layer holds whatever moves while training runs; the overlay holds banner,
// captions, legend and hover read-out.
QString mapLayerName();
QString liveLayerName();
QString overlayLayerName();

inline bool finite(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

inline core::PlanePoint planePoint(QPointF p)
{
    return {p.x(), p.y()};
}

inline QPointF qPoint(core::PlanePoint p)
{
    return {p.x, p.y};
}

// The rect's edges as core's geometry takes them (right() and bottom() as QRectF computes them).
inline core::PlaneBox planeBox(const QRectF& r)
{
    return {r.left(), r.right(), r.top(), r.bottom()};
}

// Parameter units per pixel along x and y; before the first layout the axis rect has no size,
// and any aspect will do until it has.
QPointF paramsPerPixel(const QCustomPlot& plot);

// A text item in the plot's annotation style, on the named layer.
QCPItemText* makeTextItem(QCustomPlot* plot, const QString& layer, const QString& name);

// A value shown on the plot: 4 significant digits, a dash when not finite.
QString number(double v);

}  // namespace downhill::ui
