#pragma once
// The exact shortcut for a squared loss: when the residual is affine in some coefficients u,
// r = phi^T u + c (phi: K x N, one row per coefficient), the mean squared residual is the
// quadratic form (u^T A u + 2 b^T u + s) / N with A = phi phi^T, b = phi c, s = c^T c. Those
// sufficient statistics cost one pass over the data; every evaluation after that is O(K^2).
#include <Eigen/Core>

#include "core/base/types.h"

namespace downhill::core {

class QuadraticForm {
public:
    QuadraticForm() = default;
    QuadraticForm(const Array2D& phi, const Array& c);

    // Only for small models (at most kMaxSmallParameters coefficients): the matrices live on
    // the stack, so the trainer's per-step training loss allocates nothing, and the products
    // keep the summation order (and so the exact bits) the small runs have always had.
    static bool fits(Eigen::Index coefficients) { return coefficients <= kMaxSmallParameters; }
    double mean(const Vec& u) const;
    bool empty() const { return n_ == 0; }
    using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, kMaxSmallParameters, kMaxSmallParameters>;
    const Matrix& a() const { return a_; }
    const SmallVec& b() const { return b_; }
    double s() const { return s_; }

private:
    Matrix a_;
    SmallVec b_;
    double s_ = 0;
    Eigen::Index n_ = 0;
};

}  // namespace downhill::core
