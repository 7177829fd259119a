#include <QtTest>

#include "core/train/step_explanation.h"

#include <QRegularExpression>

#include "core/model/mlp_objective.h"
#include "tests/common/synthetic.h"

using namespace downhill::core;
using downhill::test::vec;

// The step card must show the numbers a student redoes on paper: check that the numbers of a
// hand-worked step appear in it.
class TestStepExplanation : public QObject {
    Q_OBJECT

    static StepInputs stepOnce(const std::shared_ptr<const Objective>& objective, TrainSettings settings, Vec init,
        int steps, Samples s)
    {
        TrainData data;
        data.train = s;
        Trainer trainer(objective, data, settings, init);
        StepInputs in;
        in.objective = objective.get();
        in.settings = settings;
        for (int k = 0; k < steps; ++k) {
            in.before = trainer.state();
            trainer.step(&in.record);
        }
        in.batch = trainer.lastBatch();
        in.batchRows = trainer.lastBatchRows();
        return in;
    }

private slots:
    // mlp:2:relu on 2 x 2 images, a batch of two, sgd lr 0.1, worked on paper (the network of
    // tests/core/test_mlp_trace's reluByHand):
    //   sample 0, x = (1, 2, 0, 1), t = 3: z = (0.75, -0.5), a = (0.75, 0), y = 2, r = -1, loss 1,
    //     dL/dy = -2; output |dL/dW| = |(-1.5, 0)| = 1.5, |dL/db| = 2; hidden delta = (-4, 0):
    //     mean -2, |.| = 4; |dL/dW0| = |(-4, -8, 0, -4)| = sqrt(96) = 9.79796
    //   sample 1, x = 0, t = 0: a = (0.25, 0), y = 1, r = 1, dL/dy = 2
    //   batch mean: L = 1; layer 0: g = ((-2, -4, 0, -2), 0; bias (0, 0)), |g| = sqrt(24) = 4.89898;
    //     layer 2: g = (-0.5, 0; 0), |g| = 0.5
    //   |step| = 0.1 |g|: 0.489898 and 0.05; |w| = sqrt(3.125) = 1.76777 and sqrt(5.25) = 2.29129;
    //   ratios 0.277128 and 0.0218218.
    void networkByHand()
    {
        const auto objective = std::make_shared<MlpObjective>(MlpSpec::parse("mlp:2:relu"), 2, Loss());
        Samples s;
        s.x = Array::Zero(2);
        s.t = Array{{3.0, 0.0}};
        s.inputs = Eigen::MatrixXd::Zero(4, 2);
        s.inputs.col(0) = vec({1, 2, 0, 1});
        TrainData data;
        data.train = s;
        data.inputSize = 2;
        TrainSettings settings;
        settings.batchSize = 2;
        settings.shuffle = false;
        settings.optimizer.lr = 0.1;
        const Vec w = vec({0.5, 0.25, 0, -0.5, -1, 0.5, 1, 0, 0.25, -0.5, 2, -1, 0.5});
        Trainer trainer(objective, data, settings, w);
        StepInputs in;
        in.objective = objective.get();
        in.settings = settings;
        in.before = trainer.state();
        trainer.step(&in.record);
        in.batch = trainer.lastBatch();
        in.batchRows = trainer.lastBatchRows();
        const QString text = QString::fromStdString(explainStep(in));
        const auto has = [&](const QString& part) { return text.contains(part); };
        QVERIFY2(has("Network  mlp:2:relu: 4 -> 2 -> 1\n         13 parameters\n"), qPrintable(text));
        QVERIFY(has("mean loss L = 1"));
        // The forward pass of sample 0.
        const auto forward = text.indexOf("Forward pass, sample 0 of the batch\n(training row 0):");
        QVERIFY(forward > 0);
        QVERIFY(has("  x: 2 x 2 pixels: min 0, max 2,\n    mean 1, |.| = 2.44949\n"));
        QVERIFY(has("  Linear 0 (4 -> 2)\n    z = W a + b: min -0.5, max 0.75,\n      mean 0.125, |.| = 0.901388\n    a = relu(z), 2 units:\n"));
        QVERIFY(QRegularExpression(R"(\n      0\.75\s+0\n)").match(text).hasMatch());
        QVERIFY(has("  Linear 2 (2 -> 1)\n    y = W a + b = 2\n"));
        QVERIFY(has("  t = 3,  r = y - t = -1,  loss = 1\n"));
        // Backwards, the output layer first.
        const auto backward = text.indexOf("Backward pass from the output");
        QVERIFY(backward > forward);
        QVERIFY(has("dL/dy = 2r = 2*-1 = -2\n"));
        const auto out = text.indexOf("Linear 2: delta = dL/dy = -2\n");
        const auto hidden = text.indexOf("Linear 0: delta = (W_next^T delta_next) * relu'(z)\n    delta: min -4, max 0,\n      mean -2, |.| = 4\n");
        QVERIFY2(out > backward && hidden > out, qPrintable(text));
        QVERIFY(text.indexOf("    |dL/dW| = 1.5   (dL/dW = delta a_prev^T)\n    |dL/db| = 2   (dL/db = delta)\n") > out);
        QVERIFY(text.indexOf("    |dL/dW| = 9.79796   (dL/dW = delta a_prev^T)\n    |dL/db| = 4   (dL/db = delta)\n") > hidden);
        // Each layer's update: |g|, |step|, |w| and the ratio.
        const auto update = text.indexOf("Each layer's update");
        QVERIFY(update > hidden);
        QVERIFY(QRegularExpression(R"(Linear 0\s+4\.89898\s+0\.489898\s+1\.76777\s+0\.277128\n)").match(text).hasMatch());
        QVERIFY(QRegularExpression(R"(Linear 2\s+0\.5\s+0\.05\s+2\.29129\s+0\.0218218\n)").match(text).hasMatch());
        // Per layer, not per parameter.
        QVERIFY(!has("0.weight["));
    }

