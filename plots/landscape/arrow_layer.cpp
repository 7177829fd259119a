#include "plots/landscape/arrow_layer.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>

#include "core/geometry/segment_clip.h"
#include "plots/landscape/layer_common.h"
#include "plots/palette.h"

namespace downhill::ui {

namespace {

constexpr double kGradArrowMaxShare = 0.15;  // of the visible width
constexpr double kArrowMinPixels = 30.0;

}  // namespace

ArrowLayer::ArrowLayer(QCustomPlot& plot) : plot_(plot)
{
    velocityArrow_ = makeArrow(QStringLiteral("velocityArrow"), palette::velocityArrow(), QCoreApplication::translate("ArrowLayer", "velocity"));
    gradArrow_ = makeArrow(QStringLiteral("gradientArrow"), palette::gradientArrow(), QStringLiteral("-grad"));
    stepArrow_ = makeArrow(QStringLiteral("stepArrow"), palette::stepArrow(), QCoreApplication::translate("ArrowLayer", "step"));
    offMapArrow_ = makeArrow(QStringLiteral("offMapArrow"), palette::current(),
        QCoreApplication::translate("ArrowLayer", "off the map"));
    offMapArrow_.label->position->setType(QCPItemPosition::ptAbsolute);

    currentMarker_ = new QCPGraph(plot.xAxis, plot.yAxis);
    currentMarker_->setObjectName(QStringLiteral("currentMarker"));
    currentMarker_->setLayer(liveLayerName());
    currentMarker_->setLineStyle(QCPGraph::lsNone);
    currentMarker_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::halo(), 2), QBrush(palette::current()), kCurrentMarkerSize));
    currentMarker_->setSelectable(QCP::stNone);
    currentMarker_->setVisible(false);
}

ArrowLayer::Arrow ArrowLayer::makeArrow(const QString& name, const QColor& color, const QString& text)
{
    Arrow arrow;
    arrow.halo = new QCPItemLine(&plot_);
    arrow.halo->setObjectName(name + QStringLiteral("Halo"));
    arrow.halo->setLayer(liveLayerName());
    QColor halo = palette::halo();
    halo.setAlpha(215);
    arrow.halo->setPen(QPen(halo, 5.0, Qt::SolidLine, Qt::RoundCap));
    arrow.halo->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 17, 21));
    arrow.core = new QCPItemLine(&plot_);
    arrow.core->setObjectName(name);
    arrow.core->setLayer(liveLayerName());
    arrow.core->setPen(QPen(color, 2.5, Qt::SolidLine, Qt::RoundCap));
    arrow.core->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 11, 15));
    arrow.label = makeTextItem(&plot_, liveLayerName(), name + QStringLiteral("Label"));
    arrow.label->setText(text);
    QFont font = palette::annotationFont();
    font.setBold(true);
    arrow.label->setFont(font);
    arrow.label->setColor(color);
    arrow.label->setBrush(QColor(20, 20, 20, 200));
    arrow.label->setPadding(QMargins(4, 1, 4, 1));
    arrow.label->position->setType(QCPItemPosition::ptPlotCoords);
    for (QCPItemLine* line : {arrow.halo, arrow.core}) {
        line->setSelectable(false);
        line->setVisible(false);
    }
    arrow.label->setVisible(false);
    return arrow;
}

QLineF ArrowLayer::line(const Arrow& arrow)
{
    if (!arrow.core->visible())
        return QLineF(kNaN, kNaN, kNaN, kNaN);
    return QLineF(arrow.core->start->coords(), arrow.core->end->coords());
}

void ArrowLayer::setCurrent(QPointF point, QPointF negGradient, QPointF step, QPointF velocity)
{
    hasCurrent_ = finite(point);
    current_ = point;
    negGradient_ = negGradient;
    step_ = step;
    velocity_ = velocity;
}

void ArrowLayer::place(Arrow& arrow, QPointF from, QPointF to, const QRectF& box, double gapAtEnd)
{
    const QPointF perPixel = paramsPerPixel(plot_);
    const bool endsInside = box.contains(to);
    core::PlanePoint a = planePoint(from), b = planePoint(to);
    bool visible = finite(from) && finite(to) && core::clipSegment(a, b, planeBox(box));
    if (visible) {
        from = qPoint(a);
        to = qPoint(b);
    }
    QPointF d = visible ? QPointF((to.x() - from.x()) / perPixel.x(), (to.y() - from.y()) / perPixel.y()) : QPointF();
    double length = std::hypot(d.x(), d.y());
    if (visible && endsInside && gapAtEnd > 0.0 && length > gapAtEnd) {
        // Stop short of the marker drawn at the end point, so the head is not hidden under it.
        const double keep = (length - gapAtEnd) / length;
        to = from + (to - from) * keep;
        d *= keep;
        length -= gapAtEnd;
    }
    visible = visible && length >= 4.0;
    arrow.halo->setVisible(visible);
    arrow.core->setVisible(visible);
    arrow.label->setVisible(visible);  // placed by LabelPlacer
    if (!visible)
        return;
    // Heads shrink on short arrows, so that a small step is not all head.
    const double scale = palette::presentationScale();
    const double head = std::clamp(0.45 * length, 5.0 * scale, 15.0 * scale);
    arrow.core->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 0.75 * head, head));
    arrow.halo->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 0.75 * head + 5 * scale, head + 4 * scale));
    // The halo reaches 2 px past the tip so that the outline closes around it.
    const QPointF unit = d / length;
    const QPointF haloTip = to + QPointF(2 * scale * unit.x() * perPixel.x(), 2 * scale * unit.y() * perPixel.y());
    arrow.core->start->setCoords(from);
    arrow.core->end->setCoords(to);
    arrow.halo->start->setCoords(from);
    arrow.halo->end->setCoords(haloTip);
}

