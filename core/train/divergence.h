#pragma once
// Where a run stopped being finite numbers, and the one way every program says so: the CLI's
// stop line, the window's run and each entrant of a race take the message from here.
#include <cstdint>
#include <optional>
#include <string>

#include "core/train/trainer.h"

namespace downhill::core {

struct Divergence {
    std::int64_t step = 0;       // the update that failed (1-based)
    std::string message;

    // At update `step`: "diverged at step <step>: the loss or the parameters stopped being
    // finite numbers (lower the learning rate); the last finite state is kept". downhill-cli
    // prints it as it is, so its bytes are part of the CLI's output.
    static Divergence at(std::int64_t step);

    bool operator==(const Divergence&) const = default;
};

// One update of trainer (Trainer::step). Empty when it was taken; otherwise the trainer kept
// its last finite state and the result says which update failed.
std::optional<Divergence> stepOrDiverge(Trainer& trainer, StepRecord* record, bool withTrainLoss);

}  // namespace downhill::core
