#include "app/cli/render/view_range.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "core/geometry/view_fit.h"
#include "core/model/analytic_objective.h"

namespace downhill::cli {

namespace {

constexpr int kSearchGrid = 41;         // points per axis of the coarse grid that finds the minimum
constexpr int kMaxSearchRounds = 12;    // each round looks twice as far
// Without a grid, a view is never narrower than 1 + 0.2 |centre|: a path that has not moved
// still shows its surroundings, in proportion to where it sits.
constexpr core::ViewFloor kFloor{1.0, 1.0, 0.2};

core::PlanePoint planePoint(QPointF p)
{
    return {p.x(), p.y()};
}

// The lowest point of the plane near `around`, found on a coarse grid that moves and grows
// while its lowest cell lies on its edge (the loss still falls beyond). nullopt when the loss
// falls without end (the saddle) or is nowhere finite.
std::optional<core::PlanePoint> planeMinimum(const core::Objective& objective, const core::Samples& samples,
    core::LandscapeRequest request, const core::PlaneBox& around)
{
    core::PlaneBox box = core::scaledView(around, 1.5, kFloor);
    request.resolution = kSearchGrid;
    for (int round = 0; round < kMaxSearchRounds; ++round) {
        request.min1 = box.x0;
        request.max1 = box.x1;
        request.min2 = box.y0;
        request.max2 = box.y1;
        const auto grid = core::computeLandscape(objective, samples, request);
        if (!grid || !std::isfinite(grid->minLoss))
            return std::nullopt;
        const int i = grid->argmin1;
        const int j = grid->argmin2;
        const core::PlanePoint at{request.value1(i), request.value2(j)};
        const bool edge1 = i == 0 || i == kSearchGrid - 1;
        const bool edge2 = j == 0 || j == kSearchGrid - 1;
        if (!edge1 && !edge2)
            return at;
        const core::PlanePoint c = box.centre();
        const core::PlanePoint centre{edge1 ? at.x : c.x, edge2 ? at.y : c.y};
        const double w = box.width() * (edge1 ? 2.0 : 1.0) / 2;
        const double h = box.height() * (edge2 ? 2.0 : 1.0) / 2;
        box = {centre.x - w, centre.x + w, centre.y - h, centre.y + h};
    }
    return std::nullopt;
}

}  // namespace

std::array<double, 4> planeRange(const QVector<QPointF>& path, bool diverged)
{
    core::PlaneBox box;
    box.include({-1, -1});
    box.include({1, 1});
    core::PlaneBox onPath;
    for (qsizetype i = 0; i < (diverged ? std::min<qsizetype>(1, path.size()) : path.size()); ++i)
        if (std::isfinite(path[i].x()) && std::isfinite(path[i].y()))
            onPath.include(planePoint(path[i]));
    if (onPath.valid()) {
        const double spare = 0.1 * std::max({onPath.width(), onPath.height(), 1e-12});
        box.include({onPath.x0 - spare, onPath.y0 - spare});
        box.include({onPath.x1 + spare, onPath.y1 + spare});
    }
    return {box.x0, box.x1, box.y0, box.y1};
}

std::array<double, 4> automaticRange(const core::Objective& objective, const core::Samples& samples,
    const core::LandscapeRequest& plane, const QVector<QPointF>& path, bool diverged)
{
    core::PlaneBox box;
    if (diverged) {
        if (!path.isEmpty())
            box.include(planePoint(path.front()));
    } else {
        for (const QPointF& p : path)
            box.include(planePoint(p));
    }
    if (const auto* analytic = dynamic_cast<const core::AnalyticObjective*>(&objective)) {
        const auto view = analytic->defaultRange();
        box.include({view[0], view[2]});
        box.include({view[1], view[3]});
    } else if (box.x0 <= box.x1) {
        if (const auto minimum = planeMinimum(objective, samples, plane, box))
            box.include(*minimum);
    }
    if (!box.valid())
        box.include({0, 0});   // no finite point at all: any view will do

    // A diverged path is followed while it stays near the start and the minimum.
    std::vector<std::vector<core::PlanePoint>> flights;
    if (diverged) {
        std::vector<core::PlanePoint> flight;
        flight.reserve(static_cast<std::size_t>(path.size()));
        for (const QPointF& p : path)
            flight.push_back(planePoint(p));
        flights.push_back(std::move(flight));
    }
    const core::PlaneBox view = core::fitView(box, flights, kFloor);
    return {view.x0, view.x1, view.y0, view.y1};
}

}  // namespace downhill::cli
