#pragma once
// The colour map with the contour lines on top, kept as one image at screen resolution: a
// replot that neither moved the view nor brought a new grid blits that image instead of
// rescaling the map and stroking every contour again. Exports (vector painters, scaled
// painters) are drawn directly, at full quality.
#include <QImage>
#include <QPolygonF>
#include <vector>

#include <qcustomplot.h>

namespace downhill::ui {

class CachedLandscapeMap : public QCPColorMap {
public:
    CachedLandscapeMap(QCPAxis* keyAxis, QCPAxis* valueAxis);

    // Polylines per level, in parameter coordinates.
    void setContourLines(std::vector<std::vector<QPolygonF>> levels);
    int contourPointCount() const;
    void invalidate() { cache_ = QImage(); }

protected:
    void draw(QCPPainter* painter) override;

private:
    void drawDirect(QCPPainter* painter);

    std::vector<std::vector<QPolygonF>> contours_;
    QImage cache_;
    QRect cacheClip_;
    double cacheDpr_ = 0;
    QPointF cacheOffset_;
    QCPRange cacheKeyRange_, cacheValueRange_;
};

}  // namespace downhill::ui
