#include "app/cli/run_plane.h"

#include <vector>

#include "app/cli/train_runner.h"
#include "core/train/train_observer.h"
#include "core/train/trainer.h"
#include "session/run/thinned_log.h"

namespace downhill::cli {

namespace {

// The path's parameters, kept to the PCA plane's number of points however long the run.
class PathRecorder final : public core::TrainObserver {
public:
    struct Point {
        std::int64_t step = 0;
        core::Vec params;
    };

    void onBegin(const core::Trainer& trainer) override { log_.append({trainer.state().step, trainer.params()}); }
    bool onStep(const core::Trainer&, const core::StepRecord& record) override
    {
        log_.append({record.step, record.after});
        return true;
    }
    std::vector<core::Vec> points() const
    {
        std::vector<core::Vec> out;
        for (const Point& p : log_.items())
            out.push_back(p.params);
        return out;
    }

private:
    ui::ThinnedLog<Point> log_{static_cast<std::size_t>(core::kMaxPcaPoints)};
};

}  // namespace

std::string basePlane(const TrainOptions& options)
{
    const bool network = options.model().objective()->inputSize() > 0;
    return options.modelFromBase() || network ? options.base().plane : "";
}

RunPlane findRunPlane(const PlaneChoice& choice, const TrainOptions& options, bool atStart, const std::string& command,
    const std::atomic<bool>* stop)
{
    RunPlane out;
    if (!choice.any())
        return out;
    if (atStart && !choice.needsPath()) {
        out.plane = choice.make(options.model().point(), nullptr);
        return out;
    }
    TrainRunner first(options, command);
    PathRecorder path;
    first.addObserver(&path);
    if (!first.run(stop, true)) {
        out.interrupted = true;
        return out;
    }
    const std::vector<core::Vec> points = path.points();
    out.plane = choice.make(first.trainer().params(), &points);
    if (atStart)
        out.plane->origin = options.model().point();
    return out;
}

}  // namespace downhill::cli
