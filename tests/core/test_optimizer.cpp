#include <QtTest>

#include <cmath>

#include "core/base/error.h"
#include "core/optim/optimizer.h"

using namespace downhill::core;

Q_DECLARE_METATYPE(downhill::core::OptimizerSettings)

// Each update rule checked against steps worked out by hand from torch.optim's documented
// formulas, on two gradients g1 = (1, -2) then g2 = (0.5, 1), from w = (0, 0).
class TestOptimizer : public QObject {
    Q_OBJECT

    static Vec v2(double a, double b) { return Vec{{a, b}}; }

    static void run(const OptimizerSettings& s, Vec& w1, Vec& w2, OptimizerState* stateOut = nullptr)
    {
        OptimizerState state;
        Vec w = v2(0, 0);
        optimizerStep(s, s.lr, state, w, v2(1, -2));
        w1 = w;
        optimizerStep(s, s.lr, state, w, v2(0.5, 1));
        w2 = w;
        if (stateOut)
            *stateOut = state;
    }

    static void near(const Vec& got, double a, double b, double tol = 1e-12)
    {
        QVERIFY2(std::abs(got[0] - a) < tol && std::abs(got[1] - b) < tol,
            qPrintable(QString("got (%1, %2), expected (%3, %4)").arg(got[0], 0, 'g', 17).arg(got[1], 0, 'g', 17).arg(a, 0, 'g', 17).arg(b, 0, 'g', 17)));
    }

private slots:
    void plainSgd()
    {
        OptimizerSettings s;
        s.lr = 0.1;
        Vec w1, w2;
        run(s, w1, w2);
        near(w1, -0.1, 0.2);
        near(w2, -0.15, 0.1);
    }

    void sgdMomentum()
    {
        OptimizerSettings s;
        s.lr = 0.1;
        s.momentum = 0.9;
        Vec w1, w2;
        OptimizerState st;
        run(s, w1, w2, &st);
        // b1 = g1 = (1, -2): w1 = (-0.1, 0.2)
        near(w1, -0.1, 0.2);
        // b2 = 0.9 b1 + g2 = (1.4, -0.8): w2 = w1 - 0.1 b2
        near(w2, -0.24, 0.28);
        near(st.buffer, 1.4, -0.8);
    }

    void sgdDampening()
    {
        OptimizerSettings s;
        s.lr = 0.1;
        s.momentum = 0.9;
        s.dampening = 0.5;
        Vec w1, w2;
        run(s, w1, w2);
        // The first buffer is the gradient itself, undamped (PyTorch).
        near(w1, -0.1, 0.2);
        // b2 = 0.9 (1, -2) + 0.5 (0.5, 1) = (1.15, -1.3)
        near(w2, -0.215, 0.33);
    }

    void sgdNesterov()
    {
        OptimizerSettings s;
        s.lr = 0.1;
        s.momentum = 0.9;
        s.nesterov = true;
        Vec w1, w2;
        run(s, w1, w2);
        // g = g1 + 0.9 b1 = (1.9, -3.8)
        near(w1, -0.19, 0.38);
        // b2 = (1.4, -0.8); g = (0.5, 1) + 0.9 b2 = (1.76, 0.28)
        near(w2, -0.366, 0.352);
    }

    void adam()
    {
        OptimizerSettings s;
        s.kind = OptimizerKind::Adam;
        s.lr = 0.1;
        Vec w1, w2;
        run(s, w1, w2);
        // t = 1: m = (0.1, -0.2), v = (0.001, 0.004); m_hat = (1, -2), v_hat = (1, 4)
        near(w1, -0.1 * 1 / (1 + 1e-8), 0.1 * 2 / (2 + 1e-8));
        // t = 2: m = (0.09 + 0.05, -0.18 + 0.1) = (0.14, -0.08);
        // v = (0.000999 + 0.00025, 0.003996 + 0.001) = (0.001249, 0.004996)
        const double bc1 = 1 - 0.81, bc2 = 1 - 0.998001;
        const double d0 = (0.14 / bc1) / (std::sqrt(0.001249 / bc2) + 1e-8);
        const double d1 = (-0.08 / bc1) / (std::sqrt(0.004996 / bc2) + 1e-8);
        near(w2, w1[0] - 0.1 * d0, w1[1] - 0.1 * d1, 1e-10);
    }

    void rmsprop()
    {
        OptimizerSettings s;
        s.kind = OptimizerKind::RmsProp;
        s.lr = 0.01;
        Vec w1, w2;
        run(s, w1, w2);
        // v = 0.01 g1^2 = (0.01, 0.04)
        near(w1, -0.01 * 1 / (0.1 + 1e-8), 0.01 * 2 / (0.2 + 1e-8));
        // v = 0.99 (0.01, 0.04) + 0.01 (0.25, 1) = (0.0124, 0.0496)
        near(w2, w1[0] - 0.01 * 0.5 / (std::sqrt(0.0124) + 1e-8), w1[1] - 0.01 * 1 / (std::sqrt(0.0496) + 1e-8), 1e-12);
    }