    // A wide layer lists its first 16 units and says how many more; the text stays short.
    void wideNetworkIsSummarised()
    {
        const auto objective = std::make_shared<MlpObjective>(MlpSpec::parse("mlp:40,20:tanh"), 12, Loss());
        TrainData data;
        data.train = downhill::test::pixelSamples(144, 32, 3);
        data.inputSize = 12;
        TrainSettings settings;
        settings.batchSize = 8;
        Trainer trainer(objective, data, settings, objective->initialParameters(1));
        StepInputs in;
        in.objective = objective.get();
        in.settings = settings;
        in.before = trainer.state();
        trainer.step(&in.record);
        in.batch = trainer.lastBatch();
        in.batchRows = trainer.lastBatchRows();
        const QString text = QString::fromStdString(explainStep(in));
        QVERIFY2(text.contains("      ... and 24 more\n"), qPrintable(text));
        QVERIFY(text.contains("      ... and 4 more\n"));
        QVERIFY(text.contains("  Linear 4 (20 -> 1)\n"));
        // No line much wider than a side column, but the update table.
        for (const QString& line : text.split('\n'))
            QVERIFY2(line.size() <= 56, qPrintable(line));
        QVERIFY2(text.count('\n') < 70, qPrintable(QString::number(text.count('\n'))));
    }

    void linearSgdByHand()
    {
        // x = 1, 2, 3; t = 2, 3, 7; (w, b) = (2, 1): y = 3, 5, 7; r = 1, 2, 0; L = 5/3;
        // dL/dw = (2*1 + 4*2 + 0*3) / 3 = 10/3; dL/db = 2; lr 0.1: w = 2 - 0.1*10/3 = 1.66667.
        Samples s;
        s.x = Array{{1.0, 2.0, 3.0}};
        s.t = Array{{2.0, 3.0, 7.0}};
        TrainSettings settings;
        settings.batchSize = 3;
        settings.shuffle = false;
        settings.optimizer.lr = 0.1;
        const auto objective = makeObjective("linear", {});
        const auto text = QString::fromStdString(explainStep(stepOnce(objective, settings, Vec{{2.0, 1.0}}, 1, s)));
        QVERIFY2(text.contains("Step 1"), qPrintable(text));
        QVERIFY(text.contains("y = w*x + b"));
        QVERIFY(text.contains("= 1.66667"));      // mean loss 5/3
        QVERIFY(text.contains("dL/dw = (2*1 + 4*2 + 0*3) / 3 = 3.33333"));
        QVERIFY(text.contains("dL/db = (2*1 + 4*1 + 0*1) / 3 = 2"));
        QVERIFY(text.contains("w_new = w - lr * direction = 2 - 0.1 * 3.33333 = 1.66667"));
        QVERIFY(text.contains("b_new = w - lr") == false);
        QVERIFY(text.contains("b_new = b - lr * direction = 1 - 0.1 * 2 = 0.8"));
    }

    void momentumShowsBufferAndConvention()
    {
        Samples s;
        s.x = Array{{1.0, 2.0}};
        s.t = Array{{1.0, 1.0}};
        TrainSettings settings;
        settings.batchSize = 2;
        settings.shuffle = false;
        settings.optimizer.lr = 0.1;
        settings.optimizer.momentum = 0.9;
        const auto objective = makeObjective("linear", {});
        const auto in = stepOnce(objective, settings, Vec{{0.0, 0.0}}, 2, s);
        const auto text = QString::fromStdString(explainStep(in));
        // Second step: b = 0.9 * b_prev + 1 * g.
        const double b = 0.9 * in.before.optimizer.buffer[0] + in.record.gradient[0];
        QVERIFY2(text.contains(QString("b_w = mu*b + (1 - dampening)*g = 0.9*%1").arg(in.before.optimizer.buffer[0], 0, 'g', 6)), qPrintable(text));
        QVERIFY(text.contains(QString("= %1").arg(b, 0, 'g', 6)));
        QVERIFY(text.contains("PyTorch"));
        QVERIFY(text.contains("lr stays outside") || text.contains("learning rate stays outside"));
    }

