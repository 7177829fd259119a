#pragma once
// A plane through parameter space: the origin plus alpha d1 plus beta d2. A network has
// thousands of parameters and a picture has two axes, so its landscape is drawn over a plane
// through them, as in Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets": two
// random directions scaled filter by filter to the weights (section 4), or the first two
// principal components of the training path (section 7). A path drawn on a plane is its
// projection, not the path: projectOntoPlane() keeps how far off the plane each point is.
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/base/rng.h"
#include "core/base/types.h"

namespace downhill::core {

class Objective;

enum class PlaneKind {
    Given,    // directions from a file, or made by hand
    Random,   // filter-normalised random directions
    Pca,      // the path's first two principal components
};

struct Plane {
    PlaneKind kind = PlaneKind::Given;
    Vec origin;
    Vec d1, d2;
    // Pca: the share of the path's variance along d1 and along d2; NaN otherwise.
    std::array<double, 2> explained{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};

    Vec at(double alpha, double beta) const { return origin + alpha * d1 + beta * d2; }
    // Throws InputError: a size other than parameterCount, a value that is not finite, a zero
    // direction, or two directions along one line.
    void validate(int parameterCount) const;
};

// Where a point lies on the plane (the least-squares alpha and beta: the directions need not
// be orthogonal or of unit length) and how far from it (the Euclidean norm of what is left).
struct PlaneCoordinates {
    double alpha = 0;
    double beta = 0;
    double offPlane = 0;
};
PlaneCoordinates projectOntoPlane(const Plane& plane, const Vec& w);

// The parts of a direction that filter normalisation scales together: for a network, each
// row of each weight matrix (one unit's incoming weights, what Li et al. call a filter of a
// fully connected layer) and each bias vector (which gets no direction: zero); for the small
// models and the analytic functions, the whole vector as one filter.
struct DirectionBlock {
    Eigen::Index offset = 0;
    Eigen::Index size = 0;
    bool bias = false;
};
std::vector<DirectionBlock> directionBlocks(const Objective& objective);

// A Gaussian direction (the engine's generator, in parameter order), each filter scaled to the
// norm of the same filter of the origin, biases zero.
Vec filterNormalisedDirection(const std::vector<DirectionBlock>& blocks, const Vec& origin, Rng& rng);

// Two such directions, from independent streams of the seed.
Plane randomPlane(const Objective& objective, const Vec& origin, std::uint64_t seed);

// The first two principal components of the path's points minus its last point (the origin),
// as Li et al.'s code computes them (scikit-learn's PCA: the rows centred, then the SVD), each
// with the share of variance it explains, its largest entry positive. At most
// kMaxPcaPoints points are used, evenly spread along the path and always with its ends.
// Throws InputError for fewer than 3 points, points of different sizes, or a path that does
// not move in two independent directions.
inline constexpr int kMaxPcaPoints = 1000;
Plane pcaPlane(const std::vector<Vec>& path);

}  // namespace downhill::core
