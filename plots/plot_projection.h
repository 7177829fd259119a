#pragma once
// A parameter vector, or a direction, as a point on a plot: core::Projection's coordinates as
// the QPointF every plot, animation and figure draws with. The one conversion for the window,
// its race, the animations and downhill-cli render.
#include <QPointF>

#include "core/landscape/projection.h"

namespace downhill::ui {

inline QPointF plotPoint(const core::Projection& projection, const core::Vec& w)
{
    const core::PlaneCoordinates c = projection.locate(w);
    return {c.alpha, c.beta};
}

// An arrow: the direction's share in the plotted plane.
inline QPointF plotDirection(const core::Projection& projection, const core::Vec& v)
{
    const auto d = projection.direction(v);
    return {d[0], d[1]};
}

}  // namespace downhill::ui
