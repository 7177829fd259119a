#include "window/run/transport.h"

#include <QAction>
#include <QEvent>
#include <QIcon>
#include <QKeySequence>
#include <QStatusBar>
#include <QToolButton>

#include <algorithm>

#include "session/run/training_controller.h"
#include "session/settings/settings_store.h"
#include "window/race/race_mode.h"
#include "window/run/run_builder.h"
#include "window/run/speed_control.h"
#include "window/run/timeline_bar.h"
#include "window/shell/main_actions.h"

namespace downhill::ui {

Transport::Transport(Parts parts, QObject* parent) : QObject(parent), parts_(parts)
{
    TrainingController* controller = parts_.controller;
    RunBuilder* builder = parts_.builder;
    const MainActions& a = *parts_.actions;
    // Each command only with a working run; the actions are disabled without one anyway.
    const auto command = [this, builder, controller](QAction* action, void (TrainingController::*fn)()) {
        connect(action, &QAction::triggered, this, [builder, controller, fn] {
            if (builder->runValid())
                (controller->*fn)();
        });
    };
    command(a.play, &TrainingController::togglePlay);
    command(a.step, &TrainingController::stepOnce);
    command(a.epoch, &TrainingController::stepEpoch);
    connect(a.back, &QAction::triggered, this, [builder, controller] {
        if (builder->runValid())
            controller->stepBack();
    });
    command(a.epochBack, &TrainingController::epochBack);
    connect(a.reset, &QAction::triggered, this, &Transport::reset);
    connect(a.undoReset, &QAction::triggered, this, &Transport::undoReset);
    // Another problem or start point: the kept run cannot come back.
    connect(parts_.settings, &SettingsStore::edited, this, [this] { parts_.actions->undoReset->setEnabled(canUndoReset()); });
    // After File > Open run's word on a replay (connected before): this one was no file.
    connect(controller, &TrainingController::timelineLoaded, this, [this] {
        if (undoing_ && parts_.statusBar)
            parts_.statusBar->showMessage(tr("Reset undone: the run is back at step %L1.").arg(undoneTo_), 8000);
        undoing_ = false;
    });
    connect(controller, &TrainingController::replayCancelled, this, [this] { undoing_ = false; });
    connect(controller, &TrainingController::frame, this, [this](const Snapshot& snap) {
        if (snap.restarted && beforeReset_)
            parts_.actions->undoReset->setEnabled(canUndoReset());
    });
    connect(parts_.timeline, &TimelineBar::seekRequested, this, [builder, controller](std::int64_t step) {
        if (builder->runValid())
            controller->seek(step);
    });
    connect(parts_.speed, &SpeedControl::speedEdited, this, [this](double v) {
        parts_.settings->update([v](AppSettings& s) { s.speed = v; });
        parts_.controller->setSpeed(v);
        parts_.race->setSpeed(v);
    });
    connect(controller, &TrainingController::playingChanged, this, &Transport::showPlaying);
    if (parts_.playButton)
        parts_.playButton->installEventFilter(this);
    showPlaying();
}

void Transport::reset()
{
    TrainingController* controller = parts_.controller;
    RunBuilder* builder = parts_.builder;
    if (!builder->runValid()) {
        builder->configureRun();
        return;
    }
    // A run that has gone somewhere is kept for Undo reset; step 0 leaves the one kept before.
    if (controller->head() > 0) {
        const bool playing = controller->isPlaying();
        if (auto saved = controller->saveTimeline()) {   // pauses first
            beforeReset_ = std::move(saved);
            resetObjective_ = builder->problem().objective();
            resetData_ = builder->problem().data();
            resetStart_ = parts_.settings->value().start;
            if (parts_.statusBar)
                parts_.statusBar->showMessage(tr("Back at step 0. Undo reset (%1) brings back the run to step %L2.")
                    .arg(parts_.actions->undoReset->shortcut().toString(QKeySequence::NativeText))
                    .arg(beforeReset_->position), 8000);
        }
        if (playing)
            controller->play();
    }
    controller->reset();
    parts_.actions->undoReset->setEnabled(canUndoReset());
}

bool Transport::canUndoReset() const
{
    const Problem& problem = parts_.builder->problem();
    return beforeReset_ && parts_.builder->runValid() && problem.objective() == resetObjective_
        && problem.data() == resetData_ && parts_.settings->value().start == resetStart_;
}

void Transport::undoReset()
{
    if (!canUndoReset()) {
        parts_.actions->undoReset->setEnabled(false);
        return;
    }
    const core::RunHistory::Saved saved = std::move(*beforeReset_);
    beforeReset_.reset();
    parts_.actions->undoReset->setEnabled(false);
    // Replayed as an opened run is: the same changes of settings at the same steps give the
    // same states, bit for bit; the timeline's settings come back into the panel with it.
    undoing_ = true;
    undoneTo_ = saved.position;
    parts_.controller->loadTimeline(saved.changes, saved.head, saved.headState, saved.position);
}

void Transport::applySpeed()
{
    parts_.speed->setSpeed(parts_.settings->value().speed);
    const double speed = parts_.speed->speed();
    parts_.settings->update([speed](AppSettings& s) { s.speed = speed; });
    parts_.controller->setSpeed(speed);
    parts_.race->setSpeed(speed);
}

void Transport::showPlaying()
{
    const bool playing = parts_.controller->isPlaying();
    QAction* play = parts_.actions->play;
    play->setText(playing ? tr("Pause") : tr("Play"));
    play->setIcon(QIcon(playing ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg")));
    holdPlayWidth();
}

bool Transport::eventFilter(QObject* watched, QEvent* event)
{
    // Measured again in the button's font and style when they change (the window's appearance
    // is applied after it is built; presentation mode enlarges the font).
    if (watched == parts_.playButton
        && (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange || event->type() == QEvent::Polish))
        holdPlayWidth();
    return QObject::eventFilter(watched, event);
}

void Transport::holdPlayWidth()
{
    QToolButton* button = parts_.playButton;
    if (!button)
        return;
    // Each word's size as the button itself lays it out (its style sheet's font, its margins);
    // the text it shows stays the action's.
    const QString shown = button->text();
    int widest = 0;
    for (const QString& word : {tr("Play"), tr("Pause")}) {
        button->setText(word);
        widest = std::max(widest, button->sizeHint().width());
    }
    button->setText(shown);
    button->setMinimumWidth(widest);
}

}  // namespace downhill::ui
