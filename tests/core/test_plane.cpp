// Planes through parameter space: a point is found on a plane of skewed directions with the
// distance it stands off it; random directions are filter-normalised (each unit's incoming
// weights as long as the origin's, biases zero) and seeded; the PCA plane of a path whose
// principal directions are known by construction finds them with their shares of variance,
// and agrees with an SVD of the centred path computed the other way round; a landscape over a
// plane is the loss at origin + alpha d1 + beta d2, and the parameter axes are the plane of
// two unit vectors.
#include <QtTest>

#include <cmath>
#include <numbers>

#include <Eigen/SVD>

#include "core/base/error.h"
#include "core/base/rng.h"
#include "core/landscape/landscape.h"
#include "core/landscape/plane.h"
#include "core/model/mlp_objective.h"
#include "core/model/objective.h"
#include "tests/common/input_error.h"
#include "tests/common/synthetic.h"

using namespace downhill::core;
using downhill::test::vec;
using downhill::test::pixelSamples;
using downhill::test::errorOf;

class TestPlane : public QObject {
    Q_OBJECT
private slots:
    void projectionFindsThePointAndItsDistance();
    void randomDirectionsAreFilterNormalised();
    void randomPlaneRefusesZeroWeights();
    void pcaFindsKnownDirections();
    void pcaAgreesWithTheSvdOfThePath();
    void pcaRefusesAPathAlongALine();
    void landscapeOverAPlane();
    void axesAreThePlaneOfTwoUnitVectors();
};

void TestPlane::projectionFindsThePointAndItsDistance()
{
    Plane plane;
    plane.origin = vec({1, 2, 3, 4});
    plane.d1 = vec({1, 1, 0, 0});
    plane.d2 = vec({0, 2, 1, 0});   // not orthogonal to d1, not of unit length
    plane.validate(4);
    const Vec off = vec({0, 0, 0, 2.5});   // orthogonal to both directions
    const Vec w = plane.at(0.75, -1.25) + off;
    const PlaneCoordinates c = projectOntoPlane(plane, w);
    QVERIFY(std::abs(c.alpha - 0.75) < 1e-14);
    QVERIFY(std::abs(c.beta + 1.25) < 1e-14);
    QVERIFY(std::abs(c.offPlane - 2.5) < 1e-14);
    QCOMPARE(projectOntoPlane(plane, plane.origin).offPlane, 0.0);

    Plane flat = plane;
    flat.d2 = -2 * plane.d1;
    QVERIFY(errorOf([&] { flat.validate(4); }).contains("one line"));
    flat.d2 = Vec::Zero(4);
    QVERIFY(errorOf([&] { flat.validate(4); }).contains("second direction is zero"));
    QVERIFY(errorOf([&] { plane.validate(5); }).contains("4 values, the model 5"));
}

void TestPlane::randomDirectionsAreFilterNormalised()
{
    const MlpObjective net(MlpSpec::parse("mlp:5,3"), 2, Loss());
    const Vec origin = net.initialParameters(7);
    const auto blocks = directionBlocks(net);
    // Three layers: 5 + 3 + 1 weight rows, and a bias vector each.
    QCOMPARE(int(blocks.size()), 5 + 1 + 3 + 1 + 1 + 1);
    Eigen::Index covered = 0;
    for (const auto& b : blocks)
        covered += b.size;
    QCOMPARE(covered, origin.size());

    const Plane plane = randomPlane(net, origin, 42);
    QCOMPARE(plane.kind, PlaneKind::Random);
    for (const Vec* d : {&plane.d1, &plane.d2}) {
        for (const auto& b : blocks) {
            const double size = d->segment(b.offset, b.size).norm();
            if (b.bias)
                QCOMPARE(size, 0.0);
            else
                QVERIFY(std::abs(size - origin.segment(b.offset, b.size).norm()) < 1e-12);
        }
    }
    // The first weight row is the first 4 entries (2 x 2 pixels): 0.weight[0][0..3].
    QCOMPARE(blocks.front().offset, Eigen::Index{0});
    QCOMPARE(blocks.front().size, Eigen::Index{4});
    QVERIFY((plane.d1 - plane.d2).norm() > 0.1);
    // Seeded: the same seed, the same plane; another seed, another one.
    QVERIFY(randomPlane(net, origin, 42).d1 == plane.d1);
    QVERIFY((randomPlane(net, origin, 43).d1 - plane.d1).norm() > 0.1);

    // A model without layers: the whole direction is as long as the origin.
    const auto linear = makeObjective("linear", {});
    const Vec w = vec({3, -4});
    const Plane small = randomPlane(*linear, w, 1);
    QVERIFY(std::abs(small.d1.norm() - 5.0) < 1e-12);
    QVERIFY(std::abs(small.d2.norm() - 5.0) < 1e-12);
}

