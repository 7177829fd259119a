// clipSegment: the part of a segment inside a box, or nothing.
#include <QtTest>

#include "core/geometry/segment_clip.h"

using namespace downhill::core;

class TestSegmentClip : public QObject {
    Q_OBJECT
private slots:
    void clipKeepsThePartInside()
    {
        const PlaneBox box{0, 10, 0, 10};
        PlanePoint a{-5, 5}, b{5, 5};
        QVERIFY(clipSegment(a, b, box));
        QCOMPARE(a.x, 0.0);
        QCOMPARE(b.x, 5.0);
        PlanePoint c{-5, -1}, d{20, -1};   // below the box
        QVERIFY(!clipSegment(c, d, box));
        QCOMPARE(c.x, -5.0);
        PlanePoint e{-5, -5}, f{15, 15};   // corner to corner through it
        QVERIFY(clipSegment(e, f, box));
        QCOMPARE(e.x, 0.0);
        QCOMPARE(f.y, 10.0);
    }
};

QTEST_APPLESS_MAIN(TestSegmentClip)
#include "test_segment_clip.moc"
