#pragma once
// The landscape as a surface in 3D (View > 3D view): the grid the landscape plot shows with the
// loss as height (on a log axis when the plot's colours are log-scaled, so the valley floor keeps
// its shape), coloured by height with the plot's viridis gradient, the path so far as a line of
// beads lying on the surface and the current point as a larger ball in its own colour. Drag with
// the right button to rotate, scroll to zoom; a left click reads out the grid point under the
// cursor.
//
// The path is beads rather than segments: core::drapePath follows each step over the ground
// (the loss read from the grid every quarter cell) and puts a bead at every dot diameter of arc
// length in the box's own space, so the line climbs the hills a long step crosses, where a
// straight segment between two steps' points would cut through them, and needs one mesh, a
// sphere, seen the same from every side (a cylinder per segment needs a rotation each and its
// joints mended). Each bead is a QCustom3DItem: at most kMaxPathDots of them, beyond which a
// very long path's beads spread out evenly.
//
// Ticks sit at round values (NiceAxisFormatter: steps of 1, 2 or 5 x 10^k inside the grid's own
// range, as many as fit the graph's size) and a log height axis has a line per decade. Qt Data
// Visualization scales labels with the scene, so their font size follows the graph's size: at the
// default zoom the text stays kLabelTextScale times as tall on screen as the 2D plots' tick labels
// (labelCapPixels) at the middle of the box's depth, and about as tall as them at its far side.
//
// It mirrors the window's SurfaceArea rather than taking hooks from the window: while it is
// visible it polls the shown plot's grid and path counters up to kUpdatesPerSecond times a second
// and redraws only what changed, so it follows the run, the timeline's redrawn path and every new
// grid, and a closed dock costs nothing (no timer, no graph until first shown). It draws the main
// plot's surface (training, batch or validation, whichever the switch chose); with training |
// validation side by side, a choice above the view picks one of the two plots (training at
// first). Lines above the view always say which surface it draws and what the height is (the
// graph's height axis shows no title: at the left of the box a narrow dock cut it off).
//
// Presentation mode (palette::setPresentationScale, then applyPresentationScale()) makes the
// axis labels and titles palette::presentationTextScale() times as tall and the path's beads and
// the current point palette::presentationScale() times as large, as the 2D plots scale their
// text and markers; scale 1 gives back the normal sizes exactly.
//
// The graph draws in float: a grid whose losses or coordinates float cannot hold (a diverging
// run's view follows it to losses of 1e50 and more) is not drawn, and the view says why.
//
// The data side (the series' array, the dots' positions) works without OpenGL. The Q3DSurface
// that draws them needs a real OpenGL context: it is made the first time the view is shown, and
// only where such a context can be created (not under QT_QPA_PLATFORM=offscreen without GLX);
// elsewhere the view says why it is empty.
#include <QSizeF>
#include <QTimer>
#include <QVector3D>
#include <QVector>
#include <QWidget>

class Q3DSurface;
class Q3DTheme;
class QBoxLayout;
class QComboBox;
class QCustom3DItem;
class QLabel;
class QSurface3DSeries;

namespace downhill::ui {

class LandscapePlot;
class SurfaceArea;

class LandscapeView3D : public QWidget {
    Q_OBJECT
public:
    // Live updates come at most this often, and less often when drawing one frame takes more
    // than a quarter of the interval (software OpenGL), down to one every kSlowestIntervalMs.
    static constexpr int kUpdatesPerSecond = 10;
    static constexpr int kSlowestIntervalMs = 2000;
    // The path is drawn as at most this many beads, first and newest exact; each is a mesh of
    // its own, and a few hundred keep a software renderer interactive (400 of them added about
    // 40 ms to a frame on Mesa's llvmpipe under Xvfb).
    static constexpr int kMaxPathDots = 400;
    // The camera's zoom, in percent, in a graph up to 4:3 (kWideFit = 1.33 / 1.6); less in a
    // wider one, so that the whole box and its labels stay in view (fittedZoom). At 100 the
    // height's labels at the box's left and right corners ran past both edges of the dock's
    // graph in the 270 px right column ("00" for 100); at 88 they are inside, seen under Xvfb.
    static constexpr float kZoomLevel = 88.0f;
    static constexpr double kWideFit = 0.83;
    // The labels' text at the middle of the box's depth against the 2D plots' tick labels: the
    // labels at the box's far side come out about 0.8 times as tall as those in the middle
    // (perspective), and so about as tall as the window's text.
    static constexpr double kLabelTextScale = 1.25;

