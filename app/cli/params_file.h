#pragma once
// A model's parameters as CSV, header name,value and one row per parameter in the model's order
// (a network's in state_dict order): --params-out writes the final ones, --params-in reads a
// start point back. The same table with other columns holds a plane's directions
// (name,d1,d2: --directions, --directions-out).
#include <string>
#include <vector>

#include "app/cli/csv_writer.h"
#include "core/model/objective.h"

namespace downhill::cli {

class ParamsFile {
public:
    // Every parameter of objective exactly once, by name, in any order. A missing file, a
    // header other than name,value, an unknown or repeated name, a value that is not a finite
    // number or a missing parameter throw core::InputError "--<flag>: <path>:<line>: <what>".
    static core::Vec read(const std::string& path, const std::string& flag, const core::Objective& objective);
    // The same for a table of the given value columns after name (header name,COLUMN,...):
    // one matrix column per value column, one row per parameter in the model's order.
    static Eigen::MatrixXd readTable(const std::string& path, const std::string& flag, const core::Objective& objective,
        const std::vector<std::string>& columns);
    // Into csv, made when the command starts (a bad path fails before any training); the caller
    // commits it, renaming the temporary into place.
    static void write(CsvWriter& csv, const core::Objective& objective, const core::Vec& w);
    static void writeTable(CsvWriter& csv, const core::Objective& objective, const std::vector<std::string>& columns,
        const std::vector<const core::Vec*>& values);
};

}  // namespace downhill::cli
