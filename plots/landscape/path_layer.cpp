#include "plots/landscape/path_layer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "plots/landscape/dot_curve.h"
#include "plots/landscape/layer_common.h"
#include "plots/palette.h"

namespace downhill::ui {

namespace {

constexpr int kPathSegments = 8;         // fading steps of the trajectory
constexpr int kPathDotsUpTo = 1500;      // stored points up to which every step gets a dot
constexpr double kPathMinPixels = 0.75;  // closer drawn path points add nothing visible
constexpr double kOverlayDotSize = 4.0;
constexpr double kGhostDotSize = 5.0;

}  // namespace

PathLayer::PathLayer(QCustomPlot& plot) : plot_(plot)
{
    // Oldest segment first so the newest is drawn on top; overlay paths, added later, go
    // between the ghost and the path (keepOnTop).
    ghostCurve_ = new DotCurve(plot.xAxis, plot.yAxis);
    ghostCurve_->setObjectName(QStringLiteral("ghostPath"));
    ghostCurve_->setLayer(liveLayerName());
    // Wider than the live path, which it runs beside and under, so both stay visible.
    ghostCurve_->setPen(QPen(palette::ghostPath(), 2));
    ghostCurve_->setSelectable(QCP::stNone);
    for (int k = 0; k < kPathSegments; ++k) {
        auto* curve = new DotCurve(plot.xAxis, plot.yAxis);
        curve->setObjectName(QStringLiteral("path%1").arg(k));
        curve->setLayer(liveLayerName());
        const double t = (k + 1.0) / kPathSegments;
        QColor color = palette::pathOld();
        const QColor newest = palette::path();
        color.setRgbF(static_cast<float>(color.redF() + t * (newest.redF() - color.redF())),
            static_cast<float>(color.greenF() + t * (newest.greenF() - color.greenF())),
            static_cast<float>(color.blueF() + t * (newest.blueF() - color.blueF())),
            static_cast<float>(0.3 + 0.7 * t * t));
        curve->setPen(QPen(color, 1));
        curve->setSelectable(QCP::stNone);
        pathCurves_.push_back(curve);
    }
    startMarker_ = new QCPGraph(plot.xAxis, plot.yAxis);
    startMarker_->setObjectName(QStringLiteral("startMarker"));
    startMarker_->setLayer(liveLayerName());
    startMarker_->setLineStyle(QCPGraph::lsNone);
    startMarker_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::pathOld(), 1.5), Qt::NoBrush, 9));
    startMarker_->setSelectable(QCP::stNone);
}

void PathLayer::setPathLabel(const QString& label)
{
    QCPCurve* newest = pathCurves_.back();
    newest->setName(label);
    // Out and in again: the entry comes after every overlay's, wherever it was.
    newest->removeFromLegend();
    if (!label.isEmpty())
        newest->addToLegend();
}

void PathLayer::appendPath(const QVector<QPointF>& points)
{
    appendBounded(path_, appended_, points);
    ++pathRevision_;
    updatePathCurves();
}

void PathLayer::clearPath()
{
    path_.clear();
    appended_ = 0;
    ++pathRevision_;
    updatePathCurves();
}

void PathLayer::copyPathFrom(const PathLayer& other)
{
    path_ = other.path_;
    appended_ = other.appended_;
    ++pathRevision_;   // for whoever mirrors this plot (the 3D view)
    updatePathCurves();
}

QVector<QPointF> PathLayer::points(const QVector<PathPoint>& path)
{
    QVector<QPointF> out;
    out.reserve(path.size());
    for (const auto& p : path)
        out.push_back(p.point);
    return out;
}

QVector<QPointF> PathLayer::pathPoints() const
{
    return points(path_);
}

QVector<QPointF> PathLayer::ghostPoints() const
{
    return points(ghost_);
}

void PathLayer::updateForView()
{
    if (path_.size() > kPathDotsUpTo)
        updatePathCurves();  // thinned for the zoom
    updateOverlayCurves();
}

void PathLayer::updateAll()
{
    updatePathCurves();
    updateOverlayCurves();
}

// Bounded memory for a path of any length: at most kMaxPathPoints points are stored (and drawn).
// When the store is full, the older half is thinned to every other point, its first point (the
// start of the run) always kept, and the newer half is kept as it is; then the new point is
// appended. Repeated thinning leaves the oldest part of a long run the sparsest and the recent
// part dense, and the newest point is always exact. Each point keeps its ordinal so that the
// fading goes by time, whatever was dropped.
void PathLayer::appendBounded(QVector<PathPoint>& path, qint64& appended, const QVector<QPointF>& points)
{
    for (const QPointF& p : points) {
        if (!finite(p))
            continue;
        if (path.size() >= kMaxPathPoints) {
            const qsizetype half = path.size() / 2;
            qsizetype w = 0;
            for (qsizetype r = 0; r < half; r += 2)
                path[w++] = path[r];
            for (qsizetype r = half; r < path.size(); ++r)
                path[w++] = path[r];
            path.resize(w);
        }
        path.push_back(PathPoint{p, appended++});
    }
}

