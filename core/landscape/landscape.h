#pragma once
// The loss over a plane through parameter space, on a G x G grid: two chosen parameters vary,
// the others held at the origin's values; or, with a Plane (plane.h), alpha and beta vary
// along its two directions through its origin.
#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/landscape/plane.h"
#include "core/model/objective.h"

namespace downhill::core {

inline constexpr int kMaxGridResolution = 4096;  // 4096^2 doubles = 128 MiB
// How far a grid axis may reach and how fine it may be: beyond these the axis' labels and the
// plot's own range arithmetic (QCustomPlot refuses ranges outside about 1e-280..1e250) stop
// meaning anything, and the drawing comes out blank.
inline constexpr double kMaxGridCoordinate = 1e100;
inline constexpr double kMinGridWidth = 1e-100;

// What is wrong with a grid axis from min to max with `resolution` points, or "" if nothing:
// both ends finite with min < max and |end| <= kMaxGridCoordinate; the width (max - min) and
// the cell size (width / (resolution - 1)) finite normal numbers, the width at least
// kMinGridWidth, and neighbouring points distinct doubles. The one rule for a landscape's range:
// the CLI's --range, render's automatic range, the settings and run files and
// LandscapeRequest::validate all ask it.
std::string gridAxisProblem(double min, double max, int resolution);

struct LandscapeRequest {
    int axis1 = 0;          // parameter on the horizontal axis
    int axis2 = 1;          // parameter on the vertical axis
    Vec origin;             // every parameter; axis1 and axis2 are overwritten per grid point
    double min1 = -1, max1 = 1;
    double min2 = -1, max2 = 1;
    int resolution = 128;   // G: points per axis, ends included
    // Set: the grid is over alpha (value1) and beta (value2) on this plane, whose origin is
    // the point at (0, 0); axis1, axis2 and origin are not used.
    std::shared_ptr<const Plane> plane;

    // Throws InputError naming the field (axes out of range or equal, empty or non-finite
    // range, resolution outside [2, kMaxGridResolution], a plane that does not fit the model).
    void validate(int parameterCount) const;
    // The parameters at grid column i, row j.
    Vec pointAt(int i, int j) const;
    double value1(int i) const;   // axis1 value of column i
    double value2(int j) const;   // axis2 value of row j
    // The axes' names: the two parameters' names, or "alpha" and "beta" with what the plane's
    // directions are (random, a principal component and its share of the variance).
    std::array<std::string, 2> axisNames(const std::vector<std::string>& parameterNames) const;
};

enum class LandscapeMethod {
    Auto,     // an exact shortcut where an axis is affine (sufficient statistics for mse, the
              // loss's pieces swept along each row for mae and huber), else general
    General,  // every per-sample loss at every grid point
};

struct LandscapeGrid {
    LandscapeRequest request;
    Array2D loss;          // loss(i, j) at (value1(i), value2(j)); G x G
    double minLoss = 0;    // over finite cells
    double maxLoss = 0;
    int argmin1 = 0;       // the grid's minimum cell
    int argmin2 = 0;
    bool shortcut = false; // true if an exact shortcut computed it

    int resolution() const { return request.resolution; }
};

// The loss at (v1, v2) read from a grid by bilinear interpolation; a point on a node (up to
// rounding) takes the node's value exactly, and only corners with a non-zero weight take part,
// so a non-finite neighbour does not spoil a node. NaN outside the grid or for a grid that does
// not match the request. Shared by the 2D and 3D views so that the path sits on the same ground.
double bilinearLoss(const LandscapeRequest& request, const Array2D& loss, double v1, double v2);

// Returns nullopt if cancel became true before the grid was complete: a grid is a value that
// arrives whole. Uses every core.
std::optional<LandscapeGrid> computeLandscape(const Objective& objective, const Samples& samples,
    const LandscapeRequest& request, LandscapeMethod method = LandscapeMethod::Auto,
    const std::atomic<bool>* cancel = nullptr);

// The gradient of the loss along the two axes at every point of a (coarser) grid.
struct GradientField {
    LandscapeRequest request;
    Array2D d1;   // dL/d(axis1) at (value1(i), value2(j))
    Array2D d2;   // dL/d(axis2)
};
std::optional<GradientField> computeGradientField(const Objective& objective, const Samples& samples,
    const LandscapeRequest& request, const std::atomic<bool>* cancel = nullptr);

}  // namespace downhill::core
