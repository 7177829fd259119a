#include "window/shell/presentation_mode.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>

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

PresentationMode::PresentationMode(QMainWindow* window, QAction* action, QSplitter* mainSplitter,
    QSplitter* plotSplitter, LandscapeView3D* view3d)
    : QObject(window)
    , window_(window)
    , action_(action)
    , mainSplitter_(mainSplitter)
    , plotSplitter_(plotSplitter)
    , view3d_(view3d)
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
    const double textScale = on ? kFontScale : 1.0;
    if (on)
        enter(textScale);
    else
        leave();
    scalePlots(on ? kLineScale : 1.0, textScale);
    if (auto* bar = window_->findChild<QToolBar*>(QStringLiteral("transportBar")))
        bar->setIconSize(on ? QSize(40, 40) : QSize(28, 28));
    window_->statusBar()->showMessage(on ? tr("Presentation mode: F5 to leave") : QString(), 4000);
}

void PresentationMode::enter(double textScale)
{
    normalSplits_ = {mainSplitter_->saveState(), plotSplitter_->saveState(), window_->saveGeometry()};
    normalDockWidths_.clear();
    for (QDockWidget* d : window_->findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
        if (d->isVisible() && !d->isFloating())
            normalDockWidths_.emplace_back(d, d->width());
    // Every widget's font is set, not just the window's: under the application's style sheet
    // fonts do not propagate from parents.
    normalFonts_.clear();
    QList<QWidget*> widgets = window_->findChildren<QWidget*>();
    widgets.prepend(window_);
    for (QWidget* w : widgets) {
        const bool own = w->testAttribute(Qt::WA_SetFont);
        normalFonts_.push_back({w, own ? w->font() : QFont(), own});
        QFont f = w->font();
        if (f.pointSizeF() > 0) {
            f.setPointSizeF(f.pointSizeF() * textScale);
            w->setFont(f);
        }
    }
}

void PresentationMode::leave()
{
    // Each widget back as it was: its own font if it had set one, otherwise its parent's again.
    for (auto it = normalFonts_.rbegin(); it != normalFonts_.rend(); ++it)
        if (it->widget)
            it->widget->setFont(it->own ? it->font : QFont());
    normalFonts_.clear();
    // The larger text pushed the splitters and may have grown the window: both go back, once
    // the layouts know the smaller text.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    window_->restoreGeometry(normalSplits_[2]);
    mainSplitter_->restoreState(normalSplits_[0]);
    plotSplitter_->restoreState(normalSplits_[1]);
    // The larger text also narrowed the docks (the 3D view most visibly), and the window does
    // not widen them again by itself.
    QList<QDockWidget*> docks;
    QList<int> widths;
    for (const auto& [d, width] : normalDockWidths_) {
        if (d && d->isVisible() && !d->isFloating()) {
            docks.push_back(d);
            widths.push_back(width);
        }
    }
    window_->resizeDocks(docks, widths, Qt::Horizontal);
    normalDockWidths_.clear();
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
