#pragma once
// Race mode in the window: the line-up (RacePanel), the race itself (RaceController on its own
// thread) and what the race draws: per entrant a path and a current-point marker with a legend
// entry on the landscape and a loss curve on the loss plot, all in palette::raceColor(i).
// The window only hands it the main run's problem and start (setProblem), its settings
// (setBaseSettings, for new entrants) and its speed; a new problem or start restarts the race
// there, paused at step 0, with the same line-up. Any change to the line-up does the same.
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include "problem.h"
#include "race_controller.h"
#include "run_animation.h"
#include "thinned_log.h"
#include "trainer.h"

class QAction;
class QWidget;

namespace downhill::ui {

class LandscapePlot;
class LossPlot;
class RacePanel;

class RaceMode : public QObject {
    Q_OBJECT
public:
    // The plots belong to the window and must outlive this object.
    RaceMode(LandscapePlot* landscape, LossPlot* lossPlot, QWidget* parent);
    ~RaceMode() override;

    RacePanel* panel() const { return panel_; }
    RaceController* controller() const { return controller_; }
    // Play/pause, step and reset of the race, then the preset and clear: for the Race menu.
    QList<QAction*> actions() const;
    QAction* playAction() const { return playAction_; }
    QAction* stepAction() const { return stepAction_; }
    QAction* resetAction() const { return resetAction_; }
    QAction* presetAction() const { return presetAction_; }

    void setProblem(const Problem& problem, const core::Vec& start, int axis1, int axis2);
    void setBaseSettings(const core::TrainSettings& base);
    void setSpeed(double stepsPerSecond);

    // The line-up, as the panel shows it; setting it restarts the race (an empty one ends it).
    void setLineup(const std::vector<core::TrainSettings>& lineup);
    const std::vector<core::TrainSettings>& lineup() const;
    void applyPreset();
    bool isRacing() const { return racing_; }   // a race is configured (paths on the plots)
    // The race so far as an animation draws it (File > Export animation): each entrant's
    // track, kept bounded like the main run's path log; empty without a race.
    std::vector<AnimationEntrant> animationEntrants() const;
    std::int64_t lastStep() const;   // of the race (a diverged entrant's: the update that failed)

signals:
    void frameShown();   // a race frame was drawn

private:
    void restartRace();
    void endRace();
    void addOverlays();   // one path and one loss curve per entrant, empty
    void onFrame(const RaceFrame& frame);
    void updatePlayAction(bool playing);
    QPointF project(const core::Vec& w) const;
    QString readout(const core::TrainState& state, double loss) const;

    LandscapePlot* landscape_;
    LossPlot* lossPlot_;
    RacePanel* panel_;
    RaceController* controller_;
    QAction* playAction_;
    QAction* stepAction_;
    QAction* resetAction_;
    QAction* presetAction_;
    QAction* clearAction_;

    Problem problem_;
    core::Vec start_;
    int axis1_ = 0, axis2_ = 1;
    core::TrainSettings base_;
    bool racing_ = false;
    std::vector<double> lastLoss_;   // per entrant, for the read-out
    std::vector<QString> labels_;    // per entrant, the legend's (before any divergence)
    std::vector<ThinnedLog<TrackPoint>> tracks_;   // per entrant
    std::vector<std::int64_t> divergedAt_;         // per entrant; 0: running
    QElapsedTimer lossReplotClock_;
};

}  // namespace downhill::ui
