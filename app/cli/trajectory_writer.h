#pragma once
// Streams a run into the trajectory CSV, one row per update, as it happens:
//   step,epoch,lr,loss,<params...>,grad_<param>...,train_loss
// Row 0 holds the initial parameters and training loss, the other fields empty. A model with
// more than core::kMaxSmallParameters parameters (a network) gets
//   step,epoch,lr,loss,grad_norm,train_loss
// instead, grad_norm the Euclidean norm of the batch gradient (train --params-out has the
// final parameters). With a plane (train --plane, --directions) every row ends in
// alpha,beta,off_plane: where the parameters project onto the plane and how far off it they are.
#include "app/cli/csv_writer.h"
#include "core/landscape/plane.h"
#include "core/train/train_observer.h"

namespace downhill::cli {

class TrajectoryWriter final : public core::TrainObserver {
public:
    // plane, if given, must outlive the writer.
    explicit TrajectoryWriter(CsvWriter& csv, const core::Plane* plane = nullptr) : csv_(csv), plane_(plane) {}

    void onBegin(const core::Trainer& trainer) override;
    bool onStep(const core::Trainer& trainer, const core::StepRecord& record) override;

private:
    void planeFields(const core::Vec& w);

    CsvWriter& csv_;
    const core::Plane* plane_;
    bool wide_ = true;  // every parameter and gradient entry spelled out
};

}  // namespace downhill::cli
