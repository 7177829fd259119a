#include "race_mode.h"

#include <algorithm>
#include <cmath>

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QWidget>

#include "action_factory.h"
#include "app_settings.h"
#include "error.h"
#include "landscape_plot.h"
#include "loss_plot.h"
#include "palette.h"
#include "race_panel.h"
#include "race_preset.h"

namespace downhill::ui {

static_assert(RaceController::kMaxEntrants == kMaxRaceEntrants, "a settings file holds the line-ups the race takes");

namespace {
// As in the main run: a frame at full speed covers more steps than a path's pixels can show.
constexpr std::size_t kPlotPointsPerFrame = 1024;
constexpr qint64 kLossPlotMs = 66;
// Each entrant's track for an animation: as many points as a path on the plot keeps.
constexpr std::size_t kTrackPoints = static_cast<std::size_t>(LandscapePlot::kMaxPathPoints);
// More parameters than this and the read-out shows only the two plotted ones.
constexpr int kReadoutParameters = 4;
}  // namespace

RaceMode::RaceMode(LandscapePlot* landscape, LossPlot* lossPlot, QWidget* parent)
    : QObject(parent), landscape_(landscape), lossPlot_(lossPlot), panel_(new RacePanel(parent)),
      controller_(new RaceController(this))
{
    setObjectName(QStringLiteral("raceMode"));
    const auto make = [this](const QString& text, const char* name, const QKeySequence& key, const QString& tip) {
        return makeAction(this, text, name, key, tip);
    };
    playAction_ = make(tr("Play race"), "racePlayAction", QKeySequence(Qt::SHIFT | Qt::Key_Space),
        tr("Step every entrant of the race together at the chosen speed, or pause"));
    playAction_->setIcon(QIcon(QStringLiteral(":/icons/play.svg")));
    stepAction_ = make(tr("Step race"), "raceStepAction", QKeySequence(Qt::CTRL | Qt::Key_Right),
        tr("One update for every entrant of the race"));
    stepAction_->setIcon(QIcon(QStringLiteral(":/icons/step.svg")));
    resetAction_ = make(tr("Reset race"), "raceResetAction", QKeySequence(Qt::SHIFT | Qt::Key_R),
        tr("Every entrant back to the start point: step 0, fresh optimizer state"));
    resetAction_->setIcon(QIcon(QStringLiteral(":/icons/reset.svg")));
    presetAction_ = make(tr("SGD vs momentum vs RMSprop vs Adam"), "racePresetAction", QKeySequence(),
        tr("Race four classic optimizers with learning rates worked out for this landscape"));
    clearAction_ = make(tr("Clear race"), "raceClearAction", QKeySequence(), tr("Remove every entrant and the race's paths"));
    if (parent) {
        for (QAction* a : {playAction_, stepAction_, resetAction_})
            parent->addAction(a);   // shortcuts work while the dock is closed
    }
    panel_->setTransport({playAction_, stepAction_, resetAction_});

    connect(playAction_, &QAction::triggered, controller_, &RaceController::togglePlay);
    connect(stepAction_, &QAction::triggered, controller_, &RaceController::stepOnce);
    connect(resetAction_, &QAction::triggered, controller_, &RaceController::reset);
    connect(presetAction_, &QAction::triggered, this, &RaceMode::applyPreset);
    connect(clearAction_, &QAction::triggered, this, [this] { setLineup({}); });
    connect(panel_, &RacePanel::presetRequested, this, &RaceMode::applyPreset);
    connect(panel_, &RacePanel::clearRequested, clearAction_, &QAction::trigger);
    connect(panel_, &RacePanel::lineupEdited, this, &RaceMode::restartRace);
    connect(controller_, &RaceController::frame, this, &RaceMode::onFrame);
    connect(controller_, &RaceController::playingChanged, this, &RaceMode::updatePlayAction);
    updatePlayAction(false);
}

RaceMode::~RaceMode()
{
    // The race's thread stops before the plots it draws on can go away.
    delete controller_;
    controller_ = nullptr;
}

QList<QAction*> RaceMode::actions() const
{
    return {playAction_, stepAction_, resetAction_, presetAction_, clearAction_};
}

const std::vector<core::TrainSettings>& RaceMode::lineup() const
{
    return panel_->lineup();
}

void RaceMode::setProblem(const Problem& problem, const core::Vec& start, int axis1, int axis2)
{
    problem_ = problem;
    start_ = start;
    axis1_ = axis1;
    axis2_ = axis2;
    panel_->setDataInfo(problem_.usesData(), problem_.trainSize());
    restartRace();
}

void RaceMode::setBaseSettings(const core::TrainSettings& base)
{
    base_ = base;
    panel_->setBaseSettings(base);
}

void RaceMode::setSpeed(double stepsPerSecond)
{
    controller_->setSpeed(stepsPerSecond);
}

void RaceMode::setLineup(const std::vector<core::TrainSettings>& lineup)
{
    panel_->setLineup(lineup);
    restartRace();
}

void RaceMode::applyPreset()
{
    if (!problem_.valid() || start_.size() != problem_.parameterCount())
        return;
    setLineup(racePreset(problem_, start_, axis1_, axis2_, base_));
}

void RaceMode::endRace()
{
    if (racing_)
        controller_->clear();
    racing_ = false;
    lastLoss_.clear();
    labels_.clear();
    tracks_.clear();
    divergedAt_.clear();
    landscape_->clearOverlayPaths();
    lossPlot_->clearOverlaySeries();
    landscape_->replot(QCustomPlot::rpQueuedReplot);
    lossPlot_->replot(QCustomPlot::rpQueuedReplot);
    updatePlayAction(false);
}

void RaceMode::restartRace()
{
    const auto& lineup = panel_->lineup();
    endRace();
    panel_->setMessage({});
    for (QAction* a : {playAction_, stepAction_, resetAction_})
        a->setEnabled(false);
    if (lineup.empty() || !problem_.valid() || start_.size() != problem_.parameterCount())
        return;
    std::vector<std::unique_ptr<core::Trainer>> trainers;
    for (std::size_t i = 0; i < lineup.size(); ++i) {
        try {
            trainers.push_back(problem_.makeTrainer(lineup[i], start_));
        } catch (const core::InputError& e) {
            panel_->setMessage(tr("Entrant %1: %2").arg(i + 1).arg(QString::fromStdString(e.what())));
            return;
        }
    }
    controller_->configure(std::move(trainers));
    racing_ = true;
    for (QAction* a : {playAction_, stepAction_, resetAction_})
        a->setEnabled(true);
    lastLoss_.assign(lineup.size(), std::nan(""));

    addOverlays();
    for (std::size_t i = 0; i < lineup.size(); ++i)
        panel_->setReadout(static_cast<int>(i), tr("step 0 \u00b7 ready"), false);
    landscape_->replot(QCustomPlot::rpQueuedReplot);
    lossPlot_->replot(QCustomPlot::rpQueuedReplot);
}

void RaceMode::addOverlays()
{
    landscape_->clearOverlayPaths();
    lossPlot_->clearOverlaySeries();
    const auto& lineup = panel_->lineup();
    // The batch size goes into the labels only when it tells the entrants apart.
    bool batchesDiffer = false;
    for (const auto& s : lineup)
        batchesDiffer = batchesDiffer || s.batchSize != lineup.front().batchSize;
    const bool withBatch = problem_.usesData() && batchesDiffer;
    labels_.clear();
    tracks_.assign(lineup.size(), ThinnedLog<TrackPoint>(kTrackPoints));
    divergedAt_.assign(lineup.size(), 0);
    for (std::size_t i = 0; i < lineup.size(); ++i) {
        const QString label = raceLabel(lineup[i], withBatch);
        const QColor color = palette::raceColor(static_cast<int>(i));
        landscape_->addOverlayPath(label, color);
        lossPlot_->addOverlaySeries(label, color);
        labels_.push_back(label);
    }
}

std::vector<AnimationEntrant> RaceMode::animationEntrants() const
{
    std::vector<AnimationEntrant> out;
    if (!racing_)
        return out;
    for (std::size_t i = 0; i < tracks_.size() && i < labels_.size(); ++i) {
        AnimationEntrant e;
        e.label = labels_[i];
        e.color = palette::raceColor(static_cast<int>(i));
        e.track = tracks_[i].items();
        e.divergedAt = divergedAt_[i];
        out.push_back(std::move(e));
    }
    return out;
}

std::int64_t RaceMode::lastStep() const
{
    std::int64_t last = 0;
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
        if (divergedAt_[i] > 0)
            last = std::max(last, divergedAt_[i]);
        else if (!tracks_[i].items().empty())
            last = std::max(last, tracks_[i].items().back().step);
    }
    return racing_ ? last : 0;
}

