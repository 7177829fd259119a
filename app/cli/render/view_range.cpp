#include "app/cli/render/view_range.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "core/model/analytic_objective.h"
#include "plots/landscape_plot.h"

namespace downhill::cli {

namespace {

constexpr double kMargin = 0.10;        // of the span, on each side
constexpr int kSearchGrid = 41;         // points per axis of the coarse grid that finds the minimum
constexpr int kMaxSearchRounds = 12;    // each round looks twice as far
constexpr double kDivergedZoomOut = ui::LandscapePlot::kDivergedZoomOut;   // as the window's Fit to path

struct Box {
    double x0 = std::numeric_limits<double>::infinity();
    double x1 = -std::numeric_limits<double>::infinity();
    double y0 = std::numeric_limits<double>::infinity();
    double y1 = -std::numeric_limits<double>::infinity();

    void include(QPointF p)
    {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            return;
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    QPointF centre() const { return {(x0 + x1) / 2, (y0 + y1) / 2}; }
};

// A view never narrower than this around c: a path that has not moved still shows its
// surroundings, in proportion to where it sits.
double minSpan(double c)
{
    return 1.0 + 0.2 * std::abs(c);
}

// factor times the box (at least minSpan), around its centre.
Box scaled(const Box& b, double factor)
{
    const QPointF c = b.centre();
    const double w = std::max(b.width(), minSpan(c.x())) * factor / 2;
    const double h = std::max(b.height(), minSpan(c.y())) * factor / 2;
    return {c.x() - w, c.x() + w, c.y() - h, c.y() + h};
}

// The lowest point of the plane near `around`, found on a coarse grid that moves and grows
// while its lowest cell lies on its edge (the loss still falls beyond). nullopt when the loss
// falls without end (the saddle) or is nowhere finite.
std::optional<QPointF> planeMinimum(const core::Objective& objective, const core::Samples& samples,
    core::LandscapeRequest request, const Box& around)
{
    Box box = scaled(around, 1.5);
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
        const QPointF at(request.value1(i), request.value2(j));
        const bool edge1 = i == 0 || i == kSearchGrid - 1;
        const bool edge2 = j == 0 || j == kSearchGrid - 1;
        if (!edge1 && !edge2)
            return at;
        const QPointF c = box.centre();
        const QPointF centre(edge1 ? at.x() : c.x(), edge2 ? at.y() : c.y());
        const double w = box.width() * (edge1 ? 2.0 : 1.0) / 2;
        const double h = box.height() * (edge2 ? 2.0 : 1.0) / 2;
        box = {centre.x() - w, centre.x() + w, centre.y() - h, centre.y() + h};
    }
    return std::nullopt;
}

}  // namespace

std::array<double, 4> automaticRange(const core::Objective& objective, const core::Samples& samples,
    const core::LandscapeRequest& plane, const QVector<QPointF>& path, bool diverged)
{
    Box box;
    if (diverged) {
        if (!path.isEmpty())
            box.include(path.front());
    } else {
        for (const QPointF& p : path)
            box.include(p);
    }
    if (const auto* analytic = dynamic_cast<const core::AnalyticObjective*>(&objective)) {
        const auto view = analytic->defaultRange();
        box.include(QPointF(view[0], view[2]));
        box.include(QPointF(view[1], view[3]));
    } else if (box.x0 <= box.x1) {
        if (const auto minimum = planeMinimum(objective, samples, plane, box))
            box.include(*minimum);
    }
    if (!(box.x0 <= box.x1 && box.y0 <= box.y1))
        box.include(QPointF(0, 0));   // no finite point at all: any view will do

    if (diverged) {
        // Follow the path while it stays near the start and the minimum; the rest of it, far
        // off towards infinity, would shrink them to a dot.
        const Box near = scaled(box, 1.0);
        for (const QPointF& p : path) {
            Box next = box;
            next.include(p);
            if (next.width() > kDivergedZoomOut * near.width() || next.height() > kDivergedZoomOut * near.height())
                break;
            box = next;
        }
    }

    const QPointF c = box.centre();
    const double w = std::max(box.width() * (1 + 2 * kMargin), minSpan(c.x())) / 2;
    const double h = std::max(box.height() * (1 + 2 * kMargin), minSpan(c.y())) / 2;
    return {c.x() - w, c.x() + w, c.y() - h, c.y() + h};
}

}  // namespace downhill::cli
