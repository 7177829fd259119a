#include "app/cli/params_file.h"

#include <fstream>
#include <unordered_map>
#include <vector>

#include "app/cli/command_line.h"
#include "core/base/error.h"

namespace downhill::cli {

core::Vec ParamsFile::read(const std::string& path, const std::string& flag, const core::Objective& objective)
{
    const auto fail = [&](std::size_t line, const std::string& what) {
        std::string where = path;
        if (line > 0) {
            where += ':';
            where += std::to_string(line);
        }
        failFlag(flag, where + ": " + what);
    };
    std::ifstream in(path);
    if (!in)
        fail(0, "cannot open the file");
    const auto names = objective.parameterNames();
    std::unordered_map<std::string, Eigen::Index> index;
    for (std::size_t i = 0; i < names.size(); ++i)
        index.emplace(names[i], static_cast<Eigen::Index>(i));
    core::Vec w(static_cast<Eigen::Index>(names.size()));
    std::vector<std::size_t> seenOn(names.size(), 0);
    std::string text;
    std::size_t line = 0;
    while (std::getline(in, text)) {
        ++line;
        if (!text.empty() && text.back() == '\r')
            text.pop_back();
        if (line == 1) {
            if (text != "name,value")
                fail(line, "the header must be name,value, got '" + text + "'");
            continue;
        }
        if (text.empty())
            continue;
        const auto comma = text.find(',');
        if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos)
            fail(line, "expected name,value, got '" + text + "'");
        const std::string name = text.substr(0, comma);
        const auto it = index.find(name);
        if (it == index.end())
            fail(line, "'" + name + "' is not a parameter of " + objective.name());
        auto& seen = seenOn[static_cast<std::size_t>(it->second)];
        if (seen)
            fail(line, "'" + name + "' is given twice (first on line " + std::to_string(seen) + ")");
        seen = line;
        try {
            w[it->second] = CommandLine::parseNumber(flag, text.substr(comma + 1));
        } catch (const core::InputError&) {
            fail(line, "the value of '" + name + "' is not a finite number: '" + text.substr(comma + 1) + "'");
        }
    }
    if (line == 0)
        fail(0, "the file is empty (expected the header name,value)");
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!seenOn[i]) {
            std::size_t missing = 0;
            for (std::size_t j = i; j < names.size(); ++j)
                missing += seenOn[j] ? 0 : 1;
            fail(line + 1, "no row for '" + names[i] + "'" + (missing > 1 ? " and " + std::to_string(missing - 1) + " more" : "")
                    + " (" + objective.name() + " has " + std::to_string(names.size()) + " parameters, one row each)");
        }
    }
    return w;
}

void ParamsFile::write(CsvWriter& csv, const core::Objective& objective, const core::Vec& w)
{
    csv.field("name");
    csv.field("value");
    csv.endRow();
    const auto names = objective.parameterNames();
    for (Eigen::Index i = 0; i < w.size(); ++i) {
        csv.field(names[static_cast<std::size_t>(i)]);
        csv.field(w[i]);
        csv.endRow();
    }
}

}  // namespace downhill::cli
