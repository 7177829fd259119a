// The projection between parameter space and the plot: on two axes, the two entries and the
// distance of the others from their held values; on a plane of skewed directions, a worked
// example, a point put on the plane comes back to its coordinates with no distance, a step
// draws as the arrow between its ends, and a click lands on the plane; refusals name the
// problem.
#include <QtTest>

#include <cmath>

#include "core/base/error.h"
#include "core/landscape/projection.h"
#include "tests/common/input_error.h"
#include "tests/common/synthetic.h"

using namespace downhill::core;
using downhill::test::errorOf;
using downhill::test::vec;

class TestProjection : public QObject {
    Q_OBJECT
private slots:
    void axesReadTheTwoEntries();
    void planeWorkedExample();
    void planeRoundTrips();
    void requestCarriesThePlane();
    void refusals();
};

void TestProjection::axesReadTheTwoEntries()
{
    const Projection p = Projection::axes(2, 0, vec({1, 2, 3, 4}));
    const PlaneCoordinates c = p.locate(vec({5, 2 + 3, 7, 4 - 4}));
    QCOMPARE(c.alpha, 7.0);
    QCOMPARE(c.beta, 5.0);
    QCOMPARE(c.offPlane, 5.0);   // entries 1 and 3 are 3 and 4 away from their held values
    const auto d = p.direction(vec({0.5, -1, 0.25, 9}));
    QCOMPARE(d[0], 0.25);
    QCOMPARE(d[1], 0.5);
    const Vec at = p.pointAt(-1, -2);
    QCOMPARE(at[0], -2.0);
    QCOMPARE(at[1], 2.0);
    QCOMPARE(at[2], -1.0);
    QCOMPARE(at[3], 4.0);
    const auto names = p.axisNames({"a", "b", "c", "d"});
    QCOMPARE(names[0], std::string("c"));
    QCOMPARE(names[1], std::string("a"));
    QVERIFY(!p.isPlane());
}

void TestProjection::planeWorkedExample()
{
    // d1 = (1,0,0), d2 = (1,1,0): w = (2,3,5) = -1 d1 + 3 d2 + (0,0,5), by hand.
    auto plane = std::make_shared<Plane>();
    plane->origin = vec({0, 0, 0});
    plane->d1 = vec({1, 0, 0});
    plane->d2 = vec({1, 1, 0});
    const Projection p = Projection::onPlane(plane);
    const PlaneCoordinates c = p.locate(vec({2, 3, 5}));
    QVERIFY(std::abs(c.alpha + 1) < 1e-15);
    QVERIFY(std::abs(c.beta - 3) < 1e-15);
    QVERIFY(std::abs(c.offPlane - 5) < 1e-15);
    const auto d = p.direction(vec({2, 3, 5}));
    QVERIFY(std::abs(d[0] + 1) < 1e-15 && std::abs(d[1] - 3) < 1e-15);
    QVERIFY(p.isPlane());
    QCOMPARE(p.axisNames({})[0], std::string("alpha (direction 1)"));
}

void TestProjection::planeRoundTrips()
{
    Rng rng(7);
    const int n = 300;
    auto plane = std::make_shared<Plane>();
    plane->kind = PlaneKind::Random;
    plane->origin = Vec(n);
    plane->d1 = Vec(n);
    plane->d2 = Vec(n);
    for (int k = 0; k < n; ++k) {
        plane->origin[k] = rng.normal();
        plane->d1[k] = rng.normal();
        plane->d2[k] = rng.normal() + 0.5 * plane->d1[k];   // skewed: not orthogonal
    }
    const Projection p = Projection::onPlane(plane);
    const Vec a = p.pointAt(0.3, -1.25);
    const PlaneCoordinates ca = p.locate(a);
    QVERIFY(std::abs(ca.alpha - 0.3) < 1e-12);
    QVERIFY(std::abs(ca.beta + 1.25) < 1e-12);
    QVERIFY(ca.offPlane < 1e-12);
    // Off the plane: a step from a to b draws as the arrow between their projections.
    Vec b = a;
    for (int k = 0; k < n; ++k)
        b[k] += 0.01 * rng.normal();
    const PlaneCoordinates cb = p.locate(b);
    QVERIFY(cb.offPlane > 0.01);
    const auto step = p.direction(b - a);
    QVERIFY(std::abs(step[0] - (cb.alpha - ca.alpha)) < 1e-12);
    QVERIFY(std::abs(step[1] - (cb.beta - ca.beta)) < 1e-12);
    // The residual is orthogonal to both directions: least squares, not a guess.
    const Vec rest = b - p.pointAt(cb.alpha, cb.beta);
    QVERIFY(std::abs(rest.dot(plane->d1)) < 1e-10);
    QVERIFY(std::abs(rest.dot(plane->d2)) < 1e-10);
    QCOMPARE(p.axisNames({})[0], std::string("alpha (random direction 1)"));
    // A point of another size is nowhere.
    QVERIFY(std::isnan(p.locate(vec({1, 2})).alpha));
}

void TestProjection::requestCarriesThePlane()
{
    auto plane = std::make_shared<Plane>();
    plane->origin = vec({1, 1, 1});
    plane->d1 = vec({1, 0, 0});
    plane->d2 = vec({0, 0, 2});
    const LandscapeRequest r = Projection::onPlane(plane).request({-1, 1, -2, 2}, 5);
    QCOMPARE(r.plane.get(), plane.get());
    QCOMPARE(r.resolution, 5);
    const Vec corner = r.pointAt(0, 4);   // alpha -1, beta 2
    QCOMPARE(corner[0], 0.0);
    QCOMPARE(corner[2], 5.0);
    const LandscapeRequest q = Projection::axes(0, 2, vec({1, 2, 3})).request({0, 1, 0, 1}, 3);
    QVERIFY(!q.plane);
    QCOMPARE(q.axis2, 2);
    QCOMPARE(q.origin[1], 2.0);
}

void TestProjection::refusals()
{
    QVERIFY(errorOf([] { Projection::axes(0, 0, vec({1, 2})); }).contains("same parameter"));
    QVERIFY(errorOf([] { Projection::axes(0, 5, vec({1, 2})); }).contains("not both among the 2"));
    auto line = std::make_shared<Plane>();
    line->origin = vec({0, 0});
    line->d1 = vec({1, 1});
    line->d2 = vec({2, 2});
    QVERIFY(!errorOf([&] { Projection::onPlane(line); }).isEmpty());
    QVERIFY(errorOf([] { Projection::onPlane(nullptr); }).contains("no plane"));
}

QTEST_APPLESS_MAIN(TestProjection)
#include "test_projection.moc"
