#include "app/cli/landscape_command.h"

#include <cstdio>
#include <string>

#include "core/model/analytic_objective.h"
#include "app/cli/csv_writer.h"
#include "app/cli/data_options.h"
#include "app/cli/interrupt_guard.h"
#include "core/landscape/landscape.h"
#include "app/cli/number_format.h"
#include "app/cli/objective_options.h"
#include "core/train/trainer.h"
#include "app/cli/plane_choice.h"
#include "app/cli/plane_options.h"

namespace downhill::cli {

namespace {

constexpr int kDefaultGrid = 101;

// The plane: axes, range and resolution (PlaneOptions), held values (--init, --set); or a
// plane through every parameter (PlaneChoice) through that point, alpha and beta in -1..1
// unless --range says otherwise.
core::LandscapeRequest landscapeRequest(const CommandLine& cl, const ObjectiveOptions& model, PlaneChoice& choice)
{
    const auto& objective = *model.objective();
    const PlaneOptions plane(cl, model, kDefaultGrid);
    core::Vec origin = model.point();
    for (const auto& assignment : cl.texts("set")) {
        const auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0)
            failFlag("set", "expected P=V, got '" + assignment + "'");
        const std::string name = assignment.substr(0, eq);
        const int index = model.parameterIndex("set", name);
        if (!choice.any() && (index == plane.axis1() || index == plane.axis2()))
            failFlag("set", name + " is on an axis; --set holds the other parameters");
        origin[index] = CommandLine::parseNumber("set", assignment.substr(eq + 1));
    }
    if (choice.any()) {
        core::LandscapeRequest request = plane.request(origin, plane.range().value_or(std::array<double, 4>{-1, 1, -1, 1}));
        auto made = std::make_shared<core::Plane>(choice.make(origin, nullptr));
        choice.writeDirections(*made);
        request.plane = std::move(made);
        return request;
    }

    if (plane.range())
        return plane.request(origin, *plane.range());
    if (const auto* analytic = dynamic_cast<const core::AnalyticObjective*>(&objective))
        return plane.request(origin, analytic->defaultRange());
    failFlag("range", "required for a data model, e.g. --range -2:4,-5:15");
}

}  // namespace

LandscapeCommand::LandscapeCommand()
{
    spec_.name = "landscape";
    spec_.summary = "the loss over a grid of two parameters, as CSV";
    spec_.usage = "--axes P1,P2 --range A:B,C:D --out FILE.csv [--data PATH] [--model M] [--grid N] [--set P=V]...\n"
                  "          --plane random[:SEED] | --directions FILE.csv [--range A:B,C:D] --out FILE.csv [...]";
    spec_.description =
        "Evaluates the loss at every point of an N x N grid spanned by two parameters, the others held fixed,\n"
        "and writes rows P1,P2,loss with P1 varying fastest. The range of P1 is A..B and of P2 C..D, ends\n"
        "included. With --plane or --directions the grid is over a plane through all the parameters instead,\n"
        "origin + alpha d1 + beta d2 through the point of --init, --params-in or --set, and the rows are\n"
        "alpha,beta,loss (alpha and beta in -1..1 unless --range is given).";
    auto model = ObjectiveOptions::flags("init", "where the held parameters sit, in the model's order");
    model.push_back({"set", "P=V", "", "hold parameter P at V (repeatable; overrides --init)", true});
    spec_.groups = {
        {"Data", DataOptions::flags("seeds the built-in data and the split")},
        {"Model", model},
        {"Grid",
            {
                PlaneOptions::axesFlag("the model's first two parameters"),
                PlaneOptions::rangeFlag("required; analytic functions: their usual view"),
                PlaneOptions::gridFlag(kDefaultGrid),
                {"on", "SET", "train", "train | val: the samples the loss is averaged over"},
            }},
        {"Plane through every parameter", PlaneChoice::flags(false)},
        {"Output", {{"out", "FILE.csv", "required", "where the grid goes"}}},
    };
}

int LandscapeCommand::run(const CommandLine& cl)
{
    const ObjectiveOptions model(cl, "init");
    const DataOptions dataOptions(cl);
    const auto& objective = *model.objective();

    PlaneChoice choice(cl, objective, false);
    const core::LandscapeRequest request = landscapeRequest(cl, model, choice);
    const auto names = objective.parameterNames();
    const std::string name1 = request.plane ? "alpha" : names[static_cast<std::size_t>(request.axis1)];
    const std::string name2 = request.plane ? "beta" : names[static_cast<std::size_t>(request.axis2)];
    const std::string on = cl.text("on", "train");
    if (on != "train" && on != "val")
        failFlag("on", "expected train or val, got '" + on + "'");
    const auto outPath = cl.text("out");
    if (!outPath)
        failFlag("out", "required: the file to write the grid to");

    core::Samples samples;
    if (objective.usesData()) {
        const core::Dataset dataset = dataOptions.load();
        const core::Split split = dataOptions.split(dataset);
        const core::TrainData data = core::TrainData::fromDataset(dataset, split, objective.inputSize());
        samples = on == "train" ? data.train : data.val;
        if (samples.size() == 0)
            failFlag("on", "the " + std::string(on == "train" ? "training" : "validation") + " set is empty"
                    + (on == "val" ? " (raise --val-fraction)" : ""));
    }

    CsvWriter csv(*outPath, "--out");
    const InterruptGuard interrupt;
    const auto result = core::computeLandscape(objective, samples, request, core::LandscapeMethod::Auto, interrupt.flag());
    if (!result) {
        std::fputs("downhill-cli landscape: interrupted; no file written\n", stderr);
        return kExitInterrupted;
    }
    const core::LandscapeGrid& g = *result;
    csv.field(std::string_view(name1));
    csv.field(std::string_view(name2));
    csv.field(std::string_view("loss"));
    csv.endRow();
    for (int j = 0; j < request.resolution; ++j) {
        const double v2 = request.value2(j);
        for (int i = 0; i < request.resolution; ++i) {
            csv.field(request.value1(i));
            csv.field(v2);
            csv.field(g.loss(i, j));
            csv.endRow();
        }
    }
    csv.commit();
    const std::string over = request.plane ? " on " + choice.describe() + "," : "";
    std::printf("landscape: %s%s over %s in [%s, %s] x %s in [%s, %s], %d x %d points\n", objective.name().c_str(),
        over.c_str(), name1.c_str(), formatNumber(request.min1).c_str(), formatNumber(request.max1).c_str(), name2.c_str(),
        formatNumber(request.min2).c_str(), formatNumber(request.max2).c_str(), request.resolution, request.resolution);
    std::printf("minimum: %s at %s=%s, %s=%s\n", formatNumber(g.minLoss).c_str(), name1.c_str(),
        formatNumber(request.value1(g.argmin1)).c_str(), name2.c_str(), formatNumber(request.value2(g.argmin2)).c_str());
    std::printf("written: %s\n", csv.path().c_str());
    return kExitOk;
}

}  // namespace downhill::cli
