#pragma once
// From marching squares' loose segments to the few long, lean polylines a plot strokes.
#include <array>
#include <vector>

#include "core/geometry/plane_point.h"

namespace downhill::core {

using Polyline = std::vector<PlanePoint>;

// Joins the two-point segments {x1, y1, x2, y2} that share an end point into polylines, each
// segment used once. End points are matched on a lattice of `quantum` (per axis) measured from
// `origin`: neighbouring cells compute a shared crossing from opposite ends of the edge, so
// the two copies can differ in the last bits. A closed line comes back to its first point.
std::vector<Polyline> chainSegments(const std::vector<std::array<double, 4>>& segments, PlanePoint origin,
    PlanePoint quantum);

// Douglas-Peucker with the tolerance in cells along each axis (`cell` is a cell's size): the
// points no further than that from the line through their kept neighbours go. The first and
// last point always stay.
Polyline simplifyPolyline(const Polyline& line, PlanePoint cell, double tolerance);

}  // namespace downhill::core
