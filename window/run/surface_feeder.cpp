#include "window/run/surface_feeder.h"

#include <cmath>

#include "plots/landscape_plot.h"
#include "session/problem/problem.h"
#include "session/run/snapshot_buffer.h"
#include "window/run/surface_area.h"
#include "session/run/training_controller.h"

namespace downhill::ui {

namespace {

QPointF minimumOf(const core::LandscapeGrid& grid)
{
    if (!std::isfinite(grid.minLoss))
        return QPointF(qQNaN(), qQNaN());
    return QPointF(grid.request.value1(grid.argmin1), grid.request.value2(grid.argmin2));
}

}  // namespace

SurfaceFeeder::SurfaceFeeder(TrainingController* controller, LandscapeWorker* mainWorker, SurfaceArea* area, QObject* parent)
    : QObject(parent), controller_(controller), mainWorker_(mainWorker), sideWorker_(new LandscapeWorker(this)), area_(area)
{
    setObjectName(QStringLiteral("surfaceFeeder"));
    connect(controller_, &TrainingController::frame, this, &SurfaceFeeder::onFrame);
    connect(controller_, &TrainingController::playingChanged, this, &SurfaceFeeder::onPlayingChanged);
    connect(mainWorker_, &LandscapeWorker::landscapeReady, this, &SurfaceFeeder::onMainResult);
    connect(mainWorker_, &LandscapeWorker::landscapeFailed, this, [this](quint64 id, const QString&) {
        if (id != inFlight_)
            return;
        inFlight_ = 0;
        submitBatchIfDue();
    });
    connect(sideWorker_, &LandscapeWorker::landscapeReady, this, &SurfaceFeeder::onSideResult);
    connect(sideWorker_, &LandscapeWorker::landscapeFailed, this, [this](quint64, const QString&) {
        area_->sidePlot()->setLandscapeStale(false);
    });
}

SurfaceFeeder::~SurfaceFeeder()
{
    // The side worker is a child and would go anyway; stop it before the plots it feeds.
    delete sideWorker_;
    sideWorker_ = nullptr;
}

quint64 SurfaceFeeder::request(const LandscapeJob& base, const Problem& problem, Surface chosen)
{
    base_ = base;
    chosen_ = chosen;
    usesData_ = problem.usesData();
    functionName_ = usesData_ || !problem.valid() ? QString() : QString::fromStdString(problem.objective()->name());
    if (problem.data() != data_) {
        data_ = problem.data();
        batch_.reset();   // its rows belonged to other data
        batchPending_ = false;
    }
    const bool hasVal = usesData_ && data_ && data_->val.size() > 0;
    effective_ = !usesData_ ? Surface::Train
        : (chosen == Surface::Validation || chosen == Surface::TrainAndVal) && !hasVal ? Surface::Train
                                                                                      : chosen;
    area_->setSideBySide(effective_ == Surface::TrainAndVal);
    updateTitles();

    LandscapeJob job = base;
    job.samples = problem.landscapeSamples();   // the training set (nullptr for a function)
    if (effective_ == Surface::Validation)
        job.samples = {data_, &data_->val};
    else if (effective_ == Surface::Batch && batch_)
        job.samples = batch_;
    const quint64 id = mainWorker_->request(job);
    // A batch job (or the training set standing in for a batch not drawn yet) is the one newer
    // batches queue behind.
    inFlight_ = effective_ == Surface::Batch ? id : 0;
    batchPending_ = false;
    if (effective_ == Surface::Batch) {
        lastBatchCoarseOnly_ = false;
        lastBatchResolution_ = job.fineResolution;
    }

    if (effective_ == Surface::TrainAndVal) {
        LandscapeJob side = base;
        side.samples = {data_, &data_->val};
        sideWorker_->request(side);
        area_->sidePlot()->setLandscapeStale(true);
        area_->sidePlot()->replot(QCustomPlot::rpQueuedReplot);
    }
    return id;
}

void SurfaceFeeder::onFrame(const Snapshot& snap)
{
    if (!usesData_ || !data_)
        return;
    if (snap.restarted && !snap.latest) {
        // A new run has no batch yet: the batch surface stands in with the training set.
        const bool had = batch_ != nullptr;
        batch_.reset();
        batchPending_ = false;
        if (had && effective_ == Surface::Batch && base_) {
            LandscapeJob job = *base_;
            job.samples = {data_, &data_->train};
            inFlight_ = mainWorker_->request(job);
            updateTitles();
        }
        return;
    }
    // The newest batch is kept on every surface (a few numbers a frame; a network's pixels), so
    // that choosing the batch surface later shows it at once.
    if (!snap.latest || snap.batchRows.empty() || snap.batchX.size() != snap.batchRows.size())
        return;
    auto samples = std::make_shared<core::Samples>();
    const auto n = static_cast<Eigen::Index>(snap.batchRows.size());
    samples->x = Eigen::Map<const core::Array>(snap.batchX.data(), n);
    samples->t.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const int row = snap.batchRows[static_cast<std::size_t>(i)];
        if (row < 0 || row >= data_->train.size())
            return;   // a frame of a run on other data, still on its way
        samples->t[i] = data_->train.t[row];
    }
    if (snap.batchInputs.cols() == n)
        samples->inputs = snap.batchInputs;
    batch_ = std::move(samples);
    batchStep_ = snap.latest->step;
    batchEpoch_ = snap.latest->epoch;
    batchIndex_ = snap.latest->batchIndex;
    // The grid costs only on the batch surface.
    if (effective_ != Surface::Batch)
        return;
    batchPending_ = true;
    submitBatchIfDue();
}

