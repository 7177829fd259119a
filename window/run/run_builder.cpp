#include "window/run/run_builder.h"

#include <cmath>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QScopeGuard>
#include <QStatusBar>

#include "core/base/error.h"
#include "core/base/progress.h"
#include "core/model/mlp_objective.h"
#include "plots/landscape_plot.h"
#include "session/problem/teaching_text.h"
#include "session/run/landscape_worker.h"
#include "session/run/training_controller.h"
#include "window/data/dataset_panel.h"
#include "window/race/race_mode.h"
#include "window/run/batch_strip.h"
#include "window/run/problem_loader.h"
#include "window/run/readout_panel.h"
#include "window/run/surface_feeder.h"
#include "window/run/timeline_bar.h"

namespace downhill::ui {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

}  // namespace

RunBuilder::RunBuilder(SettingsStore* store, TrainingController* controller, RaceMode* race, SurfaceFeeder* surfaces,
    Views views, QObject* parent)
    : QObject(parent), store_(store), controller_(controller), race_(race), surfaces_(surfaces), views_(std::move(views))
{
    viewDebounce_.setSingleShot(true);
    viewDebounce_.setInterval(200);
    connect(store_, &SettingsStore::edited, this, &RunBuilder::onEdited);
    connect(&viewDebounce_, &QTimer::timeout, this, [this] {
        if (!pendingView_ || !problem_.valid())
            return;
        const auto view = *pendingView_;
        pendingView_.reset();
        if (const auto& r = store_->value().range) {
            const double tol = 1e-9 * std::max((*r)[1] - (*r)[0], (*r)[3] - (*r)[2]);
            bool same = true;
            for (std::size_t i = 0; i < 4; ++i)
                same = same && std::abs((*r)[i] - view[i]) <= tol;
            if (same)
                return;
        }
        // A finer grid for the part now on screen.
        store_->update([&](AppSettings& s) { s.range = view; });
        requestLandscape(false);
    });
}

void RunBuilder::onEdited(SettingsStore::Change change)
{
    switch (change) {
    case SettingsStore::Change::Training:
        applyTraining();
        break;
    case SettingsStore::Change::Problem:
        rebuild(false);
        break;
    case SettingsStore::Change::Data:
        rebuild(true);
        break;
    case SettingsStore::Change::Surface:
        // Only the ground under the run changes: the run goes on.
        requestLandscape(false);
        updateCaptions();
        break;
    case SettingsStore::Change::Plane: {
        const bool newAxes = !store_->value().range;   // AppSettings::setAxes resets the view
        normaliseSettings();
        store_->keepAsWorking();
        if (projection_.isPlane() && runValid_) {
            // A plane through every parameter holds nothing still: the run goes on, seen anew.
            emit projectionChanged();
        } else {
            configureRun();
        }
        requestLandscape(newAxes);
        updateCaptions();
        break;
    }
    }
}

const Problem* RunBuilder::previousFor(const AppSettings& settings) const
{
    return prepared_ && prepared_->holdsDataFor(settings) ? &*prepared_ : &problem_;
}

Problem RunBuilder::prepare(const AppSettings& settings)
{
    prepared_ = ProblemLoader::build(views_.panel->window(), settings, previousFor(settings));
    return *prepared_;
}

void RunBuilder::rebuild(bool resetRange)
{
    try {
        // Generating or loading a data set can take a noticeable moment (20,000 images: ~0.5 s).
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto restoreCursor = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
        const AppSettings wanted = store_->value();
        Problem next = ProblemLoader::build(views_.panel->window(), wanted, previousFor(wanted));
        prepared_.reset();
        problem_ = std::move(next);
    } catch (const core::Cancelled&) {
        // The user stopped reading a data file: the run stays as it was.
        views_.statusBar->showMessage(tr("Cancelled: the run is as it was."), 15000);
        if (problem_.valid()) {
            store_->restoreWorking();
            views_.panel->refresh();
        }
        return;
    } catch (const core::InputError& e) {
        // Keep the run that works; put the panel back to its settings and say why.
        const QString message = QString::fromStdString(e.what());
        views_.statusBar->showMessage(message, 15000);
        if (problem_.valid()) {
            store_->restoreWorking();
            views_.panel->refresh();
        }
        views_.panel->setProblem(message);
        return;
    }
    if (resetRange)
        store_->update([](AppSettings& s) { s.range.reset(); });
    normaliseSettings();
    views_.panel->setContext(panelContext());
    store_->keepAsWorking();
    views_.readouts->setParameterNames(problem_.parameterNames());
    views_.batchStrip->setVisible(problem_.showsImages());
    showDataset();
    views_.datasetPanel->setAugmentation(store_->value().train.augmentation);
    configureRun();
    requestLandscape(true);
    updateCaptions();
    updateTitle();
}

