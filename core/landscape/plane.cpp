#include "core/landscape/plane.h"

#include <algorithm>
#include <cmath>

#include <Eigen/Eigenvalues>

#include "core/base/error.h"
#include "core/base/even_spread.h"
#include "core/model/mlp_objective.h"
#include "core/model/objective.h"

namespace downhill::core {

namespace {

// The generator streams of the two random directions.
constexpr std::uint64_t kPlaneStream = 0x706c616e65ULL;   // "plane"

// Its largest entry (by size) positive: a principal direction's sign is arbitrary, so fix it.
void fixSign(Vec& d)
{
    Eigen::Index at = 0;
    d.cwiseAbs().maxCoeff(&at);
    if (d[at] < 0)
        d = -d;
}

}  // namespace

void Plane::validate(int parameterCount) const
{
    const auto n = static_cast<Eigen::Index>(parameterCount);
    const auto expect = [&](const Vec& v, const char* what) {
        if (v.size() != n)
            throw InputError(std::string(what) + " has " + std::to_string(v.size()) + " values, the model "
                + std::to_string(parameterCount) + " parameters");
        if (!v.allFinite())
            throw InputError(std::string(what) + " holds a value that is not a finite number");
    };
    expect(origin, "the plane's origin");
    expect(d1, "the first direction");
    expect(d2, "the second direction");
    const double n1 = d1.norm(), n2 = d2.norm();
    if (n1 == 0 || n2 == 0)
        throw InputError(std::string(n1 == 0 ? "the first" : "the second")
            + " direction is zero (random directions take the size of the weights: are they all zero?)");
    if (std::abs(d1.dot(d2)) >= (1 - 1e-12) * n1 * n2)
        throw InputError("the two directions lie along one line: they span no plane");
}

PlaneCoordinates projectOntoPlane(const Plane& plane, const Vec& w)
{
    const Vec r = w - plane.origin;
    const double g11 = plane.d1.squaredNorm(), g12 = plane.d1.dot(plane.d2), g22 = plane.d2.squaredNorm();
    const double r1 = plane.d1.dot(r), r2 = plane.d2.dot(r);
    const double det = g11 * g22 - g12 * g12;
    PlaneCoordinates c;
    c.alpha = (g22 * r1 - g12 * r2) / det;
    c.beta = (g11 * r2 - g12 * r1) / det;
    c.offPlane = (r - c.alpha * plane.d1 - c.beta * plane.d2).norm();
    return c;
}

std::vector<DirectionBlock> directionBlocks(const Objective& objective)
{
    const auto* mlp = dynamic_cast<const MlpObjective*>(&objective);
    if (!mlp)
        return {{0, objective.parameterCount(), false}};
    std::vector<DirectionBlock> blocks;
    const auto& widths = mlp->widths();
    for (int l = 0; l < mlp->linearLayers(); ++l) {
        const Eigen::Index in = widths[static_cast<std::size_t>(l)];
        const Eigen::Index out = widths[static_cast<std::size_t>(l) + 1];
        for (Eigen::Index row = 0; row < out; ++row)
            blocks.push_back({mlp->weightOffset(l) + row * in, in, false});
        blocks.push_back({mlp->biasOffset(l), out, true});
    }
    return blocks;
}

Vec filterNormalisedDirection(const std::vector<DirectionBlock>& blocks, const Vec& origin, Rng& rng)
{
    Vec d(origin.size());
    for (Eigen::Index k = 0; k < d.size(); ++k)
        d[k] = rng.normal();
    for (const DirectionBlock& b : blocks) {
        auto part = d.segment(b.offset, b.size);
        if (b.bias) {
            part.setZero();
            continue;
        }
        const double size = part.norm();
        const double target = origin.segment(b.offset, b.size).norm();
        if (size > 0)
            part *= target / size;
    }
    return d;
}

Plane randomPlane(const Objective& objective, const Vec& origin, std::uint64_t seed)
{
    if (origin.size() != objective.parameterCount())
        throw InputError("the plane's origin has " + std::to_string(origin.size()) + " values, the model "
            + std::to_string(objective.parameterCount()) + " parameters");
    const auto blocks = directionBlocks(objective);
    Rng first(deriveSeed(seed, kPlaneStream, 1));
    Rng second(deriveSeed(seed, kPlaneStream, 2));
    Plane plane;
    plane.kind = PlaneKind::Random;
    plane.origin = origin;
    plane.d1 = filterNormalisedDirection(blocks, origin, first);
    plane.d2 = filterNormalisedDirection(blocks, origin, second);
    plane.validate(objective.parameterCount());
    return plane;
}

Plane pcaPlane(const std::vector<Vec>& path)
{
    if (path.size() < 4)
        throw InputError("a PCA plane needs a path of at least 4 points, got " + std::to_string(path.size()));
    const Eigen::Index p = path.front().size();
    for (const Vec& w : path)
        if (w.size() != p || !w.allFinite())
            throw InputError("the path's points must all have " + std::to_string(p) + " finite values");
    const Vec& last = path.back();
    // The rows: the chosen points minus the last one (which would be a row of zeros), centred.
    std::vector<std::int64_t> chosen = evenSpread(static_cast<std::int64_t>(path.size()) - 1, kMaxPcaPoints);
    chosen.pop_back();
    const auto m = static_cast<Eigen::Index>(chosen.size());
    Eigen::MatrixXd x(m, p);
    for (Eigen::Index i = 0; i < m; ++i)
        x.row(i) = (path[static_cast<std::size_t>(chosen[static_cast<std::size_t>(i)])] - last).transpose();
    x.rowwise() -= x.colwise().mean();
    const double total = x.squaredNorm();

    // The top two right singular vectors of x, from the smaller of its two Gram matrices.
    Vec v1, v2;
    double l1 = 0, l2 = 0;
    if (p <= m) {
        const Eigen::MatrixXd c = x.transpose() * x;
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(c);
        const Eigen::Index k = c.rows();
        l1 = eig.eigenvalues()[k - 1];
        l2 = k >= 2 ? eig.eigenvalues()[k - 2] : 0.0;
        v1 = eig.eigenvectors().col(k - 1);
        if (k >= 2)
            v2 = eig.eigenvectors().col(k - 2);
    } else {
        const Eigen::MatrixXd g = x * x.transpose();
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(g);
        const Eigen::Index k = g.rows();
        l1 = eig.eigenvalues()[k - 1];
        l2 = k >= 2 ? eig.eigenvalues()[k - 2] : 0.0;
        if (l1 > 0)
            v1 = x.transpose() * eig.eigenvectors().col(k - 1) / std::sqrt(l1);
        if (k >= 2 && l2 > 0)
            v2 = x.transpose() * eig.eigenvectors().col(k - 2) / std::sqrt(l2);
    }
    if (!(total > 0) || !(l2 > 1e-12 * l1) || v2.size() != p)
        throw InputError("the path does not move in two independent directions (it stands still or goes along a "
                         "line): a PCA plane needs a path that turns; use a random plane");
    fixSign(v1);
    fixSign(v2);
    Plane plane;
    plane.kind = PlaneKind::Pca;
    plane.origin = last;
    plane.d1 = v1;
    plane.d2 = v2;
    plane.explained = {l1 / total, l2 / total};
    return plane;
}

}  // namespace downhill::core
