#pragma once
// The paths on LandscapePlot's live layer, bottom to top: the ghost (an earlier branch, thin
// and grey), the overlay paths of a race, each with its marker, and the main path, fading from
// old to new, with its start marker. Every path keeps bounded memory however long the run and
// is thinned for drawing at the current zoom; the fading goes by time, not by stored index.
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QVector>
#include <vector>

#include <qcustomplot.h>

#include "core/geometry/plane_box.h"
#include "core/geometry/plane_point.h"

namespace downhill::ui {

class PathLayer {
public:
    // At most this many points are kept (and drawn) per path, however long the run.
    static constexpr int kMaxPathPoints = 20000;

    explicit PathLayer(QCustomPlot& plot);

    // The main path.
    void appendPath(const QVector<QPointF>& points);
    void clearPath();
    void copyPathFrom(const PathLayer& other);   // the same points, for a follower plot
    QVector<QPointF> pathPoints() const;
    int pathPointCount() const { return static_cast<int>(path_.size()); }
    qint64 pathAppendedCount() const { return appended_; }
    quint64 pathRevision() const { return pathRevision_; }
    // A legend entry for the main path (its newest segment's colour); empty: none.
    void setPathLabel(const QString& label);
    // Redraws the curves thinned for the current zoom: the main path's only when it is long
    // enough to be thinned, the others always.
    void updateForView();
    void updateAll();   // every curve again (the dot sizes changed)

    // Overlay paths (LandscapePlot's ids; unknown ids do nothing, queries give -1 or nullptr).
    int addOverlay(const QString& label, const QColor& color);
    bool appendOverlay(int id, const QVector<QPointF>& points);   // true when its first points came
    void setOverlayCurrent(int id, QPointF point);
    void setOverlayDiverged(int id, bool diverged);
    void resetOverlay(int id);
    void removeOverlay(int id);
    void clearOverlays();
    int overlayCount() const { return static_cast<int>(overlays_.size()); }
    int overlayPointCount(int id) const;
    QCPCurve* overlayCurve(int id) const;
    QCPGraph* overlayMarker(int id) const;

    void setGhost(const QVector<QPointF>& points, const QString& label);
    QVector<QPointF> ghostPoints() const;
    QCPCurve* ghostCurve() const { return ghostCurve_; }

    // What is re-added to the live layer after each new overlay so that it stays on top of
    // the overlays: the main path and everything drawn above it.
    void keepOnTop(QList<QCPLayerable*> stack);

    // What Fit to path must show: every point of a path that stayed near into `near`; of a
    // diverged one (the main path when mainDiverged) only the start, the path itself into
    // `diverged`, in drawing order.
    void collectForFit(bool mainDiverged, core::PlaneBox& near, std::vector<std::vector<core::PlanePoint>>& diverged) const;

    // Calls fn(QPointF) for every stored point of every path.
    template <typename Fn>
    void forEachPoint(Fn&& fn) const
    {
        for (const auto& p : path_)
            fn(p.point);
        for (const auto& p : ghost_)
            fn(p.point);
        for (const Overlay& overlay : overlays_)
            for (const auto& p : overlay.path)
                fn(p.point);
    }

private:
    struct PathPoint {
        QPointF point;
        qint64 ordinal = 0;  // position in the run: the fading goes by time, not by stored index
    };
    struct Overlay {
        QVector<PathPoint> path;
        qint64 appended = 0;
        QCPCurve* curve = nullptr;
        QCPGraph* marker = nullptr;
        bool diverged = false;
        void setId(int id);   // object names follow the id (tests find overlays by them)
    };

    static void appendBounded(QVector<PathPoint>& path, qint64& appended, const QVector<QPointF>& points);
    static QVector<QPointF> points(const QVector<PathPoint>& path);
    void drawThinned(QCPCurve* curve, const QVector<PathPoint>& path, double dotSize);
    void updatePathCurves();
    void updateOverlayCurves();
    bool valid(int id) const { return id >= 0 && id < overlays_.size(); }

    QCustomPlot& plot_;
    QVector<PathPoint> path_;
    qint64 appended_ = 0;
    quint64 pathRevision_ = 0;
    QVector<QCPCurve*> pathCurves_;   // oldest first, fading in
    QCPGraph* startMarker_ = nullptr;
    QVector<Overlay> overlays_;
    QCPCurve* ghostCurve_ = nullptr;
    QVector<PathPoint> ghost_;
    QList<QCPLayerable*> onTop_;
};

}  // namespace downhill::ui
