#pragma once
// The training loop: epochs of mini-batches drawn from the training set, one optimizer update
// per batch, validation after each epoch, divergence caught. Everything that decides the future
// of a run is in TrainState, a plain value: copy it to step back, restore it to replay bit for
// bit, change the settings and step on to branch.
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/data/augmentation.h"
#include "core/data/dataset.h"
#include "core/model/objective.h"
#include "core/optim/optimizer.h"
#include "core/model/quadratic_form.h"
#include "core/optim/schedule.h"

namespace downhill::core {

struct TrainSettings {
    OptimizerSettings optimizer;
    Schedule schedule;
    // Every training sample in every batch, whatever the set's size: the one way "full batch" is
    // said, in the window, the CLI and the files.
    static constexpr int kFullBatch = std::numeric_limits<int>::max();

    int batchSize = 32;          // clamped to the training set size; kFullBatch: always all of it
    bool shuffle = true;         // a new seeded order every epoch
    std::uint64_t seed = 1;      // shuffling and augmentation draws
    AugmentationSettings augmentation;

    bool fullBatch() const { return batchSize == kFullBatch; }
    void validate() const;       // throws InputError naming the field
    bool operator==(const TrainSettings&) const = default;
};

// The samples a run trains and validates on. trainImages, when not empty, holds the image of
// every training row so that augmentations can redraw it and re-extract x (or, for a network,
// shrink its pixels anew). inputSize is n when the samples carry their pixels shrunk to n x n
// (Samples::inputs), else 0.
struct TrainData {
    Samples train;
    Samples val;
    std::vector<GrayImage> trainImages;
    int inputSize = 0;

    // With inputSize > 0, also the pixels of every row, shrunk to inputSize x inputSize; throws
    // InputError if the data set has no images (CSV data) or inputSize does not divide them.
    static TrainData fromDataset(const Dataset& dataset, const Split& split, int inputSize = 0);
};

struct TrainState {
    Vec params;
    OptimizerState optimizer;
    std::int64_t step = 0;       // updates taken so far
    std::int64_t epoch = 0;      // the epoch the next batch belongs to (0-based)
    std::int64_t cursor = 0;     // training samples of this epoch already used

    bool operator==(const TrainState&) const = default;
};

// One update, with every number the step card shows.
struct StepRecord {
    std::int64_t step = 0;       // 1-based number of this update
    std::int64_t epoch = 0;      // 0-based epoch of its batch
    std::int64_t batchIndex = 0; // 0-based batch number within the epoch
    double lr = 0;               // the scheduled rate
    double batchLoss = 0;        // mean loss on the batch, before the update
    Vec gradient;                // of the batch loss at the old parameters
    Vec before;
    Vec after;
    UpdateDetail update;
    double trainLoss = 0;        // whole training set after the update (NaN unless asked for)
    bool epochEnded = false;     // this update finished an epoch
};

class Trainer {
public:
    // Throws InputError when the settings are invalid, init has the wrong size or holds a
    // non-finite value, or a data objective gets no training samples.
    Trainer(std::shared_ptr<const Objective> objective, TrainData data, TrainSettings settings, Vec init);

    const Objective& objective() const { return *objective_; }
    const std::shared_ptr<const Objective>& objectivePtr() const { return objective_; }
    const TrainData& data() const { return data_; }
    const TrainSettings& settings() const { return settings_; }
    const TrainState& state() const { return state_; }
    const Vec& params() const { return state_.params; }

    // Takes effect at the next update; the run is not reset. Switching to another optimizer
    // starts its buffers afresh (the old optimizer's buffers mean nothing to the new one).
    void setSettings(const TrainSettings& settings);
    // Back to any earlier state of this run (or of a run with the same objective and data).
    void restore(const TrainState& state);
    // A fresh run from these parameters.
    void reset(const Vec& init);

    // One update. Returns false, leaving the state as it was, if the loss, the gradient or the
    // new parameters (or, with withTrainLoss, the training loss after the update) are not
    // finite: the run diverged at step state().step + 1.
    bool step(StepRecord* record = nullptr, bool withTrainLoss = false);

    // Training samples per epoch, and updates per epoch at the current batch size.
    std::int64_t trainSize() const;
    int batchSize() const;
    std::int64_t batchesPerEpoch() const;
    // Rows of data().train that the next update will use, in order.
    std::vector<int> nextBatchRows() const;
    // The samples of the last update's batch (augmented if augmentation is on).
    const Samples& lastBatch() const { return batch_; }
    const std::vector<int>& lastBatchRows() const { return batchRows_; }

    double trainingLoss() const { return trainingLoss(state_.params); }
    double trainingLoss(const Vec& w) const;
    // NaN when there is no validation set.
    double validationLoss() const { return validationLoss(state_.params); }
    double validationLoss(const Vec& w) const;
    double lossOn(const Samples& samples, const Vec& w) const;

private:
    void ensurePermutation() const;
    void drawBatch();
    void buildShortcut();

    std::shared_ptr<const Objective> objective_;
    TrainData data_;
    TrainSettings settings_;
    TrainState state_;

    // Derived from (seed, shuffle, epoch); rebuilt when those change.
    mutable std::vector<int> permutation_;
    mutable std::int64_t permutationEpoch_ = -1;
    mutable std::uint64_t permutationSeed_ = 0;
    mutable bool permutationShuffled_ = false;

    // Work buffers, allocated once.
    std::vector<int> batchRows_;
    Samples batch_;
    GrayImage augmented_;
    mutable Workspace ws_;
    // Losses on a whole set (the training loss after each update, validation): a network's
    // buffers sized for a set of 1,600 would otherwise be resized back and forth with the batch.
    mutable Workspace setWs_;
    Vec grad_;
    Vec before_;                       // the parameters and optimizer state before the update,
    OptimizerState optimizerBefore_;   // put back if it is not finite
    OptimizerScratch optimizerScratch_;

    // mse on a model affine in all its parameters: the training loss is a quadratic form.
    QuadraticForm trainQuadratic_;
};

}  // namespace downhill::core
