#include "core/landscape/landscape.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <sstream>

#include "core/model/data_objective.h"
#include "core/base/error.h"
#include "core/base/parallel.h"
#include "core/landscape/network_plane_grid.h"
#include "core/model/mlp_objective.h"
#include "core/model/quadratic_form.h"

namespace downhill::core {

namespace {

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

void findExtremes(LandscapeGrid& grid)
{
    grid.minLoss = std::numeric_limits<double>::infinity();
    grid.maxLoss = -std::numeric_limits<double>::infinity();
    const int g = grid.resolution();
    for (int j = 0; j < g; ++j) {
        for (int i = 0; i < g; ++i) {
            const double v = grid.loss(i, j);
            if (!std::isfinite(v))
                continue;
            if (v < grid.minLoss) {
                grid.minLoss = v;
                grid.argmin1 = i;
                grid.argmin2 = j;
            }
            grid.maxLoss = std::max(grid.maxLoss, v);
        }
    }
    if (!std::isfinite(grid.minLoss)) {
        grid.minLoss = grid.maxLoss = std::numeric_limits<double>::quiet_NaN();
    }
}

// Every grid point evaluated on its own: for objectives without structure to exploit.
bool pointwise(const Objective& objective, const Samples& samples, LandscapeGrid& grid, const std::atomic<bool>* cancel)
{
    const auto& rq = grid.request;
    const int g = rq.resolution;
    std::vector<Workspace> spaces(static_cast<std::size_t>(workerCount()));
    parallelFor(g, [&](int j, int worker) {
        if (cancelled(cancel))
            return;
        Workspace& ws = spaces[static_cast<std::size_t>(worker)];
        if (rq.plane) {
            Vec w;
            for (int i = 0; i < g; ++i) {
                w = rq.plane->at(rq.value1(i), rq.value2(j));
                grid.loss(i, j) = objective.evaluate(w, samples, ws);
            }
            return;
        }
        Vec w = rq.origin;
        w[rq.axis2] = rq.value2(j);
        for (int i = 0; i < g; ++i) {
            w[rq.axis1] = rq.value1(i);
            grid.loss(i, j) = objective.evaluate(w, samples, ws);
        }
    });
    return !cancelled(cancel);
}

// How a row of an inner-affine grid is summed.
enum class RowSum {
    Statistics,   // mse: sufficient statistics, O(N + G)
    Sweep,        // mae, huber: the pieces swept along the row, O(N + G)
    General,      // every per-sample loss at every grid value, O(G N)
};

// mae and huber along a row, r_i(u) = u phi_i + c_i: each sample's loss is piecewise linear or
// quadratic in u, changing piece where r_i crosses 0 (mae) or -delta and +delta (huber). The
// sum over samples is then Q u^2 + A u + B between breakpoints; each sample's change of piece
// is added to the bucket of the first grid value at or past its breakpoint, and a running sum
// along the row gives (Q, A, B) at every grid value: no sort, no per-sample work per value.
// At a breakpoint both pieces agree, so which side a value exactly on one falls is immaterial.
//
// The per-sample terms are computed for a block of samples at once (Eigen's packets: the
// reciprocals and products vectorise); then one scalar pass adds them up in sample order, into
// the start sums and the buckets. The terms are the same IEEE operations in the same order as
// one sample at a time, so the grid's bits do not depend on the vector width.
constexpr Eigen::Index kSweepBlock = 256;   // 12 arrays of it: 24 KB

struct SweepScratch {
    Array sign, mag, inverse;             // sign, |phi| and 1 / phi
    Array place1, place2;                 // the breakpoints, in cells past lo
    Array start1, start2;                 // each sample's first piece: its u and 1 coefficients
    Array dq, da1, db1, da2, db2;         // the change of piece at the first and second breakpoint
    std::vector<double> buckets;          // (Q, A, B) changes of grid value k at 3 k .. 3 k + 2
};

// The first grid index at or past a breakpoint `cells` cells from lo: ceil, clamped to 0..g (g:
// none); NaN (a non-finite residual) counts as 0. Branch-free (the breakpoints are in random
// order), through int, whose conversion from double is one instruction.
int sweepBucket(double cells, int g)
{
    const double clamped = cells > 0.0 ? std::min(cells, static_cast<double>(g)) : 0.0;
    const int whole = static_cast<int>(clamped);
    return whole + static_cast<int>(static_cast<double>(whole) < clamped);
}

void sweepRow(const Loss& loss, const Array& phi, const Array& c, double lo, double hi, int g, SweepScratch& s,
    const std::function<void(int, double)>& store)
{
    const Eigen::Index n = phi.size();
    s.buckets.assign(3 * (static_cast<std::size_t>(g) + 1), 0.0);
    // The breakpoints in cells past lo, by one reciprocal a sample: a breakpoint within a few ulps
    // of a grid value may land in the bucket beside the one exact division would give, which
    // changes that grid value by rounding only, both pieces being equal there.
    const double perStep = static_cast<double>(g - 1) / (hi - lo);
    const bool huber = loss.kind() == LossKind::Huber;
    const double d = loss.settings().delta;
    const double half = 0.5 * d * d;
    for (Array* scratch : {&s.sign, &s.mag, &s.inverse, &s.place1, &s.place2, &s.start1, &s.start2, &s.dq, &s.da1, &s.db1, &s.da2, &s.db2})
        scratch->resize(kSweepBlock);

    double q = 0, a = 0, b = 0;   // the pieces every sample starts in, at u -> -infinity
    double* const bucket = s.buckets.data();
    // A block of samples at a time, so that its terms are still in the L1 cache when summed.
    for (Eigen::Index first = 0; first < n; first += kSweepBlock) {
        const Eigen::Index m = std::min(kSweepBlock, n - first);
        const auto f = phi.segment(first, m);
        const auto r = c.segment(first, m);
        s.sign.head(m) = (f > 0.0).select(Array::Constant(m, 1.0), Array::Constant(m, -1.0));
        s.mag.head(m) = f.abs();
        s.inverse.head(m) = f.inverse();
        if (!huber) {
            // -|r| before the root, +|r| after it.
            s.place1.head(m) = (((-r) * s.inverse.head(m)) - lo) * perStep;
            s.start1.head(m) = -s.mag.head(m);
            s.start2.head(m) = -(s.sign.head(m) * r);
            s.da1.head(m) = 2.0 * s.mag.head(m);
            s.db1.head(m) = (2.0 * s.sign.head(m)) * r;
        } else {
            // Linear (delta (|r| - delta/2)), quadratic (r^2 / 2), linear again.
            s.place1.head(m) = (((-d - r) * s.inverse.head(m)) - lo) * perStep;
            s.place2.head(m) = (((d - r) * s.inverse.head(m)) - lo) * perStep;
            s.start1.head(m) = -d * s.mag.head(m);                                // lin1a
            s.start2.head(m) = ((-s.sign.head(m) * d) * r) - half;               // lin1b
            s.dq.head(m) = (0.5 * f) * f;                                         // quadq
            s.da1.head(m) = f * r - s.start1.head(m);                             // quada - lin1a
            s.db1.head(m) = (0.5 * r) * r - s.start2.head(m);                     // quadb - lin1b
            s.da2.head(m) = d * s.mag.head(m) - f * r;                            // lin2a - quada
            s.db2.head(m) = ((s.sign.head(m) * d) * r - half) - (0.5 * r) * r;    // lin2b - quadb
        }

        // Plain pointers: the buckets' stores cannot then be taken to move the arrays' data.
        const double* const fi = phi.data() + first;
        const double* const ri = c.data() + first;
        const double* const start1 = s.start1.data();
        const double* const start2 = s.start2.data();
        const double* const place1 = s.place1.data();
        const double* const da1 = s.da1.data();
        const double* const db1 = s.db1.data();
        const double* const place2 = s.place2.data();
        const double* const dq = s.dq.data();
        const double* const da2 = s.da2.data();
        const double* const db2 = s.db2.data();
        for (Eigen::Index i = 0; i < m; ++i) {
            if (fi[i] == 0.0) {
                b += loss.value(ri[i]);
                continue;
            }
            a += start1[i];
            b += start2[i];
            if (!huber) {
                double* const at = bucket + 3 * sweepBucket(place1[i], g);
                at[1] += da1[i];
                at[2] += db1[i];
                continue;
            }
            // The quadratic piece starts at the lower breakpoint and ends at the higher one.
            double* const in = bucket + 3 * sweepBucket(std::min(place1[i], place2[i]), g);
            in[0] += dq[i];
            in[1] += da1[i];
            in[2] += db1[i];
            double* const out = bucket + 3 * sweepBucket(std::max(place1[i], place2[i]), g);
            out[0] -= dq[i];
            out[1] += da2[i];
            out[2] += db2[i];
        }
    }
    const double count = static_cast<double>(n);
    for (int k = 0; k < g; ++k) {
        const double* at = bucket + 3 * static_cast<std::size_t>(k);
        q += at[0];
        a += at[1];
        b += at[2];
        const double u = lo + (hi - lo) * static_cast<double>(k) / static_cast<double>(g - 1);
        store(k, std::max((q * u + a) * u + b, 0.0) / count);
    }
}

// y is affine in the inner axis p: y = w_p phi + psi for each value of the outer axis q. One pass
// over the data per outer value gives phi and c = psi - t; then the row is summed as `sum` says.
bool innerAffine(const DataObjective& objective, const Samples& samples, LandscapeGrid& grid, bool innerIsAxis1,
    RowSum sum, const std::atomic<bool>* cancel)
{
    const auto& rq = grid.request;
    const Model& model = objective.model();
    const Loss& loss = objective.loss();
    const int g = rq.resolution;
    const int p = innerIsAxis1 ? rq.axis1 : rq.axis2;
    const int q = innerIsAxis1 ? rq.axis2 : rq.axis1;
    const double n = static_cast<double>(samples.size());
    struct Scratch {
        Array phi, c;
        SweepScratch sweep;
    };
    std::vector<Scratch> scratch(static_cast<std::size_t>(workerCount()));

    parallelFor(g, [&](int outer, int worker) {
        if (cancelled(cancel))
            return;
        auto& s = scratch[static_cast<std::size_t>(worker)];
        Vec w = rq.origin;
        w[q] = innerIsAxis1 ? rq.value2(outer) : rq.value1(outer);
        w[p] = 0.0;
        model.predict(samples.x, w, s.c);
        s.c -= samples.t;
        model.jacobianRow(samples.x, w, p, s.phi);
        auto store = [&](int inner, double value) {
            if (innerIsAxis1)
                grid.loss(inner, outer) = value;
            else
                grid.loss(outer, inner) = value;
        };
        if (sum == RowSum::Sweep) {
            const double lo = innerIsAxis1 ? rq.min1 : rq.min2;
            const double hi = innerIsAxis1 ? rq.max1 : rq.max2;
            sweepRow(loss, s.phi, s.c, lo, hi, g, s.sweep, store);
        } else if (sum == RowSum::Statistics) {
            const double spp = s.phi.square().sum();
            const double spc = (s.phi * s.c).sum();
            const double scc = s.c.square().sum();
            for (int inner = 0; inner < g; ++inner) {
                const double u = innerIsAxis1 ? rq.value1(inner) : rq.value2(inner);
                store(inner, std::max(u * u * spp + 2.0 * u * spc + scc, 0.0) / n);
            }
        } else {
            for (int inner = 0; inner < g; ++inner) {
                const double u = innerIsAxis1 ? rq.value1(inner) : rq.value2(inner);
                store(inner, loss.sumOf(u * s.phi + s.c) / n);
            }
        }
    });
    return !cancelled(cancel);
}

// Both axes jointly affine and mse: the whole plane is one quadratic form.
void bothAffine(const DataObjective& objective, const Samples& samples, LandscapeGrid& grid)
{
    const auto& rq = grid.request;
    const Model& model = objective.model();
    Vec w = rq.origin;
    w[rq.axis1] = 0.0;
    w[rq.axis2] = 0.0;
    Array c, row1, row2;
    model.predict(samples.x, w, c);
    c -= samples.t;
    model.jacobianRow(samples.x, w, rq.axis1, row1);
    model.jacobianRow(samples.x, w, rq.axis2, row2);
    Array2D phi(2, samples.size());
    phi.row(0) = row1.transpose();
    phi.row(1) = row2.transpose();
    const QuadraticForm form(phi, c);
    // Expanded once: loss(u, v) = (A00 u^2 + 2 A01 u v + A11 v^2 + 2 b0 u + 2 b1 v + s) / n,
    // evaluated a whole column at a time.
    const int g = rq.resolution;
    const double n = static_cast<double>(samples.size());
    const auto& a = form.a();
    const auto& b = form.b();
    Array u(g);
    for (int i = 0; i < g; ++i)
        u[i] = rq.value1(i);
    const Array uTerm = a(0, 0) * u.square() + 2.0 * b[0] * u;
    for (int j = 0; j < g; ++j) {
        const double v = rq.value2(j);
        const double constant = a(1, 1) * v * v + 2.0 * b[1] * v + form.s();
        grid.loss.col(j) = ((uTerm + 2.0 * a(0, 1) * v * u + constant) / n).max(0.0);
    }
}

bool jointlyAffine(const Model& model, int a, int b)
{
    const auto affine = model.affineParameters();
    return std::find(affine.begin(), affine.end(), a) != affine.end()
        && std::find(affine.begin(), affine.end(), b) != affine.end();
}

}  // namespace

std::string gridAxisProblem(double min, double max, int resolution)
{
    auto text = [](double v) {
        std::ostringstream out;
        out.precision(17);
        out << v;
        return out.str();
    };
    const std::string span = text(min) + " to " + text(max);
    if (!(std::isfinite(min) && std::isfinite(max)))
        return "the ends must be finite numbers, got " + span;
    if (!(min < max))
        return "expected min < max, got " + span;
    if (std::max(std::abs(min), std::abs(max)) > kMaxGridCoordinate)
        return "the ends must lie within -" + text(kMaxGridCoordinate) + ".." + text(kMaxGridCoordinate) + ", got " + span;
    const double width = max - min;
    if (!std::isnormal(width) || width < kMinGridWidth)
        return "the width " + text(width) + " (from " + span + ") must be a finite normal number of at least "
            + text(kMinGridWidth);
    const int cells = std::max(1, resolution - 1);
    const double cell = width / static_cast<double>(cells);
    if (!std::isnormal(cell))
        return "the cell size " + text(cell) + " (" + text(width) + " over " + std::to_string(cells)
            + " cells) is not a finite normal number";
    // Neighbouring points must be distinct doubles, with room to spare: the axis' numbers and
    // the cells' centres are computed by arithmetic that loses a few ulps.
    const double ulp = std::max(std::abs(min), std::abs(max)) * std::numeric_limits<double>::epsilon();
    if (cell < 16 * ulp)
        return "the cell size " + text(cell) + " is too small for points near " + text(std::max(std::abs(min), std::abs(max)))
            + " to be told apart (at least " + text(16 * ulp) + ")";
    return {};
}

void LandscapeRequest::validate(int parameterCount) const
{
    auto fail = [](const std::string& m) { throw InputError(m); };
    if (plane) {
        plane->validate(parameterCount);
    } else {
        if (axis1 < 0 || axis1 >= parameterCount || axis2 < 0 || axis2 >= parameterCount)
            fail("axis out of range: the model has " + std::to_string(parameterCount) + " parameters");
        if (axis1 == axis2)
            fail("the two axes must be different parameters");
        if (origin.size() != parameterCount)
            fail("expected " + std::to_string(parameterCount) + " parameter values for the landscape origin");
        if (!origin.allFinite())
            fail("the held parameter values must be finite");
    }
    if (resolution < 2 || resolution > kMaxGridResolution)
        fail("grid resolution must be between 2 and " + std::to_string(kMaxGridResolution) + ", got "
            + std::to_string(resolution));
    if (const std::string problem = gridAxisProblem(min1, max1, resolution); !problem.empty())
        fail("the first axis range: " + problem);
    if (const std::string problem = gridAxisProblem(min2, max2, resolution); !problem.empty())
        fail("the second axis range: " + problem);
}

Vec LandscapeRequest::pointAt(int i, int j) const
{
    if (plane)
        return plane->at(value1(i), value2(j));
    Vec w = origin;
    w[axis1] = value1(i);
    w[axis2] = value2(j);
    return w;
}

double LandscapeRequest::value1(int i) const
{
    return min1 + (max1 - min1) * static_cast<double>(i) / static_cast<double>(resolution - 1);
}

double LandscapeRequest::value2(int j) const
{
    return min2 + (max2 - min2) * static_cast<double>(j) / static_cast<double>(resolution - 1);
}

std::optional<LandscapeGrid> computeLandscape(const Objective& objective, const Samples& samples,
    const LandscapeRequest& request, LandscapeMethod method, const std::atomic<bool>* cancel)
{
    request.validate(objective.parameterCount());
    LandscapeGrid grid;
    grid.request = request;
    grid.loss.resize(request.resolution, request.resolution);

    const auto* data = dynamic_cast<const DataObjective*>(&objective);
    bool complete = true;
    const auto* network = dynamic_cast<const MlpObjective*>(&objective);
    if (network && request.plane && samples.size() > 0) {
        // Not a shortcut: every per-sample loss at every cell, as General asks, only cheaper.
        complete = networkPlaneGrid(*network, samples, request, grid.loss, cancel);
    } else if (network && samples.size() > 0) {
        // Two of a network's parameters are the plane of their unit vectors through the origin
        // with those two entries 0: origin + a e1 + b e2 holds exactly a and b there.
        LandscapeRequest onPlane = request;
        auto plane = std::make_shared<Plane>();
        plane->origin = request.origin;
        plane->origin[request.axis1] = 0.0;
        plane->origin[request.axis2] = 0.0;
        plane->d1 = Vec::Unit(request.origin.size(), request.axis1);
        plane->d2 = Vec::Unit(request.origin.size(), request.axis2);
        onPlane.plane = std::move(plane);
        complete = networkPlaneGrid(*network, samples, onPlane, grid.loss, cancel);
    } else if (!data || samples.size() == 0 || request.plane) {
        complete = pointwise(objective, samples, grid, cancel);
    } else {
        const Model& model = data->model();
        const bool mse = data->loss().kind() == LossKind::Mse;
        const bool a1 = model.isAffineIn(request.axis1);
        const bool a2 = model.isAffineIn(request.axis2);
        const bool shortcut = method == LandscapeMethod::Auto && mse;
        const RowSum rowSum = method == LandscapeMethod::General ? RowSum::General : mse ? RowSum::Statistics : RowSum::Sweep;
        if (shortcut && jointlyAffine(model, request.axis1, request.axis2)) {
            bothAffine(*data, samples, grid);
            grid.shortcut = true;
        } else if (a1 || a2) {
            complete = innerAffine(*data, samples, grid, a1, rowSum, cancel);
            grid.shortcut = rowSum != RowSum::General;
        } else {
            complete = pointwise(objective, samples, grid, cancel);
        }
    }
    if (!complete)
        return std::nullopt;
    findExtremes(grid);
    return grid;
}

std::optional<GradientField> computeGradientField(const Objective& objective, const Samples& samples,
    const LandscapeRequest& request, const std::atomic<bool>* cancel)
{
    request.validate(objective.parameterCount());
    GradientField field;
    field.request = request;
    const int g = request.resolution;
    field.d1.resize(g, g);
    field.d2.resize(g, g);
    std::vector<Workspace> spaces(static_cast<std::size_t>(workerCount()));
    parallelFor(g, [&](int j, int worker) {
        if (cancelled(cancel))
            return;
        Vec w;
        Vec grad;
        for (int i = 0; i < g; ++i) {
            w = request.pointAt(i, j);
            objective.evaluateWithGradient(w, samples, grad, spaces[static_cast<std::size_t>(worker)]);
            // On a plane, the slope along each direction: the gradient of the slice itself.
            field.d1(i, j) = request.plane ? grad.dot(request.plane->d1) : grad[request.axis1];
            field.d2(i, j) = request.plane ? grad.dot(request.plane->d2) : grad[request.axis2];
        }
    });
    if (cancelled(cancel))
        return std::nullopt;
    return field;
}

double bilinearLoss(const LandscapeRequest& rq, const Array2D& loss, double v1, double v2)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const int g = rq.resolution;
    if (g < 2 || loss.rows() != g || loss.cols() != g || !std::isfinite(v1) || !std::isfinite(v2))
        return nan;
    const double fx = (v1 - rq.min1) / (rq.max1 - rq.min1) * (g - 1);
    const double fy = (v2 - rq.min2) / (rq.max2 - rq.min2) * (g - 1);
    const double eps = 1e-9;
    auto snap = [&](double f) { return std::abs(f - std::round(f)) < eps ? std::round(f) : f; };
    const double sx = snap(fx), sy = snap(fy);
    if (sx < 0.0 || sx > g - 1 || sy < 0.0 || sy > g - 1)
        return nan;
    const int i = std::min(static_cast<int>(sx), g - 2);
    const int j = std::min(static_cast<int>(sy), g - 2);
    const double tx = sx - i, ty = sy - j;
    double sum = 0.0;
    auto add = [&](int di, int dj, double w) {
        if (w != 0.0)
            sum += w * loss(i + di, j + dj);
    };
    add(0, 0, (1 - tx) * (1 - ty));
    add(1, 0, tx * (1 - ty));
    add(0, 1, (1 - tx) * ty);
    add(1, 1, tx * ty);
    return sum;
}

std::array<std::string, 2> LandscapeRequest::axisNames(const std::vector<std::string>& names) const
{
    if (!plane) {
        const auto name = [&](int k) {
            if (k < static_cast<int>(names.size()))
                return names[static_cast<std::size_t>(k)];
            std::ostringstream unnamed;   // (not "w" + to_string: GCC 12 warns of a bogus overlap)
            unnamed << 'w' << k;
            return unnamed.str();
        };
        return {name(axis1), name(axis2)};
    }
    switch (plane->kind) {
    case PlaneKind::Random: return {"alpha (random direction 1)", "beta (random direction 2)"};
    case PlaneKind::Pca: {
        char a[64], b[64];
        std::snprintf(a, sizeof a, "alpha (PC 1, %.1f %%)", 100 * plane->explained[0]);
        std::snprintf(b, sizeof b, "beta (PC 2, %.1f %%)", 100 * plane->explained[1]);
        return {a, b};
    }
    case PlaneKind::Given: break;
    }
    return {"alpha (direction 1)", "beta (direction 2)"};
}

}  // namespace downhill::core
