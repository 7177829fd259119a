#pragma once
// What a subcommand accepts: its flags, their defaults and help, in the order --help shows them.
#include <string>
#include <vector>

namespace downhill::cli {

struct FlagSpec {
    std::string name;          // without the leading "--"
    std::string valueName;     // "N", "PATH", ...; empty for a switch that takes no value
    std::string defaultText;   // shown as "(default: ...)"; empty for none
    std::string help;
    bool repeatable = false;   // may be given more than once (--set)
};

struct FlagGroup {
    std::string title;
    std::vector<FlagSpec> flags;
};

struct CommandSpec {
    std::string name;
    std::string summary;       // one line, for the command list
    std::string usage;         // the synopsis after "downhill-cli <name> "
    std::string description;   // a paragraph or two, for <name> --help
    std::vector<FlagGroup> groups;

    const FlagSpec* find(const std::string& flagName) const;
    // The full --help text: usage, description and every flag with its default.
    std::string helpText() const;
};

}  // namespace downhill::cli
