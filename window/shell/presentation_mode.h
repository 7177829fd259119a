#pragma once
// Presentation mode (F5): the plots' text larger and their lines thicker, for a projector. Only
// the plots: the side panels keep their sizes, so the landscape keeps its room (larger panel text
// would push the splitters and leave the picture smaller). Leaving it brings back the normal
// sizes, also of what was drawn while it was on.
#include <QObject>

class QAction;
class QMainWindow;

namespace downhill::ui {

class LandscapeView3D;

class PresentationMode : public QObject {
    Q_OBJECT
public:
    // The action (checkable) toggles the mode and follows it; view3d may be nullptr.
    PresentationMode(QMainWindow* window, QAction* action, LandscapeView3D* view3d);

    void setOn(bool on);
    bool isOn() const { return on_; }

private:
    void scalePlots(double lineScale, double textScale);

    QMainWindow* window_;
    QAction* action_;
    LandscapeView3D* view3d_;
    bool on_ = false;
};

}  // namespace downhill::ui
