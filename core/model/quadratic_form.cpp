#include "core/model/quadratic_form.h"

#include <algorithm>

#include "core/base/error.h"

namespace downhill::core {

QuadraticForm::QuadraticForm(const Array2D& phi, const Array& c)
    : a_(phi.matrix() * phi.matrix().transpose()),
      b_(phi.matrix() * c.matrix()),
      s_(c.square().sum()),
      n_(c.size())
{
    if (!fits(phi.rows()))
        throw InputError("internal: the quadratic-form shortcut is for small models only");
}

double QuadraticForm::mean(const Vec& u) const
{
    if (n_ == 0)
        return 0.0;
    // A copy on the stack, so that the products are the small fixed-capacity ones.
    const SmallVec v = u;
    // Clamp at 0: rounding can push a perfect fit a hair below.
    const double total = v.dot(a_ * v) + 2.0 * b_.dot(v) + s_;
    return std::max(total, 0.0) / static_cast<double>(n_);
}

}  // namespace downhill::core
