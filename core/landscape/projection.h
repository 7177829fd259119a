#pragma once
// How the plot's two coordinates meet parameter space: two chosen parameters with every other
// held at a point (the literal two-parameter surface), or a plane through all of them (plane.h:
// a random or PCA plane through a network's thousands of weights). Everything that puts the run
// on a picture asks the projection: the path and current point (where a point lies, and how far
// off the plane), the arrows (a direction's share in the plane), a click (the parameters at a
// plot coordinate) and the landscape grid (its request). On two axes it is exactly what the
// small models always did: x = w[axis1], y = w[axis2].
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/landscape/landscape.h"
#include "core/landscape/plane.h"

namespace downhill::core {

class Projection {
public:
    // Axes 0 and 1 with no held values: points and directions read entries 0 and 1 (the
    // distance off the plane is then unknown, NaN).
    Projection() = default;
    // Two parameters; held: every parameter's value on the plane (the axes' own entries are
    // not used). Throws InputError for axes out of range of held or equal.
    static Projection axes(int axis1, int axis2, Vec held);
    // Throws InputError for a plane that is not one (plane.h's Plane::validate).
    static Projection onPlane(std::shared_ptr<const Plane> plane);

    bool isPlane() const { return plane_ != nullptr; }
    int axis1() const { return axis1_; }
    int axis2() const { return axis2_; }
    const std::shared_ptr<const Plane>& plane() const { return plane_; }
    // Axes: the held values; a plane: its origin.
    const Vec& origin() const;
    Eigen::Index parameterCount() const { return origin().size(); }

    // Where w lies on the picture and how far from what the picture shows: on axes, the
    // distance of the other parameters from their held values; on a plane, from the plane.
    PlaneCoordinates locate(const Vec& w) const;
    // A direction's share in the plane (an arrow: minus the gradient, the step taken): its
    // entries on axes; on a plane, the least-squares coordinates of its projection, so that a
    // step from a to b draws as the arrow from locate(a) to locate(b).
    std::array<double, 2> direction(const Vec& v) const;
    // The parameters at plot coordinates (x, y): held with the two axes set, or the plane's
    // point origin + x d1 + y d2.
    Vec pointAt(double x, double y) const;
    // A grid request over this projection for the range {min1, max1, min2, max2}.
    LandscapeRequest request(const std::array<double, 4>& range, int resolution = 128) const;
    // The coordinates' names: the two parameters' names, or "alpha" and "beta" with what
    // their directions are (a random direction, a principal component and its share).
    std::array<std::string, 2> axisNames(const std::vector<std::string>& parameterNames) const;

private:
    int axis1_ = 0;
    int axis2_ = 1;
    Vec held_;
    std::shared_ptr<const Plane> plane_;
    // The inverse of the directions' Gram matrix, for least squares on the plane.
    double i11_ = 1, i12_ = 0, i22_ = 1;
};

}  // namespace downhill::core
