#pragma once
// The flags train and render share (--config, the data, the model, the optimizer and the run),
// resolved into what a run needs: a settings file given with --config first, then each flag
// given beside it on top.
#include <optional>
#include <vector>

#include "app/cli/command_line.h"
#include "app/cli/command_spec.h"
#include "app/cli/data_options.h"
#include "app/cli/objective_options.h"
#include "app/cli/run_config.h"
#include "core/train/trainer.h"
#include "core/train/training_run.h"

namespace downhill::cli {

class TrainOptions {
public:
    // In --help order: Settings file, Data, Model, Optimizer, Run.
    static std::vector<FlagGroup> flagGroups();

    explicit TrainOptions(const CommandLine& cl);

    // What the flags were applied on: the --config file's settings, or the defaults.
    const RunConfig& base() const { return base_; }
    // The run's model is the --config file's, so the file's axes and range belong to it.
    bool modelFromBase() const { return modelFromBase_; }
    const ObjectiveOptions& model() const { return model_; }
    const DataOptions& data() const { return data_; }
    const core::TrainSettings& settings() const { return settings_; }
    // --batch-size full: the batch size is set once the training set is known.
    const core::RunLimits& limits() const { return limits_; }
    const std::optional<int>& patience() const { return patience_; }

private:
    RunConfig base_;
    bool modelFromBase_;
    ObjectiveOptions model_;
    DataOptions data_;
    core::TrainSettings settings_;
    core::RunLimits limits_;
    std::optional<int> patience_;
};

}  // namespace downhill::cli
