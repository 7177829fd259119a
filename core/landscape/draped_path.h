#pragma once
// A path laid on the landscape's surface as evenly spaced beads, for the 3D view, where each
// bead is a ball of its own and the path has to read as a line.
//
// Each straight step of the path is followed over the ground: the loss is read from the grid
// (bilinearly, as the 2D read-out does) at every quarter of a cell along the step, so that a long
// step climbs the hill it crosses rather than cutting through it. The beads are then put at equal
// arc length along that ground line, measured in the drawing's own space (each coordinate's
// range mapped onto its edge of the box, the height on a log scale when the axis is one), so
// that neighbours are at most `spacing` apart however the steps' lengths vary. (A run's steps
// shrink by orders of magnitude near a minimum; beads picked by step index bunched up there and
// left wide gaps where the steps were long.) The first and the newest point are exact.
#include <cstddef>
#include <vector>

#include "core/geometry/plane_point.h"
#include "core/landscape/landscape.h"

namespace downhill::core {

// How a point (value1, loss, value2) lies in the drawing: value1's grid range onto lengthX,
// the height range [floor, ceiling] onto lengthY (log10 of both when logHeight), value2's grid
// range onto lengthZ, all in the drawing's units (in which `spacing` is given).
struct DrapeSpace {
    double lengthX = 1;
    double lengthY = 1;
    double lengthZ = 1;
    double floor = 0;
    double ceiling = 1;
    bool logHeight = false;   // floor must then be > 0; a loss below it is drawn on it
};

struct DrapedPoint {
    double value1 = 0;
    double loss = 0;   // as drawn: at least the floor on a log axis
    double value2 = 0;
};

// The beads for `path` (oldest first) on the grid's surface: at most maxCount of them (at least
// 2 kept), at most `spacing` apart while (maxCount - 1) * spacing covers the path's length, and
// spread evenly over it beyond that. A point off the grid, or where the loss is not finite, has
// no ground: the steps to and from it are left out (no beads there). Empty when no point of the
// path is on the grid.
std::vector<DrapedPoint> drapePath(const LandscapeRequest& request, const Array2D& loss,
    const std::vector<PlanePoint>& path, const DrapeSpace& space, double spacing, std::size_t maxCount);

// The distance between two points in the drawing's space.
double drapedDistance(const LandscapeRequest& request, const DrapeSpace& space, const DrapedPoint& a,
    const DrapedPoint& b);

}  // namespace downhill::core
