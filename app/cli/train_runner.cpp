#include "app/cli/train_runner.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "app/cli/command.h"
#include "app/cli/number_format.h"
#include "app/cli/progress_reporter.h"

namespace downhill::cli {

namespace {

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
    // A network's thousands of numbers belong in a file, not in a summary line.
    if (w.size() > core::kMaxSmallParameters)
        return std::to_string(w.size()) + " values (train --params-out FILE.csv writes them)";
    std::string out;
    const auto names = objective.parameterNames();
    for (Eigen::Index i = 0; i < w.size(); ++i)
        out += (i ? " " : "") + names[static_cast<std::size_t>(i)] + "=" + formatNumber(w[i]);
    return out;
}

}  // namespace

std::unique_ptr<core::Trainer> makeTrainer(const TrainOptions& options)
{
    const auto& objective = options.model().objective();
    core::TrainSettings settings = options.settings();
    core::TrainData data;
    if (objective->usesData()) {
        const core::Dataset dataset = options.data().load();
        if (settings.augmentation.any() && !dataset.hasImages()) {
            failFlag("augment", "needs image data, and " + dataset.source
                    + " has none (augmentations redraw the images; train on an image folder or the built-in set)");
        }
        data = core::TrainData::fromDataset(dataset, options.data().split(dataset), objective->inputSize());
    }
    return std::make_unique<core::Trainer>(objective, std::move(data), settings, options.model().point());
}

TrainRunner::TrainRunner(const TrainOptions& options, std::string command)
    : command_(std::move(command)), limits_(options.limits()), trainer_(makeTrainer(options))
{
    if (options.patience())
        earlyStopping_.emplace(*options.patience());
}

void TrainRunner::writeTrajectory(const std::string& path, const std::string& flag, const core::Plane* plane)
{
    csv_.emplace(path, flag);
    trajectory_.emplace(*csv_, plane);
    observers_.push_back(&*trajectory_);
}

void TrainRunner::addObserver(core::TrainObserver* observer)
{
    observers_.push_back(observer);
}

bool TrainRunner::run(const std::atomic<bool>* cancel, bool writesFiles)
{
    ProgressReporter progress(limits_.maxSteps);
    std::vector<core::TrainObserver*> observers = observers_;
    if (earlyStopping_)
        observers.push_back(&*earlyStopping_);
    observers.push_back(&progress);
    core::RunLimits limits = limits_;
    limits.cancel = cancel;
    result_ = core::runTraining(*trainer_, limits, observers);
    if (result_.reason != core::StopReason::Cancelled)
        return true;
    std::fprintf(stderr, "downhill-cli %s: interrupted after %lld steps; %s\n", command_.c_str(),
        static_cast<long long>(result_.steps), csv_ || writesFiles ? "no file written" : "stopped");
    return false;
}

int TrainRunner::finish(const std::string& extraSummary)
{
    if (csv_)
        csv_->commit();
    std::string summary = "model: " + trainer_->objective().name() + "\n"
        + runSummary(*trainer_, result_, earlyStopping_ ? &*earlyStopping_ : nullptr);
    if (csv_)
        summary += "trajectory: " + csv_->path() + "\n";
    summary += extraSummary;
    std::fputs(summary.c_str(), stdout);
    if (!diverged())
        return kExitOk;
    std::fflush(stdout);
    std::fprintf(stderr, "downhill-cli %s: %s\n", command_.c_str(), result_.message.c_str());
    return kExitDiverged;
}

std::string runSummary(const core::Trainer& trainer, const core::RunResult& result, const core::EarlyStopping* earlyStopping)
{
    const core::Objective& objective = trainer.objective();
    const core::TrainSettings& settings = trainer.settings();
    const core::TrainState& state = trainer.state();
    std::string s = "optimizer: " + settings.optimizer.describe() + ", schedule " + settings.schedule.spec() + ", batch size "
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
    if (earlyStopping && earlyStopping->bestEpoch() >= 0) {
        s += "best: epoch " + std::to_string(earlyStopping->bestEpoch() + 1) + ", loss "
            + formatNumber(earlyStopping->bestLoss()) + ", " + namedValues(objective, earlyStopping->bestState().params)
            + "\n";
    }
    return s;
}

}  // namespace downhill::cli
