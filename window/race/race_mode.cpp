#include "window/race/race_mode.h"
#include "plots/plot_projection.h"

#include <algorithm>
#include <cmath>

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QWidget>

#include "window/shell/action_factory.h"
#include "session/settings/app_settings.h"
#include "core/base/error.h"
#include "core/base/even_spread.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "plots/palette.h"
#include "window/race/race_panel.h"
#include "session/problem/race_preset.h"

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

RaceMode::RaceMode(const SettingsStore* settings, LandscapePlot* landscape, LossPlot* lossPlot, QWidget* parent)
    : QObject(parent), settings_(settings), landscape_(landscape), lossPlot_(lossPlot), panel_(new RacePanel(parent)),
      controller_(new RaceController(this))
{
    panel_->setBaseSource([settings] { return settings->value().train; });
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
    connect(panel_, &RacePanel::entrantAdded, this, &RaceMode::addEntrant);
    connect(panel_, &RacePanel::entrantRemoved, this, &RaceMode::removeEntrant);
    connect(panel_, &RacePanel::entrantEdited, this, &RaceMode::editEntrant);
    connect(controller_, &RaceController::frame, this, &RaceMode::onFrame);
    // The main run's name in the legends follows its settings.
    connect(settings_, &SettingsStore::edited, this, [this] {
        if (racing_) {
            relabel();
            replotBoth();
        }
    });
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

void RaceMode::setProblem(const Problem& problem, const core::Vec& start, const core::Projection& projection)
{
    problem_ = problem;
    start_ = start;
    projection_ = projection;
    panel_->setDataInfo(problem_.usesData(), problem_.trainSize());
    restartRace();
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
    setLineup(racePreset(problem_, start_, projection_.axis1(), projection_.axis2(), settings_->value().train));
}

void RaceMode::endRace()
{
    if (racing_)
        controller_->clear();
    racing_ = false;
    entrants_.clear();
    landscape_->clearOverlayPaths();
    lossPlot_->clearOverlaySeries();
    landscape_->setMainPathLabel({});
    lossPlot_->setMainRunListed(false);
    replotBoth();
    updatePlayAction(false);
}

std::unique_ptr<core::Trainer> RaceMode::makeTrainer(int entrant)
{
    try {
        return problem_.makeTrainer(panel_->lineup()[static_cast<std::size_t>(entrant)], start_);
    } catch (const core::InputError& e) {
        panel_->setMessage(tr("Entrant %1: %2").arg(entrant + 1).arg(QString::fromStdString(e.what())));
        return nullptr;
    }
}

RaceMode::Entrant RaceMode::newEntrant(int entrant) const
{
    return Entrant{controller_->entrantId(entrant), QString(), std::nan(""), ThinnedLog<TrackPoint>(kTrackPoints), 0};
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
        trainers.push_back(makeTrainer(static_cast<int>(i)));
        if (!trainers.back())
            return;
    }
    controller_->configure(std::move(trainers));
    racing_ = true;
    for (QAction* a : {playAction_, stepAction_, resetAction_})
        a->setEnabled(true);
    for (std::size_t i = 0; i < lineup.size(); ++i) {
        entrants_.push_back(newEntrant(static_cast<int>(i)));
        addOverlay(static_cast<int>(i));
    }
    lineupChanged();
}

std::unique_ptr<core::Trainer> RaceMode::trainerForEdit(int entrant)
{
    if (racing_) {
        if (auto trainer = makeTrainer(entrant))
            return trainer;
    }
    restartRace();
    return nullptr;
}

void RaceMode::addEntrant(int entrant)
{
    auto trainer = trainerForEdit(entrant);
    if (!trainer)
        return;
    controller_->addEntrant(std::move(trainer));
    entrants_.push_back(newEntrant(entrant));
    addOverlay(entrant);
    lineupChanged();
}

void RaceMode::removeEntrant(int entrant)
{
    if (!racing_ || panel_->lineup().empty()) {
        restartRace();
        return;
    }
    controller_->removeEntrant(entrant);
    entrants_.erase(entrants_.begin() + entrant);
    landscape_->removeOverlayPath(entrant);
    lossPlot_->removeOverlaySeries(entrant);
    lineupChanged();
}

