#include "window/run/run_presenter.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include <QLabel>

#include "core/base/even_spread.h"
#include "core/data/pixel_inputs.h"
#include "core/model/mlp_objective.h"
#include "core/model/mlp_trace.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "plots/plot_projection.h"
#include "plots/run_animation.h"
#include "session/problem/batch_images.h"
#include "session/problem/problem.h"
#include "session/run/training_controller.h"
#include "session/settings/app_settings.h"
#include "window/data/dataset_panel.h"
#include "window/landscape/gradient_check_view.h"
#include "window/network/network_panel.h"
#include "window/run/batch_strip.h"
#include "window/run/readout_panel.h"
#include "window/run/step_card.h"
#include "window/run/timeline_bar.h"

namespace downhill::ui {

namespace {

constexpr int kStripImages = 24;   // images converted per frame; the strip shows ~16
// Points handed to the plots per frame: at full speed a frame covers thousands of steps, more
// than its pixels can show (the path log keeps them all).
constexpr std::size_t kPlotPointsPerFrame = 2048;
// The refresh waits at least this many times as long as a frame takes to draw, so that the GUI
// thread is mostly free for the user's clicks and keys.
constexpr double kFrameBudgetFactor = 2.0;
constexpr int kMinFrameMs = 16;
constexpr int kMaxFrameMs = 100;
constexpr qint64 kLossPlotMs = 66;
// The model curve over the data while playing: a few redraws a second follow it well enough.
constexpr qint64 kModelCurveMs = 250;
// The batch strip while playing: a new batch every frame is more than anyone reads, and its
// 24 images and labels cost more than the landscape's moving layer.
constexpr qint64 kBatchStripMs = 250;

// The rows that go beyond step `after`, in order (a frame may hold a move back followed by new
// steps, so its rows are not always increasing), into `out`. At full speed a frame holds tens of
// thousands of rows: `out` is kept from frame to frame, since allocating and freeing that much
// each frame makes glibc's allocator sweep its free lists (malloc_consolidate) on the GUI thread.
void rowsAfter(const std::vector<StepRow>& rows, std::int64_t after, std::vector<const StepRow*>& out)
{
    out.clear();
    out.reserve(rows.size());
    for (const StepRow& row : rows) {
        if (row.step > after) {
            out.push_back(&row);
            after = row.step;
        }
    }
}

QImage toQImage(const core::GrayImage& image)
{
    QImage out(image.width, image.height, QImage::Format_Grayscale8);
    for (int y = 0; y < image.height; ++y)
        std::copy_n(image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width),
            image.width, out.scanLine(y));
    return out;
}

}  // namespace

RunPresenter::RunPresenter(TrainingController* controller, const Problem& problem, const core::Projection& projection,
    const AppSettings& settings, Views views, QObject* parent)
    : QObject(parent), controller_(controller), problem_(problem), projection_(projection), settings_(settings), views_(views)
{
    connect(controller_, &TrainingController::frame, this, &RunPresenter::show);
    connect(controller_, &TrainingController::playingChanged, views_.readouts, &ReadoutPanel::setPlaying);
    // A frame's cost includes the queued replot of the loss plot it asked for. The landscape's
    // full replots are not the frame's: they come with a new grid (13 a second on the batch
    // surface), and counting them in made a loaded machine space its frames out for them.
    connect(views_.lossPlot, &QCustomPlot::beforeReplot, this, [this] { replotClock_.start(); });
    connect(views_.lossPlot, &QCustomPlot::afterReplot, this, [this] {
        if (replotClock_.isValid())
            frameWorkNs_ += replotClock_.nsecsElapsed();
        replotClock_.invalidate();
    });
}