QPointF RaceMode::project(const core::Vec& w) const
{
    if (w.size() <= std::max(axis1_, axis2_))
        return {};
    return {w[axis1_], w[axis2_]};
}

QString RaceMode::readout(const core::TrainState& state, double loss) const
{
    const auto names = problem_.parameterNames();
    QStringList parts;
    parts << tr("step %1").arg(state.step) << tr("loss %1").arg(loss, 0, 'g', 4);
    const int n = static_cast<int>(state.params.size());
    for (int k = 0; k < n && k < static_cast<int>(names.size()); ++k) {
        if (n > kReadoutParameters && k != axis1_ && k != axis2_)
            continue;
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(names[static_cast<std::size_t>(k)]))
                     .arg(state.params[k], 0, 'g', 4);
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

void RaceMode::onFrame(const RaceFrame& frame)
{
    if (!racing_)
        return;
    bool legendChanged = false;
    const bool restarted = std::any_of(frame.entrants.begin(), frame.entrants.end(), [](const Snapshot& s) { return s.restarted; });
    if (restarted) {
        // A reset: every path starts again from the start point.
        addOverlays();
        legendChanged = true;
    }
    for (std::size_t i = 0; i < frame.entrants.size() && i < lastLoss_.size(); ++i) {
        const Snapshot& snap = frame.entrants[i];
        const int id = static_cast<int>(i);
        if (snap.restarted) {
            landscape_->appendOverlayPath(id, {project(snap.init)});
            lossPlot_->appendOverlaySteps(id, {0.0}, {snap.initTrainLoss});
            lastLoss_[i] = snap.initTrainLoss;
            tracks_[i].clear();
            tracks_[i].append({0, project(snap.init), snap.initTrainLoss});
            divergedAt_[i] = 0;
        }
        for (const StepRow& row : snap.rows)
            tracks_[i].append({row.step, project(row.params), row.trainLoss});
        if (!snap.rows.empty()) {
            const std::size_t n = snap.rows.size();
            const std::size_t stride = (n + kPlotPointsPerFrame - 1) / kPlotPointsPerFrame;
            QVector<QPointF> points;
            QVector<double> steps, losses;
            for (std::size_t k = 0; k < n; ++k) {
                if ((n - 1 - k) % stride != 0)   // evenly spaced, ending on the newest
                    continue;
                const StepRow& row = snap.rows[k];
                points.push_back(project(row.params));
                steps.push_back(static_cast<double>(row.step));
                // The whole training set's loss after the update: entrants with different batch
                // sizes are compared on one measure, and the curves are not buried in batch noise.
                losses.push_back(row.trainLoss);
            }
            landscape_->appendOverlayPath(id, points);
            lossPlot_->appendOverlaySteps(id, steps, losses);
            lastLoss_[i] = snap.rows.back().trainLoss;
        }
        if (snap.hasState)
            landscape_->setOverlayCurrent(id, project(snap.state.params));
        const auto& divergence = controller_->divergence(id);
        if (snap.divergence) {
            divergedAt_[i] = snap.divergence->step;
            landscape_->setOverlayDiverged(id, true);   // Fit to path leaves its flight out
            if (QCPCurve* curve = landscape_->overlayCurve(id)) {
                curve->setName(divergedLabel(labels_[i], snap.divergence->step));
                legendChanged = true;
            }
            if (QCPGraph* graph = lossPlot_->overlayGraph(id))
                graph->setName(divergedLossLabel(labels_[i]));
            lossPlot_->setOverlayDiverged(id, true);
        }
        if (divergence)
            panel_->setReadout(id, QString::fromStdString(divergence->message) + tr(". The others race on."), true);
        else if (snap.hasState)
            panel_->setReadout(id, readout(snap.state, lastLoss_[i]), false);
    }
    if (legendChanged)
        landscape_->replot(QCustomPlot::rpQueuedReplot);
    else
        landscape_->replotLive();
    if (!lossReplotClock_.isValid() || lossReplotClock_.elapsed() >= kLossPlotMs || !controller_->isPlaying()) {
        lossPlot_->replot(QCustomPlot::rpQueuedReplot);
        lossReplotClock_.start();
    }
    emit frameShown();
}

void RaceMode::updatePlayAction(bool playing)
{
    playAction_->setText(playing ? tr("Pause race") : tr("Play race"));
    playAction_->setIcon(QIcon(playing ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg")));
}

}  // namespace downhill::ui