// The path in kPathSegments curves by time (equal shares of the run so far), older ones paler
// and more transparent; each segment repeats the next one's first point so the line is
// unbroken. A long path is also thinned for drawing at the current zoom: a point less than
// kPathMinPixels from the last drawn one (in x and in y) adds nothing visible, and a converged
// run piles thousands of them onto a few pixels. Short paths keep every point (each step gets a
// dot), and the newest point and the segment joins are always drawn.
void PathLayer::updatePathCurves()
{
    std::array<QVector<QCPCurveData>, kPathSegments> parts;
    const double n = static_cast<double>(std::max<qint64>(appended_, 1));
    auto segmentOf = [&](qint64 ordinal) {
        return std::min(kPathSegments - 1, static_cast<int>(static_cast<double>(ordinal) * kPathSegments / n));
    };
    const bool dots = path_.size() <= kPathDotsUpTo;
    const QPointF minStep = paramsPerPixel(plot_) * kPathMinPixels;
    auto push = [](QVector<QCPCurveData>& part, QPointF p) {
        part.push_back(QCPCurveData(static_cast<double>(part.size()), p.x(), p.y()));
    };
    for (qsizetype k = 0; k < path_.size(); ++k) {
        const QPointF p = path_[k].point;
        const int seg = segmentOf(path_[k].ordinal);
        const int next = k + 1 < path_.size() ? segmentOf(path_[k + 1].ordinal) : seg;
        auto& part = parts[static_cast<std::size_t>(seg)];
        const bool mustKeep = dots || part.isEmpty() || k + 1 == path_.size() || next != seg;
        if (mustKeep || std::abs(p.x() - part.constLast().key) >= minStep.x()
            || std::abs(p.y() - part.constLast().value) >= minStep.y())
            push(part, p);
        // Bridge into every segment this point starts, so the line has no gaps.
        for (int s = seg + 1; s <= next; ++s)
            push(parts[static_cast<std::size_t>(s)], p);
    }
    for (int k = 0; k < kPathSegments; ++k) {
        QCPCurve* curve = pathCurves_[k];
        curve->data()->set(parts[static_cast<std::size_t>(k)], true);
        palette::setScatter(curve, dots ? QCPScatterStyle(QCPScatterStyle::ssDisc, curve->pen().color(), 4) : QCPScatterStyle());
    }
    startMarker_->data()->clear();
    if (!path_.isEmpty())
        startMarker_->addData(path_.front().point.x(), path_.front().point.y());
}

// One curve per path, thinned for drawing as the main path is: short paths keep every point
// (with a dot per step when dotSize > 0), long ones skip points that would land within
// kPathMinPixels of the last drawn one; the newest point is always drawn.
void PathLayer::drawThinned(QCPCurve* curve, const QVector<PathPoint>& path, double dotSize)
{
    const bool every = path.size() <= kPathDotsUpTo;
    const QPointF minStep = paramsPerPixel(plot_) * kPathMinPixels;
    QVector<QCPCurveData> drawn;
    drawn.reserve(path.size());
    for (qsizetype k = 0; k < path.size(); ++k) {
        const QPointF p = path[k].point;
        if (every || drawn.isEmpty() || k + 1 == path.size() || std::abs(p.x() - drawn.constLast().key) >= minStep.x()
            || std::abs(p.y() - drawn.constLast().value) >= minStep.y())
            drawn.push_back(QCPCurveData(static_cast<double>(drawn.size()), p.x(), p.y()));
    }
    curve->data()->set(drawn, true);
    palette::setScatter(curve, every && dotSize > 0.0 ? QCPScatterStyle(QCPScatterStyle::ssDisc, curve->pen().color(), dotSize)
                                                      : QCPScatterStyle());
}

void PathLayer::updateOverlayCurves()
{
    for (const Overlay& overlay : std::as_const(overlays_))
        drawThinned(overlay.curve, overlay.path, kOverlayDotSize);
    drawThinned(ghostCurve_, ghost_, kGhostDotSize);
}

void PathLayer::Overlay::setId(int id)
{
    curve->setObjectName(QStringLiteral("overlayPath%1").arg(id));
    marker->setObjectName(QStringLiteral("overlayCurrent%1").arg(id));
}

