#pragma once
// Where the samples come from (--data, or the built-in people set made from --count,
// --max-people and --seed) and how they split into training and validation rows.
#include <cstdint>
#include <string>
#include <vector>

#include "app/cli/command_line.h"
#include "app/cli/command_spec.h"
#include "core/data/dataset.h"
#include "core/data/people_generator.h"
#include "app/cli/run_config.h"

namespace downhill::cli {

class DataOptions {
public:
    // --data, --count, --max-people, --seed, --val-fraction. seedHelp says what the seed drives.
    static std::vector<FlagSpec> flags(const std::string& seedHelp);
    // The built-in set's settings from --count, --max-people and --seed on top of base; each
    // value is checked by its flag.
    static core::PeopleSettings peopleSettings(const CommandLine& cl, const core::PeopleSettings& base = {});
    // The dataset command's image flags, --size and --no-distractors, into people.
    static void readImageFlags(const CommandLine& cl, core::PeopleSettings& people);

    // base: the data to use where the flags say nothing (a --config file's).
    explicit DataOptions(const CommandLine& cl, const RunConfig& base = RunConfig());

    bool builtIn() const { return path_.empty(); }
    // Loads --data (a CSV file or an image folder) or generates the built-in set.
    core::Dataset load() const;
    core::Split split(const core::Dataset& dataset) const;
    std::uint64_t seed() const { return people_.seed; }
    double valFraction() const { return valFraction_; }

private:
    std::string path_;
    core::PeopleSettings people_;
    double valFraction_;
};

}  // namespace downhill::cli