// From the view's centre towards the point, to kOffMapInset pixels inside the edge, kOffMapLength
// long; the label behind its tail, on the side away from the edge.
void ArrowLayer::placeOffMap()
{
    constexpr double kOffMapInset = 10.0, kOffMapLength = 44.0;
    Arrow& arrow = offMapArrow_;
    const QCPRange xr = plot_.xAxis->range(), yr = plot_.yAxis->range();
    const bool outside = hasCurrent_ && (!xr.contains(current_.x()) || !yr.contains(current_.y()));
    const QRectF rect = QRectF(plot_.axisRect()->rect()).adjusted(kOffMapInset, kOffMapInset, -kOffMapInset, -kOffMapInset);
    const QPointF centre = rect.center();
    const QPointF at(plot_.xAxis->coordToPixel(current_.x()), plot_.yAxis->coordToPixel(current_.y()));
    QPointF d = at - centre;
    const double norm = std::hypot(d.x(), d.y());
    const bool visible = outside && std::isfinite(norm) && norm > 0 && rect.width() > 2 * kOffMapLength
        && rect.height() > 2 * kOffMapLength;
    for (QCPAbstractItem* item : std::initializer_list<QCPAbstractItem*>{arrow.halo, arrow.core, arrow.label})
        item->setVisible(visible);
    if (!visible)
        return;
    d /= norm;
    // Where the ray from the centre leaves the inset rect.
    const double tx = d.x() != 0 ? (rect.width() / 2) / std::abs(d.x()) : 1e300;
    const double ty = d.y() != 0 ? (rect.height() / 2) / std::abs(d.y()) : 1e300;
    const QPointF tip = centre + d * std::min(tx, ty);
    const QPointF tail = tip - d * kOffMapLength;
    const auto coords = [this](QPointF pixel) {
        return QPointF(plot_.xAxis->pixelToCoord(pixel.x()), plot_.yAxis->pixelToCoord(pixel.y()));
    };
    const double scale = palette::presentationScale();
    arrow.core->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 11 * scale, 15 * scale));
    arrow.halo->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 16 * scale, 19 * scale));
    arrow.core->start->setCoords(coords(tail));
    arrow.core->end->setCoords(coords(tip));
    arrow.halo->start->setCoords(coords(tail));
    arrow.halo->end->setCoords(coords(tip + d * 2 * scale));
    // The label goes behind the tail: to its left for an arrow pointing right, above it for one
    // pointing down, and so on.
    Qt::Alignment align = std::abs(d.x()) >= std::abs(d.y()) ? (d.x() > 0 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter
                                                              : (d.y() > 0 ? Qt::AlignBottom : Qt::AlignTop) | Qt::AlignHCenter;
    arrow.label->setPositionAlignment(align);
    arrow.label->position->setCoords(tail - d * 4);
}

void ArrowLayer::update(double typicalSlope)
{
    currentMarker_->data()->clear();
    currentMarker_->setVisible(hasCurrent_);
    placeOffMap();
    if (!hasCurrent_) {
        for (Arrow* arrow : {&gradArrow_, &stepArrow_, &velocityArrow_}) {
            arrow->halo->setVisible(false);
            arrow->core->setVisible(false);
            arrow->label->setVisible(false);
        }
        return;
    }
    currentMarker_->addData(current_.x(), current_.y());

    const QCPRange xr = plot_.xAxis->range(), yr = plot_.yAxis->range();
    const QPointF perPixel = paramsPerPixel(plot_);
    // Arrows end a few pixels inside the rect so that their heads are never cut.
    const double insetX = 8 * perPixel.x(), insetY = 8 * perPixel.y();
    const QRectF box(QPointF(xr.lower + insetX, yr.lower + insetY), QPointF(xr.upper - insetX, yr.upper - insetY));
    const QPointF tail = finite(step_) ? current_ - step_ : current_;

    // -grad: the direction exactly, the length a readable on-screen size that grows with the
    // gradient's magnitude relative to the landscape's typical slope and saturates at 15% of the
    // visible width. Scaling by the larger component first keeps a huge gradient finite.
    const double gx = negGradient_.x(), gy = negGradient_.y();
    const double gmax = std::max(std::abs(gx), std::abs(gy));
    if (std::isfinite(gmax) && gmax > 0.0) {
        const QPointF dirPx((gx / gmax) / perPixel.x(), (gy / gmax) / perPixel.y());
        const double norm = std::hypot(dirPx.x(), dirPx.y());
        const double magnitude = gmax * std::hypot(gx / gmax, gy / gmax);
        const double maxLength = kGradArrowMaxShare * (xr.size() / perPixel.x());
        const double share = typicalSlope > 0.0 ? std::tanh(magnitude / typicalSlope) : 0.76;
        const double lengthPx = std::clamp(maxLength * share, std::min(kArrowMinPixels, maxLength), maxLength);
        const QPointF offsetPx = dirPx / norm * lengthPx;
        place(gradArrow_, tail, tail + QPointF(offsetPx.x() * perPixel.x(), offsetPx.y() * perPixel.y()), box);
    } else {
        place(gradArrow_, tail, tail, box);
    }
    place(stepArrow_, tail, current_, box, kCurrentMarkerSize / 2 + 1);
    place(velocityArrow_, tail, finite(velocity_) ? tail + velocity_ : tail, box);
}

}  // namespace downhill::ui
