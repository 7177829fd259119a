#include <QtTest>

#include <cmath>
#include <numbers>

#include "core/base/error.h"
#include "core/optim/schedule.h"

using namespace downhill::core;

class TestSchedule : public QObject {
    Q_OBJECT
private slots:
    void rates_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QList<double>>("expected");  // rates for t = 0, 1, 2, ... with lr0 = 1
        const double c1 = (1 + std::cos(std::numbers::pi / 4)) / 2;   // a quarter into a 4-step half cosine
        const double c3 = (1 + std::cos(3 * std::numbers::pi / 4)) / 2;
        QTest::newRow("constant") << "constant" << QList<double>{1, 1, 1};
        QTest::newRow("exponential") << "exponential:0.5" << QList<double>{1, 0.5, 0.25, 0.125};
        QTest::newRow("step") << "step:2:0.1" << QList<double>{1, 1, 0.1, 0.1, 0.01};
        QTest::newRow("cosine") << "cosine:4" << QList<double>{1, c1, 0.5, c3, 0, 0, 0};
        QTest::newRow("cosine min") << "cosine:4:0.2" << QList<double>{1, 0.2 + 0.8 * c1, 0.6, 0.2 + 0.8 * c3, 0.2, 0.2};
        // SGDR with T0 = 2, T_mult = 2: cycles of 2, 4, 8 steps, each restarting at lr0.
        QTest::newRow("restarts mult 2") << "cosine-restarts:2:2"
                                         << QList<double>{1, 0.5, 1, c1, 0.5, c3, 1};
        QTest::newRow("restarts mult 1") << "cosine-restarts:3" << QList<double>{1, 0.75, 0.25, 1, 0.75, 0.25, 1};
    }
    void rates()
    {
        QFETCH(QString, spec);
        QFETCH(QList<double>, expected);
        const Schedule s = Schedule::parse(spec.toStdString());
        for (int t = 0; t < expected.size(); ++t) {
            const double got = s.rateAt(1.0, t);
            QVERIFY2(std::abs(got - expected[t]) < 1e-12,
                qPrintable(QString("t=%1: got %2, expected %3").arg(t).arg(got, 0, 'g', 17).arg(expected[t], 0, 'g', 17)));
        }
    }

    void scalesWithBaseRate()
    {
        const Schedule s = Schedule::parse("exponential:0.9");
        QCOMPARE(s.rateAt(0.5, 3), 0.5 * 0.9 * 0.9 * 0.9);
    }

    void longRestartsStayCheap()
    {
        // t far beyond any cycle walk a naive loop could afford.
        const Schedule s = Schedule::parse("cosine-restarts:1:3");
        const double r = s.rateAt(1.0, 4'000'000'000'000LL);
        QVERIFY(r >= 0.0 && r <= 1.0);
        const Schedule one = Schedule::parse("cosine-restarts:7");
        QCOMPARE(one.rateAt(1.0, 7'000'000'000LL), 1.0);
    }

    void specRoundTrip_data()
    {
        QTest::addColumn<QString>("spec");
        for (const char* s : {"constant", "exponential:0.99", "step:10:0.5", "cosine:100:0.001", "cosine-restarts:10:2:0.01"})
            QTest::newRow(s) << s;
    }
    void specRoundTrip()
    {
        QFETCH(QString, spec);
        const Schedule s = Schedule::parse(spec.toStdString());
        QCOMPARE(Schedule::parse(s.spec()), s);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown") << "linear" << "unknown schedule";
        QTest::newRow("empty") << "" << "unknown schedule";
        QTest::newRow("missing gamma") << "exponential" << "exponential:GAMMA";
        QTest::newRow("gamma text") << "exponential:abc" << "not a number";
        QTest::newRow("gamma zero") << "exponential:0" << "GAMMA";
        QTest::newRow("step every 0") << "step:0:0.5" << "EVERY";
        QTest::newRow("step every fraction") << "step:1.5:0.5" << "whole number";
        QTest::newRow("cosine period 0") << "cosine:0" << "period";
        QTest::newRow("restarts period 0") << "cosine-restarts:0" << "period";
        QTest::newRow("restarts mult 0") << "cosine-restarts:5:0" << "MULT";
        QTest::newRow("negative min") << "cosine:5:-1" << "MIN";
        QTest::newRow("too many parts") << "cosine:5:0:1" << "cosine:T[:MIN]";
        QTest::newRow("nan gamma") << "exponential:nan" << "not a number";
    }
    void rejects()
    {
        QFETCH(QString, spec);
        QFETCH(QString, says);
        try {
            Schedule::parse(spec.toStdString());
            QFAIL("accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains(says), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestSchedule)
#include "test_schedule.moc"