int PathLayer::addOverlay(const QString& label, const QColor& color)
{
    const int id = static_cast<int>(overlays_.size());
    Overlay overlay;
    overlay.curve = new DotCurve(plot_.xAxis, plot_.yAxis);
    overlay.curve->setLayer(liveLayerName());
    overlay.curve->setName(label);
    overlay.curve->setPen(QPen(color, 1));
    overlay.curve->setSelectable(QCP::stNone);
    overlay.curve->addToLegend();
    overlay.marker = new QCPGraph(plot_.xAxis, plot_.yAxis);
    overlay.setId(id);
    overlay.marker->setLayer(liveLayerName());
    overlay.marker->setLineStyle(QCPGraph::lsNone);
    overlay.marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::halo(), 1.5), QBrush(color), 10));
    overlay.marker->setSelectable(QCP::stNone);
    overlay.marker->setVisible(false);
    overlays_.push_back(overlay);
    keepOnTop(onTop_);
    return id;
}

bool PathLayer::appendOverlay(int id, const QVector<QPointF>& points)
{
    if (!valid(id))
        return false;
    Overlay& overlay = overlays_[id];
    const bool starting = overlay.path.isEmpty();
    appendBounded(overlay.path, overlay.appended, points);
    drawThinned(overlay.curve, overlay.path, kOverlayDotSize);
    return starting;
}

void PathLayer::setOverlayCurrent(int id, QPointF point)
{
    if (!valid(id))
        return;
    QCPGraph* marker = overlays_[id].marker;
    marker->data()->clear();
    marker->setVisible(finite(point));
    if (finite(point))
        marker->addData(point.x(), point.y());
}

void PathLayer::setOverlayDiverged(int id, bool diverged)
{
    if (valid(id))
        overlays_[id].diverged = diverged;
}

void PathLayer::resetOverlay(int id)
{
    if (!valid(id))
        return;
    Overlay& overlay = overlays_[id];
    overlay.path.clear();
    overlay.appended = 0;
    overlay.diverged = false;
    drawThinned(overlay.curve, overlay.path, kOverlayDotSize);
    setOverlayCurrent(id, QPointF(kNaN, kNaN));
}

void PathLayer::removeOverlay(int id)
{
    if (!valid(id))
        return;
    plot_.removePlottable(overlays_[id].curve);  // also takes it out of the legend
    plot_.removePlottable(overlays_[id].marker);
    overlays_.remove(id);
    for (int k = id; k < overlays_.size(); ++k)
        overlays_[k].setId(k);
}

void PathLayer::clearOverlays()
{
    for (const Overlay& overlay : std::as_const(overlays_)) {
        plot_.removePlottable(overlay.curve);  // also takes it out of the legend
        plot_.removePlottable(overlay.marker);
    }
    overlays_.clear();
}

int PathLayer::overlayPointCount(int id) const
{
    return valid(id) ? static_cast<int>(overlays_[id].path.size()) : -1;
}

QCPCurve* PathLayer::overlayCurve(int id) const
{
    return valid(id) ? overlays_[id].curve : nullptr;
}

QCPGraph* PathLayer::overlayMarker(int id) const
{
    return valid(id) ? overlays_[id].marker : nullptr;
}

void PathLayer::setGhost(const QVector<QPointF>& points, const QString& label)
{
    ghost_.clear();
    qint64 appended = 0;
    appendBounded(ghost_, appended, points);
    drawThinned(ghostCurve_, ghost_, kGhostDotSize);
    ghostCurve_->setName(label);
    if (label.isEmpty())
        ghostCurve_->removeFromLegend();
    else
        ghostCurve_->addToLegend();
}

void PathLayer::keepOnTop(QList<QCPLayerable*> stack)
{
    onTop_ = std::move(stack);
    // Setting the layer again moves a layerable to the top of that layer.
    for (QCPLayerable* item : std::as_const(onTop_))
        item->setLayer(liveLayerName());
}

void PathLayer::collectForFit(bool mainDiverged, core::PlaneBox& near, std::vector<std::vector<core::PlanePoint>>& diverged) const
{
    const auto add = [&](const QVector<PathPoint>& path, bool away) {
        if (away) {
            std::vector<core::PlanePoint> flight;
            flight.reserve(static_cast<std::size_t>(path.size()));
            for (const auto& p : path)
                flight.push_back(planePoint(p.point));
            diverged.push_back(std::move(flight));
            if (!path.isEmpty())
                near.include(planePoint(path.front().point));
            return;
        }
        for (const auto& p : path)
            near.include(planePoint(p.point));
    };
    add(path_, mainDiverged);
    for (const Overlay& overlay : std::as_const(overlays_))
        add(overlay.path, overlay.diverged);
    add(ghost_, false);
}

}  // namespace downhill::ui
