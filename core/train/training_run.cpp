#include "core/train/training_run.h"

#include "core/base/error.h"
#include "core/train/divergence.h"

namespace downhill::core {

RunResult runTraining(Trainer& trainer, const RunLimits& limits, const std::vector<TrainObserver*>& observers)
{
    if (limits.maxSteps <= 0 && limits.maxEpochs <= 0)
        throw InputError("give a number of steps or epochs to run");
    for (auto* o : observers)
        o->onBegin(trainer);

    RunResult result;
    StepRecord record;
    const std::int64_t firstEpoch = trainer.state().epoch;
    auto finish = [&](StopReason reason, std::string message) {
        result.reason = reason;
        result.message = std::move(message);
        for (auto* o : observers)
            o->onEnd(trainer, result);
        return result;
    };

    while (true) {
        if (limits.maxSteps > 0 && result.steps >= limits.maxSteps)
            return finish(StopReason::StepLimit, "stopped after " + std::to_string(result.steps) + " steps");
        if (limits.maxEpochs > 0 && trainer.state().epoch - firstEpoch >= limits.maxEpochs)
            return finish(StopReason::EpochLimit, "stopped after " + std::to_string(limits.maxEpochs) + " epochs");
        if (limits.cancel && limits.cancel->load(std::memory_order_relaxed))
            return finish(StopReason::Cancelled, "cancelled");

        if (const auto divergence = stepOrDiverge(trainer, &record, limits.withTrainLoss))
            return finish(StopReason::Diverged, divergence->message);
        ++result.steps;
        for (auto* o : observers) {
            if (!o->onStep(trainer, record))
                return finish(StopReason::Observer, o->stopMessage());
        }
        if (record.epochEnded) {
            EpochRecord epoch{record.epoch, record.step, trainer.trainingLoss(), trainer.validationLoss()};
            bool go = true;
            TrainObserver* stopper = nullptr;
            for (auto* o : observers) {
                if (!o->onEpochEnd(trainer, epoch) && go) {
                    go = false;
                    stopper = o;
                }
            }
            if (!go) {
                const bool early = dynamic_cast<EarlyStopping*>(stopper) != nullptr;
                return finish(early ? StopReason::EarlyStopping : StopReason::Observer, stopper->stopMessage());
            }
        }
    }
}

}  // namespace downhill::core
