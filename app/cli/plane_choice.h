#pragma once
// Which plane through parameter space a command looks at, for a network's landscape through
// thousands of parameters (core/landscape/plane.h): --plane random[:SEED] (filter-normalised
// random directions through the origin), --plane pca (the training path's first two principal
// components, through its end), or --directions FILE.csv (name,d1,d2: directions written
// before, by --directions-out, or made elsewhere). --directions-out FILE.csv writes the
// directions used. Without any of them the command plots two parameters (--axes).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/command_line.h"
#include "app/cli/command_spec.h"
#include "app/cli/csv_writer.h"
#include "core/landscape/plane.h"
#include "core/model/objective.h"

namespace downhill::cli {

class PlaneChoice {
public:
    // withPath: the command trains, so the PCA plane of its path is on offer.
    static std::vector<FlagSpec> flags(bool withPath);

    // Reads and checks the flags; --directions is read here, and --directions-out made here,
    // so that a bad file fails before any work. basePlane: a --config file's plane as --plane
    // spells it ("" for two parameters), used when no flag chooses the plane or the axes.
    PlaneChoice(const CommandLine& cl, const core::Objective& objective, bool withPath, const std::string& basePlane = "");

    bool any() const { return kind_ != Kind::None; }
    bool needsPath() const { return kind_ == Kind::Pca; }
    // --plane-origin: the point the plane goes through, the run's start or its end; by default
    // defaultAtStart. A flag that is not start or end, or given without a plane, is refused.
    bool originAtStart(const CommandLine& cl, bool defaultAtStart) const;
    // "a random plane (seed 3)", "the PCA plane of the path", "the plane of directions.csv".
    std::string describe() const;

    // The plane: random or given through origin, or the PCA plane of path (through its end).
    core::Plane make(const core::Vec& origin, const std::vector<core::Vec>* path) const;
    // --directions-out, if given: the plane's directions, committed.
    void writeDirections(const core::Plane& plane);
    // Where --directions-out writes, if given.
    std::optional<std::string> directionsPath() const;

private:
    void readPlane(const std::string& flag, const std::string& text, bool withPath);

    enum class Kind { None, Random, Pca, File };
    const core::Objective& objective_;
    Kind kind_ = Kind::None;
    std::uint64_t seed_ = 1;
    std::string file_;
    core::Vec d1_, d2_;                 // from the file
    std::unique_ptr<CsvWriter> out_;    // --directions-out
};

}  // namespace downhill::cli
