#pragma once
#include "app/cli/command.h"

namespace downhill::cli {

// downhill-cli landscape: the loss over a grid of two parameters, as CSV.
class LandscapeCommand final : public Command {
public:
    LandscapeCommand();
    const CommandSpec& spec() const override { return spec_; }
    int run(const CommandLine& cl) override;

private:
    CommandSpec spec_;
};

}  // namespace downhill::cli
