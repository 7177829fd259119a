#pragma once

#include "core/model/model.h"

namespace downhill::core {

// y = (a^3 - 3a) x + b: a line whose slope s(a) = a^3 - 3a folds back on itself. s has a local
// maximum s(-1) = 2 and a local minimum s(1) = -2. When the least-squares slope s* of the data
// is above 2 (as on the built-in set) the landscape has
//   - the global minimum at a = the real root of a^3 - 3a = s*, b = the least-squares intercept;
//   - a second, worse, local minimum at a = -1 (the slope gets as close to s* as it can there),
//     b = mean(t) - 2 mean(x);
//   - a saddle point between them at a = +1, b = mean(t) + 2 mean(x).
// Gradient descent from a < 1 ends in the local minimum, from a > 1 in the global one.
class FoldModel final : public Model {
public:
    std::string_view name() const override { return "fold"; }
    std::vector<std::string> parameterNames() const override { return {"a", "b"}; }
    std::string formula() const override { return "y = (a^3 - 3*a)*x + b"; }
    Vec defaultInit() const override;
    void predict(const Eigen::Ref<const Array>& x, const Vec& w, Array& y) const override;
    void jacobian(const Eigen::Ref<const Array>& x, const Vec& w, Array2D& jac) const override;
    std::vector<int> affineParameters() const override { return {1}; }
};

}  // namespace downhill::core
