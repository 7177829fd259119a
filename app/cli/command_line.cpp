#include "app/cli/command_line.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "core/base/error.h"

namespace downhill::cli {

namespace {

std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string suggestion(const CommandSpec& spec, const std::string& name)
{
    std::string best;
    std::size_t bestDistance = 3;
    for (const auto& group : spec.groups) {
        for (const auto& flag : group.flags) {
            const std::size_t d = editDistance(name, flag.name);
            if (d < bestDistance) {
                bestDistance = d;
                best = flag.name;
            }
        }
    }
    return best.empty() ? "" : "; did you mean --" + best + "?";
}

}  // namespace

void failFlag(const std::string& flag, const std::string& what)
{
    throw core::InputError("--" + flag + ": " + what);
}

CommandLine CommandLine::parse(const CommandSpec& spec, const std::vector<std::string>& args)
{
    CommandLine cl;
    for (const auto& arg : args) {
        if (arg == "--help" || arg == "-h") {
            cl.help_ = true;
            return cl;
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() <= 2 || arg.compare(0, 2, "--") != 0) {
            if (arg.size() > 1 && arg[0] == '-' && !std::isdigit(static_cast<unsigned char>(arg[1])) && arg[1] != '.')
                throw core::InputError("unknown flag " + arg + " (see downhill-cli " + spec.name + " --help)");
            throw core::InputError("unexpected argument '" + arg + "' (flags start with --; see downhill-cli " + spec.name
                + " --help)");
        }
        const auto eq = arg.find('=');
        const std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
        const FlagSpec* flag = spec.find(name);
        if (!flag) {
            throw core::InputError("unknown flag --" + name + suggestion(spec, name) + " (see downhill-cli " + spec.name
                + " --help)");
        }
        std::string value;
        if (flag->valueName.empty()) {
            if (eq != std::string::npos)
                failFlag(name, "takes no value, got '" + arg.substr(eq + 1) + "'");
        } else if (eq != std::string::npos) {
            value = arg.substr(eq + 1);
        } else if (i + 1 < args.size() && args[i + 1].compare(0, 2, "--") != 0) {
            value = args[++i];
        } else {
            failFlag(name, "missing value (" + flag->valueName + ")");
        }
        auto& slot = cl.values_[name];
        if (!slot.empty() && !flag->repeatable)
            failFlag(name, "given more than once");
        slot.push_back(std::move(value));
    }
    return cl;
}

std::optional<std::string> CommandLine::text(const std::string& name) const
{
    const auto it = values_.find(name);
    if (it == values_.end())
        return std::nullopt;
    return it->second.back();
}

std::string CommandLine::text(const std::string& name, const std::string& fallback) const
{
    return text(name).value_or(fallback);
}

std::vector<std::string> CommandLine::texts(const std::string& name) const
{
    const auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

double CommandLine::parseNumber(const std::string& flag, const std::string& text)
{
    double v = 0;
    // from_chars takes no leading '+'; people write it anyway.
    const char* begin = text.data() + (text.size() > 1 && text[0] == '+' ? 1 : 0);
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec == std::errc::result_out_of_range)
        failFlag(flag, "number out of range: '" + text + "'");
    if (ec != std::errc() || ptr != end || begin == end)
        failFlag(flag, "expected a number, got '" + text + "'");
    if (!std::isfinite(v))
        failFlag(flag, "expected a finite number, got '" + text + "'");
    return v;
}

std::int64_t CommandLine::parseInteger(const std::string& flag, const std::string& text)
{
    std::int64_t v = 0;
    const char* begin = text.data() + (text.size() > 1 && text[0] == '+' ? 1 : 0);
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec == std::errc() && ptr == end && begin != end)
        return v;
    if (ec == std::errc::result_out_of_range)
        failFlag(flag, "number out of range: '" + text + "'");
    // 1e6 is a whole number too; doubles hold integers exactly up to 2^53.
    constexpr double kExact = 9007199254740992.0;
    double d = 0;
    const auto [dptr, dec] = std::from_chars(begin, end, d);
    if (dec == std::errc() && dptr == end && std::isfinite(d) && d == std::floor(d) && std::abs(d) <= kExact)
        return static_cast<std::int64_t>(d);
    failFlag(flag, "expected a whole number, got '" + text + "'");
}

std::uint64_t CommandLine::parseUnsigned(const std::string& flag, const std::string& text)
{
    // Written out in digits the whole range; 1e6 and the like as parseInteger takes them.
    const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    std::uint64_t v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (digits && ec == std::errc() && ptr == text.data() + text.size())
        return v;
    const std::string expected = "expected a whole number from 0 to " + std::to_string(std::numeric_limits<std::uint64_t>::max())
        + ", got '" + text + "'";
    if (digits)
        failFlag(flag, expected);
    std::int64_t i = 0;
    try {
        i = parseInteger(flag, text);
    } catch (const core::InputError&) {
        failFlag(flag, expected);
    }
    if (i < 0)
        failFlag(flag, expected);
    return static_cast<std::uint64_t>(i);
}

std::vector<double> CommandLine::parseNumbers(const std::string& flag, const std::string& text)
{
    std::vector<double> out;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (part.empty())
            failFlag(flag, "expected comma-separated numbers, got '" + text + "'");
        out.push_back(parseNumber(flag, part));
        if (comma == std::string::npos)
            return out;
        start = comma + 1;
    }
}

std::optional<double> CommandLine::number(const std::string& name) const
{
    const auto t = text(name);
    return t ? std::optional<double>(parseNumber(name, *t)) : std::nullopt;
}

double CommandLine::number(const std::string& name, double fallback) const
{
    return number(name).value_or(fallback);
}

std::optional<std::int64_t> CommandLine::integer(const std::string& name) const
{
    const auto t = text(name);
    return t ? std::optional<std::int64_t>(parseInteger(name, *t)) : std::nullopt;
}

std::int64_t CommandLine::integer(const std::string& name, std::int64_t fallback) const
{
    return integer(name).value_or(fallback);
}

std::optional<std::uint64_t> CommandLine::unsignedInteger(const std::string& name) const
{
    const auto t = text(name);
    return t ? std::optional<std::uint64_t>(parseUnsigned(name, *t)) : std::nullopt;
}

std::optional<std::vector<double>> CommandLine::numbers(const std::string& name) const
{
    const auto t = text(name);
    return t ? std::optional<std::vector<double>>(parseNumbers(name, *t)) : std::nullopt;
}

}  // namespace downhill::cli
