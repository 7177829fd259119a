#pragma once
// An animation of a run for slides: frames from step 0 to a chosen step, the path growing, the
// current point and its arrows moving, the loss plot's marker moving. Drawn on a Figure, which
// is offscreen: the live window's plots are never touched, and the run may go on meanwhile.
// Written as an animated GIF or as numbered PNG frames, through a temporary file or folder, so
// that a cancel or a failure leaves nothing behind. Shared by the window (File > Export
// animation) and downhill-cli render --out run.gif.
#include <cstdint>
#include <functional>
#include <vector>

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QString>

#include "core/optim/optimizer.h"
#include "core/landscape/projection.h"
#include "session/run/snapshot_buffer.h"

namespace downhill::ui {

class Figure;
class LossPlot;

// Where an entrant of a race stood after an update (step 0: the start), on the plotted plane,
// and its training-set loss there.
struct TrackPoint {
    std::int64_t step = 0;
    QPointF at;
    double loss = 0;
};

// One entrant of a race, drawn as the window draws it: its path and its current point in its
// colour with a legend entry on the landscape, its loss curve on the loss plot.
struct AnimationEntrant {
    QString label;
    QColor color;
    std::vector<TrackPoint> track;   // the start first, in step order (thinned on long runs)
    std::int64_t divergedAt = 0;     // the update that failed, after the track's end; 0: none
};

// The legend's words for an entrant that diverged at `step` (on the landscape, and on the
// loss plot, which says no more than that).
QString divergedLabel(const QString& label, std::int64_t step);
QString divergedLossLabel(const QString& label);

// What the frames are drawn from: a copy, taken once.
struct AnimationRun {
    // The run. Without init (a race drawn alone), only the entrants are drawn.
    core::Vec init;                      // the start: the frame of step 0
    std::vector<StepRow> rows;           // the steps after it, in order (thinned on long runs)
    core::Projection projection;         // the plotted parameters, or a plane through them all
    QPointF startNegGradient;            // the arrow at step 0 (no update yet)
    core::OptimizerSettings optimizer;   // for the momentum arrow
    QString title;                       // non-empty: each frame is titled "<title> · step k"
    QString divergence;                  // non-empty: the banner, on the frame of the last row
    // A race beside (or instead of) the run: at each frame every entrant stands where it was
    // at that step, or where it stopped.
    std::vector<AnimationEntrant> entrants;
};

// The steps `frames` frames show: spread evenly from 0 to lastStep, both included, all
// distinct (so fewer than asked when the run has fewer steps).
std::vector<std::int64_t> evenFrameSteps(std::int64_t lastStep, int frames);
// Every k-th step from 0, and lastStep; more than maxFrames of them become maxFrames spread
// evenly instead.
std::vector<std::int64_t> everyKFrameSteps(std::int64_t lastStep, std::int64_t every, int maxFrames);

// The momentum arrow as the window draws it: what momentum carried over from earlier steps,
// the step minus this step's own gradient term (PyTorch's sgd: b = mu b + (1 - tau) g, step =
// -lr b, so that is -lr mu b_old; nesterov adds mu b to g, so its gradient term is -lr g).
// Null for other rules, without momentum and on the first update (t = 1), when the buffer is g.
QPointF carriedByMomentum(const core::OptimizerSettings& optimizer, std::int64_t t, QPointF step, QPointF gradient, double updateLr);

class RunAnimation {
public:
    // The figure must hold the landscape already (grid, view, captions on or off); its loss
    // plot, if any, the run's curves (see plotLoss); the entrants' curves are added here. The
    // captions and the race's legends are placed once, for the whole run, so that they do not
    // jump from frame to frame.
    RunAnimation(Figure& figure, AnimationRun run);

    // The figure as it stood at `step` (the last row at or before it): the path from the start
    // to there, the point, its arrows and the loss marker; each entrant's path and point.
    // Cheapest with increasing steps. show() does the same without drawing an image (for a
    // still figure written as SVG or PDF).
    QImage frame(std::int64_t step);
    void show(std::int64_t step);
    // The point the frame at `step` shows as current, in parameter units.
    QPointF pointAt(std::int64_t step) const;
    QPointF entrantPointAt(std::size_t entrant, std::int64_t step) const;
    // Of the last row, or the last entrant's last step (0 without either); a diverged
    // entrant's last step is the update that failed.
    std::int64_t lastStep() const;

    // The loss plot's curves from rows and epochs, as the window's loss plot draws them.
    static void plotLoss(LossPlot& plot, const std::vector<StepRow>& rows, const std::vector<core::EpochRecord>& epochs);

private:
    QPointF project(const core::Vec& w) const;
    QPointF projectDirection(const core::Vec& v) const;
    std::size_t rowsUpTo(std::int64_t step) const;   // how many rows have row.step <= step
    void addEntrantPaths();                          // empty, with their legend entries
    void showRun(std::int64_t step);
    void showEntrants(std::int64_t step);

    Figure& figure_;
    AnimationRun run_;
    std::size_t grown_ = 0;                // rows on the plot's path (after the start point)
    std::vector<std::size_t> entrantGrown_;   // track points on each entrant's path
};

enum class AnimationFormat { Gif, PngFrames };

struct AnimationOutput {
    AnimationFormat format = AnimationFormat::Gif;
    QString target;                     // the .gif file, or the frames' folder
    std::vector<std::int64_t> steps;    // one frame each
    double fps = 10;                    // GIF only
    int holdLastCentiseconds = 150;     // the last frame stays this long before the loop restarts
};

enum class ExportResult { Written, Cancelled, Failed };

// The GIF frame delay for fps frames a second, in GIF's centiseconds (at least 2: browsers
// show shorter delays as 10).
int gifDelayCentiseconds(double fps);

// Draws and writes every frame. progress(done, total) is called before each frame and once
// at the end; returning false cancels. Cancelled or Failed: nothing was written (the temporary
// file or folder is removed), and on failure *error names the path.
ExportResult exportAnimation(RunAnimation& animation, const AnimationOutput& output,
    const std::function<bool(int done, int total)>& progress, QString* error);

}  // namespace downhill::ui
