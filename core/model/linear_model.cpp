#include "core/model/linear_model.h"

namespace downhill::core {

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

}  // namespace downhill::core
