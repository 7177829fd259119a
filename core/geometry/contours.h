#pragma once
// Contour lines of a landscape grid by marching squares.
#include <array>
#include <vector>

#include "core/landscape/landscape.h"

namespace downhill::core {

struct ContourLevel {
    double level = 0;
    // Segments in parameter coordinates: {x1, y1, x2, y2}.
    std::vector<std::array<double, 4>> segments;
};

// Segments of the iso-lines at each level. Cells with a non-finite corner are skipped; the two
// ambiguous cases are resolved by the cell's centre value.
std::vector<ContourLevel> computeContours(const LandscapeGrid& grid, const std::vector<double>& levels);

// `count` levels that spread evenly over the grid's values: quantiles of the finite cells, so
// a steep landscape still gets lines near its floor.
std::vector<double> contourLevels(const LandscapeGrid& grid, int count);

}  // namespace downhill::core
