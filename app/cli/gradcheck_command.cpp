#include "app/cli/gradcheck_command.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli/checks.h"
#include "app/cli/data_options.h"
#include "app/cli/number_format.h"
#include "app/cli/objective_options.h"
#include "core/train/trainer.h"

namespace downhill::cli {

namespace {
constexpr double kDefaultStep = 1e-5;
constexpr int kDefaultLargest = 10;   // for a model with more than core::kMaxSmallParameters
}

GradcheckCommand::GradcheckCommand()
{
    spec_.name = "gradcheck";
    spec_.summary = "compare the analytic gradient with central differences";
    spec_.usage = "[--data PATH] [--model M] [--loss L] [--at V1,V2[,V3] | --params-in FILE.csv] [--h H]\n"
                  "          [--check P1,P2,... | --largest K]";
    spec_.description =
        "Computes the gradient of the training-set loss at one point twice: by the chain rule (what training\n"
        "uses) and numerically, (L(w + h e_j) - L(w - h e_j)) / 2h, one parameter at a time. Prints both, their\n"
        "difference and the largest relative error |a - n| / max(|a|, |n|). A network has thousands of\n"
        "parameters, two loss evaluations each: it checks the 10 with the largest gradient unless told which.";
    auto model = ObjectiveOptions::flags("at", "the point to check, in the model's order");
    model.push_back({"h", "H", formatNumber(kDefaultStep), "the finite-difference step, > 0"});
    model.push_back({"check", "P1,P2,...", "", "check these parameters only, by name"});
    model.push_back({"largest", "K", "every parameter; a network: 10",
        "check the K parameters with the largest |gradient| only"});
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
    const auto names = objective.parameterNames();
    if (cl.has("check") && cl.has("largest"))
        failFlag("largest", "contradicts --check: name the parameters or ask for the largest, not both");
    std::vector<Eigen::Index> which;
    std::string subset;
    if (const auto list = cl.text("check")) {
        std::size_t from = 0;
        for (;;) {
            const auto comma = list->find(',', from);
            const std::string name = list->substr(from, comma == std::string::npos ? std::string::npos : comma - from);
            which.push_back(model.parameterIndex("check", name));
            if (comma == std::string::npos)
                break;
            from = comma + 1;
        }
        subset = ", " + std::to_string(which.size()) + " of " + std::to_string(w.size()) + " parameters checked";
    } else if (cl.has("largest") || w.size() > core::kMaxSmallParameters) {
        const std::int64_t k = cl.integer("largest", kDefaultLargest);
        requireBetween("largest", k, 1, w.size());
        core::Workspace ws;
        core::Vec gradient;
        objective.evaluateWithGradient(w, samples, gradient, ws);
        which = core::largestGradients(gradient, static_cast<int>(k));
        subset = ", the " + std::to_string(which.size()) + " of " + std::to_string(w.size())
            + " parameters with the largest |gradient| checked";
    } else {
        for (Eigen::Index i = 0; i < w.size(); ++i)
            which.push_back(i);
    }
    const core::GradientCheck check = core::checkGradient(objective, w, samples, h, which);

    std::string out = "gradient of " + objective.name() + " at";
    if (w.size() > core::kMaxSmallParameters) {
        out += " " + std::string(cl.has("params-in") ? "the point of " + *cl.text("params-in") : "its start");
    } else {
        for (Eigen::Index i = 0; i < w.size(); ++i)
            out += " " + names[static_cast<std::size_t>(i)] + "=" + formatNumber(w[i]);
    }
    if (objective.usesData())
        out += " on " + std::to_string(samples.size()) + " training samples";
    out += ", h = " + formatNumber(h) + subset + "\n";
    std::fputs(out.c_str(), stdout);
    int width = 10;   // a network's names are longer: the columns stay aligned
    for (const Eigen::Index i : which)
        width = std::max(width, static_cast<int>(names[static_cast<std::size_t>(i)].size()));
    std::printf("%-*s %24s %24s %24s\n", width, "parameter", "analytic", "numeric", "abs error");
    for (const Eigen::Index i : which) {
        std::printf("%-*s %24s %24s %24s\n", width, names[static_cast<std::size_t>(i)].c_str(),
            formatNumber(check.analytic[i]).c_str(), formatNumber(check.numeric[i]).c_str(),
            formatNumber(check.absError[i]).c_str());
    }
    std::printf("max relative error: %s\n", formatNumber(check.maxRelError).c_str());
    return kExitOk;
}

}  // namespace downhill::cli
