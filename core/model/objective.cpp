#include "core/model/objective.h"

#include <algorithm>
#include <cmath>

#include "core/model/analytic_objective.h"
#include "core/model/data_objective.h"
#include "core/model/mlp_objective.h"
#include "core/base/error.h"

namespace downhill::core {

int Objective::parameterIndex(const std::string& parameterName) const
{
    const auto names = parameterNames();
    const auto it = std::find(names.begin(), names.end(), parameterName);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

Vec numericGradient(const Objective& objective, const Vec& w, const Samples& samples, double h)
{
    Workspace ws;
    Vec g(w.size());
    Vec probe = w;
    for (Eigen::Index j = 0; j < w.size(); ++j) {
        probe[j] = w[j] + h;
        const double up = objective.evaluate(probe, samples, ws);
        probe[j] = w[j] - h;
        const double down = objective.evaluate(probe, samples, ws);
        probe[j] = w[j];
        g[j] = (up - down) / (2.0 * h);
    }
    return g;
}

GradientCheck checkGradient(const Objective& objective, const Vec& w, const Samples& samples, double h)
{
    if (!(std::isfinite(h) && h > 0.0))
        throw InputError("gradient check step h must be a positive number, got " + std::to_string(h));
    GradientCheck check;
    Workspace ws;
    objective.evaluateWithGradient(w, samples, check.analytic, ws);
    check.numeric = numericGradient(objective, w, samples, h);
    check.absError = (check.analytic - check.numeric).cwiseAbs();
    check.maxAbsError = check.absError.size() ? check.absError.maxCoeff() : 0.0;
    for (Eigen::Index j = 0; j < w.size(); ++j) {
        const double scale = std::max({std::abs(check.analytic[j]), std::abs(check.numeric[j]), 1e-12});
        check.maxRelError = std::max(check.maxRelError, check.absError[j] / scale);
    }
    return check;
}

std::shared_ptr<const Objective> makeObjective(const std::string& modelOrFunction, const LossSettings& loss,
    int inputSize)
{
    AnalyticKind kind{};
    if (AnalyticObjective::fromName(modelOrFunction, kind))
        return std::make_shared<AnalyticObjective>(kind);
    if (MlpSpec::looksLikeMlp(modelOrFunction))
        return std::make_shared<MlpObjective>(MlpSpec::parse(modelOrFunction), inputSize, Loss(loss));
    const auto models = modelNames();
    if (std::find(models.begin(), models.end(), modelOrFunction) == models.end()) {
        std::string list;
        for (const auto& n : objectiveNames())
            list += (list.empty() ? "" : ", ") + n;
        throw InputError("unknown model '" + modelOrFunction + "' (choose " + list
            + ", or a network mlp:H1[,H2][:tanh|relu|sigmoid])");
    }
    return std::make_shared<DataObjective>(makeModel(modelOrFunction), Loss(loss));
}

std::vector<std::string> objectiveNames()
{
    auto names = modelNames();
    for (auto& n : AnalyticObjective::names())
        names.push_back(n);
    return names;
}

}  // namespace downhill::core
