// The speed slider: from one step per second to "max" (as fast as the engine runs, 0), over
// round numbers in between; a move by the user emits the new speed once, a speed set from
// outside snaps to the nearest stop and emits nothing.
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>

#include <vector>

#include "window/run/speed_control.h"

using downhill::ui::SpeedControl;

namespace {

QSlider* sliderOf(SpeedControl& control)
{
    return control.findChild<QSlider*>(QStringLiteral("speedSlider"));
}

QString labelOf(SpeedControl& control)
{
    auto* label = control.findChild<QLabel*>(QStringLiteral("speedLabel"));
    return label ? label->text() : QStringLiteral("<no label>");
}

std::vector<double> emitted(const QSignalSpy& spy)
{
    std::vector<double> values;
    for (const auto& args : spy)
        values.push_back(args.at(0).toDouble());
    return values;
}

}  // namespace

class TestSpeedControl : public QObject {
    Q_OBJECT
private slots:
    void startsAtTwentyStepsPerSecond();
    void userMovesEmitEveryStopOnce();
    void endsOfTheSlider_data();
    void endsOfTheSlider();
    void setFromOutsideSnapsSilently_data();
    void setFromOutsideSnapsSilently();
};

void TestSpeedControl::startsAtTwentyStepsPerSecond()
{
    SpeedControl control;
    QVERIFY(sliderOf(control));
    QCOMPARE(control.speed(), 20.0);
    QCOMPARE(labelOf(control), QStringLiteral("20 steps/s"));
}

void TestSpeedControl::userMovesEmitEveryStopOnce()
{
    SpeedControl control;
    QSlider* slider = sliderOf(control);
    QVERIFY(slider);
    slider->triggerAction(QAbstractSlider::SliderToMinimum);
    QSignalSpy spy(&control, &SpeedControl::speedEdited);
    while (slider->value() < slider->maximum())
        slider->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    // Every stop from the slowest on, one emission each, faster each time, and then max.
    const std::vector<double> stops = {2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 0};
    QCOMPARE(emitted(spy), stops);
    QCOMPARE(control.speed(), 0.0);
    spy.clear();
    slider->triggerAction(QAbstractSlider::SliderPageStepSub);
    QCOMPARE(emitted(spy), std::vector<double>{1000});
    QCOMPARE(labelOf(control), QStringLiteral("1000 steps/s"));
}

void TestSpeedControl::endsOfTheSlider_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<double>("speed");
    QTest::addColumn<QString>("label");
    QTest::newRow("slowest") << int(QAbstractSlider::SliderToMinimum) << 1.0 << QStringLiteral("1 step/s");
    QTest::newRow("fastest: as fast as the engine runs") << int(QAbstractSlider::SliderToMaximum) << 0.0 << QStringLiteral("max");
}

void TestSpeedControl::endsOfTheSlider()
{
    QFETCH(int, action);
    QFETCH(double, speed);
    QFETCH(QString, label);
    SpeedControl control;
    QSlider* slider = sliderOf(control);
    QVERIFY(slider);
    QSignalSpy spy(&control, &SpeedControl::speedEdited);
    slider->triggerAction(static_cast<QAbstractSlider::SliderAction>(action));
    QCOMPARE(emitted(spy), std::vector<double>{speed});
    QCOMPARE(control.speed(), speed);
    QCOMPARE(labelOf(control), label);
    QCOMPARE(SpeedControl::describe(speed), label);
    // At the end already: pushing further changes nothing and says nothing.
    slider->triggerAction(static_cast<QAbstractSlider::SliderAction>(action));
    QCOMPARE(spy.count(), 1);
}

void TestSpeedControl::setFromOutsideSnapsSilently_data()
{
    QTest::addColumn<double>("asked");
    QTest::addColumn<double>("speed");
    QTest::addColumn<QString>("label");
    QTest::newRow("a stop") << 100.0 << 100.0 << QStringLiteral("100 steps/s");
    QTest::newRow("nearer 5 than 10 on a log scale") << 7.0 << 5.0 << QStringLiteral("5 steps/s");
    // 7.3 is nearer 5 in steps per second but past their geometric mean (7.07): the stops grow
    // by ratios, and the nearest is the nearest on a log scale.
    QTest::newRow("nearer 10 than 5 on a log scale") << 7.3 << 10.0 << QStringLiteral("10 steps/s");
    QTest::newRow("slower than the slowest") << 0.1 << 1.0 << QStringLiteral("1 step/s");
    QTest::newRow("faster than the fastest paced") << 5000.0 << 1000.0 << QStringLiteral("1000 steps/s");
    QTest::newRow("max") << 0.0 << 0.0 << QStringLiteral("max");
    QTest::newRow("negative means max") << -3.0 << 0.0 << QStringLiteral("max");
}

void TestSpeedControl::setFromOutsideSnapsSilently()
{
    QFETCH(double, asked);
    QFETCH(double, speed);
    QFETCH(QString, label);
    SpeedControl control;
    QSignalSpy spy(&control, &SpeedControl::speedEdited);
    control.setSpeed(asked);
    QCOMPARE(control.speed(), speed);
    QCOMPARE(labelOf(control), label);
    QCOMPARE(spy.count(), 0);
    // The guard is down again afterwards: the user's next move is heard.
    QSlider* slider = sliderOf(control);
    QVERIFY(slider);
    slider->triggerAction(slider->value() > slider->minimum() ? QAbstractSlider::SliderSingleStepSub : QAbstractSlider::SliderSingleStepAdd);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toDouble(), control.speed());
    QVERIFY(control.speed() != speed);
}

QTEST_MAIN(TestSpeedControl)
#include "test_speed_control.moc"
