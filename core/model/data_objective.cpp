#include "core/model/data_objective.h"

namespace downhill::core {

DataObjective::DataObjective(std::shared_ptr<const Model> model, Loss loss)
    : model_(std::move(model)), loss_(loss)
{
}

std::string DataObjective::name() const
{
    return std::string(model_->name()) + " + " + std::string(lossName(loss_.kind()));
}

double DataObjective::evaluate(const Vec& w, const Samples& samples, Workspace& ws) const
{
    if (samples.size() == 0)
        return 0.0;
    model_->predict(samples.x, w, ws.y);
    ws.r = ws.y - samples.t;
    return loss_.meanValue(ws.r);
}

double DataObjective::evaluateWithGradient(const Vec& w, const Samples& samples, Vec& grad, Workspace& ws) const
{
    const Eigen::Index n = samples.size();
    grad.setZero(w.size());
    if (n == 0)
        return 0.0;
    model_->predict(samples.x, w, ws.y);
    ws.r = ws.y - samples.t;
    loss_.derivatives(ws.r, ws.d);
    model_->jacobian(samples.x, w, ws.jac);
    // dL/dw = J * (dL/dy) / n, one dot product per parameter. Two statements: the product
    // divided in one expression would go through a temporary vector on the heap.
    grad.noalias() = ws.jac.matrix() * ws.d.matrix();
    grad /= static_cast<double>(n);
    return loss_.meanValue(ws.r);
}

}  // namespace downhill::core
