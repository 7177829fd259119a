#pragma once
// downhill-cli's front door: picks the subcommand, prints help and version, and turns errors
// into one line on stderr and an exit code.
#include <memory>
#include <string>
#include <vector>

#include "app/cli/command.h"

namespace downhill::cli {

class Application {
public:
    Application();
    // args: everything after the program name. Returns the exit code.
    int run(const std::vector<std::string>& args);

private:
    Command* find(const std::string& name) const;
    std::string helpText() const;

    std::vector<std::unique_ptr<Command>> commands_;
};

}  // namespace downhill::cli
