#pragma once
// The ground under the run, on LandscapePlot's map layer: the colour map with its contour
// lines (one cached image), the colour scale beside it, the gradient field, the grid's
// minimum (with its label, which moves out of the arrows' way on the live layer), the other
// surface's minimum and the shade shown while a new grid is computed. It holds the grid, so
// it answers what lies where.
#include <QPointF>
#include <QString>
#include <optional>
#include <vector>

#include <qcustomplot.h>

#include "core/geometry/contours.h"
#include "core/landscape/landscape.h"

namespace downhill::ui {

class CachedLandscapeMap;

class MapLayer {
public:
    explicit MapLayer(QCustomPlot& plot);

    // A new grid (see LandscapePlot::setLandscape). Returns false, changing nothing, for an
    // incomplete grid; *resetView tells whether the view must go to the new grid: the axes
    // changed or the view does not lie inside it.
    bool setLandscape(const core::LandscapeGrid& grid, const std::vector<core::ContourLevel>& contours,
        const QString& axis1Name, const QString& axis2Name, bool* resetView);
    void setStale(bool stale);
    void setGradientField(const core::GradientField& field);
    void setGradientFieldVisible(bool visible);
    // The field's arrows have a fixed on-screen length: again after the view or the size changed.
    void updateFieldGeometry();
    void setOtherMinimum(QPointF point);

    bool hasGrid() const { return hasGrid_; }
    quint64 gridRevision() const { return gridRevision_; }
    const core::LandscapeRequest& request() const { return request_; }
    const core::Array2D& loss() const { return loss_; }
    core::LandscapeGrid grid() const;   // as last set; resolution 0 without one
    const std::vector<core::ContourLevel>& contourLevels() const { return contourLevels_; }
    std::optional<core::GradientField> field() const;
    bool fieldVisible() const { return fieldVisible_; }
    bool isStale() const { return stale_; }
    bool isLogColorScale() const { return logColors_; }
    QString axis1Name() const { return axis1Name_; }
    QString axis2Name() const { return axis2Name_; }
    double lossAt(QPointF point) const;
    QPointF minimumPosition() const;   // NaN without a finite minimum
    QPointF otherMinimum() const;
    bool minimumShown() const;         // its star is drawn (whether in view or not)
    QCPItemText* minimumLabel() const { return minimumLabel_; }
    // The loss range over the grid's diagonal: what a "large" gradient is here; 0 without a grid.
    double typicalSlope() const;
    QCPColorMap* colorMap() const;
    QCPColorScale* colorScale() const { return scale_; }
    int contourPointCount() const;

private:
    void setContours(const std::vector<core::ContourLevel>& contours);

    QCustomPlot& plot_;
    bool hasGrid_ = false;
    quint64 gridRevision_ = 0;
    core::LandscapeRequest request_;
    core::Array2D loss_;
    double minLoss_ = 0, maxLoss_ = 0;
    QPointF minimum_;
    int argmin1_ = 0, argmin2_ = 0;
    std::vector<core::ContourLevel> contourLevels_;   // as given, for grid()
    bool logColors_ = false;
    int axis1_ = -1, axis2_ = -1;
    QString axis1Name_ = QStringLiteral("w1"), axis2Name_ = QStringLiteral("w2");

    QCPColorScale* scale_ = nullptr;
    CachedLandscapeMap* map_ = nullptr;
    QCPCurve* fieldCurve_ = nullptr;
    QCPGraph* minimumMarker_ = nullptr;
    QCPGraph* otherMinimumMarker_ = nullptr;
    QCPItemText* minimumLabel_ = nullptr;
    QCPItemRect* staleShade_ = nullptr;
    QCPItemText* staleText_ = nullptr;
    bool stale_ = false;

    core::GradientField field_;
    bool hasField_ = false;
    bool fieldVisible_ = false;
};

}  // namespace downhill::ui