void RaceMode::editEntrant(int entrant)
{
    auto trainer = trainerForEdit(entrant);
    if (!trainer)
        return;
    controller_->replaceEntrant(entrant, std::move(trainer));
    // A new id: what the worker still publishes of its old run reaches nothing. Its path goes
    // back to the start with the frame that restarts it.
    entrants_[static_cast<std::size_t>(entrant)] = newEntrant(entrant);
    lineupChanged();
}

void RaceMode::lineupChanged()
{
    relabel();
    showReadouts();   // the panel may have made its cards anew
    replotBoth();
}

void RaceMode::addOverlay(int entrant)
{
    // Named by relabel(), which needs the whole line-up.
    const QColor color = palette::raceColor(panel_->colorIndex(entrant));
    landscape_->addOverlayPath(QString(), color);
    lossPlot_->addOverlaySeries(QString(), color);
}

void RaceMode::relabel()
{
    const auto& lineup = panel_->lineup();
    // The batch size goes into the labels only when it tells the entrants apart.
    const std::int64_t n = problem_.trainSize();
    const auto used = [n](const core::TrainSettings& s) { return std::min<std::int64_t>(s.batchSize, n); };
    bool batchesDiffer = false;
    for (const auto& s : lineup)
        batchesDiffer = batchesDiffer || used(s) != used(lineup.front());
    const bool withBatch = problem_.usesData() && batchesDiffer;
    // The main run goes on beside the race (its own transport steps it, the Now dock shows its
    // numbers): it is named too, so that no path or curve on screen goes without a name.
    landscape_->setMainPathLabel(tr("Main run: %1").arg(raceLabel(settings_->value().train, withBatch, n)));
    lossPlot_->setMainRunListed(true);
    for (std::size_t i = 0; i < entrants_.size() && i < lineup.size(); ++i) {
        Entrant& e = entrants_[i];
        e.label = raceLabel(lineup[i], withBatch, n);
        const int id = static_cast<int>(i);
        if (QCPCurve* curve = landscape_->overlayCurve(id))
            curve->setName(e.divergedAt > 0 ? divergedLabel(e.label, e.divergedAt) : e.label);
        if (QCPGraph* graph = lossPlot_->overlayGraph(id))
            graph->setName(e.divergedAt > 0 ? divergedLossLabel(e.label) : e.label);
    }
}

void RaceMode::showReadout(int entrant)
{
    const Entrant& e = entrants_[static_cast<std::size_t>(entrant)];
    if (const auto& divergence = controller_->divergence(entrant))
        panel_->setReadout(entrant, QString::fromStdString(divergence->message) + tr(". The others race on."), true);
    else if (controller_->isCatchingUp(entrant))
        panel_->setReadout(entrant,
            tr("catching up\u2026 step %1 of %2").arg(controller_->state(entrant).step).arg(controller_->raceStep()), false);
    else if (std::isnan(e.lastLoss))
        panel_->setReadout(entrant, tr("step 0 \u00b7 ready"), false);
    else
        panel_->setReadout(entrant, readout(controller_->state(entrant), e.lastLoss), false);
}

void RaceMode::showReadouts()
{
    for (int i = 0; i < static_cast<int>(entrants_.size()); ++i)
        showReadout(i);
}

void RaceMode::replotBoth()
{
    landscape_->replot(QCustomPlot::rpQueuedReplot);
    lossPlot_->replot(QCustomPlot::rpQueuedReplot);
}

std::vector<AnimationEntrant> RaceMode::animationEntrants() const
{
    std::vector<AnimationEntrant> out;
    if (!racing_)
        return out;
    for (std::size_t i = 0; i < entrants_.size(); ++i) {
        AnimationEntrant a;
        a.label = entrants_[i].label;
        a.color = palette::raceColor(panel_->colorIndex(static_cast<int>(i)));
        a.track = entrants_[i].track.items();
        a.divergedAt = entrants_[i].divergedAt;
        out.push_back(std::move(a));
    }
    return out;
}