ControlPanel::Context RunBuilder::panelContext() const
{
    ControlPanel::Context c;
    c.parameterNames = problem_.parameterNames();
    if (problem_.valid()) {
        const core::Vec init = problem_.objective()->defaultInit();
        c.defaults = fromVec(init);
    }
    c.trainSize = problem_.trainSize();
    c.usesData = problem_.usesData();
    c.hasImages = problem_.dataset() && problem_.dataset()->hasImages();
    c.hasValidation = problem_.data() && problem_.data()->val.size() > 0;
    c.dataSource = store_->value().data.path.isEmpty() ? QString() : problem_.dataSource();
    if (const auto* d = problem_.dataObjective())
        c.formula = qs(d->model().formula());
    else if (const auto* a = problem_.analytic())
        c.formula = qs(a->formula());
    else if (const auto* n = problem_.network())
        c.formula = qs(n->spec().formula(n->inputSize()));
    return c;
}

void RunBuilder::normaliseSettings()
{
    const int n = problem_.parameterCount();
    store_->update([&](AppSettings& s) {
        if (s.axis1 < 0 || s.axis1 >= n || s.axis2 < 0 || s.axis2 >= n || s.axis1 == s.axis2) {
            s.axis1 = 0;
            s.axis2 = 1;
        }
        if (static_cast<int>(s.start.size()) != n || !toVec(s.start).allFinite())
            s.start = fromVec(problem_.defaultStart(s.train.seed));
        if (s.plane == PlotPlane::Axes) {
            // The start point lies on the plotted plane: held values and start agree.
            if (static_cast<int>(s.held.size()) == n) {
                for (int k = 0; k < n; ++k)
                    if (k != s.axis1 && k != s.axis2)
                        s.start[static_cast<std::size_t>(k)] = s.held[static_cast<std::size_t>(k)];
            }
            s.held = s.start;
        } else if (static_cast<int>(s.held.size()) != n || !toVec(s.held).allFinite()) {
            s.held = s.start;   // a plane through the start
        }
    });
    makeProjection();
    if (!store_->value().range) {
        const auto range = defaultRange();
        store_->update([&](AppSettings& s) { s.range = range; });
    }
}

void RunBuilder::makeProjection()
{
    const AppSettings& s = store_->value();
    const auto& objective = *problem_.objective();
    QString why;
    if (s.plane == PlotPlane::Pca) {
        try {
            std::vector<core::Vec> path = pathSource_ ? pathSource_() : std::vector<core::Vec>{};
            auto plane = std::make_shared<core::Plane>(core::pcaPlane(path));
            store_->update([&](AppSettings& t) { t.held = fromVec(plane->origin); });
            projection_ = core::Projection::onPlane(std::move(plane));
            return;
        } catch (const core::InputError& e) {
            why = tr("No PCA plane yet: %1. Train a few steps, then choose it again.").arg(qs(e.what()));
            store_->update([](AppSettings& t) { t.plane = PlotPlane::Random; });
        }
    }
    if (s.plane == PlotPlane::Random) {
        try {
            projection_ = core::Projection::onPlane(
                std::make_shared<core::Plane>(core::randomPlane(objective, toVec(s.held), s.planeSeed)));
        } catch (const core::InputError& e) {
            why = tr("No random plane here: %1. Showing two parameters instead.").arg(qs(e.what()));
            store_->update([](AppSettings& t) { t.plane = PlotPlane::Axes; });
        }
    }
    if (s.plane == PlotPlane::Axes)
        projection_ = core::Projection::axes(s.axis1, s.axis2, toVec(s.held));
    if (!why.isEmpty())
        views_.statusBar->showMessage(why, 12000);
}

