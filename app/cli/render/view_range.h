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
// The view of a plane through every parameter (random or given directions): alpha and beta
// from -1 to 1 (one origin-sized step each way, as the window starts it), widened to hold the
// path (only its start when it diverged) with a tenth of its size to spare.
std::array<double, 4> planeRange(const QVector<QPointF>& path, bool diverged);

std::array<double, 4> automaticRange(const core::Objective& objective, const core::Samples& samples,
    const core::LandscapeRequest& plane, const QVector<QPointF>& path, bool diverged);

}  // namespace downhill::cli
