#pragma once
// The flags of one subcommand, parsed against its CommandSpec, with typed getters whose errors
// name the flag ("--lr: expected a number, got 'abc'").
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/command_spec.h"

namespace downhill::cli {

class CommandLine {
public:
    // Parses the arguments after the subcommand's name. Accepts --flag VALUE and --flag=VALUE;
    // a value may start with '-' (negative numbers) but not with "--". Throws core::InputError
    // for unknown flags, missing values, values given to switches, flags given twice and stray
    // arguments. --help or -h anywhere only sets helpRequested().
    static CommandLine parse(const CommandSpec& spec, const std::vector<std::string>& args);

    bool helpRequested() const { return help_; }
    bool has(const std::string& name) const { return values_.count(name) != 0; }
    // The flag's value, or nullopt if it was not given.
    std::optional<std::string> text(const std::string& name) const;
    std::string text(const std::string& name, const std::string& fallback) const;
    // Every value of a repeatable flag, in order.
    std::vector<std::string> texts(const std::string& name) const;

    std::optional<double> number(const std::string& name) const;
    double number(const std::string& name, double fallback) const;
    std::optional<std::int64_t> integer(const std::string& name) const;
    std::int64_t integer(const std::string& name, std::int64_t fallback) const;
    // 0 to 2^64 - 1 (seeds).
    std::optional<std::uint64_t> unsignedInteger(const std::string& name) const;
    std::optional<std::vector<double>> numbers(const std::string& name) const;

    // The conversions, for values that come from elsewhere; `flag` is used in messages.
    // Numbers must be finite; whole numbers may be written 1000000 or 1e6.
    static double parseNumber(const std::string& flag, const std::string& text);
    static std::int64_t parseInteger(const std::string& flag, const std::string& text);
    static std::uint64_t parseUnsigned(const std::string& flag, const std::string& text);
    static std::vector<double> parseNumbers(const std::string& flag, const std::string& text);

private:
    std::map<std::string, std::vector<std::string>> values_;
    bool help_ = false;
};

// Throws core::InputError "--<flag>: <what>".
[[noreturn]] void failFlag(const std::string& flag, const std::string& what);

}  // namespace downhill::cli