void RunPresenter::show(const Snapshot& snap)
{
    QElapsedTimer frameClock;
    frameClock.start();
    if (snap.restarted)
        restart(snap);
    if (snap.branchedAt)
        keepBranchAsGhost(*snap.branchedAt, snap.abandoned);
    const std::int64_t rowsFrom = seenHead_;   // extendTimeline() gathers the rows after this
    extendTimeline(snap);
    if (snap.seeked || snap.branchedAt) {
        // A move along the timeline: the path is redrawn to where the run now stands.
        clearDivergence();
        redrawPathTo(snap.state.step);
        if (snap.hasState)
            showNetworkAt(snap.state.step, snap.state.params);
        if (snap.settings)
            emit timelineSettings(*snap.settings);
        if (snap.state.step == 0 && !snap.latest && pathLog_.init().size() == problem_.parameterCount()) {
            showStart(pathLog_.init());
            views_.lossPlot->setCurrentStep(0);
            views_.stepCard->setEmpty();
            views_.batchStrip->setItems({});
        }
    } else if (!snap.rows.empty()) {
        // Steps on from where the path ends: new steps, or replays after going back.
        // extendTimeline() has just gathered the same rows when the path ends at the log's head.
        if (shownStep_ != rowsFrom)
            rowsAfter(snap.rows, shownStep_, freshRows_);
        QVector<QPointF> points;
        points.reserve(static_cast<qsizetype>(std::min(freshRows_.size(), kPlotPointsPerFrame)));
        core::forEachShown(freshRows_, kPlotPointsPerFrame, [&](const StepRow& row) { points.push_back(project(row.params)); });
        views_.landscape->appendPath(points);
    }
    if (snap.hasState) {
        shownStep_ = snap.state.step;
        views_.timeline->setRange(0, seenHead_);
        views_.timeline->setPosition(shownStep_);
    }
    if (!snap.epochs.empty())
        views_.readouts->showEpoch(snap.epochs.back());
    if (snap.latest)
        showLatest(snap);
    if (snap.divergence)
        showDivergence(*snap.divergence);
    updateDocks(snap);
    replot();
    freshRows_.clear();   // they point into the snapshot, which goes back to the worker now
    frameWorkNs_ += frameClock.nsecsElapsed();
    adaptFrameInterval();
    emit frameShown();
}

void RunPresenter::restart(const Snapshot& snap)
{
    // A network's rows hold thousands of numbers each: the log keeps fewer of them.
    pathLog_.clear(snap.init, snap.initTrainLoss, PathLog::capacityFor(static_cast<int>(snap.init.size())));
    // A run starts at step 0; snap.state may already be further on (a replayed run file).
    seenHead_ = shownStep_ = 0;
    views_.landscape->clearPath();
    views_.landscape->clearGhostPath();
    views_.lossPlot->clear();
    views_.lossPlot->clearGhostSeries();
    clearDivergence();
    views_.batchStrip->setItems({});
    views_.stepCard->setEmpty();
    views_.readouts->setBatchesPerEpoch(snap.batchesPerEpoch);
    views_.network->setNetwork(std::dynamic_pointer_cast<const core::MlpObjective>(problem_.objective()));
    if (snap.init.size() == problem_.parameterCount()) {
        views_.landscape->appendPath({project(snap.init)});
        showStart(snap.init);
    }
}

void RunPresenter::showLatest(const Snapshot& snap)
{
    const core::StepRecord& r = *snap.latest;
    // The velocity arrow: what momentum carried over from earlier steps (see carriedByMomentum).
    const QPointF step = projectDirection(r.after - r.before);
    const QPointF gradient = projectDirection(r.gradient);
    const QPointF velocity = carriedByMomentum(settings_.train.optimizer, snap.state.optimizer.t, step, gradient, r.update.lr);
    views_.landscape->setCurrent(project(r.after), -gradient, step, velocity);
    showOffPlane(r.after);
    views_.readouts->showStep(r, snap.state, snap.batchesPerEpoch);
    views_.lossPlot->setCurrentStep(static_cast<double>(r.step));
    views_.network->setState(r.after, r.gradient, r.step);
    if (!controller_->isPlaying() || !batchStripClock_.isValid() || batchStripClock_.elapsed() >= kBatchStripMs) {
        updateBatchStrip(snap);
        batchStripClock_.start();
    }
}