    // Adam's first step by hand on the same data: g = (10/3, 2); m = 0.1 g, v = 0.001 g^2;
    // m_hat = g, v_hat = g^2 (bias correction at t = 1), so the direction is g / |g| = 1 and
    // w = 2 - 0.1 * 1 = 1.9.
    void adamShowsMomentsAndBiasCorrection()
    {
        Samples s;
        s.x = Array{{1.0, 2.0, 3.0}};
        s.t = Array{{2.0, 3.0, 7.0}};
        TrainSettings settings;
        settings.batchSize = 3;
        settings.shuffle = false;
        settings.optimizer.kind = OptimizerKind::Adam;
        settings.optimizer.lr = 0.1;
        const auto objective = makeObjective("linear", {});
        const auto text = QString::fromStdString(explainStep(stepOnce(objective, settings, Vec{{2.0, 1.0}}, 1, s)));
        QVERIFY2(text.contains("m_w = beta1*m + (1 - beta1)*g = 0.9*0 + 0.1*3.33333 = 0.333333"), qPrintable(text));
        QVERIFY(text.contains("v_w = beta2*v + (1 - beta2)*g^2 = 0.999*0 + 0.001*3.33333^2 = 0.0111111"));
        QVERIFY(text.contains("m_hat = m / (1 - beta1^t) = 0.333333 / 0.1 = 3.33333"));
        QVERIFY(text.contains("v_hat = v / (1 - beta2^t) = 0.0111111 / 0.001 = 11.1111"));
        QVERIFY(text.contains("direction = m_hat / (sqrt(v_hat) + eps) = 3.33333 / (3.33333 + 1e-08) = 1"));
        QVERIFY(text.contains("w_new = w - lr * direction = 2 - 0.1 * 1 = 1.9"));
        QVERIFY(text.contains("m_b = beta1*m + (1 - beta1)*g = 0.9*0 + 0.1*2 = 0.2"));
        QVERIFY(!text.contains("PyTorch): the learning rate stays outside"));  // no momentum buffer here
    }

    // mae: r = 0 exactly takes dL/dy = 0 (PyTorch's sign(0)); |r| tiny is flagged as at the kink.
    // x = 1, 2, 3, 4; t = 3, 5, 7.0004, 2 with (w, b) = (2, 1): y = 3, 5, 7, 9; r = 0, 0, -0.0004, 7.
    void maeKinkIsNamed()
    {
        Samples s;
        s.x = Array{{1.0, 2.0, 3.0, 4.0}};
        s.t = Array{{3.0, 5.0, 7.0004, 2.0}};
        TrainSettings settings;
        settings.batchSize = 4;
        settings.shuffle = false;
        settings.optimizer.lr = 0.1;
        LossSettings mae;
        mae.kind = LossKind::Mae;
        const auto objective = makeObjective("linear", mae);
        const auto text = QString::fromStdString(explainStep(stepOnce(objective, settings, Vec{{2.0, 1.0}}, 1, s)));
        QVERIFY2(text.contains("2 samples have r = 0 exactly (*): dL/dy = sign(0) = 0"), qPrintable(text));
        QVERIFY(text.contains("1 sample has |r| < 0.001 (~)"));
        QCOMPARE(text.count(" * r = 0"), 2);
        QCOMPARE(text.count(" ~ r near 0"), 1);
        // dL/dw = (0*1 + 0*2 + (-1)*3 + 1*4) / 4 = 0.25
        QVERIFY(text.contains("dL/dw = (0*1 + 0*2 + -1*3 + ...) / 4 = 0.25"));
        // mse never gets the note.
        const auto smooth = QString::fromStdString(explainStep(stepOnce(makeObjective("linear", {}), settings, Vec{{2.0, 1.0}}, 1, s)));
        QVERIFY(!smooth.contains("kink"));
    }

    void analyticFunction()
    {
        TrainSettings settings;
        settings.optimizer.lr = 0.01;
        const auto objective = makeObjective("saddle", {});
        const auto text = QString::fromStdString(explainStep(stepOnce(objective, settings, Vec{{1.0, 0.5}}, 1, {})));
        QVERIFY2(text.contains("f = x^2 - y^2"), qPrintable(text));
        QVERIFY(text.contains("(2, -1)"));  // gradient (2x, -2y)
        QVERIFY(text.contains("x_new = x - lr * direction = 1 - 0.01 * 2 = 0.98"));
    }

    void longBatchIsSummarised()
    {
        Samples s;
        s.x = Array::LinSpaced(100, 0, 2);
        s.t = 4 * s.x;
        TrainSettings settings;
        settings.batchSize = 100;
        const auto objective = makeObjective("linear", {});
        const auto text = QString::fromStdString(explainStep(stepOnce(objective, settings, Vec{{0.0, 0.0}}, 1, s)));
        QVERIFY(text.contains("and 84 more samples"));
    }
};

QTEST_APPLESS_MAIN(TestStepExplanation)
#include "test_step_explanation.moc"
