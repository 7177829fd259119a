#include "core/landscape/draped_path.h"

#include <algorithm>
#include <cmath>

namespace downhill::core {

namespace {

// Each step is cut into this many pieces per grid cell it crosses: along a straight line inside
// a cell the bilinear ground is a parabola, and over a quarter of a cell it is nearly straight.
constexpr double kPiecesPerCell = 4.0;
// Where it is not (a log height near the floor bends sharply inside a cell), a piece is halved
// until its middle is within this share of `spacing` of the straight line between its ends, at
// most kMaxHalvings times: the beads, spaced along the pieces and then put on the ground, stay
// `spacing` apart to within a per cent.
constexpr double kBendTolerance = 1.0 / 128.0;
constexpr int kMaxHalvings = 8;
// At most this many pieces in all: a long run of long steps (a diverging run bouncing across the
// grid) is cut more coarsely rather than taking memory and time without bound.
constexpr double kMaxPieces = 200000.0;

class Drawing {
public:
    Drawing(const LandscapeRequest& request, const DrapeSpace& space) : rq_(request), space_(space)
    {
        if (space.logHeight) {
            low_ = std::log10(space.floor);
            high_ = std::log10(space.ceiling);
        } else {
            low_ = space.floor;
            high_ = space.ceiling;
        }
    }

    double x(double value1) const { return (value1 - rq_.min1) / (rq_.max1 - rq_.min1) * space_.lengthX; }
    double z(double value2) const { return (value2 - rq_.min2) / (rq_.max2 - rq_.min2) * space_.lengthZ; }
    double y(double loss) const
    {
        if (!(high_ > low_))
            return 0.0;
        const double h = space_.logHeight ? std::log10(std::max(loss, space_.floor)) : loss;
        return (h - low_) / (high_ - low_) * space_.lengthY;
    }
    double distance(const DrapedPoint& a, const DrapedPoint& b) const
    {
        return std::hypot(x(b.value1) - x(a.value1), y(b.loss) - y(a.loss), z(b.value2) - z(a.value2));
    }
    // How far m is from the middle of the straight line from a to b.
    double bend(const DrapedPoint& a, const DrapedPoint& m, const DrapedPoint& b) const
    {
        return std::hypot(x(m.value1) - 0.5 * (x(a.value1) + x(b.value1)), y(m.loss) - 0.5 * (y(a.loss) + y(b.loss)),
            z(m.value2) - 0.5 * (z(a.value2) + z(b.value2)));
    }

private:
    const LandscapeRequest& rq_;
    const DrapeSpace& space_;
    double low_ = 0, high_ = 1;
};

// A point of the ground line: where it is, how far along the line, and whether the line runs to
// it from the point before (false where a gap starts a new stretch).
struct Vertex {
    DrapedPoint point;
    double along = 0;
    bool joined = false;
};

}  // namespace

double drapedDistance(const LandscapeRequest& request, const DrapeSpace& space, const DrapedPoint& a,
    const DrapedPoint& b)
{
    return Drawing(request, space).distance(a, b);
}

std::vector<DrapedPoint> drapePath(const LandscapeRequest& request, const Array2D& loss,
    const std::vector<PlanePoint>& path, const DrapeSpace& space, double spacing, std::size_t maxCount)
{
    const Drawing drawing(request, space);
    const auto ground = [&](double v1, double v2, DrapedPoint& out) {
        const double h = bilinearLoss(request, loss, v1, v2);
        if (!std::isfinite(h))
            return false;
        out = {v1, space.logHeight ? std::max(h, space.floor) : h, v2};
        return true;
    };
    const int g = request.resolution;
    if (g < 2 || path.empty())
        return {};
    const double cell1 = (request.max1 - request.min1) / (g - 1);
    const double cell2 = (request.max2 - request.min2) / (g - 1);
    const auto cellsCrossed = [&](const PlanePoint& a, const PlanePoint& b) {
        return std::max(std::abs(b.x - a.x) / cell1, std::abs(b.y - a.y) / cell2);
    };

    // Which points have ground, and how many cells the steps between two of them cross in all.
    std::vector<DrapedPoint> onGround(path.size());
    std::vector<char> has(path.size());
    double cells = 0.0;
    for (std::size_t k = 0; k < path.size(); ++k) {
        has[k] = ground(path[k].x, path[k].y, onGround[k]) ? 1 : 0;
        if (k > 0 && has[k] && has[k - 1])
            cells += cellsCrossed(path[k - 1], path[k]);
    }
    const double perCell = cells * kPiecesPerCell > kMaxPieces ? kMaxPieces / cells : kPiecesPerCell;

    // The ground line: every step between two points with ground, cut into pieces, each piece's
    // end put on the ground; a point without ground (or a piece's end over a non-finite cell)
    // breaks the line there.
    std::vector<Vertex> line;
    line.reserve(path.size());
    double along = 0.0;
    bool joined = false;
    const auto add = [&](const DrapedPoint& p) {
        if (joined)
            along += drawing.distance(line.back().point, p);
        line.push_back({p, along, joined});
        joined = true;
    };
    const double bendTolerance = kBendTolerance * spacing;
    const double pieceBudget = 2.0 * kMaxPieces;
    // The piece from the line's last point (at t0 of the step from a to b) to q (at t1), halved
    // while it bends; q is added last.
    const auto addBent = [&](const auto& self, const PlanePoint& a, const PlanePoint& b, double t0, double t1,
                             const DrapedPoint& q, int halvings) -> void {
        DrapedPoint m;
        const double tm = 0.5 * (t0 + t1);
        if (halvings < kMaxHalvings && static_cast<double>(line.size()) < pieceBudget
            && ground(a.x + tm * (b.x - a.x), a.y + tm * (b.y - a.y), m)
            && drawing.bend(line.back().point, m, q) > bendTolerance) {
            self(self, a, b, t0, tm, m, halvings + 1);
            self(self, a, b, tm, t1, q, halvings + 1);
            return;
        }
        add(q);
    };
    for (std::size_t k = 0; k < path.size(); ++k) {
        if (!has[k]) {
            joined = false;
            continue;
        }
        if (k > 0 && has[k - 1]) {
            const PlanePoint& a = path[k - 1];
            const PlanePoint& b = path[k];
            const int pieces = std::max(1, static_cast<int>(std::ceil(cellsCrossed(a, b) * perCell)));
            double t0 = 0.0;
            for (int i = 1; i <= pieces; ++i) {
                const double t = static_cast<double>(i) / pieces;
                DrapedPoint q = onGround[k];
                if (i < pieces && !ground(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y), q)) {
                    joined = false;
                } else if (joined) {
                    addBent(addBent, a, b, t0, t, q, 0);
                } else {
                    add(q);
                }
                t0 = t;
            }
            continue;
        }
        add(onGround[k]);
    }
    if (line.empty())
        return {};
    const double length = line.back().along;
    if (!(length > 0.0)) {
        if (line.size() == 1)
            return {line.front().point};
        return {line.front().point, line.back().point};
    }

