#include "plots/run_animation.h"
#include "plots/plot_projection.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>

#include "core/base/even_spread.h"

#include "plots/figure.h"
#include "plots/frame_folder.h"
#include "plots/gif_writer.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"

namespace downhill::ui {

std::vector<std::int64_t> evenFrameSteps(std::int64_t lastStep, int frames)
{
    return core::evenSpread(lastStep, frames);
}

std::vector<std::int64_t> everyKFrameSteps(std::int64_t lastStep, std::int64_t every, int maxFrames)
{
    lastStep = std::max<std::int64_t>(lastStep, 0);
    every = std::max<std::int64_t>(every, 1);
    const std::int64_t count = lastStep / every + 1 + (lastStep % every != 0 ? 1 : 0);
    if (count > maxFrames)
        return evenFrameSteps(lastStep, maxFrames);
    std::vector<std::int64_t> steps;
    for (std::int64_t s = 0; s <= lastStep; s += every)
        steps.push_back(s);
    if (steps.back() != lastStep)
        steps.push_back(lastStep);
    return steps;
}

QPointF carriedByMomentum(const core::OptimizerSettings& opt, std::int64_t t, QPointF step, QPointF gradient, double updateLr)
{
    if (opt.kind != core::OptimizerKind::Sgd || opt.momentum <= 0 || t <= 1)
        return {};
    const double gradientShare = opt.nesterov ? 1.0 : 1.0 - opt.dampening;
    return step + updateLr * gradientShare * gradient;
}

QString divergedLabel(const QString& label, std::int64_t step)
{
    return QCoreApplication::translate("RunAnimation", "%1 \u2014 diverged at step %2").arg(label).arg(step);
}

QString divergedLossLabel(const QString& label)
{
    return QCoreApplication::translate("RunAnimation", "%1 \u2014 diverged").arg(label);
}

RunAnimation::RunAnimation(Figure& figure, AnimationRun run) : figure_(figure), run_(std::move(run))
{
    LandscapePlot& plot = figure_.landscape();
    std::erase_if(run_.entrants, [](const AnimationEntrant& e) { return e.track.empty(); });
    const bool hasRun = !(run_.init.size() == 0);
    // The captions and the legends go where they hide least of the whole run, and stay there.
    plot.clearPath();
    QVector<QPointF> points;
    if (hasRun) {
        points.reserve(static_cast<qsizetype>(run_.rows.size()) + 1);
        points.push_back(project(run_.init));
        for (const StepRow& row : run_.rows)
            points.push_back(project(row.params));
        plot.appendPath(points);
    }
    plot.setDiverged(false, {});
    if (!run_.entrants.empty()) {
        addEntrantPaths();
        for (std::size_t i = 0; i < run_.entrants.size(); ++i) {
            QVector<QPointF> track;
            for (const TrackPoint& p : run_.entrants[i].track)
                track.push_back(p.at);
            plot.appendOverlayPath(static_cast<int>(i), track);
        }
        if (LossPlot* loss = figure_.loss()) {
            // The loss plot shows every curve whole from the first frame; its marker moves.
            for (const AnimationEntrant& e : run_.entrants) {
                const int id = loss->addOverlaySeries(e.divergedAt > 0 ? divergedLossLabel(e.label) : e.label, e.color);
                QVector<double> steps, losses;
                for (const TrackPoint& p : e.track) {
                    steps.push_back(static_cast<double>(p.step));
                    losses.push_back(p.loss);
                }
                loss->appendOverlaySteps(id, steps, losses);
                loss->setOverlayDiverged(id, e.divergedAt > 0);
            }
        }
        figure_.finishRace(hasRun);
    }
    if (hasRun) {
        figure_.placeCaptions(points.back());
        plot.clearPath();
        plot.appendPath({project(run_.init)});
    }
    if (!run_.entrants.empty())
        addEntrantPaths();
    grown_ = 0;
}

void RunAnimation::addEntrantPaths()
{
    LandscapePlot& plot = figure_.landscape();
    plot.clearOverlayPaths();
    for (const AnimationEntrant& e : run_.entrants)
        plot.addOverlayPath(e.label, e.color);
    entrantGrown_.assign(run_.entrants.size(), 0);
}

QPointF RunAnimation::project(const core::Vec& w) const
{
    return plotPoint(run_.projection, w);
}

QPointF RunAnimation::projectDirection(const core::Vec& v) const
{
    return plotDirection(run_.projection, v);
}

std::size_t RunAnimation::rowsUpTo(std::int64_t step) const
{
    const auto end = std::upper_bound(run_.rows.begin(), run_.rows.end(), step,
        [](std::int64_t s, const StepRow& row) { return s < row.step; });
    return static_cast<std::size_t>(end - run_.rows.begin());
}

namespace {

// How many of the track's points were reached by `step` (the start always was).
std::size_t trackUpTo(const std::vector<TrackPoint>& track, std::int64_t step)
{
    const auto end = std::upper_bound(track.begin(), track.end(), step,
        [](std::int64_t s, const TrackPoint& p) { return s < p.step; });
    return std::max<std::size_t>(static_cast<std::size_t>(end - track.begin()), 1);
}

}  // namespace

std::int64_t RunAnimation::lastStep() const
{
    std::int64_t last = run_.rows.empty() ? 0 : run_.rows.back().step;
    for (const AnimationEntrant& e : run_.entrants)
        last = std::max(last, e.divergedAt > 0 ? e.divergedAt : e.track.back().step);
    return last;
}

QPointF RunAnimation::pointAt(std::int64_t step) const
{
    if ((run_.init.size() == 0))
        return {std::nan(""), std::nan("")};
    const std::size_t n = rowsUpTo(step);
    return n == 0 ? project(run_.init) : project(run_.rows[n - 1].params);
}

QPointF RunAnimation::entrantPointAt(std::size_t entrant, std::int64_t step) const
{
    if (entrant >= run_.entrants.size())
        return {std::nan(""), std::nan("")};
    const auto& track = run_.entrants[entrant].track;
    return track[trackUpTo(track, step) - 1].at;
}

QImage RunAnimation::frame(std::int64_t step)
{
    show(step);
    return figure_.image();
}

void RunAnimation::show(std::int64_t step)
{
    if (!(run_.init.size() == 0))
        showRun(step);
    showEntrants(step);
    if (LossPlot* loss = figure_.loss()) {
        const std::size_t n = rowsUpTo(step);
        // The run's marker sits on its last row; a race's on the frame's step.
        loss->setCurrentStep(static_cast<double>(run_.entrants.empty() ? (n == 0 ? 0 : run_.rows[n - 1].step) : step));
    }
    if (!run_.title.isEmpty())
        figure_.setTitle(QCoreApplication::translate("RunAnimation", "%1 \u00b7 step %2").arg(run_.title).arg(step));
}

void RunAnimation::showRun(std::int64_t step)
{
    LandscapePlot& plot = figure_.landscape();
    const std::size_t n = rowsUpTo(step);
    if (n < grown_) {
        plot.clearPath();
        plot.appendPath({project(run_.init)});
        grown_ = 0;
    }
    if (n > grown_) {
        QVector<QPointF> points;
        points.reserve(static_cast<qsizetype>(n - grown_));
        for (std::size_t k = grown_; k < n; ++k)
            points.push_back(project(run_.rows[k].params));
        plot.appendPath(points);
        grown_ = n;
    }

    if (n == 0) {
        plot.setCurrent(project(run_.init), run_.startNegGradient, QPointF(), QPointF());
    } else {
        const StepRow& row = run_.rows[n - 1];
        const QPointF after = project(row.params);
        const QPointF gradient = projectDirection(row.gradient);
        // The step taken is known only when the row before is the step before (a thinned log
        // skips steps); otherwise its arrows are left out rather than drawn wrong.
        const std::int64_t previousStep = n >= 2 ? run_.rows[n - 2].step : 0;
        QPointF taken, velocity;
        if (previousStep == row.step - 1) {
            taken = after - (n >= 2 ? project(run_.rows[n - 2].params) : project(run_.init));
            velocity = carriedByMomentum(run_.optimizer, row.step, taken, gradient, row.updateLr);
        }
        plot.setCurrent(after, -gradient, taken, velocity);
    }
    const bool diverged = !run_.divergence.isEmpty() && n == run_.rows.size() && n > 0;
    if (diverged != plot.isDiverged())
        plot.setDiverged(diverged, run_.divergence);
}

void RunAnimation::showEntrants(std::int64_t step)
{
    LandscapePlot& plot = figure_.landscape();
    std::vector<std::size_t> shown(run_.entrants.size());
    bool back = false;
    for (std::size_t i = 0; i < run_.entrants.size(); ++i) {
        shown[i] = trackUpTo(run_.entrants[i].track, step);
        back = back || shown[i] < entrantGrown_[i];
    }
    if (back)
        addEntrantPaths();
    for (std::size_t i = 0; i < run_.entrants.size(); ++i) {
        const AnimationEntrant& e = run_.entrants[i];
        const int id = static_cast<int>(i);
        if (shown[i] > entrantGrown_[i]) {
            QVector<QPointF> points;
            for (std::size_t k = entrantGrown_[i]; k < shown[i]; ++k)
                points.push_back(e.track[k].at);
            plot.appendOverlayPath(id, points);
            entrantGrown_[i] = shown[i];
        }
        plot.setOverlayCurrent(id, e.track[shown[i] - 1].at);
        if (QCPCurve* curve = plot.overlayCurve(id))
            curve->setName(e.divergedAt > 0 && step >= e.divergedAt ? divergedLabel(e.label, e.divergedAt) : e.label);
    }
}

void RunAnimation::plotLoss(LossPlot& plot, const std::vector<StepRow>& rows, const std::vector<core::EpochRecord>& epochs)
{
    plot.clear();
    QVector<double> steps, losses, rates;
    steps.reserve(static_cast<qsizetype>(rows.size()));
    losses.reserve(static_cast<qsizetype>(rows.size()));
    rates.reserve(static_cast<qsizetype>(rows.size()));
    for (const StepRow& row : rows) {
        steps.push_back(static_cast<double>(row.step));
        losses.push_back(row.batchLoss);
        rates.push_back(row.lr);
    }
    plot.appendSteps(steps, losses, rates);
    QVector<double> epochSteps, train, val;
    for (const core::EpochRecord& e : epochs) {
        epochSteps.push_back(static_cast<double>(e.step));
        train.push_back(e.trainLoss);
        val.push_back(e.valLoss);
    }
    plot.appendEpochs(epochSteps, train, val);
}

int gifDelayCentiseconds(double fps)
{
    if (!(fps > 0))
        return 10;
    return std::clamp(static_cast<int>(std::lround(100.0 / fps)), 2, 0xffff);
}

ExportResult exportAnimation(RunAnimation& animation, const AnimationOutput& output,
    const std::function<bool(int done, int total)>& progress, QString* error)
{
    const auto& steps = output.steps;
    const int total = static_cast<int>(steps.size());
    auto failed = [&](const QString& message) {
        if (error)
            *error = message;
        return ExportResult::Failed;
    };
    if (steps.empty())
        return failed(QCoreApplication::translate("RunAnimation", "Cannot write \"%1\": there are no frames to write.").arg(output.target));
    if (!progress(0, total))
        return ExportResult::Cancelled;

    GifStream gif;
    FrameFolder folder;
    if (output.format == AnimationFormat::Gif) {
        // One palette for all frames, from the first, a middle and the last: the map is in
        // every frame, and the last has every colour the path and the arrows take.
        const QVector<QImage> samples{animation.frame(steps.front()), animation.frame(steps[steps.size() / 2]),
            animation.frame(steps.back())};
        if (!gif.open(output.target, samples.front().size(), samples, error))
            return ExportResult::Failed;
    } else if (!folder.open(output.target, error)) {
        return ExportResult::Failed;
    }

    const int delay = gifDelayCentiseconds(output.fps);
    for (int k = 0; k < total; ++k) {
        if (k > 0 && !progress(k, total))
            return ExportResult::Cancelled;   // the stream or folder is removed on the way out
        const QImage image = animation.frame(steps[static_cast<std::size_t>(k)]);
        const bool ok = output.format == AnimationFormat::Gif
            ? gif.add(image, k + 1 == total ? std::max(delay, output.holdLastCentiseconds) : delay, error)
            : folder.add(image, error);
        if (!ok)
            return ExportResult::Failed;
    }
    const bool ok = output.format == AnimationFormat::Gif ? gif.commit(error) : folder.commit(error);
    if (!ok)
        return ExportResult::Failed;
    progress(total, total);
    return ExportResult::Written;
}

}  // namespace downhill::ui
