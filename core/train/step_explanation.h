#pragma once
// The step card: the arithmetic of one update written out with its real numbers, so a student
// can redo it on paper. Plain text (monospace columns), copyable as it is.
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/model/objective.h"
#include "core/train/trainer.h"

namespace downhill::core {

struct StepExplanationOptions {
    int maxSampleRows = 16;   // batch rows listed in full; the rest are summarised
    int digits = 6;           // significant digits of every number
};

// Everything one update used: the state before it, the batch it drew, what it did.
struct StepInputs {
    const Objective* objective = nullptr;
    TrainSettings settings;
    TrainState before;               // the state the update started from
    Samples batch;                   // the samples used (augmented if augmentation was on)
    std::vector<int> batchRows;      // their rows in the training set
    StepRecord record;
};

std::string explainStep(const StepInputs& inputs, const StepExplanationOptions& options = {});

}  // namespace downhill::core
