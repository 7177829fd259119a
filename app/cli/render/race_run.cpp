#include "app/cli/render/race_run.h"
#include "plots/plot_projection.h"

#include <algorithm>
#include <limits>

#include "core/base/error.h"
#include "plots/landscape_plot.h"
#include "plots/palette.h"
#include "session/problem/problem.h"
#include "session/problem/race_preset.h"
#include "session/run/thinned_log.h"
#include "core/train/train_observer.h"
#include "app/cli/train_runner.h"

namespace downhill::cli {

namespace {

// Each entrant's track, kept bounded however long the run (as the window keeps a race's).
class EntrantRecorder final : public core::TrainObserver {
public:
    explicit EntrantRecorder(const core::Projection& projection) : projection_(projection), track_(ui::LandscapePlot::kMaxPathPoints) {}

    void onBegin(const core::Trainer& trainer) override
    {
        add(trainer.params(), 0, trainer.trainingLoss());
    }
    bool onStep(const core::Trainer&, const core::StepRecord& record) override
    {
        add(record.after, record.step, record.trainLoss);
        return true;
    }

    const std::vector<ui::TrackPoint>& track() const { return track_.items(); }

private:
    void add(const core::Vec& w, std::int64_t step, double trainLoss)
    {
        track_.append({step, ui::plotPoint(projection_, w), trainLoss});
    }

    const core::Projection& projection_;
    ui::ThinnedLog<ui::TrackPoint> track_;
};

}  // namespace

RaceRun::RaceRun(const core::Trainer& model, const std::vector<RaceOptions::Item>& items, core::Projection projection)
    : projection_(std::move(projection))
{
    const core::TrainSettings& base = model.settings();
    const int runBatch = model.batchSize();
    const int fullBatch = static_cast<int>(std::clamp<std::int64_t>(model.trainSize(), 1, std::numeric_limits<int>::max()));
    std::vector<core::TrainSettings> lineup;
    std::vector<std::string> specs;   // what each entrant came from, for messages
    for (const RaceOptions::Item& item : items) {
        if (item.preset) {
            // The window's preset, for the same problem and start.
            const auto data = std::make_shared<core::TrainData>(model.data());
            const ui::Problem problem = ui::Problem::fromRun(model.objectivePtr(), data);
            core::TrainSettings presetBase = base;
            presetBase.batchSize = runBatch;
            const auto preset = ui::racePreset(problem, model.params(), projection_.axis1(), projection_.axis2(), presetBase);
            if (preset.size() != static_cast<std::size_t>(RaceOptions::kPresetEntrants))
                throw std::logic_error("the race preset no longer has " + std::to_string(RaceOptions::kPresetEntrants) + " entrants");
            lineup.insert(lineup.end(), preset.begin(), preset.end());
            specs.resize(lineup.size(), item.spec);
            continue;
        }
        core::TrainSettings s = base;
        s.optimizer = item.entrant.optimizer;
        s.batchSize = item.entrant.batchSize.value_or(runBatch);
        lineup.push_back(s);
        specs.push_back(item.spec);
    }
    // As the window labels them: the batch size only when it tells the entrants apart.
    bool batchesDiffer = false;
    for (const auto& s : lineup)
        batchesDiffer = batchesDiffer || std::min(s.batchSize, fullBatch) != std::min(lineup.front().batchSize, fullBatch);
    const bool withBatch = model.objective().usesData() && batchesDiffer;
    for (std::size_t i = 0; i < lineup.size(); ++i) {
        Entrant e;
        e.settings = lineup[i];
        e.lane.label = ui::raceLabel(lineup[i], withBatch, fullBatch);
        e.lane.color = ui::palette::raceColor(static_cast<int>(i));
        try {
            e.trainer = std::make_unique<core::Trainer>(model.objectivePtr(), model.data(), lineup[i], model.params());
        } catch (const core::InputError& error) {
            const std::string spec = specs[i].empty() ? "" : " '" + specs[i] + "'";
            throw core::InputError("race entrant " + std::to_string(i + 1) + spec + ": " + error.what());
        }
        entrants_.push_back(std::move(e));
    }
}

bool RaceRun::run(const core::RunLimits& limits, const std::atomic<bool>* cancel)
{
    core::RunLimits l = limits;
    l.cancel = cancel;
    l.withTrainLoss = true;   // the loss curves: the whole training set after every update
    for (Entrant& e : entrants_) {
        EntrantRecorder recorder(projection_);
        e.result = core::runTraining(*e.trainer, l, {&recorder});
        if (e.result.reason == core::StopReason::Cancelled)
            return false;
        e.lane.track = recorder.track();
        // The failed update is the one after the last finite state.
        if (e.result.reason == core::StopReason::Diverged)
            e.lane.divergedAt = e.trainer->state().step + 1;
    }
    return true;
}

bool RaceRun::anyDiverged() const
{
    return std::any_of(entrants_.begin(), entrants_.end(),
        [](const Entrant& e) { return e.result.reason == core::StopReason::Diverged; });
}

std::vector<ui::AnimationEntrant> RaceRun::lanes() const
{
    std::vector<ui::AnimationEntrant> out;
    for (const Entrant& e : entrants_)
        out.push_back(e.lane);
    return out;
}

std::string RaceRun::summary() const
{
    std::string out;
    for (std::size_t i = 0; i < entrants_.size(); ++i) {
        const Entrant& e = entrants_[i];
        const std::string prefix = "entrant " + std::to_string(i + 1) + " ";
        const std::string lines = runSummary(*e.trainer, e.result);
        std::size_t start = 0;
        while (start < lines.size()) {
            const auto end = lines.find('\n', start);
            out += prefix + lines.substr(start, end - start + 1);
            start = end + 1;
        }
    }
    return out;
}

}  // namespace downhill::cli
