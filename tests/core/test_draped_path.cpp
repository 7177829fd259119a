// drapePath: beads at equal arc length along the path laid on the ground, first and newest
// exact, at most `spacing` apart up to maxCount, none on steps to or from a point off the grid,
// and a step over a ridge measured over the ridge (so it gets more beads than its chord needs).
#include <QtTest>

#include <cmath>

#include "core/landscape/draped_path.h"

using namespace downhill::core;

namespace {

// A 21 x 21 grid over [0, 1] x [0, 1]; loss(v1, v2) = f(v1) on every row.
template <typename F>
LandscapeRequest grid(Array2D& loss, F f)
{
    LandscapeRequest rq;
    rq.min1 = 0.0;
    rq.max1 = 1.0;
    rq.min2 = 0.0;
    rq.max2 = 1.0;
    rq.resolution = 21;
    loss.resize(21, 21);
    for (int i = 0; i < 21; ++i)
        for (int j = 0; j < 21; ++j)
            loss(i, j) = f(rq.value1(i));
    return rq;
}

DrapeSpace unitBox()
{
    DrapeSpace space;   // each range onto a length of 1
    space.floor = 0.0;
    space.ceiling = 1.0;
    return space;
}

double largestGap(const LandscapeRequest& rq, const DrapeSpace& space, const std::vector<DrapedPoint>& beads)
{
    double gap = 0.0;
    for (std::size_t k = 1; k < beads.size(); ++k)
        gap = std::max(gap, drapedDistance(rq, space, beads[k - 1], beads[k]));
    return gap;
}

}  // namespace

class TestDrapedPath : public QObject {
    Q_OBJECT
private slots:
    void evenlyAlongAFlatPath()
    {
        Array2D loss;
        const LandscapeRequest rq = grid(loss, [](double) { return 0.5; });
        // Ten short steps, then one as long as all of them together.
        std::vector<PlanePoint> path;
        for (int k = 0; k <= 10; ++k)
            path.push_back({0.1 + 0.02 * k, 0.5});
        path.push_back({0.7, 0.5});
        const auto beads = drapePath(rq, loss, path, unitBox(), 0.05, 100);
        QCOMPARE(beads.size(), std::size_t{13});   // 0.6 long: 12 gaps of 0.05
        for (std::size_t k = 0; k < beads.size(); ++k) {
            QVERIFY(std::abs(beads[k].value1 - (0.1 + 0.05 * static_cast<double>(k))) < 1e-12);
            QCOMPARE(beads[k].value2, 0.5);
            QCOMPARE(beads[k].loss, 0.5);
        }
        QCOMPARE(beads.front().value1, 0.1);   // exact
        QCOMPARE(beads.back().value1, 0.7);
    }

    void limitedInCount()
    {
        Array2D loss;
        const LandscapeRequest rq = grid(loss, [](double) { return 0.5; });
        const std::vector<PlanePoint> path{{0.0, 0.0}, {1.0, 0.0}, {1.0, 1.0}, {0.0, 1.0}};
        const auto beads = drapePath(rq, loss, path, unitBox(), 0.001, 31);
        QCOMPARE(beads.size(), std::size_t{31});
        QVERIFY(std::abs(largestGap(rq, unitBox(), beads) - 0.1) < 1e-12);   // 3 long over 30 gaps
        QCOMPARE(beads.back().value1, 0.0);
        QCOMPARE(beads.back().value2, 1.0);
    }

    void noBeadsToOrFromAPointOffTheGrid()
    {
        Array2D loss;
        const LandscapeRequest rq = grid(loss, [](double) { return 0.5; });
        const std::vector<PlanePoint> path{{0.1, 0.2}, {0.3, 0.2}, {3.0, 0.2}, {0.5, 0.8}, {0.5, 0.6}};
        const auto beads = drapePath(rq, loss, path, unitBox(), 0.01, 1000);
        QCOMPARE(beads.front().value1, 0.1);
        QCOMPARE(beads.back().value2, 0.6);
        for (const DrapedPoint& b : beads) {
            const bool first = b.value2 == 0.2 && b.value1 >= 0.1 && b.value1 <= 0.3 + 1e-12;
            const bool last = b.value1 == 0.5 && b.value2 >= 0.6 - 1e-12 && b.value2 <= 0.8;
            QVERIFY2(first || last, qPrintable(QStringLiteral("(%1, %2)").arg(b.value1).arg(b.value2)));
        }
        // Nothing at all on the grid: nothing drawn.
        QVERIFY(drapePath(rq, loss, {{2.0, 2.0}, {3.0, 3.0}}, unitBox(), 0.01, 1000).empty());
        QCOMPARE(drapePath(rq, loss, {{0.4, 0.4}}, unitBox(), 0.01, 1000).size(), std::size_t{1});
    }

    void overTheRidge_data()
    {
        QTest::addColumn<bool>("log");
        QTest::newRow("linear") << false;
        QTest::newRow("log") << true;
    }

    void overTheRidge()
    {
        QFETCH(bool, log);
        // A ridge at v1 = 0.5, from 0.01 at the sides to 1 on top (two decades).
        Array2D loss;
        const auto ridge = [](double v) { return 0.01 + 0.99 * std::max(0.0, 1.0 - 4.0 * std::abs(v - 0.5)); };
        const LandscapeRequest rq = grid(loss, ridge);
        DrapeSpace space = unitBox();
        space.logHeight = log;
        space.floor = 0.01;
        const std::vector<PlanePoint> path{{0.1, 0.5}, {0.9, 0.5}};   // one step across it
        const auto beads = drapePath(rq, loss, path, space, 0.02, 1000);
        // Up 1 and down 1 over 0.5 of width, plus 0.3 flat: about 2.5 long, not the chord's 0.8.
        QVERIFY2(beads.size() > 110, qPrintable(QString::number(beads.size())));
        const double gap = largestGap(rq, space, beads);
        QVERIFY2(gap <= 0.02 * 1.01, qPrintable(QString::number(gap)));
        for (const DrapedPoint& b : beads) {
            QVERIFY(std::abs(b.loss - ridge(b.value1)) < 1e-9);
        }
    }
};

QTEST_APPLESS_MAIN(TestDrapedPath)
#include "test_draped_path.moc"