    // The beads: equal steps of arc length, the first and the newest point exact.
    const std::size_t wanted = static_cast<std::size_t>(std::ceil(length / spacing * (1.0 - 1e-12))) + 1;
    const std::size_t count = std::clamp<std::size_t>(wanted, 2, std::max<std::size_t>(maxCount, 2));
    std::vector<DrapedPoint> beads;
    beads.reserve(count);
    beads.push_back(line.front().point);
    std::size_t k = 1;
    for (std::size_t j = 1; j + 1 < count; ++j) {
        const double at = length * static_cast<double>(j) / static_cast<double>(count - 1);
        // The first piece that reaches `at`; the start of a stretch is no piece (the gap before
        // it has no length, so `at` is never inside one).
        while (k < line.size() && (line[k].along < at || !line[k].joined))
            ++k;
        if (k >= line.size())
            break;
        const Vertex& a = line[k - 1];
        const Vertex& b = line[k];
        const double t = b.along > a.along ? (at - a.along) / (b.along - a.along) : 0.0;
        DrapedPoint q;
        if (!ground(a.point.value1 + t * (b.point.value1 - a.point.value1),
                a.point.value2 + t * (b.point.value2 - a.point.value2), q))
            q = t < 0.5 ? a.point : b.point;
        beads.push_back(q);
    }
    beads.push_back(line.back().point);
    return beads;
}

}  // namespace downhill::core
