#include "core/model/fold_model.h"

namespace downhill::core {

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
