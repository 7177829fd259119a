#pragma once
#include "app/cli/command_line.h"
#include "app/cli/command_spec.h"

namespace downhill::cli {

// Exit codes, documented in docs/cli.md (Exit codes and errors).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternalError = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitDiverged = 3;
inline constexpr int kExitInterrupted = 130;  // the shell's code for a SIGINT

// One subcommand of downhill-cli.
class Command {
public:
    virtual ~Command() = default;
    virtual const CommandSpec& spec() const = 0;
    // Runs the command and returns the exit code. Bad input throws core::InputError; the caller
    // prints it as one line and exits with kExitBadInput.
    virtual int run(const CommandLine& cl) = 0;
};

}  // namespace downhill::cli
