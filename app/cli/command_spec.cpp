#include "app/cli/command_spec.h"

namespace downhill::cli {

const FlagSpec* CommandSpec::find(const std::string& flagName) const
{
    for (const auto& group : groups) {
        for (const auto& flag : group.flags) {
            if (flag.name == flagName)
                return &flag;
        }
    }
    return nullptr;
}

namespace {

constexpr std::size_t kHelpColumn = 26;
constexpr std::size_t kLineWidth = 100;

// Appends text word-wrapped to kLineWidth, continuation lines indented to kHelpColumn.
void appendWrapped(std::string& out, std::size_t column, const std::string& text)
{
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::size_t length = end - start;
        if (column > kHelpColumn && column + 1 + length > kLineWidth) {
            out += "\n" + std::string(kHelpColumn, ' ');
            column = kHelpColumn;
        } else if (column > kHelpColumn) {
            out += ' ';
            ++column;
        }
        out.append(text, start, length);
        column += length;
        start = end + 1;
    }
}

}  // namespace

std::string CommandSpec::helpText() const
{
    std::string out = "usage: downhill-cli " + name + " " + usage + "\n\n" + description + "\n";
    for (const auto& group : groups) {
        out += "\n" + group.title + ":\n";
        for (const auto& flag : group.flags) {
            std::string left = "  --" + flag.name + (flag.valueName.empty() ? "" : " " + flag.valueName);
            left += left.size() + 2 <= kHelpColumn ? std::string(kHelpColumn - left.size(), ' ') : "\n" + std::string(kHelpColumn, ' ');
            out += left;
            appendWrapped(out, kHelpColumn,
                flag.help + (flag.defaultText.empty() ? "" : " (default: " + flag.defaultText + ")"));
            out += "\n";
        }
    }
    out += "\nValues go as --flag VALUE or --flag=VALUE; negative numbers are values (--init -1,2).\n";
    return out;
}

}  // namespace downhill::cli
