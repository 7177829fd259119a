#pragma once
#include "app/cli/command.h"

namespace downhill::cli {

// downhill-cli gradcheck: the analytic gradient against central differences.
class GradcheckCommand final : public Command {
public:
    GradcheckCommand();
    const CommandSpec& spec() const override { return spec_; }
    int run(const CommandLine& cl) override;

private:
    CommandSpec spec_;
};

}  // namespace downhill::cli
