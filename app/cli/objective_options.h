#pragma once
// The function being minimised (--model, --loss, --huber-delta) and a point in its parameter
// space (--init, or --at for gradcheck).
#include <memory>
#include <string>
#include <vector>

#include "app/cli/command_line.h"
#include "app/cli/command_spec.h"
#include "core/model/objective.h"
#include "app/cli/run_config.h"

namespace downhill::cli {

class ObjectiveOptions {
public:
    // --model, --loss, --huber-delta and the point flag (pointFlag, e.g. "init") with its help.
    static std::vector<FlagSpec> flags(const std::string& pointFlag, const std::string& pointHelp);

    // base: the model, loss and start point to use where the flags say nothing (a --config
    // file's); its start belongs to its model and is dropped when --model names another.
    ObjectiveOptions(const CommandLine& cl, const std::string& pointFlag, const RunConfig& base = RunConfig());

    const std::shared_ptr<const core::Objective>& objective() const { return objective_; }
    // The point flag's values in parameter order, or the base's start, or the model's
    // defaultInit().
    const core::Vec& point() const { return point_; }
    // "w, b": for messages.
    std::string parameterList() const;
    // Index of a parameter by name; an unknown name fails with the flag and the valid names.
    int parameterIndex(const std::string& flag, const std::string& name) const;

private:
    std::shared_ptr<const core::Objective> objective_;
    core::Vec point_;
};

}  // namespace downhill::cli