std::int64_t RaceMode::lastStep() const
{
    std::int64_t last = 0;
    for (const Entrant& e : entrants_) {
        if (e.divergedAt > 0)
            last = std::max(last, e.divergedAt);
        else if (!e.track.items().empty())
            last = std::max(last, e.track.items().back().step);
    }
    return racing_ ? last : 0;
}

QPointF RaceMode::project(const core::Vec& w) const
{
    return plotPoint(projection_, w);
}

QString RaceMode::readout(const core::TrainState& state, double loss) const
{
    const auto names = problem_.parameterNames();
    QStringList parts;
    parts << tr("step %1").arg(state.step) << tr("loss %1").arg(loss, 0, 'g', 4);
    const int n = static_cast<int>(state.params.size());
    for (int k = 0; k < n && k < static_cast<int>(names.size()); ++k) {
        // Many parameters: only the plotted two, or none on a plane through them all.
        if (n > kReadoutParameters && (projection_.isPlane() || (k != projection_.axis1() && k != projection_.axis2())))
            continue;
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(names[static_cast<std::size_t>(k)]))
                     .arg(state.params[k], 0, 'g', 4);
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

void RaceMode::restartEntrant(int entrant, const Snapshot& snap)
{
    Entrant& e = entrants_[static_cast<std::size_t>(entrant)];
    landscape_->resetOverlayPath(entrant);
    lossPlot_->resetOverlaySeries(entrant);
    landscape_->appendOverlayPath(entrant, {project(snap.init)});
    lossPlot_->appendOverlaySteps(entrant, {0.0}, {snap.initTrainLoss});
    e.lastLoss = snap.initTrainLoss;
    e.track.clear();
    e.track.append({0, project(snap.init), snap.initTrainLoss});
    e.divergedAt = 0;
}

void RaceMode::onFrame(const RaceFrame& frame)
{
    if (!racing_)
        return;
    bool legendChanged = false;
    for (std::size_t k = 0; k < frame.entrants.size() && k < frame.ids.size(); ++k) {
        // Matched by id, not by position: a frame taken before a line-up change (delivered
        // queued) cannot land on another entrant, nor an edited one's old run on its new one.
        const auto at = std::find_if(
            entrants_.begin(), entrants_.end(), [id = frame.ids[k]](const Entrant& e) { return e.id == id; });
        if (at == entrants_.end())
            continue;
        Entrant& e = *at;
        const int id = static_cast<int>(at - entrants_.begin());
        const Snapshot& snap = frame.entrants[k];
        if (snap.restarted) {   // a reset, or an entrant that joins: its path starts again
            restartEntrant(id, snap);
            legendChanged = true;
        }
        for (const StepRow& row : snap.rows)
            e.track.append({row.step, project(row.params), row.trainLoss});
        if (!snap.rows.empty()) {
            QVector<QPointF> points;
            QVector<double> steps, losses;
            core::forEachShown(snap.rows, kPlotPointsPerFrame, [&](const StepRow& row) {
                points.push_back(project(row.params));
                steps.push_back(static_cast<double>(row.step));
                // The whole training set's loss after the update: entrants with different batch
                // sizes are compared on one measure, and the curves are not buried in batch noise.
                losses.push_back(row.trainLoss);
            });
            landscape_->appendOverlayPath(id, points);
            lossPlot_->appendOverlaySteps(id, steps, losses);
            e.lastLoss = snap.rows.back().trainLoss;
        }
        if (snap.hasState)
            landscape_->setOverlayCurrent(id, project(snap.state.params));
        if (snap.divergence) {
            e.divergedAt = snap.divergence->step;
            // Fit to path and the loss plot's axes leave its flight out.
            landscape_->setOverlayDiverged(id, true);
            lossPlot_->setOverlayDiverged(id, true);
            legendChanged = true;
        }
        if (snap.hasState || snap.divergence)
            showReadout(id);
    }
    if (legendChanged) {
        relabel();
        landscape_->replot(QCustomPlot::rpQueuedReplot);
    } else {
        landscape_->replotLive();
    }
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
