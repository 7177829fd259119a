#include "app/cli/objective_options.h"

#include "app/cli/checks.h"
#include "core/base/error.h"
#include "core/model/loss.h"
#include "app/cli/number_format.h"

namespace downhill::cli {

std::vector<FlagSpec> ObjectiveOptions::flags(const std::string& pointFlag, const std::string& pointHelp)
{
    std::string models;
    for (const auto& name : core::objectiveNames())
        models += (models.empty() ? "" : " | ") + name;
    std::string losses;
    for (const auto& name : core::lossNames())
        losses += (losses.empty() ? "" : " | ") + name;
    const core::LossSettings loss;
    return {
        {"model", "M", "linear", models + "; the last five are analytic functions of (x, y) that ignore the data"},
        {"loss", "L", std::string(core::lossName(loss.kind)), losses},
        {"huber-delta", "D", formatNumber(loss.delta), "the huber loss's threshold (with --loss huber)"},
        {pointFlag, "V1,V2[,V3]", "the model's starting point", pointHelp},
    };
}

ObjectiveOptions::ObjectiveOptions(const CommandLine& cl, const std::string& pointFlag, const RunConfig& base)
{
    core::LossSettings loss = base.loss;
    if (const auto name = cl.text("loss")) {
        try {
            loss.kind = core::lossKindFromName(*name);
        } catch (const core::InputError& e) {
            failFlag("loss", e.what());
        }
    }
    if (const auto delta = cl.number("huber-delta")) {
        if (loss.kind != core::LossKind::Huber)
            failFlag("huber-delta", "applies to --loss huber only");
        requirePositive("huber-delta", *delta);
        loss.delta = *delta;
    }
    const std::string modelName = cl.text("model", base.model);
    try {
        objective_ = core::makeObjective(modelName, loss);
    } catch (const core::InputError& e) {
        failFlag("model", e.what());
    }

    const int p = objective_->parameterCount();
    point_ = objective_->defaultInit();
    if (modelName == base.model && static_cast<int>(base.start.size()) == p) {
        for (int i = 0; i < p; ++i)
            point_[i] = base.start[static_cast<std::size_t>(i)];
    }
    if (const auto values = cl.numbers(pointFlag)) {
        if (static_cast<int>(values->size()) != p) {
            failFlag(pointFlag, objective_->name() + " has " + std::to_string(p) + " parameters (" + parameterList()
                    + "), got " + std::to_string(values->size()) + " values");
        }
        for (int i = 0; i < p; ++i)
            point_[i] = (*values)[static_cast<std::size_t>(i)];
    }
}

std::string ObjectiveOptions::parameterList() const
{
    std::string list;
    for (const auto& name : objective_->parameterNames())
        list += (list.empty() ? "" : ", ") + name;
    return list;
}

int ObjectiveOptions::parameterIndex(const std::string& flag, const std::string& name) const
{
    const int index = objective_->parameterIndex(name);
    if (index < 0)
        failFlag(flag, "unknown parameter '" + name + "' for " + objective_->name() + " (choose " + parameterList() + ")");
    return index;
}

}  // namespace downhill::cli
