#include "core/train/divergence.h"

namespace downhill::core {

Divergence Divergence::at(std::int64_t step)
{
    return {step, "diverged at step " + std::to_string(step)
            + ": the loss or the parameters stopped being finite numbers (lower the learning rate); "
              "the last finite state is kept"};
}

std::optional<Divergence> stepOrDiverge(Trainer& trainer, StepRecord* record, bool withTrainLoss)
{
    if (trainer.step(record, withTrainLoss))
        return std::nullopt;
    // Trainer::step left the state as it was: the update that failed is the next one.
    return Divergence::at(trainer.state().step + 1);
}

}  // namespace downhill::core
