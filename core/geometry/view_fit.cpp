#include "core/geometry/view_fit.h"

#include <algorithm>
#include <cmath>

namespace downhill::core {

namespace {

double floorSpan(double span, double perUnit, double centre)
{
    return span + perUnit * std::abs(centre);
}

}  // namespace

PlaneBox scaledView(const PlaneBox& b, double factor, const ViewFloor& floor)
{
    const PlanePoint c = b.centre();
    const double w = std::max(b.width(), floorSpan(floor.span1, floor.perUnit, c.x)) * factor / 2;
    const double h = std::max(b.height(), floorSpan(floor.span2, floor.perUnit, c.y)) * factor / 2;
    return {c.x - w, c.x + w, c.y - h, c.y + h};
}

PlaneBox fitView(PlaneBox near, const std::vector<std::vector<PlanePoint>>& diverged, const ViewFloor& floor)
{
    const PlaneBox limit = scaledView(near, 1.0, floor);
    PlaneBox box = near;
    for (const auto& path : diverged) {
        for (const PlanePoint& p : path) {
            PlaneBox next = box;
            next.include(p);
            if (next.width() > kDivergedZoomOut * limit.width() || next.height() > kDivergedZoomOut * limit.height())
                break;
            box = next;
        }
    }
    const PlanePoint c = box.centre();
    const double w = std::max(box.width() * (1 + 2 * kViewMargin), floorSpan(floor.span1, floor.perUnit, c.x)) / 2;
    const double h = std::max(box.height() * (1 + 2 * kViewMargin), floorSpan(floor.span2, floor.perUnit, c.y)) / 2;
    return {c.x - w, c.x + w, c.y - h, c.y + h};
}

}  // namespace downhill::core
