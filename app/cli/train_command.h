#pragma once
#include "app/cli/command.h"

namespace downhill::cli {

// downhill-cli train: runs gradient descent, streams the trajectory CSV, prints a summary.
class TrainCommand final : public Command {
public:
    TrainCommand();
    const CommandSpec& spec() const override { return spec_; }
    int run(const CommandLine& cl) override;

private:
    CommandSpec spec_;
};

}  // namespace downhill::cli
