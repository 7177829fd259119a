#include "core/model/lin_exp_model.h"

#include <cmath>

namespace downhill::core {

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

}  // namespace downhill::core
