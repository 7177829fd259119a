#pragma once
// Where training stands, on LandscapePlot's live layer: the current point and the arrows of
// the last update (minus the gradient, the step, the momentum contribution), each with a halo
// and a label, clipped to the view and sized in screen proportions; and, while the point is
// outside the view, an arrow at the view's edge that points at it.
#include <QLineF>
#include <QPointF>
#include <QString>
#include <array>

#include <qcustomplot.h>

namespace downhill::ui {

class ArrowLayer {
public:
    static constexpr double kCurrentMarkerSize = 12.0;

    struct Arrow {
        QCPItemLine* halo = nullptr;
        QCPItemLine* core = nullptr;
        QCPItemText* label = nullptr;
    };

    explicit ArrowLayer(QCustomPlot& plot);

    // As LandscapePlot::setCurrent; shows after update().
    void setCurrent(QPointF point, QPointF negGradient, QPointF step, QPointF velocity);
    // Places the marker and the arrows for the current view. typicalSlope (the loss range over
    // the grid's diagonal, 0 without a grid) sets how long a gradient of a given size is drawn.
    // The labels are left where they were and shown with their arrows: LabelPlacer's turn.
    void update(double typicalSlope);

    bool hasCurrent() const { return hasCurrent_; }
    QPointF current() const { return current_; }
    QPointF negGradient() const { return negGradient_; }
    QPointF step() const { return step_; }
    QPointF velocity() const { return velocity_; }
    // The arrows in the order their labels are placed: step, -grad, velocity.
    std::array<const Arrow*, 3> labelOrder() const { return {&stepArrow_, &gradArrow_, &velocityArrow_}; }
    // The visible shaft ({start, end} in parameter units); both NaN when hidden.
    static QLineF line(const Arrow& arrow);
    const Arrow& gradientArrow() const { return gradArrow_; }
    const Arrow& stepArrow() const { return stepArrow_; }
    const Arrow& velocityArrow() const { return velocityArrow_; }
    // Shown while the current point lies outside the view (a diverging run the view no longer
    // follows): an arrow at the edge of the view, pointing at the point, labelled "off the map".
    const Arrow& offMapArrow() const { return offMapArrow_; }

private:
    Arrow makeArrow(const QString& name, const QColor& color, const QString& text);
    void place(Arrow& arrow, QPointF from, QPointF to, const QRectF& box, double gapAtEnd = 0.0);
    void placeOffMap();

    QCustomPlot& plot_;
    Arrow velocityArrow_, gradArrow_, stepArrow_, offMapArrow_;
    QCPGraph* currentMarker_ = nullptr;
    bool hasCurrent_ = false;
    QPointF current_, negGradient_, step_, velocity_;
};

}  // namespace downhill::ui
