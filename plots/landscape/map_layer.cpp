#include "plots/landscape/map_layer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <QCoreApplication>

#include "core/geometry/contour_lines.h"
#include "plots/fitted_label.h"
#include "plots/landscape/cached_landscape_map.h"
#include "plots/landscape/layer_common.h"
#include "plots/palette.h"

namespace downhill::ui {

namespace {

constexpr double kLogDecades = 2.0;   // colour by log10 above this many decades

// A five-pointed star for QCPScatterStyle (ssCustom paths are scaled by size / 6).
QPainterPath starPath()
{
    QPainterPath path;
    for (int k = 0; k < 10; ++k) {
        const double r = (k % 2 == 0) ? 3.4 : 1.45;
        const double a = -std::numbers::pi / 2 + k * std::numbers::pi / 5;
        const QPointF p(r * std::cos(a), r * std::sin(a));
        if (k == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    path.closeSubpath();
    return path;
}

QCPGraph* makeMarker(QCustomPlot& plot, const QString& name, const QCPScatterStyle& style)
{
    auto* marker = new QCPGraph(plot.xAxis, plot.yAxis);
    marker->setObjectName(name);
    marker->setLayer(mapLayerName());
    marker->setLineStyle(QCPGraph::lsNone);
    marker->setScatterStyle(style);
    marker->setSelectable(QCP::stNone);
    marker->setVisible(false);
    return marker;
}

QPointF markerPoint(const QCPGraph* marker)
{
    if (marker->data()->isEmpty())
        return QPointF(kNaN, kNaN);
    const auto it = marker->data()->constBegin();
    return QPointF(it->key, it->value);
}

}  // namespace

MapLayer::MapLayer(QCustomPlot& plot) : plot_(plot)
{
    // Colour scale first, then the map's gradient: setColorScale() copies the scale's gradient
    // and range into the map, so the other order shows wrong colours.
    scale_ = new QCPColorScale(&plot);
    scale_->setObjectName(QStringLiteral("colorScale"));
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(14);
    palette::styleAxis(scale_->axis());
    FittedLabel::set(scale_->axis(), QCoreApplication::translate("MapLayer", "loss"));
    plot.plotLayout()->addElement(0, 1, scale_);
    auto* margins = new QCPMarginGroup(&plot);
    plot.axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);

    map_ = new CachedLandscapeMap(plot.xAxis, plot.yAxis);
    map_->setObjectName(QStringLiteral("colorMap"));
    map_->setLayer(mapLayerName());
    map_->setColorScale(scale_);
    map_->setGradient(palette::lossGradient());
    map_->setInterpolate(true);
    map_->setTightBoundary(true);
    map_->setSelectable(QCP::stNone);
    map_->setAntialiased(false);  // no half-pixel shift: the cached image is blitted 1:1
    map_->setVisible(false);
    scale_->setRangeDrag(false);  // the wheel zooms the landscape, not the colours
    scale_->setRangeZoom(false);

    fieldCurve_ = new QCPCurve(plot.xAxis, plot.yAxis);
    fieldCurve_->setObjectName(QStringLiteral("gradientField"));
    fieldCurve_->setLayer(mapLayerName());
    fieldCurve_->setPen(QPen(QColor(255, 255, 255, 170), 1));
    fieldCurve_->setSelectable(QCP::stNone);
    fieldCurve_->setVisible(false);

    minimumMarker_ = makeMarker(plot, QStringLiteral("minimumMarker"),
        QCPScatterStyle(starPath(), QPen(palette::halo(), 1.2), QBrush(palette::minimum()), 22));
    otherMinimumMarker_ = makeMarker(plot, QStringLiteral("otherMinimumMarker"),
        QCPScatterStyle(starPath(), QPen(palette::minimum(), 1.5), Qt::NoBrush, 22));
    // The label moves out of the way of the arrows, so it lives on the live layer.
    minimumLabel_ = makeTextItem(&plot, liveLayerName(), QStringLiteral("minimumLabel"));
    minimumLabel_->position->setType(QCPItemPosition::ptPlotCoords);
    minimumLabel_->setColor(palette::minimum());
    minimumLabel_->setBrush(QColor(20, 20, 20, 190));
    minimumLabel_->setPadding(QMargins(4, 1, 4, 1));
    minimumLabel_->setVisible(false);

    staleShade_ = new QCPItemRect(&plot);
    staleShade_->setObjectName(QStringLiteral("staleShade"));
    staleShade_->setLayer(mapLayerName());
    staleShade_->topLeft->setType(QCPItemPosition::ptAxisRectRatio);
    staleShade_->bottomRight->setType(QCPItemPosition::ptAxisRectRatio);
    staleShade_->topLeft->setCoords(-0.01, -0.01);
    staleShade_->bottomRight->setCoords(1.01, 1.01);
    staleShade_->setPen(Qt::NoPen);
    staleShade_->setBrush(QColor(250, 250, 247, 150));
    staleShade_->setSelectable(false);
    staleShade_->setVisible(false);
    staleText_ = makeTextItem(&plot, mapLayerName(), QStringLiteral("staleText"));
    staleText_->position->setType(QCPItemPosition::ptAxisRectRatio);
    staleText_->position->setCoords(0.99, 0.01);
    staleText_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    staleText_->setText(QCoreApplication::translate("MapLayer", "updating landscape…"));
    staleText_->setColor(palette::mutedText());
    staleText_->setVisible(false);
}

bool MapLayer::setLandscape(const core::LandscapeGrid& grid, const std::vector<core::ContourLevel>& contours,
    const QString& axis1Name, const QString& axis2Name, bool* resetView)
{
    const auto& rq = grid.request;
    const int g = rq.resolution;
    if (grid.loss.rows() != g || grid.loss.cols() != g || g < 2)
        return false;  // not a complete grid: keep the one we have
    const bool axesChanged = !hasGrid_ || rq.axis1 != axis1_ || rq.axis2 != axis2_ || axis1Name != axis1Name_
        || axis2Name != axis2Name_;
    hasGrid_ = true;
    ++gridRevision_;
    request_ = rq;
    loss_ = grid.loss;
    minLoss_ = grid.minLoss;
    maxLoss_ = grid.maxLoss;
    axis1_ = rq.axis1;
    axis2_ = rq.axis2;
    axis1Name_ = axis1Name;
    axis2Name_ = axis2Name;

    // Colours: log10 when the finite values are positive and span more than kLogDecades
    // decades, so the valley floor shows structure instead of one flat colour.
    const bool finiteRange = std::isfinite(minLoss_) && std::isfinite(maxLoss_);
    double lower = finiteRange ? minLoss_ : 0.0;
    double upper = finiteRange ? maxLoss_ : 1.0;
    logColors_ = false;
    if (finiteRange && minLoss_ >= 0.0 && maxLoss_ > 0.0) {
        double positiveMin = minLoss_;
        if (positiveMin <= 0.0) {  // an exact fit: the smallest positive cell sets the floor
            positiveMin = maxLoss_;
            for (Eigen::Index k = 0; k < loss_.size(); ++k) {
                const double v = loss_.data()[k];
                if (std::isfinite(v) && v > 0.0)
                    positiveMin = std::min(positiveMin, v);
            }
        }
        positiveMin = std::max(positiveMin, maxLoss_ * 1e-12);
        if (std::log10(maxLoss_ / positiveMin) > kLogDecades) {
            logColors_ = true;
            lower = positiveMin;
        }
    }
    if (!(upper > lower)) {  // a flat landscape still needs a non-empty range
        const double pad = std::max(std::abs(lower) * 1e-6, 1e-12);
        lower -= pad;
        upper += pad;
        if (logColors_ && lower <= 0.0)
            lower = upper * 0.5;
    }

    map_->invalidate();
    auto* cells = map_->data();
    cells->setSize(g, g);
    cells->setRange(QCPRange(rq.min1, rq.max1), QCPRange(rq.min2, rq.max2));
    for (int j = 0; j < g; ++j) {
        for (int i = 0; i < g; ++i) {
            double v = loss_(i, j);
            // QCustomPlot takes log(v / lower) of every cell on a log scale: keep v >= lower.
            if (logColors_ && std::isfinite(v))
                v = std::max(v, lower);
            cells->setCell(i, j, v);
        }
    }
    scale_->setDataScaleType(logColors_ ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logColors_) {
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        scale_->axis()->setTicker(ticker);
        scale_->axis()->setNumberFormat(QStringLiteral("g"));
        FittedLabel::set(scale_->axis(), QCoreApplication::translate("MapLayer", "loss (log scale)"),
            QCoreApplication::translate("MapLayer", "log loss"));
    } else {
        scale_->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
        scale_->axis()->setNumberFormat(QStringLiteral("g"));
        FittedLabel::set(scale_->axis(), QCoreApplication::translate("MapLayer", "loss"));
    }
    scale_->setDataRange(QCPRange(lower, upper));
    map_->setVisible(true);

    setContours(contours);

    minimum_ = QPointF(rq.value1(grid.argmin1), rq.value2(grid.argmin2));
    argmin1_ = grid.argmin1;
    argmin2_ = grid.argmin2;
    contourLevels_ = contours;
    const bool hasMinimum = std::isfinite(minLoss_);
    minimumMarker_->data()->clear();
    if (hasMinimum)
        minimumMarker_->addData(minimum_.x(), minimum_.y());
    minimumMarker_->setVisible(hasMinimum);
    minimumLabel_->setText(QCoreApplication::translate("MapLayer", "grid min %1").arg(number(minLoss_)));

    FittedLabel::set(plot_.xAxis, axis1Name);
    FittedLabel::set(plot_.yAxis, axis2Name);

    const QCPRange x = plot_.xAxis->range(), y = plot_.yAxis->range();
    const bool viewInside = x.lower >= rq.min1 && x.upper <= rq.max1 && y.lower >= rq.min2 && y.upper <= rq.max2;
    *resetView = axesChanged || !viewInside;
    return true;
}

void MapLayer::setContours(const std::vector<core::ContourLevel>& contours)
{
    const core::PlanePoint origin{request_.min1, request_.min2};
    const core::PlanePoint cell{(request_.max1 - request_.min1) / (request_.resolution - 1),
        (request_.max2 - request_.min2) / (request_.resolution - 1)};
    std::vector<std::vector<QPolygonF>> levels;
    levels.reserve(contours.size());
    for (const auto& contour : contours) {
        std::vector<QPolygonF> lines;
        for (const core::Polyline& line : core::chainSegments(contour.segments, origin, {cell.x * 1e-7, cell.y * 1e-7})) {
            QPolygonF polygon;
            for (const core::PlanePoint& p : core::simplifyPolyline(line, cell, 0.08))
                polygon.push_back(qPoint(p));
            lines.push_back(std::move(polygon));
        }
        levels.push_back(std::move(lines));
    }
    map_->setContourLines(std::move(levels));
}

core::LandscapeGrid MapLayer::grid() const
{
    core::LandscapeGrid g;
    if (!hasGrid_) {
        g.request.resolution = 0;
        return g;
    }
    g.request = request_;
    g.loss = loss_;
    g.minLoss = minLoss_;
    g.maxLoss = maxLoss_;
    g.argmin1 = argmin1_;
    g.argmin2 = argmin2_;
    return g;
}

std::optional<core::GradientField> MapLayer::field() const
{
    if (!hasField_)
        return std::nullopt;
    return field_;
}

QCPColorMap* MapLayer::colorMap() const
{
    return map_;
}

int MapLayer::contourPointCount() const
{
    return map_->contourPointCount();
}

void MapLayer::setStale(bool stale)
{
    stale_ = stale;
    staleShade_->setVisible(stale && hasGrid_);
    staleText_->setVisible(stale && hasGrid_);
}

double MapLayer::lossAt(QPointF point) const
{
    if (!hasGrid_)
        return kNaN;
    return core::bilinearLoss(request_, loss_, point.x(), point.y());
}

QPointF MapLayer::minimumPosition() const
{
    return markerPoint(minimumMarker_);
}

bool MapLayer::minimumShown() const
{
    return minimumMarker_->visible();
}

void MapLayer::setOtherMinimum(QPointF point)
{
    otherMinimumMarker_->data()->clear();
    if (finite(point))
        otherMinimumMarker_->addData(point.x(), point.y());
    otherMinimumMarker_->setVisible(finite(point));
}

QPointF MapLayer::otherMinimum() const
{
    return markerPoint(otherMinimumMarker_);
}

double MapLayer::typicalSlope() const
{
    if (!hasGrid_ || !std::isfinite(maxLoss_ - minLoss_))
        return 0.0;
    return (maxLoss_ - minLoss_) / std::hypot(request_.max1 - request_.min1, request_.max2 - request_.min2);
}

void MapLayer::setGradientField(const core::GradientField& field)
{
    const int g = field.request.resolution;
    hasField_ = g >= 2 && field.d1.rows() == g && field.d1.cols() == g && field.d2.rows() == g && field.d2.cols() == g;
    if (hasField_)
        field_ = field;
    updateFieldGeometry();
}

void MapLayer::setGradientFieldVisible(bool visible)
{
    fieldVisible_ = visible;
    updateFieldGeometry();
}

// One short arrow of minus the gradient per field node, all of the same on-screen length (the
// field shows directions; the colours already show steepness), in a single NaN-separated curve.
void MapLayer::updateFieldGeometry()
{
    if (!fieldVisible_ || !hasField_) {
        fieldCurve_->setVisible(false);
        fieldCurve_->data()->clear();
        return;
    }
    const auto& rq = field_.request;
    const int g = rq.resolution;
    const QPointF perPixel = paramsPerPixel(plot_);
    const double cellX = (rq.max1 - rq.min1) / (g - 1) / perPixel.x();
    const double cellY = (rq.max2 - rq.min2) / (g - 1) / perPixel.y();
    const double length = std::clamp(0.7 * std::min(cellX, cellY), 6.0, 40.0);
    const double barb = std::min(0.35 * length, 7.0);
    const double c = std::cos(0.45), s = std::sin(0.45);
    auto toParams = [&](QPointF px) { return QPointF(px.x() * perPixel.x(), px.y() * perPixel.y()); };
    QVector<QCPCurveData> arrows;
    arrows.reserve(g * g * 7);
    double t = 0;
    auto push = [&](QPointF p) { arrows.push_back(QCPCurveData(t++, p.x(), p.y())); };
    for (int j = 0; j < g; ++j) {
        for (int i = 0; i < g; ++i) {
            // Screen direction of -grad (y up).
            const double gx = -field_.d1(i, j), gy = -field_.d2(i, j);
            const double scale = std::max(std::abs(gx), std::abs(gy));
            if (!(std::isfinite(scale) && scale > 0.0))
                continue;
            const QPointF dirPx((gx / scale) / perPixel.x(), (gy / scale) / perPixel.y());
            const double norm = std::hypot(dirPx.x(), dirPx.y());
            if (!(norm > 0.0) || !std::isfinite(norm))
                continue;
            const QPointF d = dirPx / norm;
            const QPointF centre(rq.value1(i), rq.value2(j));
            const QPointF tip = centre + toParams(d * (length / 2));
            const QPointF tail = centre - toParams(d * (length / 2));
            const QPointF back = -d * barb;
            const QPointF left(back.x() * c - back.y() * s, back.x() * s + back.y() * c);
            const QPointF right(back.x() * c + back.y() * s, -back.x() * s + back.y() * c);
            push(tail);
            push(tip);
            push(QPointF(kNaN, kNaN));
            push(tip + toParams(left));
            push(tip);
            push(tip + toParams(right));
            push(QPointF(kNaN, kNaN));
        }
    }
    fieldCurve_->data()->set(arrows, true);
    fieldCurve_->setVisible(true);
}

}  // namespace downhill::ui
