#include "landscape_command.h"

#include <cstdio>
#include <string>
#include <tuple>

#include "analytic_objective.h"
#include "checks.h"
#include "csv_writer.h"
#include "data_options.h"
#include "error.h"
#include "interrupt_guard.h"
#include "landscape.h"
#include "number_format.h"
#include "objective_options.h"


namespace downhill::cli {

namespace {

constexpr int kDefaultGrid = 101;

std::pair<std::string, std::string> splitAt(const std::string& text, char separator)
{
    const auto pos = text.find(separator);
    if (pos == std::string::npos)
        return {text, ""};
    return {text.substr(0, pos), text.substr(pos + 1)};
}

// "A:B" -> {A, B} with A < B.
std::pair<double, double> parseInterval(const std::string& text, const std::string& whole)
{
    const auto colon = text.find(':');
    if (colon == std::string::npos || text.find(':', colon + 1) != std::string::npos)
        failFlag("range", "expected A:B,C:D, got '" + whole + "'");
    const double lo = CommandLine::parseNumber("range", text.substr(0, colon));
    const double hi = CommandLine::parseNumber("range", text.substr(colon + 1));
    if (!(lo < hi))
        failFlag("range", "each interval must have A < B, got '" + text + "'");
    return {lo, hi};
}

// The plane: axes (--axes), held values (--init, --set), ranges (--range) and resolution (--grid).
core::LandscapeRequest landscapeRequest(const CommandLine& cl, const ObjectiveOptions& model)
{
    const auto& objective = *model.objective();
    core::LandscapeRequest request;
    request.origin = model.point();
    for (const auto& assignment : cl.texts("set")) {
        const auto [name, valueText] = splitAt(assignment, '=');
        if (assignment.find('=') == std::string::npos || name.empty())
            failFlag("set", "expected P=V, got '" + assignment + "'");
        const int index = model.parameterIndex("set", name);
        request.origin[index] = CommandLine::parseNumber("set", valueText);
    }

    const auto names = objective.parameterNames();
    if (const auto axes = cl.text("axes")) {
        const auto [first, second] = splitAt(*axes, ',');
        if (axes->find(',') == std::string::npos || second.find(',') != std::string::npos)
            failFlag("axes", "expected two parameter names P1,P2, got '" + *axes + "'");
        request.axis1 = model.parameterIndex("axes", first);
        request.axis2 = model.parameterIndex("axes", second);
        if (request.axis1 == request.axis2)
            failFlag("axes", "the two axes must be different parameters, got '" + *axes + "'");
    } else {
        request.axis1 = 0;
        request.axis2 = 1;
    }
    for (const auto& assignment : cl.texts("set")) {
        const std::string name = splitAt(assignment, '=').first;
        if (name == names[static_cast<std::size_t>(request.axis1)] || name == names[static_cast<std::size_t>(request.axis2)])
            failFlag("set", name + " is on an axis; --set holds the other parameters");
    }

    if (const auto range = cl.text("range")) {
        const auto [first, second] = splitAt(*range, ',');
        if (range->find(',') == std::string::npos || second.find(',') != std::string::npos)
            failFlag("range", "expected A:B,C:D, got '" + *range + "'");
        std::tie(request.min1, request.max1) = parseInterval(first, *range);
        std::tie(request.min2, request.max2) = parseInterval(second, *range);
    } else if (const auto* analytic = dynamic_cast<const core::AnalyticObjective*>(&objective)) {
        const auto view = analytic->defaultRange();
        request.min1 = view[0];
        request.max1 = view[1];
        request.min2 = view[2];
        request.max2 = view[3];
    } else {
        failFlag("range", "required for a data model, e.g. --range -2:4,-5:15");
    }

    const std::int64_t grid = cl.integer("grid", kDefaultGrid);
    requireBetween("grid", grid, 2, core::kMaxGridResolution);
    request.resolution = static_cast<int>(grid);
    return request;
}

}  // namespace

LandscapeCommand::LandscapeCommand()
{
    spec_.name = "landscape";
    spec_.summary = "the loss over a grid of two parameters, as CSV";
    spec_.usage = "--axes P1,P2 --range A:B,C:D --out FILE.csv [--data PATH] [--model M] [--grid N] [--set P=V]...";
    spec_.description =
        "Evaluates the loss at every point of an N x N grid spanned by two parameters, the others held fixed,\n"
        "and writes rows P1,P2,loss with P1 varying fastest. The range of P1 is A..B and of P2 C..D, ends\n"
        "included.";
    auto model = ObjectiveOptions::flags("init", "where the held parameters sit, in the model's order");
    model.push_back({"set", "P=V", "", "hold parameter P at V (repeatable; overrides --init)", true});
    spec_.groups = {
        {"Data", DataOptions::flags("seeds the built-in data and the split")},
        {"Model", model},
        {"Grid",
            {
                {"axes", "P1,P2", "the model's first two parameters", "the parameters on the horizontal and vertical axes"},
                {"range", "A:B,C:D", "required; analytic functions: their usual view", "P1 from A to B, P2 from C to D"},
                {"grid", "N", std::to_string(kDefaultGrid),
                    "points per axis, from 2 to " + std::to_string(core::kMaxGridResolution)},
                {"on", "SET", "train", "train | val: the samples the loss is averaged over"},
            }},
        {"Output", {{"out", "FILE.csv", "required", "where the grid goes"}}},
    };
}

int LandscapeCommand::run(const CommandLine& cl)
{
    const ObjectiveOptions model(cl, "init");
    const DataOptions dataOptions(cl);
    const auto& objective = *model.objective();

    const core::LandscapeRequest request = landscapeRequest(cl, model);
    const auto names = objective.parameterNames();
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
        samples = dataset.samples.gather(on == "train" ? split.train : split.val);
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
    csv.field(names[static_cast<std::size_t>(request.axis1)]);
    csv.field(names[static_cast<std::size_t>(request.axis2)]);
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
    std::printf("landscape: %s over %s in [%s, %s] x %s in [%s, %s], %d x %d points\n", objective.name().c_str(),
        names[static_cast<std::size_t>(request.axis1)].c_str(), formatNumber(request.min1).c_str(),
        formatNumber(request.max1).c_str(), names[static_cast<std::size_t>(request.axis2)].c_str(),
        formatNumber(request.min2).c_str(), formatNumber(request.max2).c_str(), request.resolution, request.resolution);
    std::printf("minimum: %s at %s=%s, %s=%s\n", formatNumber(g.minLoss).c_str(),
        names[static_cast<std::size_t>(request.axis1)].c_str(), formatNumber(request.value1(g.argmin1)).c_str(),
        names[static_cast<std::size_t>(request.axis2)].c_str(), formatNumber(request.value2(g.argmin2)).c_str());
    std::printf("written: %s\n", csv.path().c_str());
    return kExitOk;
}

}  // namespace downhill::cli
