#include "app/cli/params_file.h"

#include <fstream>
#include <unordered_map>
#include <vector>

#include "app/cli/command_line.h"
#include "core/base/error.h"

namespace downhill::cli {

core::Vec ParamsFile::read(const std::string& path, const std::string& flag, const core::Objective& objective)
{
    return readTable(path, flag, objective, {"value"}).col(0);
}

Eigen::MatrixXd ParamsFile::readTable(const std::string& path, const std::string& flag, const core::Objective& objective,
    const std::vector<std::string>& columns)
{
    const auto fail = [&](std::size_t line, const std::string& what) {
        std::string where = path;
        if (line > 0) {
            where += ':';
            where += std::to_string(line);
        }
        failFlag(flag, where + ": " + what);
    };
    std::string header = "name";
    for (const auto& c : columns)
        header += "," + c;
    std::ifstream in(path);
    if (!in)
        fail(0, "cannot open the file");
    const auto names = objective.parameterNames();
    std::unordered_map<std::string, Eigen::Index> index;
    for (std::size_t i = 0; i < names.size(); ++i)
        index.emplace(names[i], static_cast<Eigen::Index>(i));
    Eigen::MatrixXd table(static_cast<Eigen::Index>(names.size()), static_cast<Eigen::Index>(columns.size()));
    std::vector<std::size_t> seenOn(names.size(), 0);
    std::string text;
    std::size_t line = 0;
    while (std::getline(in, text)) {
        ++line;
        if (!text.empty() && text.back() == '\r')
            text.pop_back();
        if (line == 1) {
            if (text != header)
                fail(line, "the header must be " + header + ", got '" + text + "'");
            continue;
        }
        if (text.empty())
            continue;
        std::vector<std::string> fields;
        for (std::size_t from = 0;;) {
            const auto comma = text.find(',', from);
            fields.push_back(text.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
            if (comma == std::string::npos)
                break;
            from = comma + 1;
        }
        if (fields.size() != columns.size() + 1)
            fail(line, "expected " + header + ", got '" + text + "'");
        const std::string& name = fields[0];
        const auto it = index.find(name);
        if (it == index.end())
            fail(line, "'" + name + "' is not a parameter of " + objective.name());
        auto& seen = seenOn[static_cast<std::size_t>(it->second)];
        if (seen)
            fail(line, "'" + name + "' is given twice (first on line " + std::to_string(seen) + ")");
        seen = line;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            try {
                table(it->second, static_cast<Eigen::Index>(c)) = CommandLine::parseNumber(flag, fields[c + 1]);
            } catch (const core::InputError&) {
                fail(line, "the " + columns[c] + " of '" + name + "' is not a finite number: '" + fields[c + 1] + "'");
            }
        }
    }
    if (line == 0)
        fail(0, "the file is empty (expected the header " + header + ")");
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!seenOn[i]) {
            std::size_t missing = 0;
            for (std::size_t j = i; j < names.size(); ++j)
                missing += seenOn[j] ? 0 : 1;
            fail(line + 1, "no row for '" + names[i] + "'" + (missing > 1 ? " and " + std::to_string(missing - 1) + " more" : "")
                    + " (" + objective.name() + " has " + std::to_string(names.size()) + " parameters, one row each)");
        }
    }
    return table;
}

void ParamsFile::write(CsvWriter& csv, const core::Objective& objective, const core::Vec& w)
{
    writeTable(csv, objective, {"value"}, {&w});
}

void ParamsFile::writeTable(CsvWriter& csv, const core::Objective& objective, const std::vector<std::string>& columns,
    const std::vector<const core::Vec*>& values)
{
    csv.field(std::string_view("name"));
    for (const auto& c : columns)
        csv.field(std::string_view(c));
    csv.endRow();
    const auto names = objective.parameterNames();
    for (std::size_t i = 0; i < names.size(); ++i) {
        csv.field(std::string_view(names[i]));
        for (const core::Vec* v : values)
            csv.field((*v)[static_cast<Eigen::Index>(i)]);
        csv.endRow();
    }
}

}  // namespace downhill::cli
