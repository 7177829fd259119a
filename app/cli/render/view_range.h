#pragma once
// The range render draws when none is given: the whole path and the minimum of the plane with
// a margin (an analytic function's usual view, widened to the path). A diverged run's path
// runs off towards infinity, so only the part of it near the start and the minimum decides.
// The margin and the rule for a diverged path are core::fitView's, as in the window's Fit to
// path.
#include <array>

#include <QPointF>
#include <QVector>

#include "core/data/dataset.h"
#include "core/landscape/landscape.h"
#include "core/model/objective.h"

namespace downhill::cli {

// plane: the axes and the held values (origin); its range and resolution are ignored. path:
// the run's points on the plane, in order, the start first. Returns {min1, max1, min2, max2}.
std::array<double, 4> automaticRange(const core::Objective& objective, const core::Samples& samples,
    const core::LandscapeRequest& plane, const QVector<QPointF>& path, bool diverged);

}  // namespace downhill::cli
