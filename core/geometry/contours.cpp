#include "core/geometry/contours.h"

#include <algorithm>
#include <cmath>

namespace downhill::core {

std::vector<ContourLevel> computeContours(const LandscapeGrid& grid, const std::vector<double>& levels)
{
    const auto& rq = grid.request;
    const int g = rq.resolution;
    std::vector<ContourLevel> out;
    out.reserve(levels.size());
    for (double level : levels) {
        ContourLevel contour;
        contour.level = level;
        for (int j = 0; j + 1 < g; ++j) {
            for (int i = 0; i + 1 < g; ++i) {
                // Corners counter-clockwise from the bottom left.
                const double v[4] = {grid.loss(i, j), grid.loss(i + 1, j), grid.loss(i + 1, j + 1), grid.loss(i, j + 1)};
                if (!(std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]) && std::isfinite(v[3])))
                    continue;
                int code = 0;
                for (int k = 0; k < 4; ++k)
                    code |= (v[k] >= level ? 1 : 0) << k;
                if (code == 0 || code == 15)
                    continue;
                const double x0 = rq.value1(i), x1 = rq.value1(i + 1);
                const double y0 = rq.value2(j), y1 = rq.value2(j + 1);
                const double px[4] = {x0, x1, x1, x0};
                const double py[4] = {y0, y0, y1, y1};
                // Crossing point on edge k (from corner k to corner k+1).
                auto edge = [&](int k, double& ex, double& ey) {
                    const int a = k;
                    const int b = (k + 1) % 4;
                    const double t = (level - v[a]) / (v[b] - v[a]);
                    ex = px[a] + t * (px[b] - px[a]);
                    ey = py[a] + t * (py[b] - py[a]);
                };
                // Edges whose two corners lie on different sides of the level.
                int crossing[4];
                int count = 0;
                for (int k = 0; k < 4; ++k) {
                    const bool sa = (code >> k) & 1;
                    const bool sb = (code >> ((k + 1) % 4)) & 1;
                    if (sa != sb)
                        crossing[count++] = k;
                }
                if (count == 2) {
                    std::array<double, 4> s{};
                    edge(crossing[0], s[0], s[1]);
                    edge(crossing[1], s[2], s[3]);
                    contour.segments.push_back(s);
                } else if (count == 4) {
                    // Saddle cell: pair the edges so that the centre's side stays connected.
                    const bool centreHigh = (v[0] + v[1] + v[2] + v[3]) / 4.0 >= level;
                    const bool corner0High = code & 1;
                    const int pairs[2][2] = {{0, 3}, {1, 2}};
                    const int other[2][2] = {{0, 1}, {2, 3}};
                    const auto& use = (centreHigh == corner0High) ? other : pairs;
                    for (const auto& pr : use) {
                        std::array<double, 4> s{};
                        edge(pr[0], s[0], s[1]);
                        edge(pr[1], s[2], s[3]);
                        contour.segments.push_back(s);
                    }
                }
            }
        }
        out.push_back(std::move(contour));
    }
    return out;
}

std::vector<double> contourLevels(const LandscapeGrid& grid, int count)
{
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(grid.loss.size()));
    for (Eigen::Index k = 0; k < grid.loss.size(); ++k) {
        const double v = grid.loss.data()[k];
        if (std::isfinite(v))
            values.push_back(v);
    }
    std::vector<double> levels;
    if (values.empty() || count < 1)
        return levels;
    std::sort(values.begin(), values.end());
    for (int k = 0; k < count; ++k) {
        // Quantiles squared towards the floor: the interesting structure is near the minimum.
        const double q = std::pow((k + 0.5) / count, 2.0);
        const auto idx = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1));
        const double level = values[idx];
        if (levels.empty() || level > levels.back())
            levels.push_back(level);
    }
    return levels;
}

}  // namespace downhill::core
