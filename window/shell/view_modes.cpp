#include "window/shell/view_modes.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QStatusBar>
#include <QToolBar>

#include "plots/landscape_plot.h"
#include "plots/palette.h"
#include "window/run/step_card.h"
#include "window/shell/action_factory.h"
#ifdef DOWNHILL_HAVE_3D
#include "window/landscape/landscape_view_3d.h"
#endif

namespace downhill::ui {

ViewModes::ViewModes(QMainWindow* window, Parts parts) : QObject(window), window_(window), parts_(std::move(parts))
{
    const auto make = [this](const QString& text, const char* name, const QKeySequence& key, const QString& tip) {
        QAction* a = makeAction(window_, text, name, key, tip);
        a->setCheckable(true);
        window_->addAction(a);   // the keys work while the menu bar is hidden (plot only)
        return a;
    };
    controlPanel_ = make(tr("Control panel"), "controlPanelAction", QKeySequence(Qt::Key_F9),
        tr("Show or fold away the settings on the left, to give the landscape the room"));
    controlPanel_->setChecked(true);
    plotOnly_ = make(tr("Plot only"), "plotOnlyAction", QKeySequence(Qt::Key_P),
        tr("Show the landscape alone, for the moment a class should look at it; press again for the rest"));
    fullScreen_ = make(tr("Full screen"), "fullScreenAction", QKeySequence(Qt::Key_F11),
        tr("Fill the screen with the window; press again to leave"));

    follow_ = make(tr("Follow the point"), "followPointAction", QKeySequence(),
        tr("When the run's point leaves the view, widen the view to the whole path"));
    follow_->setChecked(true);

    auto* themes = new QActionGroup(this);
    themes->setExclusive(true);
    const std::pair<ThemeChoice, QString> choices[] = {{ThemeChoice::Desktop, tr("Follow the desktop")},
        {ThemeChoice::Light, tr("Light")}, {ThemeChoice::Dark, tr("Dark (for a dim room)")}};
    for (const auto& [choice, text] : choices) {
        QAction* a = themes->addAction(text);
        a->setObjectName(QStringLiteral("theme%1Action").arg(themeChoiceName(choice)));
        a->setCheckable(true);
        a->setChecked(choice == ThemeChoice::Desktop);
        a->setData(static_cast<int>(choice));
        const ThemeChoice c = choice;
        connect(a, &QAction::triggered, this, [this, c] { setTheme(c); });
        themeActions_.push_back(a);
    }

    connect(controlPanel_, &QAction::toggled, this, [this](bool on) {
        if (parts_.controlPanel)
            parts_.controlPanel->setVisible(on);
    });
    connect(plotOnly_, &QAction::toggled, this, &ViewModes::setPlotOnly);
    // A view the user zooms or pans to is the one following counts its limit from.
    if (parts_.landscape) {
        connect(parts_.landscape, &LandscapePlot::viewChanged, this,
            [this](double min1, double max1, double min2, double max2) { home_ = QRectF(QPointF(min1, min2), QPointF(max1, max2)); });
    }
    connect(fullScreen_, &QAction::toggled, this, &ViewModes::setFullScreen);
}

void ViewModes::setPlotOnly(bool on)
{
    if (on == plotOnlyOn_)
        return;
    plotOnlyOn_ = on;
    {
        const QSignalBlocker block(plotOnly_);
        plotOnly_->setChecked(on);
    }
    if (on) {
        std::vector<QWidget*> parts;
        if (parts_.controlPanel)
            parts.push_back(parts_.controlPanel);
        for (QDockWidget* d : window_->findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
            if (!d->isFloating())
                parts.push_back(d);
        for (QToolBar* bar : window_->findChildren<QToolBar*>(Qt::FindDirectChildrenOnly))
            parts.push_back(bar);
        // The menu bar stays: View > Plot only, checked, is the way back for whoever does not
        // know the key.
        parts.push_back(window_->statusBar());
        hidden_.clear();
        for (QWidget* w : parts) {
            if (w && w->isVisible()) {
                hidden_.emplace_back(w);
                w->hide();
            }
        }
    } else {
        for (const QPointer<QWidget>& w : hidden_)
            if (w)
                w->show();
        hidden_.clear();
    }
}

void ViewModes::followPoint()
{
    LandscapePlot* plot = parts_.landscape;
    if (!plot)
        return;
    // The view the run starts in (or the user last chose, see the constructor) is what the
    // limit of following is counted from.
    const qint64 appended = plot->pathAppendedCount();
    const bool newPath = appended < appended_;   // cleared since: a new run, or back on the timeline
    appended_ = appended;
    if (plot->pathPointCount() < 2 || !home_ || newPath) {
        home_ = QRectF(QPointF(plot->xAxis->range().lower, plot->yAxis->range().lower),
            QPointF(plot->xAxis->range().upper, plot->yAxis->range().upper));
    }
    if (!follow_->isChecked())
        return;
    const QPointF p = plot->currentPoint();
    if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
        return;
    // Nothing moves before the first step: fitting the start point alone made a sliver of a
    // view, which a slow machine, drawing its first frame before the run's view was set, showed.
    if (plot->pathPointCount() < 2)
        return;
    const QCPRange x = plot->xAxis->range();
    const QCPRange y = plot->yAxis->range();
    if (x.contains(p.x()) && y.contains(p.y()))
        return;
    // Following widens the view to the path and the point, never narrows it, and stops at
    // kFollowLimit times the home view: a diverging run (lesson 01) took the view out to 1e82,
    // where the landscape the lesson is about was a blur. Beyond, the plot's "off the map" arrow
    // points at where the run went.
    plot->fitToPath();
    const QCPRange fx = plot->xAxis->range();
    const QCPRange fy = plot->yAxis->range();
    const QPointF c = home_->center();
    const double w = kFollowLimit * home_->width() / 2, h = kFollowLimit * home_->height() / 2;
    const auto widened = [](const QCPRange& view, const QCPRange& fit, double lo, double hi) {
        return QCPRange(std::min(view.lower, std::max(std::min(fit.lower, view.lower), lo)),
            std::max(view.upper, std::min(std::max(fit.upper, view.upper), hi)));
    };
    const QCPRange nx = widened(x, fx, c.x() - w, c.x() + w);
    const QCPRange ny = widened(y, fy, c.y() - h, c.y() + h);
    plot->xAxis->setRange(nx);
    plot->yAxis->setRange(ny);
    if (nx == x && ny == y)
        return;   // at the limit already: the arrow at the edge says where the point is
    plot->replot();
    if (parts_.viewChanged)
        parts_.viewChanged();
}

void ViewModes::setTheme(ThemeChoice choice)
{
    theme_ = choice;
    for (QAction* a : themeActions_)
        a->setChecked(a->data().toInt() == static_cast<int>(choice));
    applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()), choice);
    // The plots keep the colours they were styled with: styled again, with presentation mode's
    // sizes put back on top.
    for (QCustomPlot* plot : window_->findChildren<QCustomPlot*>()) {
        if (auto* landscape = qobject_cast<LandscapePlot*>(plot)) {
            landscape->restyle();
        } else {
            palette::stylePlot(plot);
            palette::applyPresentationScale(plot);
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
    }
    // So do the widgets that set the palette's colours on themselves.
    for (StepCard* card : window_->findChildren<StepCard*>())
        card->restyle();
#ifdef DOWNHILL_HAVE_3D
    for (LandscapeView3D* view : window_->findChildren<LandscapeView3D*>())
        view->restyle();
#endif
    window_->update();
    emit themeChanged(choice);
}

void ViewModes::setFullScreen(bool on)
{
    {
        const QSignalBlocker block(fullScreen_);
        fullScreen_->setChecked(on);
    }
    if (on == window_->isFullScreen())
        return;
    if (on) {
        wasMaximized_ = window_->isMaximized();
        window_->showFullScreen();
    } else if (wasMaximized_) {
        window_->showMaximized();
    } else {
        window_->showNormal();
    }
}

}  // namespace downhill::ui
