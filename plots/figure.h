#pragma once
// A run drawn offscreen, for downhill-cli render and the window's animation export: the
// landscape plot (or two side by side: training | validation, the second following the first's
// path, point and arrows), a title above when there is one and the loss plot below it on
// request. The plots are laid out at the PNG's size divided by a scale (2 for render, as the
// window's own export does, so that text reads well on a slide) and drawn at that scale; SVG
// and PDF get the same layout in points.
#include <memory>
#include <vector>

#include <QImage>
#include <QPointF>
#include <QSize>
#include <QString>

#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"

namespace downhill::ui {

class Figure {
public:
    static constexpr int kScale = 2;   // PNG pixels per layout unit, unless told otherwise

    enum class Maps { One, SideBySide };

    // pixels: the PNG's size, each side a multiple of scale. title: empty for none. SideBySide:
    // landscape() on the left and side() on the right, each half the width; side() follows
    // landscape() (LandscapePlot::setFollower) and neither shows the teaching captions.
    Figure(QSize pixels, bool withLoss, const QString& title, int scale = kScale, Maps maps = Maps::One);
    ~Figure();

    LandscapePlot& landscape() { return *landscape_; }
    LandscapePlot* side() { return side_.get(); }   // null unless side by side
    LossPlot* loss() { return loss_.get(); }   // null without the loss panel
    QSize pixels() const;
    // Replaces the title's text; a figure made without a title keeps none.
    void setTitle(const QString& title);
    // Side by side: a line over each map saying what it shows (plain text).
    void setMapTitles(const QString& left, const QString& right);

    // Moves the teaching captions to the corner of the map where they hide least of the run:
    // the current point, the minimum, the path. Call once the grid, the path and the banner
    // are set, and before LandscapePlot::setCurrent() (which keeps its labels off them).
    void placeCaptions(QPointF current);

    // For a race, once its paths and curves are on the plots and the view is set: the loss
    // panel's legend in rows of four entrants above it, no learning-rate axis unless a run of
    // its own is drawn beside the race (each entrant's rate is in its label), and the landscape
    // laid out at the figure's size so that its legend takes the corner with the fewest path
    // points by the final geometry.
    void finishRace(bool withRun);

    // .png, .svg or .pdf by suffix, through a temporary file renamed into place. On failure
    // returns false, sets *error and leaves no file.
    bool write(const QString& path, QString* error);
    // The PNG's pixels: the plots as they stand, one above the other.
    QImage image();

private:
    // Each plot with its place in layout units, top to bottom, left to right.
    struct Piece {
        QCustomPlot* plot;
        QRect rect;
    };
    std::vector<Piece> pieces() const;
    bool writeComposed(const QString& path, QString* error);

    int scale_;
    std::unique_ptr<QCustomPlot> titleStrip_;   // side by side: the title across both maps
    std::unique_ptr<LandscapePlot> landscape_;
    std::unique_ptr<LandscapePlot> side_;
    std::unique_ptr<LossPlot> loss_;
    QCPTextElement* title_ = nullptr;
    QCPTextElement* leftTitle_ = nullptr;
    QCPTextElement* rightTitle_ = nullptr;
    double mapTitlePointSize_ = 0;   // the map titles' font before fitting a long line
};

}  // namespace downhill::ui
