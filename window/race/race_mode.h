#pragma once
// Race mode in the window: the line-up (RacePanel), the race itself (RaceController on its own
// thread) and what the race draws: per entrant a path and a current-point marker with a legend
// entry on the landscape and a loss curve on the loss plot, all in the entrant's colour
// (palette::raceColor of the panel's colorIndex: an entrant keeps its colour while others
// come and go). The window only hands it the main run's problem and start (setProblem) and its
// speed; the main run's settings (for the preset and new entrants) it reads from the
// SettingsStore. A new problem or start restarts the race there, paused at step 0, with the same line-up, and so does setLineup(). Edits in the
// panel keep the race going: an added entrant, or an edited one, starts at the start point and
// catches up to the race's step (its card says "catching up… step k of N" meanwhile); a
// removed one takes its path, marker, legend entry and loss curve with it; the others keep
// everything. While a race is shown the main run, which goes on beside it, is named in both
// legends as well ("Main run: SGD lr 0.1").
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include "session/problem/problem.h"
#include "session/run/race_controller.h"
#include "plots/run_animation.h"
#include "session/run/thinned_log.h"
#include "session/settings/settings_store.h"
#include "core/landscape/projection.h"
#include "core/train/trainer.h"

class QAction;
class QWidget;

namespace downhill::ui {

class LandscapePlot;
class LossPlot;
class RacePanel;

class RaceMode : public QObject {
    Q_OBJECT
public:
    // The store and the plots belong to the window and must outlive this object.
    RaceMode(const SettingsStore* settings, LandscapePlot* landscape, LossPlot* lossPlot, QWidget* parent);
    ~RaceMode() override;

    RacePanel* panel() const { return panel_; }
    RaceController* controller() const { return controller_; }
    // Play/pause, step and reset of the race, then the preset and clear: for the Race menu.
    QList<QAction*> actions() const;
    QAction* playAction() const { return playAction_; }
    QAction* stepAction() const { return stepAction_; }
    QAction* resetAction() const { return resetAction_; }
    QAction* presetAction() const { return presetAction_; }

    void setProblem(const Problem& problem, const core::Vec& start, const core::Projection& projection);
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
    // What is drawn of one entrant, in line-up order.
    struct Entrant {
        std::uint64_t id = 0;           // the controller's: frames are matched to entrants by it
        QString label;                  // the legend's (before any divergence)
        double lastLoss = 0;            // for the read-out; NaN before its first frame
        ThinnedLog<TrackPoint> track;   // for animations
        std::int64_t divergedAt = 0;    // 0: running
    };

    void restartRace();
    void endRace();
    void addEntrant(int entrant);      // the panel's edits
    void removeEntrant(int entrant);
    void editEntrant(int entrant);
    std::unique_ptr<core::Trainer> makeTrainer(int entrant);   // nullptr: the settings are refused
    // For an edit that keeps the race going; nullptr when the race cannot take it as it stands
    // (no race yet, or settings it refuses): the race was restarted instead, which starts what
    // it can or says which entrant it refused.
    std::unique_ptr<core::Trainer> trainerForEdit(int entrant);
    Entrant newEntrant(int entrant) const;   // its id from the controller, no track yet
    void addOverlay(int entrant);      // its path and loss curve, empty
    void lineupChanged();              // names, read-outs and plots after a change of the line-up
    void restartEntrant(int entrant, const Snapshot& snap);   // its path from the start again
    void relabel();                    // the legend's names, which depend on the whole line-up
    void showReadout(int entrant);
    void showReadouts();
    void replotBoth();                 // queued: the legend may have changed
    void onFrame(const RaceFrame& frame);
    void updatePlayAction(bool playing);
    QPointF project(const core::Vec& w) const;
    QString readout(const core::TrainState& state, double loss) const;

    const SettingsStore* settings_;
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
    core::Projection projection_;
    bool racing_ = false;
    std::vector<Entrant> entrants_;
    QElapsedTimer lossReplotClock_;
};

}  // namespace downhill::ui
