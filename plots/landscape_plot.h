#pragma once
// The loss landscape over two parameters, and live on top of it where training stands: the
// current point, minus the gradient, the step taken, the momentum contribution and the path.
//
// Layers, bottom to top: the colour map with its contour lines, the gradient field and the
// minimum marker sit on the "map" layer, which shares a paint buffer with the axes. The map and
// contours are kept as one screen-sized image that is rebuilt only when a new grid arrives or
// the view moves, so even a full replot just blits them. Everything that moves while training
// runs (path, current point, arrows, their labels) sits on the buffered "live" layer:
// replotLive() redraws that layer alone. Banner, captions and the hover read-out sit on
// QCustomPlot's buffered "overlay" layer.
//
// The widget itself holds the view, the mouse, the overlay texts and the legend; its parts
// live in plots/landscape/: MapLayer (the ground: colours, contours, field, minimum),
// PathLayer (the main, overlay and ghost paths), ArrowLayer (the current point and the
// arrows) and LabelPlacer (labels that collide with nothing). Geometry that does not draw
// (contour chaining, clipping, the view-fit rule) is in core/geometry.
#include <QLineF>
#include <QPointF>
#include <QString>
#include <QTimer>
#include <QVector>
#include <memory>
#include <optional>
#include <vector>

#include <qcustomplot.h>

#include "core/geometry/contours.h"
#include "core/geometry/view_fit.h"
#include "core/landscape/landscape.h"

namespace downhill::ui {

class ArrowLayer;
class TextBoxes;
class MapLayer;
class PathLayer;

class LandscapePlot : public QCustomPlot {
    Q_OBJECT
public:
    // At most this many path points are kept and drawn, however long the run (see appendPath).
    static constexpr int kMaxPathPoints = 20000;
    static constexpr double kDivergedZoomOut = core::kDivergedZoomOut;

    explicit LandscapePlot(QWidget* parent = nullptr);
    ~LandscapePlot() override;

    // A new grid: colour map (log-scaled colours when the range spans decades), colour scale,
    // contour lines, grid-minimum marker, axis labels. Call only when a new grid arrives.
    // The view is kept when it lies inside the new grid (a finer grid for a zoomed view, a
    // recomputed one for the same plane) and reset to the grid otherwise; call resetView()
    // afterwards to always show the whole grid.
    void setLandscape(const core::LandscapeGrid& grid, const std::vector<core::ContourLevel>& contours,
        const QString& axis1Name, const QString& axis2Name);
    void setLandscapeStale(bool stale);          // dim the map while a new one is computed
    void setGradientField(const core::GradientField& field);  // quiver overlay data
    void setGradientFieldVisible(bool visible);
    // The path: points appended in order (the plot decimates what it draws, bounded memory).
    void appendPath(const QVector<QPointF>& points);
    void clearPath();
    // Further paths beside the main one, for a race of optimizers from one start: each has its
    // own colour, a legend entry (the legend shows while there are any), a marker at its
    // current point and the same bounded memory and on-screen thinning as the main path. They
    // are drawn on the live layer, above the ghost path and below the main path and its arrows.
    // Ids count from 0 in the order of addOverlayPath(); removing one moves the later ones down
    // by one (they stay in that order), and all are void after clearOverlayPaths(); calls with
    // an unknown id do nothing. Appending and moving a marker show after replotLive(); adding,
    // removing, clearing and the ghost change the legend and need a replot().
    int addOverlayPath(const QString& label, const QColor& color);
    void appendOverlayPath(int id, const QVector<QPointF>& points);
    void setOverlayCurrent(int id, QPointF point);   // a non-finite point hides the marker
    // A diverged entrant's path heads off towards infinity: fitToPath() follows it only while
    // the view stays within kDivergedZoomOut times the rest, as it does the main path once
    // setDiverged(true).
    void setOverlayDiverged(int id, bool diverged);
    void resetOverlayPath(int id);    // no points, no marker; its colour and legend entry stay
    void removeOverlayPath(int id);
    void clearOverlayPaths();
    // A legend entry for the main path, after the overlays' (a race names the run it is drawn
    // beside); empty: none, as when the main path is alone. Needs a replot().
    void setMainPathLabel(const QString& label);
    // The path of an earlier run (before a branch), thin and grey under everything else on the
    // live layer; with a label it also gets a legend entry. Kept to kMaxPathPoints points.
    void setGhostPath(const QVector<QPointF>& points, const QString& label = {});
    void clearGhostPath();
    // The current point and the arrows of the last update, in parameter units. The arrows share
    // the update's tail w_old = point - step: negGradient (minus the gradient the update used,
    // drawn at a readable length: at most 15% of the visible width, shorter as the gradient
    // shrinks, direction kept), step (true scale, ends at point) and velocity (the momentum
    // contribution, true scale; a null QPointF when there is none). Every arrow is clipped to
    // the visible area and a zero or non-finite vector simply hides its arrow.
    void setCurrent(QPointF point, QPointF negGradient, QPointF step, QPointF velocity);
    void setDiverged(bool diverged, const QString& message);  // banner on the plot
    // The window says it in a banner of its own above the plot (wrapped, never cut off):
    // false keeps the plot's banner hidden while isDiverged() still shapes the view. Figures
    // drawn offscreen keep theirs (the default). Passed on to a follower.
    void setBannerShown(bool shown);
    void setCaptionsVisible(bool visible);                   // teaching captions
    // Hides the captions whatever setCaptionsVisible() says (a plot too narrow for them);
    // captionsVisible() still tells the user's choice.
    void setCaptionsSuppressed(bool suppressed);
    void fitToPath();   // every path drawn (main, overlays, ghost) and the current point
    void fitToMinimum();
    void resetView();                                         // the grid's full range
    // .png (2x scale), .svg or .pdf by suffix, written to a temporary file in the same folder
    // and renamed into place. On failure returns false, sets *error and leaves no file.
    bool exportImage(const QString& path, QString* error);

