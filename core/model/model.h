#pragma once
// A model f(x; w) = y with one input feature x and a few parameters w, evaluated on many samples
// at once (samples as columns).
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
