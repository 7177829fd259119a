#include "train_command.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "checks.h"
#include "csv_writer.h"
#include "data_options.h"
#include "error.h"
#include "interrupt_guard.h"
#include "number_format.h"
#include "objective_options.h"
#include "optimizer.h"
#include "progress_reporter.h"
#include "schedule.h"
#include "trainer.h"
#include "training_run.h"
#include "trajectory_writer.h"

namespace downhill::cli {

namespace {

constexpr std::int64_t kDefaultEpochs = 20;
constexpr int kMaxInt = std::numeric_limits<int>::max();

using core::OptimizerKind;

// Flags that mean something to some optimizers only: giving one to another optimizer is
// almost always a mistake in a sweep script, so it is refused rather than ignored.
struct OptimizerFlag {
    const char* flag;
    std::vector<OptimizerKind> kinds;
};
const std::vector<OptimizerFlag>& optimizerFlags()
{
    static const std::vector<OptimizerFlag> table = {
        {"momentum", {OptimizerKind::Sgd, OptimizerKind::RmsProp}},
        {"dampening", {OptimizerKind::Sgd}},
        {"nesterov", {OptimizerKind::Sgd}},
        {"betas", {OptimizerKind::Adam}},
        {"alpha", {OptimizerKind::RmsProp}},
        {"centered", {OptimizerKind::RmsProp}},
        {"lr-decay", {OptimizerKind::Adagrad}},
        {"eps", {OptimizerKind::Adam, OptimizerKind::RmsProp, OptimizerKind::Adagrad}},
    };
    return table;
}

core::OptimizerSettings optimizerSettings(const CommandLine& cl)
{
    core::OptimizerSettings s;
    const std::string name = cl.text("optimizer", std::string(core::optimizerName(s.kind)));
    try {
        s.kind = core::optimizerKindFromName(name);
    } catch (const core::InputError& e) {
        failFlag("optimizer", e.what());
    }
    for (const auto& entry : optimizerFlags()) {
        if (!cl.has(entry.flag))
            continue;
        bool applies = false;
        std::string users;
        for (OptimizerKind kind : entry.kinds) {
            applies = applies || kind == s.kind;
            users += (users.empty() ? "" : " and ") + std::string(core::optimizerName(kind));
        }
        if (!applies)
            failFlag(entry.flag, "applies to " + users + " only, not to " + name);
    }

    s.lr = cl.number("lr", s.lr);
    requirePositive("lr", s.lr);
    s.momentum = cl.number("momentum", s.momentum);
    requireUnitInterval("momentum", s.momentum, false);
    s.dampening = cl.number("dampening", s.dampening);
    requireUnitInterval("dampening", s.dampening, true);
    s.nesterov = cl.has("nesterov");
    if (s.nesterov && !(s.momentum > 0.0 && s.dampening == 0.0))
        failFlag("nesterov", "needs --momentum above 0 and no --dampening");
    if (const auto betas = cl.numbers("betas")) {
        if (betas->size() != 2)
            failFlag("betas", "expected two numbers B1,B2, got " + std::to_string(betas->size()));
        s.beta1 = (*betas)[0];
        s.beta2 = (*betas)[1];
        requireUnitInterval("betas", s.beta1, false);
        requireUnitInterval("betas", s.beta2, false);
    }
    s.alpha = cl.number("alpha", s.alpha);
    requireUnitInterval("alpha", s.alpha, false);
    s.centered = cl.has("centered");
    s.lrDecay = cl.number("lr-decay", s.lrDecay);
    requireNonNegative("lr-decay", s.lrDecay);
    if (const auto eps = cl.number("eps")) {
        requirePositive("eps", *eps);
        s.eps = *eps;
    }
    s.validate();  // the checks above cover every field; this guards against new ones
    return s;
}

core::AugmentationSettings augmentation(const CommandLine& cl)
{
    core::AugmentationSettings a;
    const auto text = cl.text("augment");
    if (!text)
        return a;
    std::size_t start = 0;
    while (true) {
        const auto comma = text->find(',', start);
        const std::string part = text->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (part == "brightness")
            a.brightness = true;
        else if (part == "flip")
            a.flip = true;
        else if (part == "noise")
            a.noise = true;
        else
            failFlag("augment", "unknown augmentation '" + part + "' (choose any of brightness, flip, noise, comma-separated)");
        if (comma == std::string::npos)
            return a;
        start = comma + 1;
    }
}

std::string stopName(core::StopReason reason)
{
    switch (reason) {
    case core::StopReason::StepLimit: return "step limit";
    case core::StopReason::EpochLimit: return "epoch limit";
    case core::StopReason::Diverged: return "diverged";
    case core::StopReason::EarlyStopping: return "early stopping";
    case core::StopReason::Observer: return "observer";
    case core::StopReason::Cancelled: return "interrupted";
    }
    return "unknown";
}

std::string namedValues(const core::Objective& objective, const core::Vec& w)
{
    std::string out;
    const auto names = objective.parameterNames();
    for (Eigen::Index i = 0; i < w.size(); ++i)
        out += (i ? " " : "") + names[static_cast<std::size_t>(i)] + "=" + formatNumber(w[i]);
    return out;
}

// How the run goes: everything train reads from its flags besides the model and the data.
struct RunPlan {
    core::TrainSettings settings;
    bool fullBatch = false;       // --batch-size full: sized once the training set is known
    core::RunLimits limits;
    std::optional<int> patience;
    std::optional<std::string> out;
};

RunPlan runPlan(const CommandLine& cl)
{
    RunPlan plan;
    core::TrainSettings& settings = plan.settings;
    settings.optimizer = optimizerSettings(cl);
    try {
        settings.schedule = core::Schedule::parse(cl.text("schedule", "constant"));
    } catch (const core::InputError& e) {
        failFlag("schedule", e.what());
    }
    const std::string batchText = cl.text("batch-size", std::to_string(settings.batchSize));
    plan.fullBatch = batchText == "full";
    if (!plan.fullBatch) {
        const std::int64_t b = CommandLine::parseInteger("batch-size", batchText);
        requireBetween("batch-size", b, 1, kMaxInt);
        settings.batchSize = static_cast<int>(b);
    }
    if (cl.has("shuffle") && cl.has("no-shuffle"))
        failFlag("no-shuffle", "contradicts --shuffle");
    settings.shuffle = !cl.has("no-shuffle");
    settings.augmentation = augmentation(cl);

    if (const auto steps = cl.integer("steps")) {
        requireBetween("steps", *steps, 1, std::numeric_limits<std::int64_t>::max());
        plan.limits.maxSteps = *steps;
    }
    if (const auto epochs = cl.integer("epochs")) {
        requireBetween("epochs", *epochs, 1, std::numeric_limits<std::int64_t>::max());
        plan.limits.maxEpochs = *epochs;
    }
    if (plan.limits.maxSteps == 0 && plan.limits.maxEpochs == 0)
        plan.limits.maxEpochs = kDefaultEpochs;
    // Always with the training loss: a run diverges at the same step with and without --out.
    plan.limits.withTrainLoss = true;
    if (const auto patience = cl.integer("patience")) {
        requireBetween("patience", *patience, 1, kMaxInt);
        plan.patience = static_cast<int>(*patience);
    }
    plan.out = cl.text("out");
    return plan;
}

std::string summaryText(const core::Trainer& trainer, const core::RunResult& result, const core::EarlyStopping* early)
{
    const core::Objective& objective = trainer.objective();
    const core::TrainSettings& settings = trainer.settings();
    const core::TrainState& state = trainer.state();
    std::string s = "model: " + objective.name() + "\n";
    s += "optimizer: " + settings.optimizer.describe() + ", schedule " + settings.schedule.spec() + ", batch size "
        + std::to_string(trainer.batchSize()) + "\n";
    s += "steps: " + std::to_string(state.step) + "\n";
    s += "epochs: " + std::to_string(state.epoch);
    if (state.cursor > 0) {
        s += " complete + " + std::to_string((state.cursor + trainer.batchSize() - 1) / trainer.batchSize()) + " of "
            + std::to_string(trainer.batchesPerEpoch()) + " batches";
    }
    s += "\nparams: " + namedValues(objective, trainer.params()) + "\n";
    s += "train loss: " + formatNumber(trainer.trainingLoss()) + "\n";
    const double val = trainer.validationLoss();
    s += "validation loss: " + (std::isnan(val) ? std::string("none (no validation set)") : formatNumber(val)) + "\n";
    // Core's messages for divergence and early stopping already start with the reason.
    const std::string reason = stopName(result.reason);
    s += "stop: " + (result.message.rfind(reason, 0) == 0 ? result.message : reason + " (" + result.message + ")") + "\n";
    if (early && early->bestEpoch() >= 0) {
        s += "best: epoch " + std::to_string(early->bestEpoch() + 1) + ", loss " + formatNumber(early->bestLoss()) + ", "
            + namedValues(objective, early->bestState().params) + "\n";
    }
    return s;
}

}  // namespace

TrainCommand::TrainCommand()
{
    const core::OptimizerSettings opt;
    const core::TrainSettings train;
    spec_.name = "train";
    spec_.summary = "run gradient descent and write its trajectory as CSV";
    spec_.usage = "[--data PATH] [--model M] [--optimizer O] [--lr X] [--steps N] [--out FILE.csv] [flags]";
    spec_.description =
        "Trains a model (or walks an analytic function) with mini-batch gradient descent. With --out, every\n"
        "update is streamed to a CSV file (written to a temporary, renamed into place at the end). A summary\n"
        "goes to stdout. A run that diverges keeps the trajectory up to the last finite step and exits with 3.";
    spec_.groups = {
        {"Data", DataOptions::flags("seeds the built-in data, the split, the shuffling and the augmentations")},
        {"Model", ObjectiveOptions::flags("init", "starting parameters, in the model's order")},
        {"Optimizer",
            {
                {"optimizer", "O", std::string(core::optimizerName(opt.kind)), "sgd | adam | rmsprop | adagrad"},
                {"lr", "X", formatNumber(opt.lr), "base learning rate, > 0"},
                {"momentum", "M", formatNumber(opt.momentum), "sgd, rmsprop: momentum in [0, 1)"},
                {"dampening", "D", formatNumber(opt.dampening), "sgd: dampening in [0, 1]"},
                {"nesterov", "", "off", "sgd: Nesterov momentum (needs --momentum > 0, no dampening)"},
                {"betas", "B1,B2", formatNumber(opt.beta1) + "," + formatNumber(opt.beta2), "adam: moment decay rates in [0, 1)"},
                {"alpha", "A", formatNumber(opt.alpha), "rmsprop: smoothing constant in [0, 1)"},
                {"eps", "E", "1e-08; adagrad 1e-10", "adam, rmsprop, adagrad: term added to the denominator, > 0"},
                {"centered", "", "off", "rmsprop: normalise by the centred second moment"},
                {"lr-decay", "X", formatNumber(opt.lrDecay), "adagrad: learning-rate decay, >= 0"},
                {"schedule", "SPEC", "constant",
                    "learning-rate schedule: constant | exponential:GAMMA | step:EVERY:GAMMA | cosine:T[:MIN] | "
                    "cosine-restarts:T0[:MULT[:MIN]]"},
            }},
        {"Run",
            {
                {"batch-size", "N|full", std::to_string(train.batchSize), "samples per update; full = the whole training set"},
                {"epochs", "N", std::to_string(kDefaultEpochs) + " when --steps is not given", "stop after N epochs"},
                {"steps", "N", "", "stop after N updates (with --epochs too: whichever comes first)"},
                {"shuffle", "", "on", "a new seeded sample order every epoch"},
                {"no-shuffle", "", "", "take the training rows in file order"},
                {"augment", "LIST", "none", "comma-separated brightness,flip,noise (image data only)"},
                {"patience", "N", "off", "stop when the validation loss has not improved for N epochs"},
            }},
        {"Output", {{"out", "FILE.csv", "none (summary only)", "write the trajectory here"}}},
    };
}

int TrainCommand::run(const CommandLine& cl)
{
    const ObjectiveOptions model(cl, "init");
    const DataOptions dataOptions(cl);
    const auto& objective = *model.objective();
    RunPlan plan = runPlan(cl);
    plan.settings.seed = dataOptions.seed();

    core::TrainData data;
    if (objective.usesData()) {
        const core::Dataset dataset = dataOptions.load();
        if (plan.settings.augmentation.any() && !dataset.hasImages()) {
            failFlag("augment", "needs image data, and " + dataset.source
                    + " has none (augmentations redraw the images; train on an image folder or the built-in set)");
        }
        data = core::TrainData::fromDataset(dataset, dataOptions.split(dataset));
    }
    if (plan.fullBatch)
        plan.settings.batchSize = std::max(1, static_cast<int>(std::min<Eigen::Index>(data.train.size(), kMaxInt)));
    core::Trainer trainer(model.objective(), std::move(data), plan.settings, model.point());

    std::optional<CsvWriter> csv;
    std::optional<TrajectoryWriter> trajectory;
    std::vector<core::TrainObserver*> observers;
    if (plan.out) {
        csv.emplace(*plan.out, "--out");
        trajectory.emplace(*csv);
        observers.push_back(&*trajectory);
    }
    std::optional<core::EarlyStopping> earlyStopping;
    if (plan.patience) {
        earlyStopping.emplace(*plan.patience);
        observers.push_back(&*earlyStopping);
    }
    ProgressReporter progress(plan.limits.maxSteps);
    observers.push_back(&progress);

    const InterruptGuard interrupt;
    plan.limits.cancel = interrupt.flag();
    const core::RunResult result = core::runTraining(trainer, plan.limits, observers);
    if (result.reason == core::StopReason::Cancelled) {
        std::fprintf(stderr, "downhill-cli train: interrupted after %lld steps; %s\n",
            static_cast<long long>(result.steps), plan.out ? "no file written" : "stopped");
        return kExitInterrupted;
    }
    if (csv)
        csv->commit();

    std::string summary = summaryText(trainer, result, earlyStopping ? &*earlyStopping : nullptr);
    if (csv)
        summary += "trajectory: " + csv->path() + "\n";
    std::fputs(summary.c_str(), stdout);
    if (result.reason == core::StopReason::Diverged) {
        std::fflush(stdout);
        std::fprintf(stderr, "downhill-cli train: %s\n", result.message.c_str());
        return kExitDiverged;
    }
    return kExitOk;
}

}  // namespace downhill::cli
