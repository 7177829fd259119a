#include "app/cli/race_options.h"

#include <limits>

#include "core/base/error.h"
#include "core/optim/optimizer.h"

namespace downhill::cli {

namespace {

using core::OptimizerKind;

// The keys of a spec and the rules they apply to; the names are train's flags (beta1 and beta2
// apart, since a spec's commas separate keys), batch is the entrant's own batch size.
struct SpecKey {
    const char* name;
    std::vector<OptimizerKind> kinds;   // empty: every rule
    bool isSwitch = false;
};
const std::vector<SpecKey>& specKeys()
{
    static const std::vector<SpecKey> keys = {
        {"lr", {}},
        {"momentum", {OptimizerKind::Sgd, OptimizerKind::RmsProp}},
        {"dampening", {OptimizerKind::Sgd}},
        {"nesterov", {OptimizerKind::Sgd}, true},
        {"beta1", {OptimizerKind::Adam}},
        {"beta2", {OptimizerKind::Adam}},
        {"alpha", {OptimizerKind::RmsProp}},
        {"eps", {OptimizerKind::Adam, OptimizerKind::RmsProp, OptimizerKind::Adagrad}},
        {"centered", {OptimizerKind::RmsProp}, true},
        {"lr-decay", {OptimizerKind::Adagrad}},
        {"batch", {}},
    };
    return keys;
}

// train's flags that set the single run's optimizer: a race sets each entrant's in its spec.
constexpr const char* kSingleRunFlags[] = {
    "optimizer", "lr", "momentum", "dampening", "nesterov", "betas", "alpha", "eps", "centered", "lr-decay"};

[[noreturn]] void failSpec(const std::string& spec, const std::string& what)
{
    failFlag("race", "'" + spec + "': " + what);
}

}  // namespace

FlagSpec RaceOptions::flag()
{
    return {"race", "SPEC", "the --config file's line-up, else none",
        "race optimizers from one start, one entrant per --race (at most " + std::to_string(kMaxEntrants)
            + "): OPTIMIZER[:KEY=VALUE,...] with keys lr, momentum, dampening, nesterov, beta1, beta2, alpha, eps, "
              "centered, lr-decay, batch (N or full), e.g. adam:lr=0.05 or sgd:lr=0.1,momentum=0.9; preset for "
              "SGD vs momentum vs RMSprop vs Adam; none to draw the --config file's own run",
        true};
}

RaceEntrant RaceOptions::parseSpec(const std::string& spec)
{
    if (spec.empty())
        failFlag("race", "empty spec (expected OPTIMIZER[:KEY=VALUE,...], preset or none)");
    const auto colon = spec.find(':');
    const std::string name = spec.substr(0, colon);
    RaceEntrant e;
    try {
        e.optimizer.kind = core::optimizerKindFromName(name);
    } catch (const core::InputError& error) {
        failSpec(spec, error.what());
    }
    const std::string rule(core::optimizerName(e.optimizer.kind));
    std::vector<std::string> seen;
    std::size_t start = colon == std::string::npos ? spec.size() : colon + 1;
    if (colon != std::string::npos && start == spec.size())
        failSpec(spec, "nothing after ':' (expected KEY=VALUE,...)");
    while (start < spec.size()) {
        const auto comma = spec.find(',', start);
        const std::string part = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? spec.size() : comma + 1;
        if (comma != std::string::npos && start == spec.size())
            failSpec(spec, "a trailing ','");
        const auto eq = part.find('=');
        const std::string key = part.substr(0, eq);
        const SpecKey* found = nullptr;
        for (const SpecKey& k : specKeys())
            if (key == k.name)
                found = &k;
        if (!found) {
            std::string known;
            for (const SpecKey& k : specKeys())
                known += (known.empty() ? "" : ", ") + std::string(k.name);
            failSpec(spec, "unknown key '" + key + "' (choose " + known + ")");
        }
        for (const std::string& s : seen)
            if (s == key)
                failSpec(spec, key + " is given twice");
        seen.push_back(key);
        if (!found->kinds.empty()) {
            bool applies = false;
            std::string users;
            for (OptimizerKind kind : found->kinds) {
                applies = applies || kind == e.optimizer.kind;
                users += (users.empty() ? "" : " and ") + std::string(core::optimizerName(kind));
            }
            if (!applies)
                failSpec(spec, key + " applies to " + users + " only, not to " + rule);
        }
        if (found->isSwitch) {
            if (eq != std::string::npos)
                failSpec(spec, key + " takes no value (write just '" + key + "')");
            (key == "nesterov" ? e.optimizer.nesterov : e.optimizer.centered) = true;
            continue;
        }
        if (eq == std::string::npos || eq + 1 == part.size())
            failSpec(spec, key + " needs a value (" + key + "=...)");
        const std::string value = part.substr(eq + 1);
        const std::string where = "race: '" + spec + "': " + key;   // failFlag's "--" goes in front
        if (key == "batch") {
            if (value == "full") {
                e.batchSize = core::TrainSettings::kFullBatch;
            } else {
                const std::int64_t b = CommandLine::parseInteger(where, value);
                if (b < 1 || b > std::numeric_limits<int>::max())
                    failSpec(spec, "batch must be a whole number from 1, or full, got " + value);
                e.batchSize = static_cast<int>(b);
            }
            continue;
        }
        const double v = CommandLine::parseNumber(where, value);
        auto& o = e.optimizer;
        if (key == "lr")
            o.lr = v;
        else if (key == "momentum")
            o.momentum = v;
        else if (key == "dampening")
            o.dampening = v;
        else if (key == "beta1")
            o.beta1 = v;
        else if (key == "beta2")
            o.beta2 = v;
        else if (key == "alpha")
            o.alpha = v;
        else if (key == "eps")
            o.eps = v;
        else if (key == "lr-decay")
            o.lrDecay = v;
    }
    try {
        e.optimizer.validate();
    } catch (const core::InputError& error) {
        failSpec(spec, error.what());
    }
    return e;
}

RaceOptions::RaceOptions(const CommandLine& cl, const RunConfig& base)
{
    const std::vector<std::string> specs = cl.texts("race");
    int count = 0;
    if (specs.empty()) {
        for (const RaceEntrant& e : base.race)
            items_.push_back({false, e, {}});
        count = static_cast<int>(items_.size());
        fromFile_ = active();
    } else {
        for (const std::string& spec : specs) {
            if (spec == "none") {
                if (specs.size() > 1)
                    failFlag("race", "'none' draws the single run and takes no other --race");
                return;
            }
            if (spec == "preset") {
                items_.push_back({true, {}, spec});
                count += kPresetEntrants;
            } else {
                items_.push_back({false, parseSpec(spec), spec});
                ++count;
            }
        }
    }
    if (count > kMaxEntrants) {
        failFlag("race", std::to_string(count) + " entrants, at most " + std::to_string(kMaxEntrants)
                + (specs.empty() ? " (the --config file's race)" : "") + " (preset counts as "
                + std::to_string(kPresetEntrants) + ")");
    }
    if (!active())
        return;
    for (const char* flag : kSingleRunFlags) {
        if (cl.has(flag)) {
            failFlag(flag, fromFile_ ? "the --config file's race gives each entrant its own optimizer; set them in the "
                                       "file, or add --race none to draw the file's own run"
                                     : "does not apply to a race: give each entrant's in its --race spec");
        }
    }
}

}  // namespace downhill::cli
