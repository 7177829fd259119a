#pragma once
// The plane a run is drawn or written on (PlaneChoice), through the run's start or its end.
// A plane through the start that the path does not decide (random, given directions) is made
// at once; one through the end, or the PCA plane of the path, depends on where the run goes,
// so a first run of the same settings finds it (training is deterministic: the run that is
// then written or drawn takes exactly the same path). Shared by train and render.
#include <atomic>
#include <optional>
#include <string>

#include "app/cli/plane_choice.h"
#include "app/cli/train_options.h"
#include "core/landscape/plane.h"

namespace downhill::cli {

struct RunPlane {
    bool interrupted = false;
    std::optional<core::Plane> plane;   // empty when the choice is two parameters
};

// The --config file's plane, for PlaneChoice: for the file's own model, or for any network
// (a random or PCA plane means the same for every network; axes and ranges are the model's).
std::string basePlane(const TrainOptions& options);

RunPlane findRunPlane(const PlaneChoice& choice, const TrainOptions& options, bool atStart, const std::string& command,
    const std::atomic<bool>* stop);

}  // namespace downhill::cli