    // area must outlive the view.
    explicit LandscapeView3D(SurfaceArea* area, QWidget* parent = nullptr);
    ~LandscapeView3D() override;

    // Brings the view up to date with the source plot now (the timer does this while visible).
    // Returns true if anything changed.
    bool sync();

    // Whether an OpenGL context can be created and made current here (checked once).
    static bool openGLAvailable();

    // Presentation mode switched: label font and marker sizes from the palette's scales now.
    void applyPresentationScale();

    // Pixels per scene unit at the middle of the box, for a graph of this size at this zoom (in
    // percent), as Qt Data Visualization projects it (see labelPointSize in the .cpp).
    static double sceneToPixels(QSizeF viewport, double zoomPercent);
    // The camera's zoom for a graph of this size before the user's own (the wheel).
    static double fittedZoom(QSizeF viewport);
    // The palette's colours again (View > Theme changed them): page, labels, grid, the note.
    void restyle();

    // Read-outs, for the window and the tests.
    LandscapePlot* source() const { return source_; }             // the plot drawn (after the last sync)
    QSurface3DSeries* surfaceSeries() const { return series_; }   // rows = axis2, columns = axis1
    Q3DTheme* theme() const { return theme_; }                    // the graph's, made with the view
    float dotRadius() const;                                       // scene units, for the path's beads
    float currentRadius() const;                                   // and for the current point
    float dotSpacing() const;             // the most two neighbouring beads are apart: a bead's diameter
    QVector3D boxSize() const;            // the box's edges in scene units (x, height, z)
    QSizeF viewportSize() const;          // the graph's size (the view's without a graph)
    double labelCapPixels() const;        // the tick labels' cap height wanted on screen (mid-depth)
    Q3DSurface* graph() const { return graph_; }                  // nullptr until shown with OpenGL
    bool isLogHeight() const { return logHeight_; }
    double heightFloor() const { return floor_; }     // the lowest height drawn (the log floor)
    double heightCeiling() const { return ceiling_; } // also where non-finite cells are drawn
    // Each bead as (axis1, loss, axis2), oldest first, on the ground: the loss read bilinearly.
    const QVector<QVector3D>& pathDots() const { return dots_; }
    QVector3D currentPoint() const { return current_; }   // NaN when none or off the grid
    int updateCount() const { return updates_; }           // syncs that changed something
    int updateIntervalMs() const { return timer_.interval(); }
    double lastRenderMs() const;                            // the last frame's drawing time; 0 without a graph
    QString message() const;                                // why nothing is drawn, or empty
    bool isOutOfRange() const { return outOfRange_; }        // the grid is beyond what float can draw

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    LandscapePlot* chosenPlot() const;
    void updateHeader();
    void clearDrawing();
    void ensureGraph();
    void updateSurface();
    void updatePath();
    void updateCurrent();
    void applyAxes();
    void applyLabelSize();
    void showGraphOrMessage();
    QString outOfRangeText() const;
    void placeItems();
    QCustom3DItem* makeBall(const QColor& color, float radius);

    SurfaceArea* area_;
    LandscapePlot* source_;
    QSurface3DSeries* series_;   // this view's child until a graph takes it over
    Q3DTheme* theme_;            // likewise
    QBoxLayout* titleRow_ = nullptr;
    QLabel* title_ = nullptr;
    QComboBox* choice_ = nullptr;
    QLabel* heightNote_ = nullptr;
    Q3DSurface* graph_ = nullptr;
    QWidget* container_ = nullptr;
    QLabel* message_ = nullptr;
    QTimer timer_;
    bool triedGraph_ = false;

    quint64 gridRevision_ = 0;
    quint64 pathRevision_ = 0;
    bool hasGrid_ = false;
    bool logHeight_ = false;
    bool outOfRange_ = false;
    double floor_ = 0, ceiling_ = 1;
    QString axis1Name_, axis2Name_;
    QVector<QVector3D> dots_;
    QVector3D current_;
    QPointF currentSource_;
    int updates_ = 0;

    double fittedZoom_ = kZoomLevel;     // fittedZoom() when last applied to the camera
    float markerScale_ = 1.0f;           // palette::presentationScale() when last applied
    QVector<QCustom3DItem*> dotItems_;   // owned by the graph
    QCustom3DItem* currentItem_ = nullptr;
};

}  // namespace downhill::ui
