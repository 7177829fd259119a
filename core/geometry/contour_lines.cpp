#include "core/geometry/contour_lines.h"

#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <utility>

namespace downhill::core {

// Joining turns a level into a few long polylines, which a painter strokes far faster than
// thousands of separate lines.
std::vector<Polyline> chainSegments(const std::vector<std::array<double, 4>>& segments, PlanePoint origin, PlanePoint quantum)
{
    using Key = std::pair<std::int64_t, std::int64_t>;
    struct KeyHash {
        std::size_t operator()(const Key& k) const
        {
            return static_cast<std::size_t>(static_cast<std::uint64_t>(k.first) * 0x9E3779B97F4A7C15ULL
                ^ static_cast<std::uint64_t>(k.second));
        }
    };
    auto key = [&](PlanePoint p) {
        return Key(std::llround((p.x - origin.x) / quantum.x), std::llround((p.y - origin.y) / quantum.y));
    };
    auto endPoint = [&](int end) {
        const auto& seg = segments[static_cast<std::size_t>(end / 2)];
        return (end % 2 == 0) ? PlanePoint{seg[0], seg[1]} : PlanePoint{seg[2], seg[3]};
    };
    // End point -> segment ends there (2 s + 0 or 1); an interior point of a line joins two.
    std::unordered_map<Key, std::vector<int>, KeyHash> ends;
    ends.reserve(segments.size() * 2);
    for (std::size_t s = 0; s < segments.size(); ++s) {
        ends[key(endPoint(static_cast<int>(2 * s)))].push_back(static_cast<int>(2 * s));
        ends[key(endPoint(static_cast<int>(2 * s + 1)))].push_back(static_cast<int>(2 * s + 1));
    }
    std::vector<char> used(segments.size(), 0);
    // Follows the line from `end` (an end of a used segment) as far as it goes.
    auto walk = [&](int end, Polyline& out) {
        for (;;) {
            const auto it = ends.find(key(endPoint(end)));
            int next = -1;
            if (it != ends.end()) {
                for (int candidate : it->second) {
                    if (!used[static_cast<std::size_t>(candidate / 2)]) {
                        next = candidate;
                        break;
                    }
                }
            }
            if (next < 0)
                return;
            used[static_cast<std::size_t>(next / 2)] = 1;
            const int far = next ^ 1;  // the segment's other end
            out.push_back(endPoint(far));
            end = far;
        }
    };
    std::vector<Polyline> lines;
    Polyline forward, backward;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        if (used[s])
            continue;
        used[s] = 1;
        forward.clear();
        backward.clear();
        walk(static_cast<int>(2 * s + 1), forward);
        walk(static_cast<int>(2 * s), backward);
        Polyline line;
        line.reserve(backward.size() + forward.size() + 2);
        line.assign(backward.rbegin(), backward.rend());
        line.push_back(endPoint(static_cast<int>(2 * s)));
        line.push_back(endPoint(static_cast<int>(2 * s + 1)));
        line.insert(line.end(), forward.begin(), forward.end());
        lines.push_back(std::move(line));
    }
    return lines;
}

// Marching squares puts a point in every cell a line crosses, far more than a smooth line
// needs, and is itself only accurate to a fraction of a cell: hence a tolerance in cells.
Polyline simplifyPolyline(const Polyline& line, PlanePoint cell, double tolerance)
{
    const std::size_t n = line.size();
    if (n < 3)
        return line;
    std::vector<char> keep(n, 0);
    keep.front() = keep.back() = 1;
    auto scaled = [&](std::size_t k) { return PlanePoint{line[k].x / cell.x, line[k].y / cell.y}; };
    std::vector<std::pair<std::size_t, std::size_t>> stack{{0, n - 1}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        const PlanePoint pa = scaled(a), pb = scaled(b);
        const PlanePoint d{pb.x - pa.x, pb.y - pa.y};
        const double len = std::hypot(d.x, d.y);
        double worst = -1;
        std::size_t worstAt = 0;
        bool found = false;
        for (std::size_t k = a + 1; k < b; ++k) {
            const PlanePoint sk = scaled(k);
            const PlanePoint q{sk.x - pa.x, sk.y - pa.y};
            const double dist = len > 0 ? std::abs(q.x * d.y - q.y * d.x) / len : std::hypot(q.x, q.y);
            if (dist > worst) {
                worst = dist;
                worstAt = k;
                found = true;
            }
        }
        if (found && worst > tolerance) {
            keep[worstAt] = 1;
            stack.push_back({a, worstAt});
            stack.push_back({worstAt, b});
        }
    }
    Polyline out;
    for (std::size_t k = 0; k < n; ++k)
        if (keep[k])
            out.push_back(line[k]);
    return out;
}

}  // namespace downhill::core
