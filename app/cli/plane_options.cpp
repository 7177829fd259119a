#include "app/cli/plane_options.h"

#include "core/landscape/projection.h"

#include "app/cli/checks.h"

namespace downhill::cli {

namespace {

// "A:B" -> {A, B} with A < B.
std::pair<double, double> parseInterval(const std::string& text, const std::string& whole)
{
    const auto colon = text.find(':');
    if (colon == std::string::npos || text.find(':', colon + 1) != std::string::npos)
        failFlag("range", "expected A:B,C:D, got '" + whole + "'");
    const double lo = CommandLine::parseNumber("range", text.substr(0, colon));
    const double hi = CommandLine::parseNumber("range", text.substr(colon + 1));
    if (!(lo < hi))
        failFlag("range", "each interval must have A < B, got '" + text + "'");
    return {lo, hi};
}

}  // namespace

FlagSpec PlaneOptions::axesFlag(const std::string& defaultText)
{
    return {"axes", "P1,P2", defaultText, "the parameters on the horizontal and vertical axes"};
}

FlagSpec PlaneOptions::rangeFlag(const std::string& defaultText)
{
    return {"range", "A:B,C:D", defaultText, "P1 from A to B, P2 from C to D"};
}

FlagSpec PlaneOptions::gridFlag(int defaultGrid)
{
    return {"grid", "N", std::to_string(defaultGrid), "points per axis, from 2 to " + std::to_string(core::kMaxGridResolution)};
}

PlaneOptions::PlaneOptions(const CommandLine& cl, const ObjectiveOptions& model, int defaultGrid,
    const std::optional<std::array<int, 2>>& baseAxes, const std::optional<std::array<double, 4>>& baseRange)
    : range_(baseRange)
{
    if (const auto axes = cl.text("axes")) {
        const auto comma = axes->find(',');
        if (comma == std::string::npos || axes->find(',', comma + 1) != std::string::npos)
            failFlag("axes", "expected two parameter names P1,P2, got '" + *axes + "'");
        axis1_ = model.parameterIndex("axes", axes->substr(0, comma));
        axis2_ = model.parameterIndex("axes", axes->substr(comma + 1));
        if (axis1_ == axis2_)
            failFlag("axes", "the two axes must be different parameters, got '" + *axes + "'");
    } else if (baseAxes) {
        axis1_ = (*baseAxes)[0];
        axis2_ = (*baseAxes)[1];
    }

    if (const auto range = cl.text("range")) {
        const auto comma = range->find(',');
        if (comma == std::string::npos || range->find(',', comma + 1) != std::string::npos)
            failFlag("range", "expected A:B,C:D, got '" + *range + "'");
        const auto [min1, max1] = parseInterval(range->substr(0, comma), *range);
        const auto [min2, max2] = parseInterval(range->substr(comma + 1), *range);
        range_ = std::array<double, 4>{min1, max1, min2, max2};
    }

    const std::int64_t grid = cl.integer("grid", defaultGrid);
    requireBetween("grid", grid, 2, core::kMaxGridResolution);
    grid_ = static_cast<int>(grid);
    if (range_) {
        for (int axis = 0; axis < 2; ++axis) {
            const auto i = static_cast<std::size_t>(2 * axis);
            if (const std::string problem = core::gridAxisProblem((*range_)[i], (*range_)[i + 1], grid_); !problem.empty())
                failFlag("range", std::string(axis == 0 ? "P1" : "P2") + ": " + problem);
        }
    }
}

core::LandscapeRequest PlaneOptions::request(const core::Vec& origin, const std::array<double, 4>& range) const
{
    return core::Projection::axes(axis1_, axis2_, origin).request(range, grid_);
}

}  // namespace downhill::cli
