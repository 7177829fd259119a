#include "app/cli/objective_options.h"

#include "app/cli/checks.h"
#include "core/base/error.h"
#include "core/model/loss.h"
#include "core/model/mlp_objective.h"
#include "app/cli/params_file.h"
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
        {"model", "M", "linear", models + "; the last five are analytic functions of (x, y) that ignore the data; "
            "or a network on the pixels, mlp:H1[,H2][:tanh|relu|sigmoid] (tanh when not given)"},
        {"loss", "L", std::string(core::lossName(loss.kind)), losses},
        {"huber-delta", "D", formatNumber(loss.delta), "the huber loss's threshold (with --loss huber)"},
        {pointFlag, "V1,V2[,V3]", "the model's starting point", pointHelp},
        {"params-in", "FILE.csv", "none", "the same point from a name,value file with a row per parameter (as train "
            "--params-out writes it); for a network, whose parameters are too many for --" + pointFlag},
        {"input-size", "N", std::to_string(core::kDefaultInputSize),
            "networks (mlp:...): the image shrunk to N x N pixels by block means; N divides the image side"},
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
    // A --config file's input size holds for any network the flags choose instead of its own.
    int inputSize = base.inputSize > 0 && core::MlpSpec::looksLikeMlp(modelName) ? base.inputSize : core::kDefaultInputSize;
    if (const auto n = cl.integer("input-size")) {
        requireBetween("input-size", *n, 1, 4096);
        if (!core::MlpSpec::looksLikeMlp(modelName))
            failFlag("input-size", "applies to the networks (--model mlp:...) only, not to " + modelName);
        inputSize = static_cast<int>(*n);
    }
    try {
        objective_ = core::makeObjective(modelName, loss, inputSize);
    } catch (const core::InputError& e) {
        failFlag("model", e.what());
    }

    const int p = objective_->parameterCount();
    point_ = objective_->defaultInit();
    // A network starts from nn.Linear's initialisation drawn with the run's seed (--seed, or the
    // --config file's run seed; 1 by default), as torch.manual_seed would choose it.
    if (const auto* mlp = dynamic_cast<const core::MlpObjective*>(objective_.get())) {
        const std::uint64_t seed = cl.has("seed") ? *cl.unsignedInteger("seed") : base.train.seed;
        point_ = mlp->initialParameters(seed);
    }
    if (modelName == base.model && static_cast<int>(base.start.size()) == p) {
        for (int i = 0; i < p; ++i)
            point_[i] = base.start[static_cast<std::size_t>(i)];
    }
    if (cl.has("params-in") && cl.has(pointFlag))
        failFlag("params-in", "give the point once: --" + pointFlag + " or --params-in, not both");
    if (const auto values = cl.numbers(pointFlag)) {
        if (static_cast<int>(values->size()) != p) {
            failFlag(pointFlag, objective_->name() + " has " + std::to_string(p) + " parameters (" + parameterList()
                    + "), got " + std::to_string(values->size()) + " values"
                    + (p > core::kMaxSmallParameters ? "; give them as a file with --params-in" : ""));
        }
        for (int i = 0; i < p; ++i)
            point_[i] = (*values)[static_cast<std::size_t>(i)];
    }
    if (const auto path = cl.text("params-in")) {
        point_ = ParamsFile::read(*path, "params-in", *objective_);
    }
}

std::string ObjectiveOptions::parameterList() const
{
    const auto names = objective_->parameterNames();
    // A network's names would fill a screen: the first few and the last say how they go.
    if (names.size() > static_cast<std::size_t>(core::kMaxSmallParameters))
        return names[0] + ", " + names[1] + ", " + names[2] + ", ..., " + names.back();
    std::string list;
    for (const auto& name : names)
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
