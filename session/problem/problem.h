#pragma once
// What a run trains on, built from the settings: the objective (model + loss, or an analytic
// function), the data set and its train/validation split. Data sets are cached by where they
// come from, so that changing the loss or the model does not regenerate 2000 images.
#include <array>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <QString>

#include "core/model/analytic_objective.h"
#include "session/settings/app_settings.h"
#include "core/model/data_objective.h"
#include "core/data/dataset.h"
#include "core/model/objective.h"
#include "core/train/trainer.h"

namespace downhill::core {
class MlpObjective;
class Progress;
}

namespace downhill::ui {

class Problem {
public:
    Problem() = default;
    // Throws core::InputError with a message ready to show (a bad data file, a bad setting).
    // previous: a problem whose data set may be reused. progress (optional): how far reading a
    // data file has got; core::Cancelled once it is cancelled.
    static Problem build(const AppSettings& settings, const Problem* previous = nullptr, core::Progress* progress = nullptr);
    // Whether build(settings, this) would reuse this problem's data set, reading nothing.
    bool holdsDataFor(const AppSettings& settings) const;
    // Around a run made elsewhere (downhill-cli render --race preset): its objective and data,
    // with no data set behind them (so no images). data may be null for an analytic function.
    static Problem fromRun(std::shared_ptr<const core::Objective> objective, std::shared_ptr<const core::TrainData> data);

    const std::shared_ptr<const core::Objective>& objective() const { return objective_; }
    const std::shared_ptr<const core::Dataset>& dataset() const { return dataset_; }
    const std::shared_ptr<const core::TrainData>& data() const { return data_; }
    // The rows of dataset() behind data(): which went to training, which to validation.
    const core::Split& split() const { return split_; }
    // The samples the landscape is drawn on: the training set (empty for analytic functions).
    std::shared_ptr<const core::Samples> landscapeSamples() const;

    bool valid() const { return objective_ != nullptr; }
    bool usesData() const { return objective_ && objective_->usesData(); }
    bool showsImages() const { return usesData() && dataset_ && dataset_->hasImages(); }
    const core::DataObjective* dataObjective() const;
    const core::AnalyticObjective* analytic() const;
    const core::MlpObjective* network() const;   // null unless the model is a network
    // Where a run starts by default: a network's nn.Linear initialisation drawn with the run's
    // seed (as downhill-cli does), the model's own default start otherwise.
    core::Vec defaultStart(std::uint64_t seed) const;
    std::vector<std::string> parameterNames() const;
    int parameterCount() const;
    std::int64_t trainSize() const;
    QString dataSource() const;

    // Where training would end up: the least-squares fit for data models (the held
    // non-linear parameters kept at `at`), the known minimum nearest `at` for analytic
    // functions. Empty when there is none (the saddle).
    core::Vec referenceMinimum(const core::Vec& at) const;
    // A plot range over the two axes that holds the start point and the reference minimum
    // with a margin; the analytic functions' own view for them.
    std::array<double, 4> defaultRange(int axis1, int axis2, const core::Vec& start) const;

    // A trainer for a new run from `init`; throws core::InputError for invalid settings.
    std::unique_ptr<core::Trainer> makeTrainer(const core::TrainSettings& settings, const core::Vec& init) const;

private:
    using DataKey = std::tuple<QString, int, std::uint64_t>;

    std::shared_ptr<const core::Objective> objective_;
    std::shared_ptr<const core::Dataset> dataset_;
    std::shared_ptr<const core::TrainData> data_;
    core::Split split_;
    DataKey dataKey_;
    double valFraction_ = -1;
};

}  // namespace downhill::ui
