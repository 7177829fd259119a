#include "window/shell/presentation_mode.h"

#include <QAction>
#include <QMainWindow>
#include <QStatusBar>

#include "plots/landscape_plot.h"
#include "plots/palette.h"
#ifdef DOWNHILL_HAVE_3D
#include "window/landscape/landscape_view_3d.h"
#endif

namespace downhill::ui {

namespace {
// Text and lines this many times their normal size.
constexpr double kFontScale = 1.3;
constexpr double kLineScale = 1.6;
}  // namespace

PresentationMode::PresentationMode(QMainWindow* window, QAction* action, LandscapeView3D* view3d)
    : QObject(window), window_(window), action_(action), view3d_(view3d)
{
    connect(action_, &QAction::toggled, this, &PresentationMode::setOn);
}

void PresentationMode::setOn(bool on)
{
    if (on == on_)
        return;
    on_ = on;
    {
        const QSignalBlocker block(action_);
        action_->setChecked(on);
    }
    scalePlots(on ? kLineScale : 1.0, on ? kFontScale : 1.0);
    window_->statusBar()->showMessage(on ? tr("Presentation mode: F5 to leave") : QString(), 4000);
}

void PresentationMode::scalePlots(double lineScale, double textScale)
{
    palette::setPresentationScale(lineScale, textScale);
#ifdef DOWNHILL_HAVE_3D
    if (view3d_)
        view3d_->applyPresentationScale();
#endif
    for (QCustomPlot* plot : window_->findChildren<QCustomPlot*>()) {
        if (auto* landscape = qobject_cast<LandscapePlot*>(plot)) {
            landscape->applyPresentationScale();
        } else {
            palette::applyPresentationScale(plot);
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
    }
}

}  // namespace downhill::ui
