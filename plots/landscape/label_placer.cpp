#include "plots/landscape/label_placer.h"

#include <QFontMetrics>
#include <algorithm>
#include <array>
#include <cmath>

#include "core/geometry/segment_clip.h"
#include "plots/landscape/layer_common.h"

namespace downhill::ui {

TextBoxes::Text TextBoxes::textOf(const QCPItemText* item)
{
    return {item->text(), item->font(), item->padding()};
}

QSizeF TextBoxes::size(const QCPItemText* item)
{
    Entry& entry = entries_[item];
    Text text = textOf(item);
    if (entry.sized != text) {
        const QFontMetrics metrics(text.font);
        entry.size = QSizeF(metrics.horizontalAdvance(text.text) + text.padding.left() + text.padding.right() + 2,
            metrics.height() + text.padding.top() + text.padding.bottom());
        entry.sized = std::move(text);
    }
    return entry.size;
}

QRectF TextBoxes::box(const QCPItemText* item)
{
    Entry& entry = entries_[item];
    // The anchors follow the text's layout and where the item stands, which is cheap to ask.
    Text text = textOf(item);
    const Place place{item->position->pixelPosition(), static_cast<int>(item->positionAlignment()),
        static_cast<int>(item->textAlignment()), item->rotation()};
    if (entry.boxed != text || entry.place != place) {
        entry.box = QRectF(item->topLeft->pixelPosition(), item->bottomRight->pixelPosition());
        entry.boxed = std::move(text);
        entry.place = place;
    }
    return entry.box;
}

LabelPlacer::LabelPlacer(const QCustomPlot& plot, TextBoxes& boxes)
    : boxes_(boxes)
    , xr_(plot.xAxis->range())
    , yr_(plot.yAxis->range())
    , perPixel_(paramsPerPixel(plot))
    , origin_(plot.axisRect()->topLeft())
    , rect_(0, 0, xr_.size() / perPixel_.x(), yr_.size() / perPixel_.y())
{
}

QPointF LabelPlacer::toPx(QPointF p) const
{
    return QPointF((p.x() - xr_.lower) / perPixel_.x(), (yr_.upper - p.y()) / perPixel_.y());
}

QPointF LabelPlacer::fromPx(QPointF q) const
{
    return QPointF(xr_.lower + q.x() * perPixel_.x(), yr_.upper - q.y() * perPixel_.y());
}

bool LabelPlacer::inView(QPointF point) const
{
    return xr_.contains(point.x()) && yr_.contains(point.y());
}

void LabelPlacer::avoidItem(const QCPItemText* item)
{
    if (item->visible())
        taken_.push_back(boxes_.box(item).translated(-origin_));
}

void LabelPlacer::avoidShaft(QLineF shaft)
{
    shafts_.push_back(QLineF(toPx(shaft.p1()), toPx(shaft.p2())));
}

qsizetype LabelPlacer::avoidMarker(QPointF centre, double size)
{
    const QPointF c = toPx(centre);
    taken_.push_back(QRectF(c.x() - size / 2, c.y() - size / 2, size, size));
    return taken_.size() - 1;
}

void LabelPlacer::stopAvoiding(qsizetype handle)
{
    taken_.removeAt(handle);
}

// The label's box when it sits `distance` px from `from` in direction `dir` (y down).
LabelPlacer::Spot LabelPlacer::spotFor(QPointF from, QPointF dir, double distance, QSizeF size)
{
    dir /= std::max(1e-9, std::hypot(dir.x(), dir.y()));
    Spot spot;
    spot.anchor = from + dir * distance;
    const Qt::Alignment h = std::abs(dir.x()) < 0.4 ? Qt::AlignHCenter : (dir.x() > 0 ? Qt::AlignLeft : Qt::AlignRight);
    const Qt::Alignment v = std::abs(dir.y()) < 0.4 ? Qt::AlignVCenter : (dir.y() > 0 ? Qt::AlignTop : Qt::AlignBottom);
    spot.align = h | v;
    double x = spot.anchor.x(), y = spot.anchor.y();
    if (h == Qt::AlignRight)
        x -= size.width();
    else if (h == Qt::AlignHCenter)
        x -= size.width() / 2;
    if (v == Qt::AlignBottom)
        y -= size.height();
    else if (v == Qt::AlignVCenter)
        y -= size.height() / 2;
    spot.rect = QRectF(QPointF(x, y), size);
    return spot;
}

bool LabelPlacer::fits(const Spot& spot) const
{
    const core::PlaneBox padded = planeBox(spot.rect.adjusted(-2, -2, 2, 2));
    return rect_.contains(spot.rect)
        && std::none_of(taken_.begin(), taken_.end(), [&](const QRectF& t) { return t.intersects(spot.rect); })
        && std::none_of(shafts_.begin(), shafts_.end(), [&](const QLineF& shaft) {
               core::PlanePoint a = planePoint(shaft.p1()), b = planePoint(shaft.p2());
               return core::clipSegment(a, b, padded);
           });
}

void LabelPlacer::apply(QCPItemText* label, const Spot& spot) const
{
    label->position->setCoords(fromPx(spot.anchor));
    label->setPositionAlignment(spot.align);
}

void LabelPlacer::placeAtHead(QCPItemText* label, QLineF shaft)
{
    const QPointF a = toPx(shaft.p1());
    const QPointF b = toPx(shaft.p2());
    QPointF d = b - a;
    const double len = std::hypot(d.x(), d.y());
    d = len > 0 ? d / len : QPointF(1, 0);
    const QPointF perp(-d.y(), d.x());
    const std::array<QPointF, 8> dirs = {d, d + perp, d - perp, perp, -perp, -d + perp, -d - perp, -d};
    const QSizeF size = boxes_.size(label);
    Spot chosen = spotFor(b, d, 7.0, size);
    bool found = false;
    for (double distance : {7.0, 22.0, 40.0}) {
        for (const QPointF& dir : dirs) {
            const Spot spot = spotFor(b, dir, distance, size);
            if (fits(spot)) {
                chosen = spot;
                found = true;
                break;
            }
        }
        if (found)
            break;
    }
    apply(label, chosen);
    taken_.push_back(chosen.rect);
}

bool LabelPlacer::placeBeside(QCPItemText* label, QPointF point)
{
    const QPointF centre = toPx(point);
    const QSizeF size = boxes_.size(label);
    for (const QPointF dir : {QPointF(1, 0), QPointF(-1, 0), QPointF(0, 1), QPointF(0, -1)}) {
        const Spot spot = spotFor(centre, dir, 12.0, size);
        if (fits(spot)) {
            apply(label, spot);
            return true;
        }
    }
    return false;
}

}  // namespace downhill::ui
