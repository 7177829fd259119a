#pragma once
// The one rule for a view around a path: the window's Fit to path and render's automatic
// range both call fitView(), so a figure and the window frame a run alike.
#include <vector>

#include "core/geometry/plane_box.h"
#include "core/geometry/plane_point.h"

namespace downhill::core {

// The margin a view leaves around what it fits, as a share of the span on each side.
inline constexpr double kViewMargin = 0.10;
// A diverged path heads off towards infinity: it is followed only while the view stays within
// this many times the rest's, beyond which everything else would shrink to a dot.
inline constexpr double kDivergedZoomOut = 8.0;

// The narrowest a view gets along each axis, so that a path that has not moved yet still
// shows its surroundings: span + perUnit * |centre|.
struct ViewFloor {
    double span1 = 0;
    double span2 = 0;
    double perUnit = 0;
};

// factor times the box (each axis at least the floor at the box's centre), around its centre.
PlaneBox scaledView(const PlaneBox& box, double factor, const ViewFloor& floor);

// The view around `near` (what must be seen: the finite points that stayed near, and each
// diverged path's start) that also follows every diverged path, in order, while the view
// stays within kDivergedZoomOut times near's (at least the floor), with kViewMargin and the
// floor applied. `near` must be valid().
PlaneBox fitView(PlaneBox near, const std::vector<std::vector<PlanePoint>>& diverged, const ViewFloor& floor);

}  // namespace downhill::core
