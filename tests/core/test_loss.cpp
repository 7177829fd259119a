#include <QtTest>

#include <cmath>

#include "core/base/error.h"
#include "core/model/loss.h"

using namespace downhill::core;

class TestLoss : public QObject {
    Q_OBJECT
private slots:
    void values_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("delta");
        QTest::addColumn<double>("r");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("derivative");
        // mse: r^2 and 2r
        QTest::newRow("mse +") << "mse" << 1.0 << 1.5 << 2.25 << 3.0;
        QTest::newRow("mse -") << "mse" << 1.0 << -0.5 << 0.25 << -1.0;
        QTest::newRow("mse 0") << "mse" << 1.0 << 0.0 << 0.0 << 0.0;
        // mae: |r|, sign(r), derivative 0 at 0 as PyTorch
        QTest::newRow("mae +") << "mae" << 1.0 << 2.0 << 2.0 << 1.0;
        QTest::newRow("mae -") << "mae" << 1.0 << -3.0 << 3.0 << -1.0;
        QTest::newRow("mae 0") << "mae" << 1.0 << 0.0 << 0.0 << 0.0;
        // huber delta 1: inside 0.5 r^2, r; outside delta(|r| - delta/2), delta sign(r)
        QTest::newRow("huber inside") << "huber" << 1.0 << 0.5 << 0.125 << 0.5;
        QTest::newRow("huber outside") << "huber" << 1.0 << 3.0 << 2.5 << 1.0;
        QTest::newRow("huber outside -") << "huber" << 1.0 << -3.0 << 2.5 << -1.0;
        QTest::newRow("huber delta 2 inside") << "huber" << 2.0 << -1.5 << 1.125 << -1.5;
        QTest::newRow("huber delta 2 outside") << "huber" << 2.0 << 5.0 << 8.0 << 2.0;
        QTest::newRow("huber at delta") << "huber" << 2.0 << 2.0 << 2.0 << 2.0;
    }
    void values()
    {
        QFETCH(QString, name);
        QFETCH(double, delta);
        QFETCH(double, r);
        QFETCH(double, value);
        QFETCH(double, derivative);
        const Loss loss({lossKindFromName(name.toStdString()), delta});
        QCOMPARE(loss.value(r), value);
        QCOMPARE(loss.derivative(r), derivative);
    }

    void vectorFormsMatchScalar_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mse") << "mse";
        QTest::newRow("mae") << "mae";
        QTest::newRow("huber") << "huber";
    }
    void vectorFormsMatchScalar()
    {
        QFETCH(QString, name);
        const Loss loss({lossKindFromName(name.toStdString()), 0.7});
        Array r(7);
        r << -3.0, -0.7, -0.2, 0.0, 0.3, 0.7, 4.0;
        double mean = 0;
        for (Eigen::Index i = 0; i < r.size(); ++i)
            mean += loss.value(r[i]);
        mean /= static_cast<double>(r.size());
        QVERIFY(std::abs(loss.meanValue(r) - mean) < 1e-15);
        Array d;
        loss.derivatives(r, d);
        for (Eigen::Index i = 0; i < r.size(); ++i)
            QCOMPARE(d[i], loss.derivative(r[i]));
    }

    void derivativeMatchesFiniteDifference()
    {
        // Away from the kinks, the derivative is the slope of the value.
        for (const auto& name : lossNames()) {
            const Loss loss({lossKindFromName(name), 1.3});
            for (double r : {-4.0, -1.0, -0.4, 0.25, 0.9, 2.5}) {
                const double h = 1e-6;
                const double numeric = (loss.value(r + h) - loss.value(r - h)) / (2 * h);
                QVERIFY2(std::abs(numeric - loss.derivative(r)) < 1e-6, name.c_str());
            }
        }
    }

    void badInput()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, lossKindFromName("l3"));
        QVERIFY_THROWS_EXCEPTION(InputError, Loss({LossKind::Huber, 0.0}));
        QVERIFY_THROWS_EXCEPTION(InputError, Loss({LossKind::Huber, std::nan("")}));
        try {
            lossKindFromName("l3");
        } catch (const InputError& e) {
            QVERIFY(QString(e.what()).contains("l3"));
            QVERIFY(QString(e.what()).contains("huber"));
        }
    }

    void emptyBatchMeansZero()
    {
        const Loss loss;
        QCOMPARE(loss.meanValue(Array()), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestLoss)
#include "test_loss.moc"
