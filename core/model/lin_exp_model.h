#pragma once

#include "core/model/model.h"

namespace downhill::core {

// y = a + b x + exp(c x): the example model of the text Downhill is built on.
class LinExpModel final : public Model {
public:
    std::string_view name() const override { return "lin-exp"; }
    std::vector<std::string> parameterNames() const override { return {"a", "b", "c"}; }
    std::string formula() const override { return "y = a + b*x + exp(c*x)"; }
    Vec defaultInit() const override;
    void predict(const Eigen::Ref<const Array>& x, const Vec& w, Array& y) const override;
    void jacobian(const Eigen::Ref<const Array>& x, const Vec& w, Array2D& jac) const override;
    void jacobianRow(const Eigen::Ref<const Array>& x, const Vec& w, int p, Array& row) const override;
    std::vector<int> affineParameters() const override { return {0, 1}; }
};

}  // namespace downhill::core
