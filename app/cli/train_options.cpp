#include "app/cli/train_options.h"

#include <limits>
#include <string>

#include "app/cli/checks.h"
#include "app/cli/config_file.h"
#include "core/base/error.h"
#include "app/cli/number_format.h"
#include "core/optim/optimizer.h"
#include "core/optim/schedule.h"

namespace downhill::cli {

namespace {

constexpr std::int64_t kDefaultEpochs = 20;
constexpr int kMaxInt = std::numeric_limits<int>::max();

using core::OptimizerKind;

RunConfig loadBase(const CommandLine& cl)
{
    const auto path = cl.text("config");
    if (!path)
        return RunConfig();
    if (path->empty())
        failFlag("config", "the path is empty");
    return loadConfigFile(*path);
}

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

core::OptimizerSettings optimizerSettings(const CommandLine& cl, const core::OptimizerSettings& base)
{
    core::OptimizerSettings s = base;
    if (const auto name = cl.text("optimizer")) {
        try {
            s.kind = core::optimizerKindFromName(*name);
        } catch (const core::InputError& e) {
            failFlag("optimizer", e.what());
        }
    }
    const std::string name(core::optimizerName(s.kind));
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
    s.nesterov = s.nesterov || cl.has("nesterov");
    if (s.nesterov && !(s.momentum > 0.0 && s.dampening == 0.0)) {
        failFlag("nesterov", std::string("needs --momentum above 0 and no --dampening")
                + (cl.has("nesterov") ? "" : " (the --config file turns it on)"));
    }
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
    s.centered = s.centered || cl.has("centered");
    s.lrDecay = cl.number("lr-decay", s.lrDecay);
    requireNonNegative("lr-decay", s.lrDecay);
    if (const auto eps = cl.number("eps")) {
        requirePositive("eps", *eps);
        s.eps = *eps;
    }
    s.validate();  // the checks above cover every field; this guards against new ones
    return s;
}

// --augment replaces the base's choice of augmentations and keeps its strengths.
core::AugmentationSettings augmentation(const CommandLine& cl, const core::AugmentationSettings& base)
{
    const auto text = cl.text("augment");
    if (!text)
        return base;
    core::AugmentationSettings a = base;
    a.brightness = a.flip = a.noise = false;
    if (*text == "none")
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
            failFlag("augment", "unknown augmentation '" + part
                    + "' (choose any of brightness, flip, noise, comma-separated, or none)");
        if (comma == std::string::npos)
            return a;
        start = comma + 1;
    }
}

}  // namespace

std::vector<FlagGroup> TrainOptions::flagGroups()
{
    const core::OptimizerSettings opt;
    const core::TrainSettings train;
    return {
        {"Settings file",
            {{"config", "FILE", "none",
                "start from a settings file saved by the window (or a lesson); flags given beside it override its "
                "values"}}},
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
                {"augment", "LIST", "none", "comma-separated brightness,flip,noise (image data only), or none"},
                {"patience", "N", "off", "stop when the validation loss has not improved for N epochs"},
            }},
    };
}

TrainOptions::TrainOptions(const CommandLine& cl)
    : base_(loadBase(cl))
    , modelFromBase_(cl.text("model", base_.model) == base_.model)
    , model_(cl, "init", base_)
    , data_(cl, base_)
{
    settings_.optimizer = optimizerSettings(cl, base_.train.optimizer);
    settings_.schedule = base_.train.schedule;
    if (const auto spec = cl.text("schedule")) {
        try {
            settings_.schedule = core::Schedule::parse(*spec);
        } catch (const core::InputError& e) {
            failFlag("schedule", e.what());
        }
    }
    settings_.batchSize = base_.train.batchSize;
    if (const auto batch = cl.text("batch-size")) {
        if (*batch == "full") {
            settings_.batchSize = core::TrainSettings::kFullBatch;
        } else {
            const std::int64_t b = CommandLine::parseInteger("batch-size", *batch);
            requireBetween("batch-size", b, 1, kMaxInt);
            settings_.batchSize = static_cast<int>(b);
        }
    }
    if (cl.has("shuffle") && cl.has("no-shuffle"))
        failFlag("no-shuffle", "contradicts --shuffle");
    settings_.shuffle = cl.has("shuffle") || (base_.train.shuffle && !cl.has("no-shuffle"));
    settings_.augmentation = augmentation(cl, base_.train.augmentation);
    // --seed seeds everything; a settings file keeps the data's seed and the run's apart.
    settings_.seed = cl.has("seed") ? data_.seed() : base_.train.seed;

    if (const auto steps = cl.integer("steps")) {
        requireBetween("steps", *steps, 1, std::numeric_limits<std::int64_t>::max());
        limits_.maxSteps = *steps;
    }
    if (const auto epochs = cl.integer("epochs")) {
        requireBetween("epochs", *epochs, 1, std::numeric_limits<std::int64_t>::max());
        limits_.maxEpochs = *epochs;
    }
    if (limits_.maxSteps == 0 && limits_.maxEpochs == 0)
        limits_.maxEpochs = kDefaultEpochs;
    // Always with the training loss: a run diverges at the same step with and without --out.
    limits_.withTrainLoss = true;
    if (const auto patience = cl.integer("patience")) {
        requireBetween("patience", *patience, 1, kMaxInt);
        patience_ = static_cast<int>(*patience);
    }
}

}  // namespace downhill::cli
