#include "app/cli/data_options.h"

#include <filesystem>
#include <functional>
#include <limits>

#include "app/cli/checks.h"
#include "core/data/dataset_io.h"
#include "core/base/error.h"
#include "app/cli/number_format.h"

namespace downhill::cli {

namespace {

// Checks one field against the engine's own limits: with every other field at its default,
// a failure of validate() can only be this field's.
void checkPeopleField(const std::string& flag, const std::function<void(core::PeopleSettings&)>& set)
{
    core::PeopleSettings probe;
    set(probe);
    try {
        probe.validate();
    } catch (const core::InputError& e) {
        failFlag(flag, e.what());
    }
}

void readIntField(const CommandLine& cl, const char* flag, int core::PeopleSettings::*field, core::PeopleSettings& people)
{
    const auto v = cl.integer(flag);
    if (!v)
        return;
    if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max())
        failFlag(flag, "out of range, got " + std::to_string(*v));
    checkPeopleField(flag, [&](core::PeopleSettings& s) { s.*field = static_cast<int>(*v); });
    people.*field = static_cast<int>(*v);
}

}  // namespace

std::vector<FlagSpec> DataOptions::flags(const std::string& seedHelp)
{
    const core::PeopleSettings people;
    return {
        {"data", "PATH", "the built-in people set", "a CSV file with columns x,count, or an image folder with labels.csv"},
        {"count", "N", std::to_string(people.count), "built-in set: number of images"},
        {"max-people", "K", std::to_string(people.maxPeople), "built-in set: each image shows 0..K people"},
        {"seed", "S", std::to_string(people.seed), seedHelp},
        {"val-fraction", "F", formatNumber(RunConfig().valFraction),
            "share of the rows held out for validation, in [0, 1); 0 trains on every row"},
    };
}

core::PeopleSettings DataOptions::peopleSettings(const CommandLine& cl, const core::PeopleSettings& base)
{
    core::PeopleSettings people = base;
    if (const auto seed = cl.unsignedInteger("seed"))
        people.seed = *seed;
    readIntField(cl, "count", &core::PeopleSettings::count, people);
    readIntField(cl, "max-people", &core::PeopleSettings::maxPeople, people);
    return people;
}

void DataOptions::readImageFlags(const CommandLine& cl, core::PeopleSettings& people)
{
    readIntField(cl, "size", &core::PeopleSettings::size, people);
    if (cl.has("no-distractors"))
        people.distractors = false;
}

DataOptions::DataOptions(const CommandLine& cl, const RunConfig& base)
    : path_(cl.text("data", base.dataPath))
    , people_(peopleSettings(cl, base.people))
    , valFraction_(cl.number("val-fraction", base.valFraction))
{
    if (cl.has("data") && path_.empty())
        failFlag("data", "the path is empty");
    for (const char* flag : {"count", "max-people"}) {
        if (!cl.has(flag))
            continue;
        if (cl.has("data"))
            failFlag(flag, "sets up the built-in data set; it cannot be used with --data");
        // Beside --config, a flag of the built-in set overrides the file's data file too.
        path_.clear();
    }
    requireUnitInterval("val-fraction", valFraction_, false);
}

core::Dataset DataOptions::load() const
{
    if (builtIn())
        return core::generatePeople(people_);
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec))
        failFlag("data", "no such file or folder: " + path_);
    return core::loadData(path_);
}

core::Split DataOptions::split(const core::Dataset& dataset) const
{
    return core::splitRows(static_cast<int>(dataset.size()), valFraction_, people_.seed);
}

}  // namespace downhill::cli