void SurfaceFeeder::submitBatchIfDue()
{
    if (!batchPending_ || inFlight_ != 0)
        return;
    // Fast: a pending batch waits for a later frame rather than exceed the rate.
    if (fast() && sinceBatchJob_.isValid() && sinceBatchJob_.elapsed() < 1000 / kFastBatchGridsPerSecond)
        return;
    submitBatch();
}

void SurfaceFeeder::submitBatch()
{
    if (!base_ || !batch_ || effective_ != Surface::Batch)
        return;
    LandscapeJob job = *base_;
    job.samples = batch_;
    lastBatchCoarseOnly_ = fast();
    if (lastBatchCoarseOnly_)
        job.fineResolution = job.coarseResolution;
    lastBatchResolution_ = std::max(job.coarseResolution, job.fineResolution);
    batchPending_ = false;
    inFlight_ = mainWorker_->request(job);
    sinceBatchJob_.start();
    ++batchJobs_;
    updateTitles();
}

bool SurfaceFeeder::fast() const
{
    const double speed = controller_->speed();
    return controller_->isPlaying() && (speed <= 0 || speed > kFineBatchStepsPerSecond);
}

void SurfaceFeeder::onPlayingChanged(bool playing)
{
    // Come to rest: the batch on screen deserves its fine grid.
    if (!playing && effective_ == Surface::Batch && lastBatchCoarseOnly_) {
        batchPending_ = true;
        if (inFlight_ == 0)
            submitBatch();
    }
}

void SurfaceFeeder::onMainResult(const LandscapeResult& result)
{
    if (effective_ == Surface::TrainAndVal)
        area_->sidePlot()->setOtherMinimum(minimumOf(result.grid));
    if (result.id != inFlight_ || !result.fine)
        return;
    inFlight_ = 0;
    submitBatchIfDue();
}

void SurfaceFeeder::onSideResult(const LandscapeResult& result)
{
    if (effective_ != Surface::TrainAndVal)
        return;
    LandscapePlot* side = area_->sidePlot();
    LandscapePlot* main = area_->mainPlot();
    const auto names = base_ && base_->objective ? base_->objective->parameterNames() : std::vector<std::string>{};
    if (result.grid.request.origin.size() != static_cast<Eigen::Index>(names.size()))
        return;
    const auto axisNames = result.grid.request.axisNames(names);
    // The main plot sets the view; the side plot's own reset on a new grid must not move it.
    const QCPRange x = main->xAxis->range(), y = main->yAxis->range();
    side->setLandscape(result.grid, result.contours, QString::fromStdString(axisNames[0]), QString::fromStdString(axisNames[1]));
    if (result.field)
        side->setGradientField(*result.field);
    side->setGradientFieldVisible(main->gradientFieldVisible());
    side->setLandscapeStale(false);
    side->xAxis->setRange(x);
    side->yAxis->setRange(y);
    main->setOtherMinimum(minimumOf(result.grid));
    side->replot(QCustomPlot::rpQueuedReplot);
    main->replot(QCustomPlot::rpQueuedReplot);
    emit sideLandscapeShown(result.fine);
}

QString SurfaceFeeder::describe(Surface surface, bool withMarkers) const
{
    const auto count = [](Eigen::Index n) { return n == 1 ? tr("1 sample") : tr("%1 samples").arg(n); };
    switch (surface) {
    case Surface::Train:
        return tr("<b>Training set</b> (%1)%2").arg(count(data_->train.size()),
            withMarkers ? tr(" \u00b7 \u2605 min \u00b7 \u2606 val min") : QString());
    case Surface::Validation:
        return tr("<b>Validation set</b> (%1)%2").arg(count(data_->val.size()),
            withMarkers ? tr(" \u00b7 \u2605 min \u00b7 \u2606 train min") : QString());
    case Surface::Batch:
        if (!batch_)
            return tr("<b>Current batch</b> \u00b7 no step yet: the training set until the first update");
        return tr("<b>Current batch</b> \u00b7 batch %1 of epoch %2 (step %3) \u00b7 %4%5")
            .arg(batchIndex_ + 1)
            .arg(batchEpoch_)   // 0-based, as the readouts count epochs
            .arg(batchStep_)
            .arg(count(batch_->size()), lastBatchCoarseOnly_ ? tr(" \u00b7 coarse while playing fast") : QString());
    case Surface::TrainAndVal:
        break;
    }
    return {};
}

void SurfaceFeeder::updateTitles()
{
    if (!usesData_ || !data_) {
        area_->setTitles(tr("<b>%1</b> \u00b7 the function itself (no data)").arg(functionName_.toHtmlEscaped()), QString());
        return;
    }
    if (effective_ == Surface::TrainAndVal) {
        // Brief forms without the markers' key, for plots too narrow for it.
        area_->setTitles(describe(Surface::Train, true), describe(Surface::Validation, true),
            describe(Surface::Train, false), describe(Surface::Validation, false));
        return;
    }
    QString main = describe(effective_, false);
    if (effective_ != chosen_)
        main += tr(" \u00b7 <i>no validation set: raise Validation under Data</i>");
    area_->setTitles(main, QString());
}

}  // namespace downhill::ui
