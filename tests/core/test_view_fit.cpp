// The one view-fit rule: a margin around what must be seen, a floor for a path that has not
// moved, and a diverged path followed only while the view stays within kDivergedZoomOut.
#include <QtTest>

#include <cmath>

#include "core/geometry/view_fit.h"

using namespace downhill::core;

class TestViewFit : public QObject {
    Q_OBJECT
private slots:
    void marginAroundThePath()
    {
        PlaneBox near;
        near.include({0, 0});
        near.include({10, 4});
        near.include({std::nan(""), 100});   // not finite: ignored
        const PlaneBox view = fitView(near, {}, ViewFloor{});
        QCOMPARE(view.width(), 10 * (1 + 2 * kViewMargin));
        QCOMPARE(view.height(), 4 * (1 + 2 * kViewMargin));
        QCOMPARE(view.centre().x, 5.0);
        QCOMPARE(view.centre().y, 2.0);
    }

    void floorForAPathThatHasNotMoved_data()
    {
        QTest::addColumn<double>("span");
        QTest::addColumn<double>("perUnit");
        QTest::addColumn<double>("width");
        QTest::newRow("fixed") << 0.5 << 0.0 << 0.5;
        QTest::newRow("growing with the distance from zero") << 1.0 << 0.2 << 1.0 + 0.2 * 3.0;
    }
    void floorForAPathThatHasNotMoved()
    {
        QFETCH(double, span);
        QFETCH(double, perUnit);
        QFETCH(double, width);
        PlaneBox near;
        near.include({3, -3});
        const PlaneBox view = fitView(near, {}, ViewFloor{span, span, perUnit});
        QCOMPARE(view.width(), width);
        QCOMPARE(view.height(), width);
        QCOMPARE(view.centre().x, 3.0);
    }

    void divergedPathFollowedOnlyWhileNear()
    {
        PlaneBox near;
        near.include({0, 0});
        near.include({2, 1});
        std::vector<PlanePoint> flight{{0, 0}, {3, -2}};
        for (int k = 1; k <= 12; ++k)
            flight.push_back({std::pow(10.0, k), -std::pow(10.0, k)});
        const PlaneBox view = fitView(near, {flight}, ViewFloor{0.1, 0.1, 0});
        QVERIFY(view.x0 <= 0 && view.x1 >= 3 && view.y0 <= -2 && view.y1 >= 1);   // the first step is followed
        QVERIFY(view.x1 < 10);                                                   // the flight is not
        QVERIFY(view.width() <= kDivergedZoomOut * 2 * (1 + 2 * kViewMargin));
    }
};

QTEST_APPLESS_MAIN(TestViewFit)
#include "test_view_fit.moc"
