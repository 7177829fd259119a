#pragma once
// The plane a landscape is drawn over: --axes (two parameter names), --range (A:B,C:D) and
// --grid (points per axis). Shared by landscape and render.
#include <array>
#include <optional>
#include <string>

#include "app/cli/command_line.h"
#include "app/cli/command_spec.h"
#include "core/landscape/landscape.h"
#include "app/cli/objective_options.h"

namespace downhill::cli {

class PlaneOptions {
public:
    static FlagSpec axesFlag(const std::string& defaultText);
    static FlagSpec rangeFlag(const std::string& defaultText);
    static FlagSpec gridFlag(int defaultGrid);

    // Reads the three flags; where --axes or --range is absent, baseAxes or baseRange (a
    // --config file's) is used, else the model's first two parameters and no range.
    PlaneOptions(const CommandLine& cl, const ObjectiveOptions& model, int defaultGrid,
        const std::optional<std::array<int, 2>>& baseAxes = std::nullopt,
        const std::optional<std::array<double, 4>>& baseRange = std::nullopt);

    int axis1() const { return axis1_; }
    int axis2() const { return axis2_; }
    // {min1, max1, min2, max2}, or nullopt when neither --range nor the base gave one.
    const std::optional<std::array<double, 4>>& range() const { return range_; }
    int grid() const { return grid_; }

    // The grid request over range through origin (which holds the other parameters).
    core::LandscapeRequest request(const core::Vec& origin, const std::array<double, 4>& range) const;

private:
    int axis1_ = 0;
    int axis2_ = 1;
    std::optional<std::array<double, 4>> range_;
    int grid_ = 0;
};

}  // namespace downhill::cli
