#include "core/model/model.h"

#include <algorithm>
#include <cmath>

#include "core/base/error.h"
#include "core/model/fold_model.h"
#include "core/model/lin_exp_model.h"
#include "core/model/linear_model.h"

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

}  // namespace downhill::core
