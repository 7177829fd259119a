#pragma once
#include <memory>

#include "core/model/loss.h"
#include "core/model/model.h"
#include "core/model/objective.h"

namespace downhill::core {

// A model and a loss on data: L(w) = mean_i loss(f(x_i; w) - t_i). The gradient comes from the
// chain rule: dL/dw_j = mean_i loss'(r_i) * dy_i/dw_j.
class DataObjective final : public Objective {
public:
    DataObjective(std::shared_ptr<const Model> model, Loss loss);

    std::string name() const override;
    std::vector<std::string> parameterNames() const override { return model_->parameterNames(); }
    Vec defaultInit() const override { return model_->defaultInit(); }
    bool usesData() const override { return true; }

    double evaluate(const Vec& w, const Samples& samples, Workspace& ws) const override;
    double evaluateWithGradient(const Vec& w, const Samples& samples, Vec& grad, Workspace& ws) const override;

    const Model& model() const { return *model_; }
    const std::shared_ptr<const Model>& modelPtr() const { return model_; }
    const Loss& loss() const { return loss_; }

private:
    std::shared_ptr<const Model> model_;
    Loss loss_;
};

}  // namespace downhill::core
