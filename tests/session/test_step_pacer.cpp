// The pace of a stepping loop against a clock the test moves: which step is due when, how long
// to wait for the next, and a backlog that is forgotten rather than raced through.
#include <QtTest>

#include <cstdint>

#include "session/run/step_pacer.h"

using downhill::ui::StepPacer;

namespace {

constexpr std::int64_t kUs = 1'000;       // nanoseconds
constexpr std::int64_t kMs = 1'000'000;

}  // namespace

class TestStepPacer : public QObject {
    Q_OBJECT
private slots:
    void waitsForTheNextStep_data();
    void waitsForTheNextStep();
    void aheadOnlyOfTheClock();
    void unpacedNeverWaits();
    void forgetsALongBacklog();
    void restartAndNewSpeedForgetCountedSteps();
};

void TestStepPacer::waitsForTheNextStep_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<int>("steps");
    QTest::addColumn<qint64>("elapsedUs");
    QTest::addColumn<int>("waitMs");
    // The next step (number steps + 1) is due steps / speed seconds after the restart. The
    // times stay off whole milliseconds: the wait is rounded up.
    QTest::newRow("first step is due at once") << 20.0 << 0 << qint64{0} << 0;
    QTest::newRow("second step at 20/s waits 50 ms") << 20.0 << 1 << qint64{300} << 50;
    QTest::newRow("part of the wait has passed") << 20.0 << 1 << qint64{30'400} << 20;
    QTest::newRow("just past due") << 20.0 << 3 << qint64{150'001} << 0;
    QTest::newRow("a little behind: due now") << 20.0 << 3 << qint64{200'000} << 0;
    QTest::newRow("rounds up to whole ms") << 3.0 << 1 << qint64{0} << 334;
    QTest::newRow("slow pace") << 0.5 << 2 << qint64{1'000'400} << 3000;
}

void TestStepPacer::waitsForTheNextStep()
{
    QFETCH(double, speed);
    QFETCH(int, steps);
    QFETCH(qint64, elapsedUs);
    QFETCH(int, waitMs);
    std::int64_t now = 5000 * kMs;   // the clock does not start at zero
    StepPacer pacer([&now] { return now; });
    pacer.setSpeed(speed);
    for (int i = 0; i < steps; ++i)
        pacer.counted();
    now += elapsedUs * kUs;
    QCOMPARE(pacer.msUntilDue(), waitMs);
}

void TestStepPacer::aheadOnlyOfTheClock()
{
    std::int64_t now = 0;
    StepPacer pacer([&now] { return now; });
    pacer.setSpeed(10);   // a step every 100 ms
    QVERIFY(!pacer.ahead());
    pacer.counted();      // step 1, taken at 0
    QVERIFY(pacer.ahead());
    now = 99 * kMs;
    QVERIFY(pacer.ahead());
    now = 101 * kMs;
    QVERIFY(!pacer.ahead());
    pacer.counted();
    pacer.counted();      // three steps by 101 ms: the fourth is not due before 300 ms
    now = 250'500 * kUs;
    QVERIFY(pacer.ahead());
    QCOMPARE(pacer.msUntilDue(), 50);
    now = 301 * kMs;
    QVERIFY(!pacer.ahead());
}

void TestStepPacer::unpacedNeverWaits()
{
    std::int64_t now = 0;
    StepPacer pacer([&now] { return now; });
    pacer.setSpeed(0);
    QVERIFY(pacer.unpaced());
    for (int i = 0; i < 1000; ++i)
        pacer.counted();
    QVERIFY(!pacer.ahead());
    QCOMPARE(pacer.msUntilDue(), 0);
    pacer.setSpeed(-3);   // below zero is unpaced too
    QVERIFY(pacer.unpaced());
    QCOMPARE(pacer.speed(), 0.0);
}

void TestStepPacer::forgetsALongBacklog()
{
    std::int64_t now = 0;
    StepPacer pacer([&now] { return now; });
    pacer.setSpeed(10);
    pacer.counted();   // step 1; step 2 is due at 100 ms
    // Less than kMaxBacklogSeconds behind, the steps may still be made up: due now, the
    // count kept.
    now = 300 * kMs;
    QCOMPARE(pacer.msUntilDue(), 0);
    QVERIFY(!pacer.ahead());
    // Further behind (a debugger, a busy machine): the pace starts again from now rather than
    // firing a burst of steps to catch up.
    now = 400 * kMs;
    QCOMPARE(pacer.msUntilDue(), 0);
    pacer.counted();
    QVERIFY(pacer.ahead());
    now += 40'500 * kUs;
    QCOMPARE(pacer.msUntilDue(), 60);
}

void TestStepPacer::restartAndNewSpeedForgetCountedSteps()
{
    std::int64_t now = 0;
    StepPacer pacer([&now] { return now; });
    pacer.setSpeed(4);
    for (int i = 0; i < 8; ++i)
        pacer.counted();
    QCOMPARE(pacer.msUntilDue(), 2000);
    pacer.restart();
    QCOMPARE(pacer.msUntilDue(), 0);
    pacer.counted();
    QCOMPARE(pacer.msUntilDue(), 250);
    now += 100 * kMs;
    pacer.setSpeed(2);   // a new speed: paced from now
    QCOMPARE(pacer.msUntilDue(), 0);
    pacer.counted();
    QCOMPARE(pacer.msUntilDue(), 500);
}

QTEST_GUILESS_MAIN(TestStepPacer)
#include "test_step_pacer.moc"
