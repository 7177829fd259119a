#pragma once
// Presentation mode (F5): larger text and thicker lines for a projector, and on leaving, the
// window exactly as it was: every widget's font, the splitters, the window's geometry and the
// docked docks' widths.
#include <array>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QFont>
#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QMainWindow;
class QSplitter;
class QWidget;

namespace downhill::ui {

class LandscapeView3D;

class PresentationMode : public QObject {
    Q_OBJECT
public:
    // The action (checkable) toggles the mode and follows it; view3d may be nullptr.
    PresentationMode(QMainWindow* window, QAction* action, QSplitter* mainSplitter, QSplitter* plotSplitter,
        LandscapeView3D* view3d);

    void setOn(bool on);
    bool isOn() const { return on_; }

private:
    void enter(double textScale);
    void leave();
    void scalePlots(double lineScale, double textScale);

    QMainWindow* window_;
    QAction* action_;
    QSplitter* mainSplitter_;
    QSplitter* plotSplitter_;
    LandscapeView3D* view3d_;
    bool on_ = false;

    struct NormalFont {
        QPointer<QWidget> widget;
        QFont font;      // when own
        bool own = false;
    };
    std::vector<NormalFont> normalFonts_;       // while on: every widget's font before
    std::array<QByteArray, 3> normalSplits_;    // and the splitters' states and the window's geometry
    std::vector<std::pair<QPointer<QDockWidget>, int>> normalDockWidths_;   // and the docked docks' widths
};

}  // namespace downhill::ui