    void rmspropCenteredMomentum()
    {
        OptimizerSettings s;
        s.kind = OptimizerKind::RmsProp;
        s.lr = 0.01;
        s.centered = true;
        s.momentum = 0.5;
        Vec w1, w2;
        run(s, w1, w2);
        // v = (0.01, 0.04); g_avg = 0.01 g1 = (0.01, -0.02); v~ = v - g_avg^2 = (0.0099, 0.0396)
        const double b10 = 1 / (std::sqrt(0.0099) + 1e-8), b11 = -2 / (std::sqrt(0.0396) + 1e-8);
        near(w1, -0.01 * b10, -0.01 * b11);
        // v = (0.0124, 0.0496); g_avg = 0.99 (0.01, -0.02) + 0.01 (0.5, 1) = (0.0149, -0.0098)
        const double b20 = 0.5 * b10 + 0.5 / (std::sqrt(0.0124 - 0.0149 * 0.0149) + 1e-8);
        const double b21 = 0.5 * b11 + 1 / (std::sqrt(0.0496 - 0.0098 * 0.0098) + 1e-8);
        near(w2, w1[0] - 0.01 * b20, w1[1] - 0.01 * b21, 1e-12);
    }

    void adagrad()
    {
        OptimizerSettings s;
        s.kind = OptimizerKind::Adagrad;
        s.lr = 0.1;
        s.lrDecay = 0.5;
        Vec w1, w2;
        run(s, w1, w2);
        // t = 1: clr = 0.1; sum = (1, 4); default eps 1e-10
        near(w1, -0.1 * 1 / (1 + 1e-10), 0.1 * 2 / (2 + 1e-10));
        // t = 2: clr = 0.1 / (1 + 0.5); sum = (1.25, 5)
        const double clr = 0.1 / 1.5;
        near(w2, w1[0] - clr * 0.5 / (std::sqrt(1.25) + 1e-10), w1[1] - clr * 1 / (std::sqrt(5.0) + 1e-10), 1e-12);
    }

    void detailReportsRateDirectionAndUpdate()
    {
        OptimizerSettings s;
        s.kind = OptimizerKind::Adagrad;
        s.lr = 0.2;
        s.lrDecay = 1.0;
        OptimizerState st;
        Vec w = v2(1, 1);
        UpdateDetail d;
        optimizerStep(s, s.lr, st, w, v2(1, 1), &d);
        optimizerStep(s, s.lr, st, w, v2(1, 1), &d);
        QCOMPARE(d.lr, 0.1);  // 0.2 / (1 + 1 * 1)
        QVERIFY(std::abs(d.update[0] + d.lr * d.direction[0]) < 1e-15);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<OptimizerSettings>("settings");
        auto with = [](auto change) {
            OptimizerSettings s;
            change(s);
            return s;
        };
        QTest::newRow("lr 0") << "learning rate" << with([](auto& s) { s.lr = 0; });
        QTest::newRow("lr negative") << "learning rate" << with([](auto& s) { s.lr = -1; });
        QTest::newRow("lr nan") << "learning rate" << with([](auto& s) { s.lr = std::nan(""); });
        QTest::newRow("momentum 1") << "momentum" << with([](auto& s) { s.momentum = 1.0; });
        QTest::newRow("momentum -0.1") << "momentum" << with([](auto& s) { s.momentum = -0.1; });
        QTest::newRow("dampening 2") << "dampening" << with([](auto& s) { s.dampening = 2; });
        QTest::newRow("nesterov without momentum") << "nesterov" << with([](auto& s) { s.nesterov = true; });
        QTest::newRow("nesterov with dampening") << "nesterov" << with([](auto& s) {
            s.nesterov = true;
            s.momentum = 0.9;
            s.dampening = 0.1;
        });
        QTest::newRow("beta1 1") << "beta1" << with([](auto& s) { s.beta1 = 1; });
        QTest::newRow("beta2 -1") << "beta2" << with([](auto& s) { s.beta2 = -1; });
        QTest::newRow("alpha 1") << "alpha" << with([](auto& s) { s.alpha = 1; });
        QTest::newRow("eps 0") << "eps" << with([](auto& s) { s.eps = 0.0; });
        QTest::newRow("lr decay -1") << "lr-decay" << with([](auto& s) { s.lrDecay = -1; });
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(OptimizerSettings, settings);
        try {
            settings.validate();
            QFAIL("accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains(field), e.what());
        }
    }

    void names()
    {
        for (const auto& n : optimizerNames())
            QCOMPARE(std::string(optimizerName(optimizerKindFromName(n))), n);
        QVERIFY_THROWS_EXCEPTION(InputError, optimizerKindFromName("lbfgs"));
    }
};

QTEST_APPLESS_MAIN(TestOptimizer)
#include "test_optimizer.moc"
