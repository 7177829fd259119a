#pragma once
// Shared numeric types of the engine. One scalar type everywhere (double): the step card shows
// numbers a student redoes on paper, and float rounding would show in the last digits.
#include <cmath>

#include <Eigen/Core>

namespace downhill::core {

using Scalar = double;
// Parameter vectors of any size (a network has thousands). A training step still allocates
// nothing: every buffer is sized when the run starts, and Eigen does not reallocate when a
// vector is assigned one of the same size.
using Vec = Eigen::VectorXd;
// The small models (two or three parameters) have at most this many: the quadratic-form
// shortcut keeps its matrices on the stack for them, and the trajectory CSV spells their
// parameters out one column each.
inline constexpr int kMaxSmallParameters = 8;
using SmallVec = Eigen::Matrix<double, Eigen::Dynamic, 1, Eigen::ColMajor, kMaxSmallParameters, 1>;
using Array = Eigen::ArrayXd;     // per-sample values (features, targets, residuals)
using Array2D = Eigen::ArrayXXd;  // grids, Jacobians (rows = parameters, columns = samples)

// Every value finite, in one vectorised pass: x * 0 is 0 for a finite x and NaN for an infinite
// or NaN one, and NaN stays NaN in a sum. Eigen's allFinite() is a scalar loop with a branch
// per value, which a network's step paid twice for its thousands of parameters.
inline bool isAllFinite(const Vec& v) { return std::isfinite((v.array() * 0.0).sum()); }

}  // namespace downhill::core