std::array<double, 4> RunBuilder::defaultRange() const
{
    const AppSettings& s = store_->value();
    if (!projection_.isPlane())
        return problem_.defaultRange(s.axis1, s.axis2, toVec(s.start));
    // Li et al. look at alpha and beta in [-1, 1]: a plane's directions are as long as the
    // weights, filter by filter, so that is a step of the network's own size each way. The
    // PCA plane's directions are unit vectors: its view holds the projected path.
    if (projection_.plane()->kind != core::PlaneKind::Pca || !pathSource_)
        return {-1, 1, -1, 1};
    double lo1 = 0, hi1 = 0, lo2 = 0, hi2 = 0;
    for (const core::Vec& w : pathSource_()) {
        const auto c = projection_.locate(w);
        lo1 = std::min(lo1, c.alpha);
        hi1 = std::max(hi1, c.alpha);
        lo2 = std::min(lo2, c.beta);
        hi2 = std::max(hi2, c.beta);
    }
    const double m1 = std::max(0.25 * (hi1 - lo1), 1e-3), m2 = std::max(0.25 * (hi2 - lo2), 1e-3);
    return {lo1 - m1, hi1 + m1, lo2 - m2, hi2 + m2};
}

void RunBuilder::recentrePlane(const core::Vec& at)
{
    if (!problem_.valid() || !projection_.isPlane() || at.size() != problem_.parameterCount() || !at.allFinite())
        return;
    store_->update([&](AppSettings& s) {
        s.held = fromVec(at);
        s.range.reset();
    });
    onEdited(SettingsStore::Change::Plane);
}

void RunBuilder::configureRun()
{
    const AppSettings& s = store_->value();
    try {
        auto trainer = problem_.makeTrainer(s.train, toVec(s.start));
        // Data with huge numbers (1e300) make the loss overflow before the first step: said
        // here, or the run just shows a training loss of inf.
        const double startLoss = trainer->trainingLoss();
        controller_->configure(std::move(trainer));
        runValid_ = true;
        QString warning;
        if (!std::isfinite(startLoss)) {
            warning = tr("The training loss at the start point overflows (it is not a finite number): the data's "
                         "numbers are too large for this model. The first step will diverge; scale the data down.");
            views_.statusBar->showMessage(warning, 15000);
        }
        views_.panel->setProblem(warning);
    } catch (const core::InputError& e) {
        runValid_ = false;
        controller_->pause();
        views_.panel->setProblem(QString::fromStdString(e.what()));
    }
    // The race starts over from the main run's start, on its landscape.
    race_->setProblem(problem_, toVec(s.start), projection_);
    // Without a valid run there is nothing to play; Reset tries to build one again.
    for (QAction* a : views_.runActions)
        a->setEnabled(runValid_);
    views_.timeline->setEnabled(runValid_);
}

void RunBuilder::applyTraining()
{
    const core::TrainSettings& ts = store_->value().train;
    try {
        ts.validate();
    } catch (const core::InputError& e) {
        views_.panel->setProblem(QString::fromStdString(e.what()));
        return;
    }
    views_.panel->setProblem({});
    store_->keepAsWorking();
    views_.datasetPanel->setAugmentation(ts.augmentation);
    if (!runValid_)
        configureRun();
    else
        controller_->setSettings(ts);
    updateCaptions();
    updateTitle();
}

void RunBuilder::requestLandscape(bool resetView)
{
    const AppSettings& s = store_->value();
    if (!problem_.valid() || !s.range)
        return;
    LandscapeJob job;
    job.objective = problem_.objective();
    job.request = projection_.request(*s.range, job.request.resolution);
    surfaces_->request(job, problem_, s.surface);
    views_.landscape->setLandscapeStale(true);
    views_.landscape->replot(QCustomPlot::rpQueuedReplot);
    resetViewOnGrid_ = resetViewOnGrid_ || resetView;
}

