#pragma once
// The smallest axis-aligned box around the finite points given so far; empty (not valid())
// until one arrives.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/geometry/plane_point.h"

namespace downhill::core {

struct PlaneBox {
    double x0 = std::numeric_limits<double>::infinity();
    double x1 = -std::numeric_limits<double>::infinity();
    double y0 = std::numeric_limits<double>::infinity();
    double y1 = -std::numeric_limits<double>::infinity();

    void include(PlanePoint p)
    {
        if (!std::isfinite(p.x) || !std::isfinite(p.y))
            return;
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    bool valid() const { return x0 <= x1 && y0 <= y1; }
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    PlanePoint centre() const { return {(x0 + x1) / 2, (y0 + y1) / 2}; }
};

}  // namespace downhill::core