void TestPlane::randomPlaneRefusesZeroWeights()
{
    const auto linear = makeObjective("linear", {});
    QVERIFY(errorOf([&] { randomPlane(*linear, vec({0, 0}), 1); }).contains("all zero"));
    QVERIFY(errorOf([&] { randomPlane(*linear, vec({1, 2, 3}), 1); }).contains("3 values, the model 2"));
}

void TestPlane::pcaFindsKnownDirections()
{
    // Points on an ellipse in the (e1, e3) plane of R^4 around the last point (a full turn,
    // evenly), semi-axes 3 along e3 and 1 along e1: the variances are 9/2 and 1/2, so the
    // shares are 0.9 and 0.1 and the components e3 and e1.
    const Vec centre = vec({0.5, -1, 2, 0.25});
    std::vector<Vec> path;
    const int n = 400;
    for (int k = 0; k < n; ++k) {
        const double t = 2 * std::numbers::pi * k / n;
        path.push_back(centre + vec({std::sin(t), 0, 3 * std::cos(t), 0}));
    }
    path.push_back(centre);   // the run ends in the middle
    const Plane plane = pcaPlane(path);
    QCOMPARE(plane.kind, PlaneKind::Pca);
    QVERIFY(plane.origin == centre);
    QVERIFY((plane.d1 - vec({0, 0, 1, 0})).norm() < 1e-9);
    QVERIFY((plane.d2 - vec({1, 0, 0, 0})).norm() < 1e-9);
    QVERIFY(std::abs(plane.explained[0] - 0.9) < 1e-9);
    QVERIFY(std::abs(plane.explained[1] - 0.1) < 1e-9);
    // On the plane: each point's coordinates are its (3 cos t, sin t), nothing off it.
    const PlaneCoordinates c = projectOntoPlane(plane, path[50]);
    QVERIFY(std::abs(c.alpha - 3 * std::cos(2 * std::numbers::pi * 50 / n)) < 1e-9);
    QVERIFY(c.offPlane < 1e-9);
}

void TestPlane::pcaAgreesWithTheSvdOfThePath()
{
    // A random walk in 30 dimensions with a drift: more parameters than... and fewer (the two
    // ways the code takes), each against a direct SVD of the centred rows.
    for (const int p : {30, 3}) {
        Rng rng(9);
        std::vector<Vec> path;
        Vec w = Vec::Zero(p);
        for (int k = 0; k < 60; ++k) {
            for (int i = 0; i < p; ++i)
                w[i] += rng.normal() * (i == 0 ? 3.0 : 1.0) + (i == 1 ? 0.5 : 0.0);
            path.push_back(w);
        }
        const Plane plane = pcaPlane(path);
        Eigen::MatrixXd x(59, p);
        for (int k = 0; k < 59; ++k)
            x.row(k) = (path[static_cast<std::size_t>(k)] - path.back()).transpose();
        x.rowwise() -= x.colwise().mean();
        Eigen::JacobiSVD<Eigen::MatrixXd> svd(x, Eigen::ComputeThinV);
        const auto s = svd.singularValues();
        const double total = s.squaredNorm();
        QVERIFY(std::abs(plane.explained[0] - s[0] * s[0] / total) < 1e-12);
        QVERIFY(std::abs(plane.explained[1] - s[1] * s[1] / total) < 1e-12);
        // The same directions up to sign.
        QVERIFY(std::abs(std::abs(plane.d1.dot(svd.matrixV().col(0))) - 1) < 1e-9);
        QVERIFY(std::abs(std::abs(plane.d2.dot(svd.matrixV().col(1))) - 1) < 1e-9);
        QVERIFY(std::abs(plane.d1.dot(plane.d2)) < 1e-9);
    }
}

void TestPlane::pcaRefusesAPathAlongALine()
{
    std::vector<Vec> line;
    for (int k = 0; k < 10; ++k)
        line.push_back(vec({1.0 * k, 2.0 * k, -1.0 * k}));
    QVERIFY(errorOf([&] { pcaPlane(line); }).contains("two independent directions"));
    QVERIFY(errorOf([&] { pcaPlane({vec({1, 2}), vec({2, 3}), vec({0, 1})}); }).contains("at least 4 points"));
}