void RunPresenter::showNetworkAt(std::int64_t step, const core::Vec& w)
{
    // A move along the timeline: the gradient of that step when the log still holds its row.
    const auto end = pathLog_.endOf(step);
    if (end != pathLog_.rows().begin() && (end - 1)->step == step)
        views_.network->setState(w, (end - 1)->gradient, step);
    else
        views_.network->setState(w, core::Vec(), step);
}

void RunPresenter::replot()
{
    // Only the moving layer of the landscape (path, point, arrows) changes with a frame; a new
    // grid asks for its own full replot.
    views_.landscape->replotLive();
    // The loss plot redraws everything each time; a curve creeping along needs no more than
    // ~15 redraws a second, and a paused run gets its last frame drawn at once.
    if (!lossReplotClock_.isValid() || lossReplotClock_.elapsed() >= kLossPlotMs || !controller_->isPlaying()) {
        views_.lossPlot->replot(QCustomPlot::rpQueuedReplot);
        lossReplotClock_.start();
    }
}

QPointF RunPresenter::project(const core::Vec& w) const
{
    return plotPoint(projection_, w);
}

QPointF RunPresenter::projectDirection(const core::Vec& v) const
{
    return plotDirection(projection_, v);
}

void RunPresenter::showOffPlane(const core::Vec& w)
{
    current_ = w;
    offPlane_ = projection_.locate(w).offPlane;
    views_.readouts->showOffPlane(offPlane_, w.norm(), projection_.isPlane());
}

std::vector<core::Vec> RunPresenter::pathPoints() const
{
    std::vector<core::Vec> points;
    if (pathLog_.init().size() != problem_.parameterCount())
        return points;
    const auto& rows = pathLog_.rows();
    const auto end = pathLog_.endOf(shownStep_);
    points.reserve(static_cast<std::size_t>(end - rows.begin()) + 1);
    points.push_back(pathLog_.init());
    for (auto it = rows.begin(); it != end; ++it)
        points.push_back(it->params);
    return points;
}

void RunPresenter::reproject()
{
    redrawPathTo(shownStep_);
    const auto& rows = pathLog_.rows();
    const auto end = pathLog_.endOf(shownStep_);
    if (end != rows.begin()) {
        const StepRow& r = *(end - 1);
        const core::Vec before = end - 1 == rows.begin() ? pathLog_.init() : (end - 2)->params;
        views_.landscape->setCurrent(project(r.params), -projectDirection(r.gradient), projectDirection(r.params - before), QPointF());
        showOffPlane(r.params);
    } else if (pathLog_.init().size() == problem_.parameterCount()) {
        showStart(pathLog_.init());
    }
    views_.landscape->replotLive();
}

void RunPresenter::showStart(const core::Vec& init)
{
    // Before the first step, the arrow shows the full training-set gradient.
    core::Vec grad;
    const double loss = startLoss(init, grad);
    views_.landscape->setCurrent(project(init), -projectDirection(grad), QPointF(), QPointF());
    showOffPlane(init);
    core::TrainState start;
    start.params = init;
    views_.readouts->showStart(start, grad, loss);
    views_.network->setState(init, grad, 0);
}

double RunPresenter::startLoss(const core::Vec& init, core::Vec& gradient) const
{
    core::Workspace ws;
    const core::Samples none;
    const core::Samples& samples = problem_.usesData() ? problem_.data()->train : none;
    return problem_.objective()->evaluateWithGradient(init, samples, gradient, ws);
}

