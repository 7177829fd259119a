#include "core/model/objective.h"

#include <algorithm>
#include <cmath>
#include <limits>

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
    std::vector<Eigen::Index> all(static_cast<std::size_t>(w.size()));
    for (Eigen::Index j = 0; j < w.size(); ++j)
        all[static_cast<std::size_t>(j)] = j;
    return checkGradient(objective, w, samples, h, all);
}

GradientCheck checkGradient(const Objective& objective, const Vec& w, const Samples& samples, double h,
    const std::vector<Eigen::Index>& which)
{
    if (!(std::isfinite(h) && h > 0.0))
        throw InputError("gradient check step h must be a positive number, got " + std::to_string(h));
    for (const Eigen::Index j : which)
        if (j < 0 || j >= w.size())
            throw InputError("gradient check: no parameter " + std::to_string(j) + " (the model has "
                + std::to_string(w.size()) + ")");
    GradientCheck check;
    check.checked = which;
    Workspace ws;
    objective.evaluateWithGradient(w, samples, check.analytic, ws);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    check.numeric = Vec::Constant(w.size(), nan);
    check.absError = Vec::Constant(w.size(), nan);
    Vec probe = w;
    for (const Eigen::Index j : which) {
        // The same central difference as numericGradient(), one parameter at a time.
        probe[j] = w[j] + h;
        const double up = objective.evaluate(probe, samples, ws);
        probe[j] = w[j] - h;
        const double down = objective.evaluate(probe, samples, ws);
        probe[j] = w[j];
        check.numeric[j] = (up - down) / (2.0 * h);
        check.absError[j] = std::abs(check.analytic[j] - check.numeric[j]);
        check.maxAbsError = std::max(check.maxAbsError, check.absError[j]);
        const double scale = std::max({std::abs(check.analytic[j]), std::abs(check.numeric[j]), 1e-12});
        check.maxRelError = std::max(check.maxRelError, check.absError[j] / scale);
    }
    return check;
}

std::vector<Eigen::Index> largestGradients(const Vec& gradient, int k)
{
    std::vector<Eigen::Index> order(static_cast<std::size_t>(gradient.size()));
    for (Eigen::Index j = 0; j < gradient.size(); ++j)
        order[static_cast<std::size_t>(j)] = j;
    const auto n = std::min<std::size_t>(order.size(), static_cast<std::size_t>(std::max(k, 0)));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
        [&](Eigen::Index a, Eigen::Index b) {
            const double ga = std::abs(gradient[a]), gb = std::abs(gradient[b]);
            return ga != gb ? ga > gb : a < b;
        });
    order.resize(n);
    return order;
}

namespace {

// The one place a name is refused: every valid name is listed.
void refuseUnlessDataModel(const std::string& name)
{
    const auto models = modelNames();
    if (std::find(models.begin(), models.end(), name) != models.end())
        return;
    std::string list;
    for (const auto& n : objectiveNames())
        list += (list.empty() ? "" : ", ") + n;
    throw InputError("unknown model '" + name + "' (choose " + list + ", or a network mlp:H1[,H2][:tanh|relu|sigmoid])");
}

}  // namespace

std::shared_ptr<const Objective> makeObjective(const std::string& modelOrFunction, const LossSettings& loss,
    int inputSize)
{
    AnalyticKind kind{};
    if (AnalyticObjective::fromName(modelOrFunction, kind))
        return std::make_shared<AnalyticObjective>(kind);
    if (MlpSpec::looksLikeMlp(modelOrFunction))
        return std::make_shared<MlpObjective>(MlpSpec::parse(modelOrFunction), inputSize, Loss(loss));
    refuseUnlessDataModel(modelOrFunction);
    return std::make_shared<DataObjective>(makeModel(modelOrFunction), Loss(loss));
}

void checkObjective(const std::string& modelOrFunction, int inputSize)
{
    AnalyticKind kind{};
    if (AnalyticObjective::fromName(modelOrFunction, kind))
        return;
    if (MlpSpec::looksLikeMlp(modelOrFunction))
        return MlpObjective::checkShape(MlpSpec::parse(modelOrFunction), inputSize);
    refuseUnlessDataModel(modelOrFunction);
}

std::vector<std::string> objectiveNames()
{
    auto names = modelNames();
    for (auto& n : AnalyticObjective::names())
        names.push_back(n);
    return names;
}

}  // namespace downhill::core
