#pragma once
// One calm palette for every plot: a light background that reads well on a projector, dark-grey
// text, and overlay colours chosen to stand apart from the viridis landscape and from each other.
// The live overlays are drawn with a dark halo under a bright core, so they stay visible on both
// ends of the map (a bright core on the dark-purple floor, the dark halo on the yellow rim).
#include <QColor>
#include <QFont>

#include <qcustomplot.h>

namespace downhill::ui::palette {

// Light for a lit room, dark for a dim one: the page colours, the text and the accent change; the
// landscape's viridis and the overlays (drawn with a halo) read on both.
enum class Theme { Light, Dark };
void setTheme(Theme theme);
Theme theme();

QColor background();
QColor panel();
QColor text();
QColor mutedText();
QColor accent();

QColor path();             // trajectory (newest end); older points fade toward pathOld()
QColor pathOld();
QColor gradientArrow();    // minus the gradient
QColor velocityArrow();    // momentum buffer direction (scaled by lr)
QColor stepArrow();        // the step actually taken
QColor ghostPath();        // an earlier run's path, kept under the new one after a branch
QColor current();          // the current point
QColor minimum();          // grid minimum marker
QColor halo();             // dark outline under the live overlays

QColor trainLoss();
QColor valLoss();
QColor batchLoss();
QColor lrCurve();

// The i-th of several runs drawn at once (a race of optimizers): the Okabe-Ito colours, which
// stay apart under every common colour-vision deficiency; the 8 repeat for i >= 8.
QColor raceColor(int i);
constexpr int kRaceColorCount = 8;

// A network's weights, diverging around 0: t in [-1, 1] from dark blue through near-white (0)
// to dark red (ColorBrewer's RdBu, which stays readable under the common colour-vision
// deficiencies by its lightness); t outside is clamped, NaN is grey.
QRgb weightColor(double t);
QColor good();             // a prediction close to the truth
QColor fair();
QColor bad();

// Perceptually uniform and colour-blind safe: viridis, from matplotlib's 21 reference samples.
QCPColorGradient lossGradient();

QFont axisLabelFont();     // 11 pt
QFont tickLabelFont();     // 10 pt
QFont annotationFont();    // 10 pt, for labels drawn on the plots

// Axes, ticks, fonts and background of a plot in this palette.
void styleAxis(QCPAxis* axis);
void stylePlot(QCustomPlot* plot);

// Presentation mode: every line and marker of the plots `lines` times its normal size and every
// text `text` times, for a projector at the back of a room. Each object's normal size is
// remembered the first time applyPresentationScale() sees it (objects are made at scale 1);
// code that sets a marker again later goes through setScatter(), which does the same. A text item with the property "dhFixedFont" set keeps its font (long
// captions that are already sized to fit).
void setPresentationScale(double lines, double text);
double presentationScale();       // lines
double presentationTextScale();
void applyPresentationScale(QCustomPlot* plot);
void setScatter(QCPGraph* graph, QCPScatterStyle style);
void setScatter(QCPCurve* curve, QCPScatterStyle style);

}  // namespace downhill::ui::palette