void RunPresenter::extendTimeline(const Snapshot& snap)
{
    const std::int64_t oldHead = seenHead_;
    rowsAfter(snap.rows, seenHead_, freshRows_);
    const std::vector<const StepRow*>& fresh = freshRows_;
    if (!fresh.empty()) {
        pathLog_.appendAll(fresh);
        seenHead_ = fresh.back()->step;
        QVector<double> steps, losses, rates;
        const auto shown = static_cast<qsizetype>(std::min(fresh.size(), kPlotPointsPerFrame));
        steps.reserve(shown);
        losses.reserve(shown);
        rates.reserve(shown);
        core::forEachShown(fresh, kPlotPointsPerFrame, [&](const StepRow& row) {
            steps.push_back(static_cast<double>(row.step));
            losses.push_back(row.batchLoss);
            rates.push_back(row.lr);
        });
        views_.lossPlot->appendSteps(steps, losses, rates);
    }
    std::vector<core::EpochRecord>& epochs = freshEpochs_;
    epochs.clear();
    for (const core::EpochRecord& e : snap.epochs)
        if (e.step > oldHead)
            epochs.push_back(e);
    pathLog_.appendEpochs(epochs);
    // Every epoch of the frame, in one append (several epochs can end within a frame); full
    // batches at full speed end one every step, and then the frame is thinned like the steps.
    QVector<double> epochSteps, train, val;
    const auto shownEpochs = static_cast<qsizetype>(std::min(epochs.size(), kPlotPointsPerFrame));
    epochSteps.reserve(shownEpochs);
    train.reserve(shownEpochs);
    val.reserve(shownEpochs);
    core::forEachShown(epochs, kPlotPointsPerFrame, [&](const core::EpochRecord& e) {
        epochSteps.push_back(static_cast<double>(e.step));
        train.push_back(e.trainLoss);
        val.push_back(e.valLoss);
    });
    if (!epochSteps.isEmpty())
        views_.lossPlot->appendEpochs(epochSteps, train, val);
}

void RunPresenter::keepBranchAsGhost(std::int64_t step, const std::vector<StepRow>& abandoned)
{
    const auto& rows = pathLog_.rows();
    const auto from = pathLog_.endOf(step);
    QVector<QPointF> points;
    QVector<double> steps, losses;
    // The ghost starts where the two branches part.
    if (from != rows.begin())
        points.push_back(project((from - 1)->params));
    else if (pathLog_.init().size() == problem_.parameterCount())
        points.push_back(project(pathLog_.init()));
    std::int64_t last = step;
    const auto add = [&](const StepRow& row) {
        if (row.step <= last)
            return;
        last = row.step;
        points.push_back(project(row.params));
        steps.push_back(static_cast<double>(row.step));
        losses.push_back(row.batchLoss);
    };
    std::for_each(from, rows.end(), add);
    std::for_each(abandoned.begin(), abandoned.end(), add);
    pathLog_.truncate(step);
    seenHead_ = std::min(seenHead_, step);
    if (!steps.isEmpty()) {
        const QString label = tr("before the change at step %1").arg(step);
        views_.landscape->setGhostPath(points, label);
        views_.lossPlot->setGhostSeries(steps, losses, label);
    }
    RunAnimation::plotLoss(*views_.lossPlot, pathLog_.rows(), pathLog_.epochs());
}

void RunPresenter::redrawPathTo(std::int64_t step)
{
    views_.landscape->clearPath();
    if (pathLog_.init().size() != problem_.parameterCount())
        return;
    const auto& rows = pathLog_.rows();
    const auto end = pathLog_.endOf(step);
    QVector<QPointF> points;
    points.reserve(static_cast<qsizetype>(end - rows.begin()) + 1);
    points.push_back(project(pathLog_.init()));
    for (auto it = rows.begin(); it != end; ++it)
        points.push_back(project(it->params));
    views_.landscape->appendPath(points);
}

void RunPresenter::adaptFrameInterval()
{
    // The work of the last frame: show() plus the queued replots it asked for (measured between
    // beforeReplot and afterReplot), averaged over a few frames.
    const double work = static_cast<double>(frameWorkNs_) * 1e-6;
    frameWorkNs_ = 0;
    frameCostMs_ = frameCostMs_ <= 0 ? work : 0.8 * frameCostMs_ + 0.2 * work;
    const int interval = std::clamp(static_cast<int>(std::lround(kFrameBudgetFactor * frameCostMs_)), kMinFrameMs, kMaxFrameMs);
    if (std::abs(interval - frameIntervalMs_) >= 2 || (interval == kMinFrameMs && frameIntervalMs_ != kMinFrameMs)) {
        frameIntervalMs_ = interval;
        controller_->setFrameInterval(interval);
    }
}

