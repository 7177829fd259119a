#pragma once
// Runs the training that TrainOptions describe, the same way for train and render: the data,
// the trainer, the trajectory CSV, early stopping, progress on a terminal, and at the end the
// summary on stdout and the divergence notice on stderr.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/csv_writer.h"
#include "core/train/train_observer.h"
#include "app/cli/train_options.h"
#include "core/train/trainer.h"
#include "core/train/training_run.h"
#include "app/cli/trajectory_writer.h"

namespace downhill::cli {

// The trainer TrainOptions describe, its data loaded: what train runs, and what a race copies
// for each entrant. Bad data throws core::InputError.
std::unique_ptr<core::Trainer> makeTrainer(const TrainOptions& options);

// A finished run's summary after its "model:" line, one "key: value" per line: optimizer,
// steps, epochs, params, train loss, validation loss, stop (and best, with early stopping).
std::string runSummary(const core::Trainer& trainer, const core::RunResult& result,
    const core::EarlyStopping* earlyStopping = nullptr);

class TrainRunner {
public:
    // Loads the data and sets up the trainer; bad data throws core::InputError. command names
    // the subcommand in messages.
    TrainRunner(const TrainOptions& options, std::string command);
    TrainRunner(const TrainRunner&) = delete;
    TrainRunner& operator=(const TrainRunner&) = delete;

    const core::Trainer& trainer() const { return *trainer_; }

    // Streams the trajectory to path from the next run() on; the file is created now (a bad
    // path fails before any training) and renamed into place by finish(). flag names the path
    // in messages ("--out").
    // With a plane (which must outlive the runner), each row also says where on it the run is.
    void writeTrajectory(const std::string& path, const std::string& flag, const core::Plane* plane = nullptr);
    // Also watches the run; not owned.
    void addObserver(core::TrainObserver* observer);

    // Runs to a limit, divergence, early stopping or until cancel becomes true. Returns false
    // after saying so on stderr when it was cancelled; writesFiles says whether the command
    // would have written files besides the trajectory.
    bool run(const std::atomic<bool>* cancel, bool writesFiles);
    const core::RunResult& result() const { return result_; }
    bool diverged() const { return result_.reason == core::StopReason::Diverged; }

    // Commits the trajectory, prints the summary with extraSummary (whole lines) at its end and,
    // for a diverged run, the notice on stderr. Returns the exit code.
    int finish(const std::string& extraSummary);

private:
    std::string command_;
    core::RunLimits limits_;
    std::unique_ptr<core::Trainer> trainer_;
    std::optional<CsvWriter> csv_;
    std::optional<TrajectoryWriter> trajectory_;
    std::optional<core::EarlyStopping> earlyStopping_;
    std::vector<core::TrainObserver*> observers_;
    core::RunResult result_;
};

}  // namespace downhill::cli
