#pragma once

#include "core/model/model.h"

namespace downhill::core {

// y = w x + b
class LinearModel final : public Model {
public:
    std::string_view name() const override { return "linear"; }
    std::vector<std::string> parameterNames() const override { return {"w", "b"}; }
    std::string formula() const override { return "y = w*x + b"; }
    Vec defaultInit() const override;
    void predict(const Eigen::Ref<const Array>& x, const Vec& w, Array& y) const override;
    void jacobian(const Eigen::Ref<const Array>& x, const Vec& w, Array2D& jac) const override;
    void jacobianRow(const Eigen::Ref<const Array>& x, const Vec& w, int p, Array& row) const override;
    std::vector<int> affineParameters() const override { return {0, 1}; }
};

}  // namespace downhill::core
