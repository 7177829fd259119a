#include "core/model/quadratic_form.h"

#include <algorithm>

namespace downhill::core {

QuadraticForm::QuadraticForm(const Array2D& phi, const Array& c)
    : a_(phi.matrix() * phi.matrix().transpose()),
      b_(phi.matrix() * c.matrix()),
      s_(c.square().sum()),
      n_(c.size())
{
}

double QuadraticForm::mean(const Vec& u) const
{
    if (n_ == 0)
        return 0.0;
    // Clamp at 0: rounding can push a perfect fit a hair below.
    const double total = u.dot(a_ * u) + 2.0 * b_.dot(u) + s_;
    return std::max(total, 0.0) / static_cast<double>(n_);
}

}  // namespace downhill::core
