#pragma once
// A model f(x; w) = y with one input feature x and a few parameters w, evaluated on many samples
// at once (samples as columns). Each model is a class of its own (linear_model.h,
// lin_exp_model.h, fold_model.h); makeModel() knows them by name.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace downhill::core {

class Model {
public:
    virtual ~Model() = default;

    virtual std::string_view name() const = 0;
    virtual std::vector<std::string> parameterNames() const = 0;
    virtual std::string formula() const = 0;
    // A starting point that shows the landscape well on the built-in data set.
    virtual Vec defaultInit() const = 0;

    // y[i] = f(x[i]; w)
    virtual void predict(const Eigen::Ref<const Array>& x, const Vec& w, Array& y) const = 0;
    // jac(j, i) = dy[i] / dw[j]: the chain rule's inner factor.
    virtual void jacobian(const Eigen::Ref<const Array>& x, const Vec& w, Array2D& jac) const = 0;
    // One row of the Jacobian, dy[i]/dw[p]; models override it when a row is cheaper alone.
    virtual void jacobianRow(const Eigen::Ref<const Array>& x, const Vec& w, int p, Array& row) const;
    // Parameters in which y is jointly affine: y = sum_{p in A} w_p phi_p(x, w_rest) + psi(x, w_rest).
    // The landscape uses this for exact shortcuts; the default (none) is always correct.
    virtual std::vector<int> affineParameters() const { return {}; }

    int parameterCount() const { return static_cast<int>(parameterNames().size()); }
    // Index of a parameter by name, or -1.
    int parameterIndex(std::string_view parameterName) const;
    bool isAffineIn(int p) const;
};

// "linear", "lin-exp", "fold"; throws InputError listing the valid names.
std::shared_ptr<const Model> makeModel(std::string_view name);
std::vector<std::string> modelNames();

}  // namespace downhill::core
