#pragma once
// The landscape as a surface in 3D (View > 3D view): the grid the landscape plot shows with the
// loss as height (on a log axis when the plot's colours are log-scaled, so the valley floor keeps
// its shape), coloured by height with the plot's viridis gradient, the path so far as dots lying
// on the surface and the current point as a larger ball. Drag with the right button to rotate,
// scroll to zoom; a left click reads out the grid point under the cursor.
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
// axis labels and titles palette::presentationTextScale() times as tall and the path's dots and
// the current point palette::presentationScale() times as large, as the 2D plots scale their
// text and markers; scale 1 gives back the normal sizes exactly.
//
// The data side (the series' array, the dots' positions) works without OpenGL. The Q3DSurface
// that draws them needs a real OpenGL context: it is made the first time the view is shown, and
// only where such a context can be created (not under QT_QPA_PLATFORM=offscreen without GLX);
// elsewhere the view says why it is empty.
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
    // The path is drawn as at most this many dots, evenly spread over the run, first and newest
    // exact; each is a mesh of its own, and a few hundred keep a software renderer interactive.
    static constexpr int kMaxPathDots = 300;

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
    // The palette's colours again (View > Theme changed them): page, labels, grid, the note.
    void restyle();

    // Read-outs, for the window and the tests.
    LandscapePlot* source() const { return source_; }             // the plot drawn (after the last sync)
    QSurface3DSeries* surfaceSeries() const { return series_; }   // rows = axis2, columns = axis1
    Q3DTheme* theme() const { return theme_; }                    // the graph's, made with the view
    float dotRadius() const;                                       // scene units, for the path's dots
    float currentRadius() const;                                   // and for the current point
    Q3DSurface* graph() const { return graph_; }                  // nullptr until shown with OpenGL
    bool isLogHeight() const { return logHeight_; }
    double heightFloor() const { return floor_; }     // the lowest height drawn (the log floor)
    double heightCeiling() const { return ceiling_; } // also where non-finite cells are drawn
    // Each dot as (axis1, loss, axis2), oldest first; the loss is read from the grid bilinearly.
    const QVector<QVector3D>& pathDots() const { return dots_; }
    QVector3D currentPoint() const { return current_; }   // NaN when none or off the grid
    int updateCount() const { return updates_; }           // syncs that changed something
    int updateIntervalMs() const { return timer_.interval(); }
    double lastRenderMs() const;                            // the last frame's drawing time; 0 without a graph
    QString message() const;                                // why nothing is drawn, or empty

protected:
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
    double floor_ = 0, ceiling_ = 1;
    QString axis1Name_, axis2Name_;
    QVector<QVector3D> dots_;
    QVector3D current_;
    QPointF currentSource_;
    int updates_ = 0;

    float markerScale_ = 1.0f;           // palette::presentationScale() when last applied
    QVector<QCustom3DItem*> dotItems_;   // owned by the graph
    QCustom3DItem* currentItem_ = nullptr;
};

}  // namespace downhill::ui
