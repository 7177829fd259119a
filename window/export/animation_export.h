#pragma once
// File > Export animation: the run from step 0 to the timeline position, and a race beside it to
// where the race stands, drawn offscreen frame by frame (as the window shows them: one map, or
// training | validation side by side, with or without the loss plot) into a GIF or numbered
// PNGs, behind a cancellable progress dialog. The dialog's last choices are kept.
#include <cstdint>

#include <QObject>
#include <QSize>

#include "plots/run_animation.h"
#include "window/export/animation_dialog.h"

class QLabel;
class QStatusBar;
class QWidget;

namespace downhill::ui {

class LandscapePlot;
class LossPlot;
class RaceMode;
class RunBuilder;
class RunPresenter;
class SettingsStore;
class SurfaceArea;

class AnimationExport : public QObject {
    Q_OBJECT
public:
    // All of it belongs to the window and outlives this object.
    struct Sources {
        QWidget* window = nullptr;             // the dialogs' parent
        const SettingsStore* settings = nullptr;
        const RunBuilder* builder = nullptr;   // the problem, and whether there is a run
        const RunPresenter* presenter = nullptr;   // the path log and the step shown
        const RaceMode* race = nullptr;
        LandscapePlot* landscape = nullptr;
        SurfaceArea* surfaceArea = nullptr;
        LossPlot* lossPlot = nullptr;
        QLabel* runLabel = nullptr;            // the figure's title
        QStatusBar* statusBar = nullptr;
    };

    AnimationExport(Sources sources, QObject* parent);

    // The dialog, then the export; says in the status bar or a message box how it went.
    void openDialog();
    // Without the dialog: Failed with *error (saying why and naming the path) or Cancelled,
    // and nothing was written; or Written.
    ExportResult exportAnimation(const AnimationSettings& animation, QString* error);
    std::int64_t lastStep() const;   // the last frame's step
    QSize mapsSize() const;          // the landscape, or side by side both maps, as on screen

private:
    Sources sources_;
    AnimationSettings animation_;    // the dialog's last choices
};

}  // namespace downhill::ui
