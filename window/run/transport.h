#pragma once
// The run's transport: Play/Pause, Step, Epoch, Back, Epoch back and Reset, the timeline's
// seeks and the speed, sent to the TrainingController while there is a working run (Reset
// without one asks the run builder to build it again). Play's text and icon follow the run.
//
// Undo reset (Ctrl+Z): Reset first keeps the run's timeline (TrainingController::saveTimeline,
// what File > Save run keeps), and Undo reset replays it exactly to where the run stood, as
// File > Open run does, so every step of it is back and Back works again. One level; it goes
// once the problem or the start point is another than the kept run's (that run cannot be
// replayed on them).
#include <QObject>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/train/run_history.h"

class QStatusBar;
class QToolButton;

namespace downhill::ui {

class RaceMode;
class RunBuilder;
class SettingsStore;
class SpeedControl;
class TimelineBar;
class TrainingController;
struct MainActions;

class Transport : public QObject {
    Q_OBJECT
public:
    // All of it belongs to the window and outlives this object.
    struct Parts {
        const MainActions* actions = nullptr;
        TrainingController* controller = nullptr;
        RunBuilder* builder = nullptr;
        RaceMode* race = nullptr;           // runs at the same speed
        TimelineBar* timeline = nullptr;
        SpeedControl* speed = nullptr;
        SettingsStore* settings = nullptr;  // where the speed is kept
        QToolButton* playButton = nullptr;  // keeps the width of its wider label
        QStatusBar* statusBar = nullptr;    // says what Reset and Undo reset did
    };

    Transport(Parts parts, QObject* parent);

    // The settings' speed (a file, a lesson) onto the control, the run and the race; the
    // control rounds it to what it can show, and the settings keep that.
    void applySpeed();
    // Play says Pause while the run plays (and Play again once it stopped, diverged or not);
    // its button is as wide for either word, so that the buttons after it stay put.
    void showPlaying();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void holdPlayWidth();
    void reset();
    void undoReset();
    bool canUndoReset() const;   // a kept run, and the problem and start it was made on

    Parts parts_;
    // The run before the last Reset, and what it was made on.
    std::optional<core::RunHistory::Saved> beforeReset_;
    std::shared_ptr<const void> resetObjective_, resetData_;
    std::vector<double> resetStart_;
    bool undoing_ = false;   // its replay under way
    std::int64_t undoneTo_ = 0;
};

}  // namespace downhill::ui