void TestPlane::landscapeOverAPlane()
{
    const auto net = std::make_shared<MlpObjective>(MlpSpec::parse("mlp:4:relu"), 2, Loss());
    const Samples s = pixelSamples(4, 30, 3);
    LandscapeRequest rq;
    rq.plane = std::make_shared<Plane>(randomPlane(*net, net->initialParameters(2), 5));
    rq.min1 = -1;
    rq.max1 = 1;
    rq.min2 = -0.5;
    rq.max2 = 1.5;
    rq.resolution = 9;
    const auto grid = computeLandscape(*net, s, rq);
    QVERIFY(grid);
    Workspace ws;
    for (int j = 0; j < 9; j += 4)
        for (int i = 0; i < 9; i += 2)
            QCOMPARE(grid->loss(i, j), net->evaluate(rq.plane->at(rq.value1(i), rq.value2(j)), s, ws));
    // The slopes along the two directions: directional derivatives, checked by differences.
    rq.resolution = 3;
    const auto field = computeGradientField(*net, s, rq);
    QVERIFY(field);
    const double h = 1e-6;
    const double a = rq.value1(1), b = rq.value2(2);
    const double dA = (net->evaluate(rq.plane->at(a + h, b), s, ws) - net->evaluate(rq.plane->at(a - h, b), s, ws)) / (2 * h);
    const double dB = (net->evaluate(rq.plane->at(a, b + h), s, ws) - net->evaluate(rq.plane->at(a, b - h), s, ws)) / (2 * h);
    QVERIFY(std::abs(field->d1(1, 2) - dA) < 1e-6 * (1 + std::abs(dA)));
    QVERIFY(std::abs(field->d2(1, 2) - dB) < 1e-6 * (1 + std::abs(dB)));
    // A plane that does not fit the model is refused.
    auto wrong = std::make_shared<Plane>(*rq.plane);
    wrong->d1 = Vec::Zero(3);
    rq.plane = wrong;
    QVERIFY(!errorOf([&] { computeLandscape(*net, s, rq); }).isEmpty());
}

void TestPlane::axesAreThePlaneOfTwoUnitVectors()
{
    const auto net = std::make_shared<MlpObjective>(MlpSpec::parse("mlp:3"), 2, Loss());
    const Samples s = pixelSamples(4, 20, 8);
    Vec origin = net->initialParameters(4);
    origin[2] = 0;    // the plotted entries are 0 at the origin, so origin + a e_2 is exactly a
    origin[13] = 0;
    LandscapeRequest axes;
    axes.axis1 = 2;
    axes.axis2 = 13;
    axes.origin = origin;
    axes.min1 = -2;
    axes.max1 = 2;
    axes.min2 = -1;
    axes.max2 = 3;
    axes.resolution = 7;
    LandscapeRequest onPlane = axes;
    auto plane = std::make_shared<Plane>();
    plane->origin = origin;
    plane->d1 = Vec::Unit(origin.size(), 2);
    plane->d2 = Vec::Unit(origin.size(), 13);
    onPlane.plane = plane;
    const auto a = computeLandscape(*net, s, axes);
    const auto b = computeLandscape(*net, s, onPlane);
    QVERIFY(a && b);
    QVERIFY(a->loss.isApprox(b->loss, 1e-13));
    // Both take the network's fast path; each cell is still the forward pass at that point.
    Workspace ws;
    for (int j = 0; j < axes.resolution; ++j) {
        for (int i = 0; i < axes.resolution; ++i) {
            Vec w = origin;
            w[2] = axes.value1(i);
            w[13] = axes.value2(j);
            const double expected = net->evaluate(w, s, ws);
            QVERIFY2(std::abs(a->loss(i, j) - expected) <= 1e-12 * std::abs(expected),
                qPrintable(QString("cell %1,%2: %3 vs %4").arg(i).arg(j).arg(a->loss(i, j)).arg(expected)));
        }
    }
    // The axes need not be 0 at the origin: the grid's own values are what is plotted.
    axes.origin = net->initialParameters(4);
    const auto c = computeLandscape(*net, s, axes);
    QVERIFY(c);
    Vec w = axes.origin;
    w[2] = axes.value1(3);
    w[13] = axes.value2(5);
    QVERIFY(std::abs(c->loss(3, 5) - net->evaluate(w, s, ws)) <= 1e-12 * net->evaluate(w, s, ws));
}

QTEST_APPLESS_MAIN(TestPlane)
#include "test_plane.moc"
