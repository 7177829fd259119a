#pragma once
// Shared numeric types of the engine. One scalar type everywhere (double): the step card shows
// numbers a student redoes on paper, and float rounding would show in the last digits.
#include <Eigen/Core>

namespace downhill::core {

using Scalar = double;
// Models have at most kMaxParameters parameters, so parameter vectors live on the stack: a
// training step allocates nothing.
inline constexpr int kMaxParameters = 8;
using Vec = Eigen::Matrix<double, Eigen::Dynamic, 1, Eigen::ColMajor, kMaxParameters, 1>;
using Array = Eigen::ArrayXd;     // per-sample values (features, targets, residuals)
using Array2D = Eigen::ArrayXXd;  // grids, Jacobians (rows = parameters, columns = samples)

}  // namespace downhill::core
