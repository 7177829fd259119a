#include "app/cli/plane_choice.h"

#include "app/cli/params_file.h"
#include "core/base/error.h"

namespace downhill::cli {

std::vector<FlagSpec> PlaneChoice::flags(bool withPath)
{
    return {
        {"plane", withPath ? "random[:SEED]|pca" : "random[:SEED]", "",
            withPath ? "a plane through all the parameters instead of two of them: filter-normalised random "
                       "directions (seed 1 unless given), or the path's first two principal components"
                     : "a plane through all the parameters instead of two of them: filter-normalised random "
                       "directions (seed 1 unless given)"},
        {"directions", "FILE.csv", "", "the plane's directions, header name,d1,d2, a row per parameter"},
        {"directions-out", "FILE.csv", "", "write the directions of the plane used"},
    };
}

void PlaneChoice::readPlane(const std::string& flag, const std::string& plane, bool withPath)
{
    if (plane == "pca") {
        if (!withPath)
            failFlag(flag, "pca needs a training path: run train --plane pca --directions-out FILE.csv "
                           "--params-out END.csv, then give --directions FILE.csv --params-in END.csv");
        kind_ = Kind::Pca;
    } else if (plane == "random" || plane.rfind("random:", 0) == 0) {
        kind_ = Kind::Random;
        if (plane.size() > 6) {
            const std::int64_t seed = CommandLine::parseInteger(flag, plane.substr(7));
            if (seed < 0)
                failFlag(flag, "the seed must be a whole number from 0, got " + plane.substr(7));
            seed_ = static_cast<std::uint64_t>(seed);
        }
    } else {
        failFlag(flag, "expected random, random:SEED" + std::string(withPath ? " or pca" : "") + ", got '" + plane + "'");
    }
}

PlaneChoice::PlaneChoice(const CommandLine& cl, const core::Objective& objective, bool withPath, const std::string& basePlane)
    : objective_(objective)
{
    const auto plane = cl.text("plane");
    const auto directions = cl.text("directions");
    if (plane && directions)
        failFlag("directions", "contradicts --plane: the directions come from one or the other");
    if (plane)
        readPlane("plane", *plane, withPath);
    else if (!directions && !cl.has("axes") && !basePlane.empty())
        readPlane("config", basePlane, withPath);
    if (directions) {
        kind_ = Kind::File;
        file_ = *directions;
        const Eigen::MatrixXd table = ParamsFile::readTable(file_, "directions", objective, {"d1", "d2"});
        d1_ = table.col(0);
        d2_ = table.col(1);
        core::Plane check;
        check.origin = core::Vec::Zero(d1_.size());
        check.d1 = d1_;
        check.d2 = d2_;
        try {
            check.validate(objective.parameterCount());
        } catch (const core::InputError& e) {
            failFlag("directions", file_ + ": " + e.what());
        }
    }
    if (const auto out = cl.text("directions-out")) {
        if (!any())
            failFlag("directions-out", "needs a plane: give --plane or --directions");
        out_ = std::make_unique<CsvWriter>(*out, "--directions-out");
    }
    if (any() && cl.has("axes"))
        failFlag("axes", "contradicts --" + std::string(directions ? "directions" : "plane")
                + ": the landscape is over two parameters or over a plane, not both");
}

bool PlaneChoice::originAtStart(const CommandLine& cl, bool defaultAtStart) const
{
    const auto origin = cl.text("plane-origin");
    if (!origin)
        return defaultAtStart;
    if (*origin != "start" && *origin != "end")
        failFlag("plane-origin", "expected start or end, got '" + *origin + "'");
    if (!any())
        failFlag("plane-origin", "needs a plane: give --plane or --directions");
    return *origin == "start";
}

std::string PlaneChoice::describe() const
{
    switch (kind_) {
    case Kind::None: return "two parameters";
    case Kind::Random: return "a random plane (seed " + std::to_string(seed_) + ")";
    case Kind::Pca: return "the PCA plane of the path";
    case Kind::File: return "the plane of " + file_;
    }
    return {};
}

core::Plane PlaneChoice::make(const core::Vec& origin, const std::vector<core::Vec>* path) const
{
    try {
        switch (kind_) {
        case Kind::Random:
            return core::randomPlane(objective_, origin, seed_);
        case Kind::Pca:
            return core::pcaPlane(*path);
        case Kind::File: {
            core::Plane plane;
            plane.origin = origin;
            plane.d1 = d1_;
            plane.d2 = d2_;
            return plane;
        }
        case Kind::None: break;
        }
    } catch (const core::InputError& e) {
        failFlag(kind_ == Kind::File ? "directions" : "plane", e.what());
    }
    throw std::logic_error("PlaneChoice::make without a plane");
}

std::optional<std::string> PlaneChoice::directionsPath() const
{
    if (!out_)
        return std::nullopt;
    return out_->path();
}

void PlaneChoice::writeDirections(const core::Plane& plane)
{
    if (!out_)
        return;
    ParamsFile::writeTable(*out_, objective_, {"d1", "d2"}, {&plane.d1, &plane.d2});
    out_->commit();
}

}  // namespace downhill::cli
