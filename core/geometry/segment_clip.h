#pragma once
// Clipping a line segment to a box (Liang-Barsky): what of an arrow is inside the view, and
// whether a label's box is crossed by an arrow.
#include "core/geometry/plane_box.h"
#include "core/geometry/plane_point.h"

namespace downhill::core {

// Moves a and b to the ends of the part of the segment a-b inside the box (edges included);
// false, leaving them as they were, when nothing of it is inside.
bool clipSegment(PlanePoint& a, PlanePoint& b, const PlaneBox& box);

}  // namespace downhill::core
