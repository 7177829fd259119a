// Contour chaining: loose marching-squares segments become polylines, each segment used once,
// even when a shared end point differs in its last bits; simplification keeps what matters.
#include <QtTest>

#include <cmath>

#include "core/geometry/contour_lines.h"
#include "core/geometry/contours.h"

using namespace downhill::core;

namespace {

std::size_t pointCount(const std::vector<Polyline>& lines)
{
    std::size_t n = 0;
    for (const auto& line : lines)
        n += line.size();
    return n;
}

}  // namespace

class TestContourLines : public QObject {
    Q_OBJECT
private slots:
    void chainsShuffledSegmentsIntoOneLine()
    {
        // A zigzag 0-1-2-3-4 given out of order and with some segments reversed.
        const std::vector<std::array<double, 4>> segments = {
            {2, 0, 3, 1}, {1, 1, 0, 0}, {3, 1, 4, 0}, {2, 0, 1, 1}};
        const auto lines = chainSegments(segments, {0, 0}, {1e-7, 1e-7});
        QCOMPARE(lines.size(), std::size_t{1});
        const Polyline& line = lines.front();
        QCOMPARE(line.size(), std::size_t{5});
        // Either direction will do; the points follow the zigzag.
        const bool forward = line.front().x == 0;
        for (std::size_t k = 0; k < line.size(); ++k) {
            const double x = forward ? static_cast<double>(k) : 4.0 - static_cast<double>(k);
            QCOMPARE(line[k].x, x);
            QCOMPARE(line[k].y, static_cast<double>(static_cast<int>(x) % 2));
        }
    }

    void endsThatDifferInTheLastBitsStillJoin()
    {
        const double a = 0.1 + 0.2;   // 0.30000000000000004
        const std::vector<std::array<double, 4>> segments = {{0, 0, 0.3, 1}, {a, 1, 1, 2}};
        QCOMPARE(chainSegments(segments, {0, 0}, {1e-7, 1e-7}).size(), std::size_t{1});
        // A lattice finer than the difference keeps them apart.
        QCOMPARE(chainSegments(segments, {0, 0}, {1e-18, 1e-18}).size(), std::size_t{2});
    }

    void aClosedLevelComesBackToItsStart()
    {
        // A bowl: the level 1.1 (through no grid node) runs round its centre in one closed line.
        LandscapeGrid grid;
        grid.request.resolution = 21;
        grid.request.min1 = grid.request.min2 = -2;
        grid.request.max1 = grid.request.max2 = 2;
        grid.loss.resize(21, 21);
        for (int i = 0; i < 21; ++i)
            for (int j = 0; j < 21; ++j)
                grid.loss(i, j) = std::pow(grid.request.value1(i), 2) + std::pow(grid.request.value2(j), 2);
        const auto contours = computeContours(grid, {1.1});
        const auto& segments = contours.front().segments;
        QVERIFY(segments.size() > 8);
        const auto lines = chainSegments(segments, {-2, -2}, {0.2e-7, 0.2e-7});
        QCOMPARE(lines.size(), std::size_t{1});
        QCOMPARE(pointCount(lines), segments.size() + 1);   // every segment once, the start twice
        const Polyline& ring = lines.front();
        QCOMPARE(ring.front().x, ring.back().x);
        QCOMPARE(ring.front().y, ring.back().y);
        for (const PlanePoint& p : ring)
            QVERIFY(std::abs(std::hypot(p.x, p.y) - std::sqrt(1.1)) < 0.05);
    }

    void simplifyDropsWhatIsWithinTheTolerance_data()
    {
        QTest::addColumn<double>("bump");
        QTest::addColumn<int>("kept");
        QTest::newRow("a bump below the tolerance goes") << 0.2 << 2;
        QTest::newRow("a bump above it stays, its neighbours go") << 0.5 << 3;
    }
    void simplifyDropsWhatIsWithinTheTolerance()
    {
        QFETCH(double, bump);
        QFETCH(int, kept);
        // The tolerance is in cells: with cells 10 wide and high, a bump of `bump` cells.
        const Polyline line = {{0, 0}, {10, 0}, {20, 10 * bump}, {30, 0}, {40, 0}};
        const Polyline out = simplifyPolyline(line, {10, 10}, 0.3);
        QCOMPARE(static_cast<int>(out.size()), kept);
        QCOMPARE(out.front().x, 0.0);
        QCOMPARE(out.back().x, 40.0);
    }
};

QTEST_APPLESS_MAIN(TestContourLines)
#include "test_contour_lines.moc"
