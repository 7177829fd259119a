#pragma once
// Streams a run into the trajectory CSV, one row per update, as it happens:
//   step,epoch,lr,loss,<params...>,grad_<param>...,train_loss
// Row 0 holds the initial parameters and training loss, the other fields empty. A model with
// more than core::kMaxSmallParameters parameters (a network) gets
//   step,epoch,lr,loss,grad_norm,train_loss
// instead, grad_norm the Euclidean norm of the batch gradient (train --params-out has the
// final parameters).
#include "app/cli/csv_writer.h"
#include "core/train/train_observer.h"

namespace downhill::cli {

class TrajectoryWriter final : public core::TrainObserver {
public:
    explicit TrajectoryWriter(CsvWriter& csv) : csv_(csv) {}

    void onBegin(const core::Trainer& trainer) override;
    bool onStep(const core::Trainer& trainer, const core::StepRecord& record) override;

private:
    CsvWriter& csv_;
    bool wide_ = true;  // every parameter and gradient entry spelled out
};

}  // namespace downhill::cli
