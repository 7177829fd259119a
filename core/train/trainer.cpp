#include "core/train/trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/model/data_objective.h"
#include "core/base/error.h"
#include "core/data/feature_extractor.h"
#include "core/data/pixel_inputs.h"
#include "core/base/rng.h"

namespace downhill::core {

namespace {
// Independent random streams derived from the run's seed.
constexpr std::uint64_t kShuffleStream = 0x5ffe;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

void TrainSettings::validate() const
{
    optimizer.validate();
    schedule.validate();
    if (batchSize < 1)
        throw InputError("batch size must be at least 1, got " + std::to_string(batchSize));
    augmentation.validate();
}

TrainData TrainData::fromDataset(const Dataset& dataset, const Split& split, int inputSize)
{
    TrainData data;
    data.train = dataset.samples.gather(split.train);
    data.val = dataset.samples.gather(split.val);
    if (inputSize > 0) {
        if (!dataset.hasImages()) {
            throw InputError("a network reads the pixels, and " + (dataset.source.empty() ? std::string("this data set")
                : dataset.source) + " has none (CSV data): use an image folder or the built-in people set");
        }
        data.inputSize = inputSize;
        data.train.inputs = shrinkImages(dataset.images, split.train, inputSize);
        data.val.inputs = shrinkImages(dataset.images, split.val, inputSize);
    }
    if (dataset.hasImages()) {
        data.trainImages.reserve(split.train.size());
        for (int row : split.train)
            data.trainImages.push_back(dataset.images[static_cast<std::size_t>(row)]);
    }
    return data;
}

Trainer::Trainer(std::shared_ptr<const Objective> objective, TrainData data, TrainSettings settings, Vec init)
    : objective_(std::move(objective)), data_(std::move(data)), settings_(std::move(settings))
{
    settings_.validate();
    if (objective_->usesData() && data_.train.size() == 0)
        throw InputError("the training set is empty: there is nothing to train on");
    if (!data_.trainImages.empty() && static_cast<Eigen::Index>(data_.trainImages.size()) != data_.train.size())
        throw InputError("internal: one image per training sample expected");
    if (const int n = objective_->inputSize(); n > 0) {
        if (data_.inputSize != n || data_.train.inputs.cols() != data_.train.size()
            || (data_.val.size() > 0 && data_.val.inputs.cols() != data_.val.size()))
            throw InputError(objective_->name() + " reads the pixels shrunk to " + std::to_string(n) + " x "
                + std::to_string(n) + ", and the training data does not carry them");
    }
    buildShortcut();
    reset(init);
}

void Trainer::buildShortcut()
{
    const auto* dataObjective = dynamic_cast<const DataObjective*>(objective_.get());
    if (!dataObjective || dataObjective->loss().kind() != LossKind::Mse)
        return;
    const Model& model = dataObjective->model();
    if (static_cast<int>(model.affineParameters().size()) != model.parameterCount()
        || !QuadraticForm::fits(model.parameterCount()))
        return;
    // r = J^T w + (f(x; 0) - t), with J independent of w.
    const Vec zero = Vec::Zero(model.parameterCount());
    Array2D jac;
    Array y;
    model.jacobian(data_.train.x, zero, jac);
    model.predict(data_.train.x, zero, y);
    trainQuadratic_ = QuadraticForm(jac, y - data_.train.t);
}

void Trainer::setSettings(const TrainSettings& settings)
{
    settings.validate();
    if (settings.optimizer.kind != settings_.optimizer.kind)
        state_.optimizer.reset(state_.params.size());
    settings_ = settings;
}

void Trainer::restore(const TrainState& state)
{
    if (state.params.size() != objective_->parameterCount())
        throw InputError("internal: restored state has the wrong number of parameters");
    state_ = state;
}

void Trainer::reset(const Vec& init)
{
    const int p = objective_->parameterCount();
    if (init.size() != p)
        throw InputError("expected " + std::to_string(p) + " initial values for " + objective_->name() + ", got "
            + std::to_string(init.size()));
    if (!init.allFinite())
        throw InputError("initial values must be finite numbers");
    state_ = TrainState{};
    state_.params = init;
    state_.optimizer.reset(p);
}

std::int64_t Trainer::trainSize() const
{
    return objective_->usesData() ? data_.train.size() : 1;
}

int Trainer::batchSize() const
{
    return static_cast<int>(std::min<std::int64_t>(settings_.batchSize, trainSize()));
}

std::int64_t Trainer::batchesPerEpoch() const
{
    const std::int64_t b = batchSize();
    return (trainSize() + b - 1) / b;
}

void Trainer::ensurePermutation() const
{
    const auto n = static_cast<std::size_t>(trainSize());
    if (permutationEpoch_ == state_.epoch && permutationSeed_ == settings_.seed
        && permutationShuffled_ == settings_.shuffle && permutation_.size() == n)
        return;
    permutation_.resize(n);
    std::iota(permutation_.begin(), permutation_.end(), 0);
    if (settings_.shuffle) {
        Rng rng(deriveSeed(settings_.seed, kShuffleStream, static_cast<std::uint64_t>(state_.epoch)));
        for (auto i = static_cast<int>(n) - 1; i > 0; --i)
            std::swap(permutation_[static_cast<std::size_t>(i)], permutation_[static_cast<std::size_t>(rng.integer(0, i))]);
    }
    permutationEpoch_ = state_.epoch;
    permutationSeed_ = settings_.seed;
    permutationShuffled_ = settings_.shuffle;
}

std::vector<int> Trainer::nextBatchRows() const
{
    ensurePermutation();
    const auto start = static_cast<std::size_t>(state_.cursor);
    const auto end = static_cast<std::size_t>(std::min<std::int64_t>(state_.cursor + batchSize(), trainSize()));
    return {permutation_.begin() + static_cast<std::ptrdiff_t>(start), permutation_.begin() + static_cast<std::ptrdiff_t>(end)};
}

void Trainer::drawBatch()
{
    ensurePermutation();
    const auto start = static_cast<std::size_t>(state_.cursor);
    const auto end = static_cast<std::size_t>(std::min<std::int64_t>(state_.cursor + batchSize(), trainSize()));
    batchRows_.assign(permutation_.begin() + static_cast<std::ptrdiff_t>(start), permutation_.begin() + static_cast<std::ptrdiff_t>(end));
    if (!objective_->usesData())
        return;
    const auto count = static_cast<Eigen::Index>(batchRows_.size());
    // Same sizes as the last batch (all but an epoch's shorter last one): no reallocation.
    batch_.x.resize(count);
    batch_.t.resize(count);
    const bool pixels = objective_->inputSize() > 0;
    if (pixels)
        batch_.inputs.resize(data_.train.inputs.rows(), count);
    const bool augmenting = settings_.augmentation.any() && !data_.trainImages.empty();
    for (Eigen::Index i = 0; i < count; ++i) {
        const int row = batchRows_[static_cast<std::size_t>(i)];
        batch_.t[i] = data_.train.t[row];
        if (augmenting) {
            augmentInto(data_.trainImages[static_cast<std::size_t>(row)], settings_.augmentation,
                sampleAugmentationSeed(settings_.seed, state_.epoch, row), augmented_);
            if (pixels) {
                // A network sees the augmented pixels. It does not read x, which keeps the
                // original image's value: the feature extraction costs more than the whole step.
                shrinkImage(augmented_, data_.inputSize, batch_.inputs.col(i));
                batch_.x[i] = data_.train.x[row];
            } else {
                batch_.x[i] = extractFeature(augmented_);
            }
        } else {
            batch_.x[i] = data_.train.x[row];
            if (pixels)
                batch_.inputs.col(i) = data_.train.inputs.col(row);
        }
    }
}

bool Trainer::step(StepRecord* record, bool withTrainLoss)
{
    drawBatch();
    const double lr = settings_.schedule.rateAt(settings_.optimizer.lr, state_.step);
    const double loss = objective_->evaluateWithGradient(state_.params, batch_, grad_, ws_);
    if (!std::isfinite(loss) || !isAllFinite(grad_) || !std::isfinite(lr))
        return false;

    // Copies into buffers of the same size: no allocation after the first step. Only what
    // this update will change is saved.
    before_ = state_.params;
    copyUpdatedParts(settings_.optimizer, state_.optimizer, optimizerBefore_);
    optimizerStep(settings_.optimizer, lr, state_.optimizer, state_.params, grad_, record ? &record->update : nullptr,
        &optimizerScratch_);
    double trainLoss = kNaN;
    bool finite = isAllFinite(state_.params);
    if (finite && withTrainLoss) {
        trainLoss = trainingLoss(state_.params);
        finite = std::isfinite(trainLoss);
    }
    if (!finite) {
        state_.params = before_;
        copyUpdatedParts(settings_.optimizer, optimizerBefore_, state_.optimizer);
        return false;
    }

    const std::int64_t batchIndex = state_.cursor / std::max(1, batchSize());
    const std::int64_t epoch = state_.epoch;
    state_.step += 1;
    state_.cursor += static_cast<std::int64_t>(batchRows_.size());
    const bool epochEnded = state_.cursor >= trainSize();
    if (epochEnded) {
        state_.epoch += 1;
        state_.cursor = 0;
    }
    if (record) {
        record->step = state_.step;
        record->epoch = epoch;
        record->batchIndex = batchIndex;
        record->lr = lr;
        record->batchLoss = loss;
        record->gradient = grad_;
        record->before = before_;
        record->after = state_.params;
        record->trainLoss = trainLoss;
        record->epochEnded = epochEnded;
    }
    return true;
}

double Trainer::lossOn(const Samples& samples, const Vec& w) const
{
    return objective_->evaluate(w, samples, setWs_);
}

double Trainer::trainingLoss(const Vec& w) const
{
    if (!trainQuadratic_.empty())
        return trainQuadratic_.mean(w);
    return lossOn(data_.train, w);
}

double Trainer::validationLoss(const Vec& w) const
{
    if (!objective_->usesData() || data_.val.size() == 0)
        return kNaN;
    return lossOn(data_.val, w);
}

}  // namespace downhill::core
