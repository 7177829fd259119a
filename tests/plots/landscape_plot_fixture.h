#pragma once
// What the LandscapePlot tests share: a linear model's mse bowl as a grid, and a plot shown at
// a fixed size with that grid on it.
#include <QTest>
#include <cmath>
#include <limits>
#include <memory>
#include <random>

#include "core/geometry/contours.h"
#include "core/landscape/landscape.h"
#include "core/model/objective.h"
#include "plots/landscape_plot.h"

namespace downhill::test {

using ui::LandscapePlot;

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// t = 4.5 x + 1 + noise with x uniform in [0, 2]: a linear model's mse bowl in (w, b).
inline core::Samples makeSamples()
{
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> uniform(0.0, 2.0);
    std::normal_distribution<double> noise(0.0, 0.5);
    core::Samples s;
    s.x.resize(120);
    s.t.resize(120);
    for (Eigen::Index i = 0; i < s.x.size(); ++i) {
        s.x[i] = uniform(rng);
        s.t[i] = 4.5 * s.x[i] + 1.0 + noise(rng);
    }
    return s;
}

inline core::LandscapeGrid makeGrid(double min1, double max1, double min2, double max2, int resolution)
{
    static const auto objective = core::makeObjective("linear", core::LossSettings{});
    static const core::Samples samples = makeSamples();
    core::LandscapeRequest rq;
    rq.origin = core::Vec::Zero(2);
    rq.min1 = min1;
    rq.max1 = max1;
    rq.min2 = min2;
    rq.max2 = max2;
    rq.resolution = resolution;
    return *core::computeLandscape(*objective, samples, rq);
}

inline core::LandscapeGrid wideGrid() { return makeGrid(-2, 11, -6, 8, 96); }

inline std::vector<core::ContourLevel> contoursOf(const core::LandscapeGrid& grid)
{
    return core::computeContours(grid, core::contourLevels(grid, 10));
}

// One parameter unit's worth of a pixel along each axis.
inline QPointF pixelSize(const LandscapePlot& plot)
{
    return QPointF(plot.xAxis->range().size() / plot.axisRect()->width(),
        plot.yAxis->range().size() / plot.axisRect()->height());
}

inline QPoint pixelOf(const LandscapePlot& plot, QPointF p)
{
    return QPoint(static_cast<int>(std::lround(plot.xAxis->coordToPixel(p.x()))),
        static_cast<int>(std::lround(plot.yAxis->coordToPixel(p.y()))));
}


inline std::unique_ptr<LandscapePlot> shownPlot(const core::LandscapeGrid& grid)
{
    auto plot = std::make_unique<LandscapePlot>();
    plot->resize(1000, 700);
    plot->show();
    if (!QTest::qWaitForWindowExposed(plot.get()))
        qWarning("window not exposed");
    plot->setLandscape(grid, contoursOf(grid), QStringLiteral("w"), QStringLiteral("b"));
    plot->replot(QCustomPlot::rpImmediateRefresh);
    return plot;
}

}  // namespace downhill::test
