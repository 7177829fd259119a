#include <QtTest>

#include "step_explanation.h"

using namespace downhill::core;

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
