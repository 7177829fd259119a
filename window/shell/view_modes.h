#pragma once
// The views of the window for a class: the control panel shown or folded away (F9), plot only
// (P: the landscape alone under the menu bar, every other part hidden, for the moment a class
// should look at it)
// and full screen (F11). Each is an action (View menu) that follows its state; leaving plot only
// brings back exactly the parts that were shown before, docks included. Follow the point (on by
// default): when the run's point leaves the landscape's view, the view takes in the whole path
// again, so a run that overshoots (lesson 01) stays on screen, up to kFollowLimit times the view
// the run started in (or the user zoomed to); a point beyond is shown by the plot's "off the
// map" arrow at the edge instead, and the landscape stays readable. And the theme (View > Theme):
// light, dark, or the desktop's, switched while a run goes on.
#include <functional>
#include <optional>
#include <vector>

#include <QList>
#include <QObject>
#include <QPointer>
#include <QRectF>

#include "window/shell/appearance.h"

class QAction;
class QDockWidget;
class QMainWindow;
class QWidget;

namespace downhill::ui {

class LandscapePlot;

class ViewModes : public QObject {
    Q_OBJECT
public:
    // How far following widens the view: this many times the home view's width and height,
    // about its centre.
    static constexpr double kFollowLimit = 4.0;

    struct Parts {
        // Hidden in plot only, with every dock, the tool bars and the status bar; the landscape
        // (the central widget's other part) stays.
        QWidget* controlPanel = nullptr;
        LandscapePlot* landscape = nullptr;
        std::function<void()> viewChanged;   // the view was moved by a command: a grid for it
    };
    ViewModes(QMainWindow* window, Parts parts);

    QAction* controlPanelAction() const { return controlPanel_; }
    QAction* plotOnlyAction() const { return plotOnly_; }
    QAction* fullScreenAction() const { return fullScreen_; }
    QAction* followAction() const { return follow_; }

    // After each frame: the view widened to the path if the point has left it (and following).
    void followPoint();

    void setPlotOnly(bool on);
    bool plotOnly() const { return plotOnlyOn_; }
    void setFullScreen(bool on);

    // View > Theme: the three choices, exclusive; setTheme restyles the application and every
    // plot of the window at once.
    QList<QAction*> themeActions() const { return themeActions_; }
    void setTheme(ThemeChoice choice);
    ThemeChoice themeChoice() const { return theme_; }

signals:
    void themeChanged(ThemeChoice choice);

private:
    QMainWindow* window_;
    Parts parts_;
    QAction* controlPanel_;
    QAction* plotOnly_;
    QAction* fullScreen_;
    QAction* follow_;
    QList<QAction*> themeActions_;            // desktop, light, dark
    ThemeChoice theme_ = ThemeChoice::Desktop;
    std::optional<QRectF> home_;   // the view following counts its limit from
    qint64 appended_ = 0;          // the path's points at the last frame
    bool plotOnlyOn_ = false;
    bool wasMaximized_ = false;
    std::vector<QPointer<QWidget>> hidden_;   // while plot only: what it hid
};

}  // namespace downhill::ui