    // Redraws only the live layer (path, current point, arrows): the cheap refresh after
    // appendPath()/setCurrent() when neither the grid nor the view changed.
    void replotLive();
    // Presentation mode switched (palette::setPresentationScale): every size again.
    void applyPresentationScale();
    // The palette's colours again (View > Theme changed them), at presentation mode's sizes.
    void restyle();

    // A second plot that shows the same run over another surface (training | validation side
    // by side): appendPath, clearPath, setCurrent, setDiverged, setGradientFieldVisible and replotLive are passed on to
    // it, so it draws the same path, point and arrows. Overlay and ghost paths are not. nullptr
    // ends it. The follower must outlive this plot or be unset first.
    void setFollower(LandscapePlot* follower);
    LandscapePlot* follower() const { return follower_; }
    // The minimum of the other surface shown side by side, as a hollow star, so that minima
    // drifting apart show on both plots; a non-finite point hides it.
    void setOtherMinimum(QPointF point);
    QPointF otherMinimum() const;

    // What lies under the run, as last set: the same picture drawn elsewhere (an animation
    // made offscreen) starts from a copy. Without a grid, grid.resolution() is 0.
    struct Ground {
        core::LandscapeGrid grid;
        std::vector<core::ContourLevel> contours;
        QString axis1Name, axis2Name;
        std::optional<core::GradientField> field;
        bool fieldVisible = false;
        QCPRange view1, view2;   // the visible ranges
        QVector<QPointF> ghost;  // an earlier branch's path (setGhostPath), and its label
        QString ghostLabel;
    };
    Ground ground() const;
    void setGround(const Ground& ground);   // setLandscape, the field and the view in one

    // Read-outs, used by the window and the tests.
    double lossAt(QPointF point) const;   // bilinear from the grid; NaN outside it or without one
    bool hasLandscape() const;
    bool isLogColorScale() const;
    bool isLandscapeStale() const;
    bool isDiverged() const { return diverged_; }
    bool captionsVisible() const { return captionsVisible_; }
    bool gradientFieldVisible() const;
    QPointF minimumPosition() const;      // the grid node of the smallest loss
    int pathPointCount() const;           // stored = drawn
    qint64 pathAppendedCount() const;     // since clearPath()
    QVector<QPointF> pathPoints() const;
    QCPColorMap* colorMap() const;
    int contourPointCount() const;        // points of all drawn contour polylines
    QCPColorScale* colorScale() const;
    QCPLayer* liveLayer() const { return liveLayer_; }
    // The visible shaft of each arrow ({start, end} in parameter units); both NaN when hidden.
    QLineF gradientArrow() const;
    QLineF stepArrow() const;
    QLineF velocityArrow() const;
    int overlayPathCount() const;
    int overlayPointCount(int id) const;     // stored, like pathPointCount(); -1 for an unknown id
    QCPCurve* overlayCurve(int id) const;    // nullptr for an unknown id
    QCPGraph* overlayMarker(int id) const;   // the current-point marker; nullptr for an unknown id
    QCPCurve* ghostCurve() const;

    // What another view of the same ground (the 3D view) mirrors: the grid as drawn, its colour
    // range (lower end at the log floor when the colours are log-scaled), the axis names, the
    // current point (NaN when none) and two counters that change with every new grid and every
    // change of the main path (append or clear), so a mirror can poll cheaply.
    const core::LandscapeRequest& gridRequest() const;
    const core::Array2D& lossGrid() const;
    QCPRange colorRange() const;
    QString axis1Name() const;
    QString axis2Name() const;
    QPointF currentPoint() const;
    quint64 gridRevision() const;
    quint64 pathRevision() const;

signals:
    void startPointRequested(QPointF point);   // left click or drag on the map
    void hoverInfo(QPointF point, double loss); // loss under the cursor (NaN outside; both NaN on leave)
    // After the user zooms (wheel) or pans (right or middle drag, or Shift/Ctrl + left drag)
    // with the mouse; not for programmatic view changes, so answering it with a finer grid
    // cannot loop.
    void viewChanged(double min1, double max1, double min2, double max2);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void styleFrame();   // background, axes and their fonts and colours, no grid lines
    void onViewOrSizeChanged();   // everything sized in screen proportions, again
    void updateLegend();
    void updateLiveGeometry();
    void placeLabels();
    void setView(double min1, double max1, double min2, double max2);
    QPointF pixelToCoords(QPointF pixel) const;
    void updateHover(QPointF pixel);
    void hideHover();
    void emitViewChanged();

    QCPLayer* liveLayer_ = nullptr;
    std::unique_ptr<MapLayer> map_;
    std::unique_ptr<PathLayer> paths_;
    std::unique_ptr<ArrowLayer> arrows_;
    std::unique_ptr<TextBoxes> textBoxes_;   // what the label placements measured
    LandscapePlot* follower_ = nullptr;
    QSizeF geometrySize_;   // axis rect size the live geometry was computed for

    // Overlay layer
    QCPItemText* banner_ = nullptr;
    QCPItemText* captions_ = nullptr;
    QCPItemText* hoverText_ = nullptr;
    bool diverged_ = false;
    bool bannerShown_ = true;
    bool captionsVisible_ = true;
    bool captionsSuppressed_ = false;

    // Mouse
    bool settingStart_ = false;
    bool panning_ = false;
    QPointF panStartPixel_;
    QCPRange panStartX_, panStartY_;
    QTimer viewChangedTimer_;
};

}  // namespace downhill::ui
