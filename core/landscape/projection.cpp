#include "core/landscape/projection.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/base/error.h"

namespace downhill::core {

Projection Projection::axes(int axis1, int axis2, Vec held)
{
    const auto n = held.size();
    if (axis1 < 0 || axis2 < 0 || axis1 >= n || axis2 >= n) {
        std::ostringstream m;
        m << "axes " << axis1 << " and " << axis2 << " are not both among the " << n << " parameters";
        throw InputError(m.str());
    }
    if (axis1 == axis2) {
        std::ostringstream m;
        m << "the two axes are the same parameter (" << axis1 << ")";
        throw InputError(m.str());
    }
    Projection p;
    p.axis1_ = axis1;
    p.axis2_ = axis2;
    p.held_ = std::move(held);
    return p;
}

Projection Projection::onPlane(std::shared_ptr<const Plane> plane)
{
    if (!plane)
        throw InputError("no plane");
    plane->validate(static_cast<int>(plane->origin.size()));
    Projection p;
    p.plane_ = std::move(plane);
    const Plane& q = *p.plane_;
    const double g11 = q.d1.squaredNorm(), g12 = q.d1.dot(q.d2), g22 = q.d2.squaredNorm();
    const double det = g11 * g22 - g12 * g12;
    p.i11_ = g22 / det;
    p.i12_ = -g12 / det;
    p.i22_ = g11 / det;
    return p;
}

const Vec& Projection::origin() const
{
    return plane_ ? plane_->origin : held_;
}

PlaneCoordinates Projection::locate(const Vec& w) const
{
    PlaneCoordinates c;
    if (plane_) {
        if (w.size() != plane_->origin.size()) {
            c.alpha = c.beta = c.offPlane = std::nan("");
            return c;
        }
        return projectOntoPlane(*plane_, w);
    }
    if (w.size() <= std::max(axis1_, axis2_)) {
        c.alpha = c.beta = c.offPlane = std::nan("");
        return c;
    }
    c.alpha = w[axis1_];
    c.beta = w[axis2_];
    // Without held values (a projection made before any) the distance is unknown.
    if (held_.size() != w.size()) {
        c.offPlane = std::nan("");
        return c;
    }
    double off = 0;
    for (Eigen::Index k = 0; k < w.size(); ++k)
        if (k != axis1_ && k != axis2_)
            off += (w[k] - held_[k]) * (w[k] - held_[k]);
    c.offPlane = std::sqrt(off);
    return c;
}

std::array<double, 2> Projection::direction(const Vec& v) const
{
    if (!plane_)
        return v.size() > std::max(axis1_, axis2_) ? std::array<double, 2>{v[axis1_], v[axis2_]}
                                                   : std::array<double, 2>{std::nan(""), std::nan("")};
    if (v.size() != plane_->origin.size())
        return {std::nan(""), std::nan("")};
    const double r1 = plane_->d1.dot(v), r2 = plane_->d2.dot(v);
    return {i11_ * r1 + i12_ * r2, i12_ * r1 + i22_ * r2};
}

Vec Projection::pointAt(double x, double y) const
{
    if (plane_)
        return plane_->at(x, y);
    Vec w = held_;
    w[axis1_] = x;
    w[axis2_] = y;
    return w;
}

LandscapeRequest Projection::request(const std::array<double, 4>& range, int resolution) const
{
    LandscapeRequest r;
    r.axis1 = axis1_;
    r.axis2 = axis2_;
    r.origin = origin();
    r.plane = plane_;
    r.min1 = range[0];
    r.max1 = range[1];
    r.min2 = range[2];
    r.max2 = range[3];
    r.resolution = resolution;
    return r;
}

std::array<std::string, 2> Projection::axisNames(const std::vector<std::string>& parameterNames) const
{
    return request({-1, 1, -1, 1}, 2).axisNames(parameterNames);
}

}  // namespace downhill::core
