#include "app/cli/gradcheck_command.h"

#include <cstdio>
#include <string>

#include "app/cli/checks.h"
#include "app/cli/data_options.h"
#include "app/cli/number_format.h"
#include "app/cli/objective_options.h"
#include "core/train/trainer.h"

namespace downhill::cli {

namespace {
constexpr double kDefaultStep = 1e-5;
}

GradcheckCommand::GradcheckCommand()
{
    spec_.name = "gradcheck";
    spec_.summary = "compare the analytic gradient with central differences";
    spec_.usage = "[--data PATH] [--model M] [--loss L] [--at V1,V2[,V3]] [--h H]";
    spec_.description =
        "Computes the gradient of the training-set loss at one point twice: by the chain rule (what training\n"
        "uses) and numerically, (L(w + h e_j) - L(w - h e_j)) / 2h, one parameter at a time. Prints both, their\n"
        "difference and the largest relative error |a - n| / max(|a|, |n|).";
    auto model = ObjectiveOptions::flags("at", "the point to check, in the model's order");
    model.push_back({"h", "H", formatNumber(kDefaultStep), "the finite-difference step, > 0"});
    spec_.groups = {
        {"Data", DataOptions::flags("seeds the built-in data and the split")},
        {"Model", model},
    };
}

int GradcheckCommand::run(const CommandLine& cl)
{
    const ObjectiveOptions model(cl, "at");
    const DataOptions dataOptions(cl);
    const double h = cl.number("h", kDefaultStep);
    requirePositive("h", h);
    const auto& objective = *model.objective();

    core::Samples samples;
    if (objective.usesData()) {
        const core::Dataset dataset = dataOptions.load();
        samples = core::TrainData::fromDataset(dataset, dataOptions.split(dataset), objective.inputSize()).train;
    }
    const core::Vec& w = model.point();
    const core::GradientCheck check = core::checkGradient(objective, w, samples, h);

    std::string out = "gradient of " + objective.name() + " at";
    const auto names = objective.parameterNames();
    for (Eigen::Index i = 0; i < w.size(); ++i)
        out += " " + names[static_cast<std::size_t>(i)] + "=" + formatNumber(w[i]);
    if (objective.usesData())
        out += " on " + std::to_string(samples.size()) + " training samples";
    out += ", h = " + formatNumber(h) + "\n";
    std::fputs(out.c_str(), stdout);
    std::printf("%-10s %24s %24s %24s\n", "parameter", "analytic", "numeric", "abs error");
    for (Eigen::Index i = 0; i < w.size(); ++i) {
        std::printf("%-10s %24s %24s %24s\n", names[static_cast<std::size_t>(i)].c_str(),
            formatNumber(check.analytic[i]).c_str(), formatNumber(check.numeric[i]).c_str(),
            formatNumber(check.absError[i]).c_str());
    }
    std::printf("max relative error: %s\n", formatNumber(check.maxRelError).c_str());
    return kExitOk;
}

}  // namespace downhill::cli
