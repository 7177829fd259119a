#pragma once
#include "app/cli/command.h"

namespace downhill::cli {

// downhill-cli dataset: writes the built-in people set as a PNG folder with labels.csv.
class DatasetCommand final : public Command {
public:
    DatasetCommand();
    const CommandSpec& spec() const override { return spec_; }
    int run(const CommandLine& cl) override;

private:
    CommandSpec spec_;
};

}  // namespace downhill::cli