void RunPresenter::updateBatchStrip(const Snapshot& snap)
{
    if (!problem_.showsImages() || !snap.latest || snap.batchRows.empty())
        return;
    const auto* d = problem_.dataObjective();
    const auto& trainData = *problem_.data();
    if (snap.batchX.size() != snap.batchRows.size())
        return;
    core::Array y = core::Array::Constant(static_cast<Eigen::Index>(snap.batchRows.size()), std::nan(""));
    if (d) {
        const core::Array x = Eigen::Map<const core::Array>(snap.batchX.data(), static_cast<Eigen::Index>(snap.batchX.size()));
        d->model().predict(x, snap.latest->before, y);
    }
    // A network predicts from the pixels it read, not from x.
    const auto* net = dynamic_cast<const core::MlpObjective*>(problem_.objective().get());
    Eigen::VectorXd pixels;
    QVector<BatchStrip::Item> items;
    items.reserve(static_cast<qsizetype>(snap.batchRows.size()));
    for (std::size_t i = 0; i < snap.batchRows.size(); ++i) {
        const int row = snap.batchRows[i];
        if (row < 0 || row >= trainData.train.size())
            return;
        BatchStrip::Item item;
        bool shrunk = false;
        if (i < kStripImages && static_cast<std::size_t>(row) < trainData.trainImages.size()) {
            // The image the model saw: redrawn here from (seed, epoch, row) when augmented.
            const core::TrainSettings& ts = settings_.train;
            const core::GrayImage seen = BatchImages::seen(trainData, ts, snap.latest->epoch, row);
            item.image = toQImage(seen);
            item.augmentation = BatchImages::describe(ts, snap.latest->epoch, row);
            if (net) {
                pixels.resize(net->widths().front());
                core::shrinkImage(seen, net->inputSize(), pixels);
                shrunk = true;
            }
        }
        item.count = trainData.train.t[row];
        item.prediction = y[static_cast<Eigen::Index>(i)];
        if (net && (shrunk || trainData.train.inputs.cols() == trainData.train.size())) {
            if (!shrunk)
                pixels = trainData.train.inputs.col(row);
            item.prediction = core::traceMlp(*net, snap.latest->before, pixels, item.count).output;
        }
        items.push_back(std::move(item));
    }
    views_.batchStrip->setItems(items);
}

void RunPresenter::updateDocks(const Snapshot& snap)
{
    if (snap.stepInputs)
        views_.stepCard->setStep(*snap.stepInputs);
    if (!snap.hasState || snap.state.params.size() != problem_.parameterCount())
        return;
    const bool atRest = snap.stepInputs.has_value() || (snap.restarted && !controller_->isPlaying());
    if (atRest) {
        // The check computes a whole error curve on its own thread: only for a point that stays.
        views_.gradientCheck->setProblem(problem_.objective(),
            problem_.usesData() ? problem_.data()->train : core::Samples(), snap.state.params);
    }
    if (atRest || !modelCurveClock_.isValid() || modelCurveClock_.elapsed() >= kModelCurveMs) {
        views_.datasetPanel->setModelCurve(problem_.objective(), snap.state.params);
        modelCurveClock_.start();
    }
}

void RunPresenter::showDivergence(const Divergence& d)
{
    // What happened in the engine's one wording (core::Divergence::at, as downhill-cli prints
    // it); what to do about it is the window's own.
    QString what = QString::fromStdString(d.message);
    if (!what.isEmpty())
        what[0] = what[0].toUpper();
    views_.banner->setText(tr("%1. The path ends at the last finite point: lower the learning rate and press Reset (R).")
                               .arg(what));
    views_.banner->show();
    divergence_ = tr("Diverged at step %1 \u2014 lower the learning rate and press Reset").arg(d.step);
    views_.landscape->setDiverged(true, divergence_);
    views_.landscape->replot(QCustomPlot::rpQueuedReplot);   // the banner is not on the moving layer
    emit diverged();
}

void RunPresenter::clearDivergence()
{
    if (!views_.banner->isVisibleTo(views_.banner->window()))
        return;
    views_.banner->hide();
    divergence_.clear();
    views_.landscape->setDiverged(false, QString());
    views_.landscape->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace downhill::ui
