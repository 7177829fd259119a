#include "window/run/transport.h"

#include <QAction>
#include <QEvent>
#include <QIcon>
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
    connect(a.reset, &QAction::triggered, this, [builder, controller] {
        if (builder->runValid())
            controller->reset();
        else
            builder->configureRun();
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
