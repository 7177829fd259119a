#pragma once
// Where the landscape plots sit: the main plot, and beside it, for "training | validation", a
// second LandscapePlot over the validation set. A title over each (in the plot's top margin) says what it shows. The two
// are linked: the second follows the main plot's path, current point and arrows (the main plot
// passes them on, see LandscapePlot::setFollower), and zooming or panning either moves both.
// A click, a hover or a zoom on the second plot is reported through the main plot's signals, so
// the window listens to one plot only.
#include <QWidget>

class QLabel;
class QSplitter;

namespace downhill::ui {

class LandscapePlot;

class SurfaceArea : public QWidget {
    Q_OBJECT
public:
    // Takes `main` into its layout (the caller keeps using it as the landscape plot).
    explicit SurfaceArea(LandscapePlot* main, QWidget* parent = nullptr);

    LandscapePlot* mainPlot() const { return main_; }
    LandscapePlot* sidePlot() const { return side_; }   // objectName "validationPlot"

    void setSideBySide(bool on);
    bool sideBySide() const { return sideBySide_; }
    // The one-line titles over the plots; the side title is used only side by side.
    // Each plot's title (rich text) over its map; a brief form, where given, is shown when the
    // full one is wider than its plot. mainTitle() and sideTitle() are the full ones.
    void setTitles(const QString& mainTitle, const QString& sideTitle, const QString& mainBrief = QString(),
        const QString& sideBrief = QString());
    QString mainTitle() const;
    QString sideTitle() const;

private:
    void linkViews();

    LandscapePlot* main_ = nullptr;
    LandscapePlot* side_ = nullptr;
    QLabel* mainTitle_ = nullptr;
    QLabel* sideTitle_ = nullptr;
    QSplitter* splitter_ = nullptr;
    bool sideBySide_ = false;
    bool syncing_ = false;
    bool captionsBefore_ = true;   // the main plot's captions before side by side hid them   // a view copied to the other plot does not come back
};

}  // namespace downhill::ui
