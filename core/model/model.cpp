#include "core/model/model.h"

#include <algorithm>
#include <cmath>

#include "core/base/error.h"

namespace downhill::core {

int Model::parameterIndex(std::string_view parameterName) const
{
    const auto names = parameterNames();
    const auto it = std::find(names.begin(), names.end(), parameterName);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

bool Model::isAffineIn(int p) const
{
    const auto affine = affineParameters();
    return std::find(affine.begin(), affine.end(), p) != affine.end();
}

std::shared_ptr<const Model> makeModel(std::string_view name)
{
    if (name == "linear")
        return std::make_shared<LinearModel>();
    if (name == "lin-exp")
        return std::make_shared<LinExpModel>();
    if (name == "fold")
        return std::make_shared<FoldModel>();
    throw InputError("unknown model '" + std::string(name) + "' (choose linear, lin-exp or fold)");
}

std::vector<std::string> modelNames() { return {"linear", "lin-exp", "fold"}; }

void Model::jacobianRow(const Eigen::Ref<const Array>& x, const Vec& w, int p, Array& row) const
{
    Array2D jac;
    jacobian(x, w, jac);
    row = jac.row(p).transpose();
}

// --- linear -------------------------------------------------------------------------------

Vec LinearModel::defaultInit() const { return Vec{{-1.0, 7.0}}; }

void LinearModel::predict(const Eigen::Ref<const Array>& x, const Vec& w, Array& y) const
{
    y = w[0] * x + w[1];
}

void LinearModel::jacobian(const Eigen::Ref<const Array>& x, const Vec&, Array2D& jac) const
{
    jac.resize(2, x.size());
    jac.row(0) = x.transpose();
    jac.row(1).setOnes();
}

void LinearModel::jacobianRow(const Eigen::Ref<const Array>& x, const Vec&, int p, Array& row) const
{
    if (p == 0)
        row = x;
    else
        row.setOnes(x.size());
}

// --- lin-exp ------------------------------------------------------------------------------

Vec LinExpModel::defaultInit() const { return Vec{{0.0, 0.0, 0.5}}; }

void LinExpModel::predict(const Eigen::Ref<const Array>& x, const Vec& w, Array& y) const
{
    y = w[0] + w[1] * x + (w[2] * x).exp();
}

void LinExpModel::jacobian(const Eigen::Ref<const Array>& x, const Vec& w, Array2D& jac) const
{
    jac.resize(3, x.size());
    jac.row(0).setOnes();
    jac.row(1) = x.transpose();
    jac.row(2) = (x * (w[2] * x).exp()).transpose();
}

void LinExpModel::jacobianRow(const Eigen::Ref<const Array>& x, const Vec& w, int p, Array& row) const
{
    switch (p) {
    case 0: row.setOnes(x.size()); break;
    case 1: row = x; break;
    default: row = x * (w[2] * x).exp(); break;
    }
}

// --- fold ---------------------------------------------------------------------------------

Vec FoldModel::defaultInit() const { return Vec{{-0.3, 6.0}}; }

void FoldModel::predict(const Eigen::Ref<const Array>& x, const Vec& w, Array& y) const
{
    const double a = w[0];
    y = (a * a * a - 3.0 * a) * x + w[1];
}

void FoldModel::jacobian(const Eigen::Ref<const Array>& x, const Vec& w, Array2D& jac) const
{
    const double a = w[0];
    jac.resize(2, x.size());
    jac.row(0) = ((3.0 * a * a - 3.0) * x).transpose();
    jac.row(1).setOnes();
}

}  // namespace downhill::core
