#include "app/cli/trajectory_writer.h"

namespace downhill::cli {

void TrajectoryWriter::planeFields(const core::Vec& w)
{
    if (!plane_)
        return;
    const core::PlaneCoordinates c = core::projectOntoPlane(*plane_, w);
    csv_.field(c.alpha);
    csv_.field(c.beta);
    csv_.field(c.offPlane);
}

void TrajectoryWriter::onBegin(const core::Trainer& trainer)
{
    wide_ = trainer.params().size() <= core::kMaxSmallParameters;
    const auto planeColumns = [this] {
        if (plane_)
            for (const char* column : {"alpha", "beta", "off_plane"})
                csv_.field(column);
    };
    if (!wide_) {
        for (const char* column : {"step", "epoch", "lr", "loss", "grad_norm", "train_loss"})
            csv_.field(column);
        planeColumns();
        csv_.endRow();
        csv_.field(trainer.state().step);
        for (int i = 0; i < 4; ++i)
            csv_.emptyField();
        csv_.field(trainer.trainingLoss());
        planeFields(trainer.params());
        csv_.endRow();
        return;
    }
    const auto names = trainer.objective().parameterNames();
    for (const char* column : {"step", "epoch", "lr", "loss"})
        csv_.field(column);
    for (const auto& name : names)
        csv_.field(name);
    for (const auto& name : names)
        csv_.field("grad_" + name);
    csv_.field("train_loss");
    planeColumns();
    csv_.endRow();

    csv_.field(trainer.state().step);
    for (int i = 0; i < 3; ++i)
        csv_.emptyField();
    const core::Vec& w = trainer.params();
    for (Eigen::Index i = 0; i < w.size(); ++i)
        csv_.field(w[i]);
    for (Eigen::Index i = 0; i < w.size(); ++i)
        csv_.emptyField();
    csv_.field(trainer.trainingLoss());
    planeFields(w);
    csv_.endRow();
}

bool TrajectoryWriter::onStep(const core::Trainer&, const core::StepRecord& record)
{
    csv_.field(record.step);
    csv_.field(record.epoch + 1);
    // The rate that multiplied the update: the scheduled rate (adagrad divides it further).
    csv_.field(record.update.lr);
    csv_.field(record.batchLoss);
    if (!wide_) {
        csv_.field(record.gradient.norm());
        csv_.field(record.trainLoss);
        planeFields(record.after);
        csv_.endRow();
        return true;
    }
    for (Eigen::Index i = 0; i < record.after.size(); ++i)
        csv_.field(record.after[i]);
    for (Eigen::Index i = 0; i < record.gradient.size(); ++i)
        csv_.field(record.gradient[i]);
    csv_.field(record.trainLoss);
    planeFields(record.after);
    csv_.endRow();
    return true;
}

}  // namespace downhill::cli
