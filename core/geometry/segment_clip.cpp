#include "core/geometry/segment_clip.h"

#include <algorithm>
#include <array>

namespace downhill::core {

bool clipSegment(PlanePoint& a, PlanePoint& b, const PlaneBox& box)
{
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    double t0 = 0.0, t1 = 1.0;
    const std::array<double, 4> p = {-dx, dx, -dy, dy};
    const std::array<double, 4> q = {a.x - box.x0, box.x1 - a.x, a.y - box.y0, box.y1 - a.y};
    for (std::size_t k = 0; k < 4; ++k) {
        if (p[k] == 0.0) {
            if (q[k] < 0.0)
                return false;
            continue;
        }
        const double r = q[k] / p[k];
        if (p[k] < 0.0)
            t0 = std::max(t0, r);
        else
            t1 = std::min(t1, r);
        if (t0 > t1)
            return false;
    }
    const PlanePoint start{a.x + t0 * dx, a.y + t0 * dy};
    const PlanePoint end{a.x + t1 * dx, a.y + t1 * dy};
    a = start;
    b = end;
    return true;
}

}  // namespace downhill::core