void RunBuilder::setStartPoint(QPointF point)
{
    if (!problem_.valid() || !std::isfinite(point.x()) || !std::isfinite(point.y()))
        return;
    const core::Vec at = projection_.pointAt(point.x(), point.y());
    store_->update([&](AppSettings& s) {
        s.start = fromVec(at);
        if (!projection_.isPlane()) {
            s.held = s.start;
            projection_ = core::Projection::axes(s.axis1, s.axis2, at);
        }
    });
    store_->keepAsWorking();
    views_.panel->refreshHeldValues();
    const AppSettings& s = store_->value();
    if (runValid_) {
        controller_->setStartPoint(toVec(s.start));
        race_->setProblem(problem_, toVec(s.start), projection_);
    } else {
        configureRun();
    }
}

void RunBuilder::viewChanged(double min1, double max1, double min2, double max2)
{
    pendingView_ = std::array<double, 4>{min1, max1, min2, max2};
    viewDebounce_.start();
}

void RunBuilder::requestVisible()
{
    const LandscapePlot* plot = views_.landscape;
    store_->update([&](AppSettings& s) {
        s.range = std::array<double, 4>{plot->xAxis->range().lower, plot->xAxis->range().upper, plot->yAxis->range().lower,
            plot->yAxis->range().upper};
    });
    requestLandscape(false);
    views_.landscape->replot(QCustomPlot::rpQueuedReplot);
}

void RunBuilder::resetView()
{
    if (!problem_.valid())
        return;
    const auto range = defaultRange();
    store_->update([&](AppSettings& s) { s.range = range; });
    requestLandscape(true);
}

void RunBuilder::followTimelineSettings(const core::TrainSettings& ts)
{
    if (ts == store_->value().train)
        return;
    store_->update([&](AppSettings& s) { s.train = ts; });
    views_.panel->refresh();
    store_->keepAsWorking();
    views_.datasetPanel->setAugmentation(ts.augmentation);
    updateCaptions();
    updateTitle();
    views_.statusBar->showMessage(tr("The settings are back to what they were at this step."), 6000);
}

void RunBuilder::showLandscape(const LandscapeResult& result)
{
    const int n = problem_.parameterCount();
    const auto& request = result.grid.request;
    // A grid of another problem or plane, still on its way when the settings changed.
    if (request.origin.size() != n || (request.plane ? request.plane != projection_.plane() : projection_.isPlane()))
        return;
    const auto names = request.axisNames(problem_.parameterNames());
    LandscapePlot* plot = views_.landscape;
    plot->setLandscape(result.grid, result.contours, qs(names[0]), qs(names[1]));
    if (result.field)
        plot->setGradientField(*result.field);
    plot->setGradientFieldVisible(store_->value().gradientField);
    plot->setLandscapeStale(false);
    if (resetViewOnGrid_) {
        plot->resetView();
        if (result.fine)
            resetViewOnGrid_ = false;
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
    emit landscapeShown(result.fine);
}

void RunBuilder::showDataset()
{
    // An analytic function keeps the data loaded for the way back, but has none to show.
    const auto shown = problem_.usesData() ? problem_.data() : nullptr;
    if (shown == shownData_)
        return;
    shownData_ = shown;
    if (shown && problem_.dataset())
        views_.datasetPanel->setDataset(*problem_.dataset(), problem_.split());
    else
        views_.datasetPanel->setDataset(core::Dataset(), core::Split());
}

void RunBuilder::updateCaptions()
{
    const AppSettings& s = store_->value();
    QString text = teachingText(s, problem_);
    // A lesson's paragraph is what the class should read first; the captions follow below it.
    if (s.lesson) {
        const Lesson lesson = s.lesson->shown();
        text = QStringLiteral("<p style=\"font-size: large;\"><b>%1</b></p><p>%2</p><hr/>")
                   .arg(lesson.title.toHtmlEscaped(), lesson.text.toHtmlEscaped())
            + text;
    }
    views_.caption->setText(text);
}

void RunBuilder::updateTitle()
{
    QString what;
    if (const auto* d = problem_.dataObjective())
        what = QStringLiteral("%1 \u00b7 %2").arg(qs(std::string(d->model().name())), qs(std::string(core::lossName(d->loss().kind()))));
    else if (problem_.valid())
        what = qs(problem_.objective()->name());
    views_.runLabel->setText(QStringLiteral("%1 \u00b7 %2").arg(what, qs(store_->value().train.optimizer.describe())));
}

}  // namespace downhill::ui
