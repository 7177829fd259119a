#pragma once
// Landscape grids made by hand for tests of what is drawn from a grid, so that each test knows
// every cell's loss.
#include <cmath>

#include "core/landscape/landscape.h"

namespace downhill::test {

// A G x G grid over [-1, 1] x [-0.5, 1.5] of a smooth bowl (linear heights) or of a bowl that
// spans eight decades with an exact zero at one node (log heights).
inline core::LandscapeGrid makeGrid(int g, bool decades)
{
    core::LandscapeGrid grid;
    auto& rq = grid.request;
    rq.origin = core::Vec::Zero(2);
    rq.min1 = -1.0;
    rq.max1 = 1.0;
    rq.min2 = -0.5;
    rq.max2 = 1.5;
    rq.resolution = g;
    grid.loss.resize(g, g);
    for (int i = 0; i < g; ++i) {
        for (int j = 0; j < g; ++j) {
            const double x = rq.value1(i), y = rq.value2(j);
            const double bowl = (x - 0.3) * (x - 0.3) + 2.0 * (y - 0.4) * (y - 0.4);
            grid.loss(i, j) = decades ? 1e-6 * std::pow(10.0, 2.0 * bowl) - 1e-6 : bowl + 0.05;
        }
    }
    if (decades)
        grid.loss(g / 2, g / 4) = 0.0;
    grid.minLoss = grid.loss.minCoeff();
    grid.maxLoss = grid.loss.maxCoeff();
    return grid;
}


}  // namespace downhill::test
