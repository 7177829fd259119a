#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

#include "core/model/data_objective.h"
#include "core/base/error.h"
#include "tests/common/synthetic.h"
#include "core/train/divergence.h"
#include "core/train/train_observer.h"
#include "core/train/trainer.h"
#include "core/train/training_run.h"

using namespace downhill::core;
using downhill::test::lineSamples;

namespace {

TrainData trainOn(const Samples& s, const Samples& val = {})
{
    TrainData d;
    d.train = s;
    d.val = val;
    return d;
}

// Samples whose x is their row number, so a batch's rows can be read back from its x.
Samples numbered(int n)
{
    Samples s;
    s.x.resize(n);
    s.t.resize(n);
    for (int i = 0; i < n; ++i) {
        s.x[i] = i;
        s.t[i] = 2.0 * i + 1.0;
    }
    return s;
}

std::vector<int> rowsOf(const Samples& batch)
{
    std::vector<int> rows;
    for (Eigen::Index i = 0; i < batch.size(); ++i)
        rows.push_back(static_cast<int>(batch.x[i]));
    return rows;
}

std::shared_ptr<const Objective> linearMse() { return makeObjective("linear", {}); }

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT
private slots:
    // The step's check of the gradient and the new parameters (core/base/types.h).
    void isAllFiniteFindsEveryNonFiniteValue()
    {
        QVERIFY(isAllFinite(Vec()));
        Vec v = Vec::LinSpaced(37, -1e300, 1e300);
        v[0] = -std::numeric_limits<double>::max();
        v[36] = std::numeric_limits<double>::max();
        v[5] = std::numeric_limits<double>::denorm_min();
        v[6] = -0.0;
        QVERIFY(isAllFinite(v));
        for (double bad : {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                 std::numeric_limits<double>::quiet_NaN()}) {
            for (Eigen::Index at : {Eigen::Index(0), Eigen::Index(17), Eigen::Index(36)}) {
                Vec w = v;
                w[at] = bad;
                QVERIFY(!isAllFinite(w));
            }
        }
    }

    void batchesInOrderWithoutShuffle()
    {
        TrainSettings settings;
        settings.shuffle = false;
        settings.batchSize = 2;
        settings.optimizer.lr = 1e-3;
        Trainer trainer(linearMse(), trainOn(numbered(5)), settings, Vec::Zero(2));
        QCOMPARE(trainer.batchesPerEpoch(), 3);
        const std::vector<std::vector<int>> expected = {{0, 1}, {2, 3}, {4}, {0, 1}, {2, 3}, {4}, {0, 1}};
        const std::vector<std::int64_t> epochs = {0, 0, 0, 1, 1, 1, 2};
        StepRecord rec;
        for (std::size_t k = 0; k < expected.size(); ++k) {
            QCOMPARE(trainer.nextBatchRows(), expected[k]);
            QVERIFY(trainer.step(&rec));
            QCOMPARE(rowsOf(trainer.lastBatch()), expected[k]);
            QCOMPARE(rec.epoch, epochs[k]);
            QCOMPARE(rec.step, static_cast<std::int64_t>(k + 1));
            QCOMPARE(rec.batchIndex, static_cast<std::int64_t>(k % 3));
            QCOMPARE(rec.epochEnded, k % 3 == 2);
        }
    }

    void shuffledEpochsArePermutations()
    {
        TrainSettings settings;
        settings.batchSize = 4;
        settings.seed = 11;
        settings.optimizer.lr = 1e-3;
        Trainer trainer(linearMse(), trainOn(numbered(10)), settings, Vec::Zero(2));
        std::vector<std::vector<int>> orders;
        for (int epoch = 0; epoch < 3; ++epoch) {
            std::vector<int> order;
            for (int b = 0; b < 3; ++b) {
                QVERIFY(trainer.step());
                const auto rows = rowsOf(trainer.lastBatch());
                order.insert(order.end(), rows.begin(), rows.end());
            }
            std::vector<int> sorted = order;
            std::sort(sorted.begin(), sorted.end());
            std::vector<int> all(10);
            std::iota(all.begin(), all.end(), 0);
            QCOMPARE(sorted, all);
            orders.push_back(order);
        }
        QVERIFY(orders[0] != orders[1]);
        QVERIFY(orders[1] != orders[2]);
    }

    void firstStepByHand()
    {
        // Three samples, full batch, sgd lr 0.1 from (w, b) = (2, 1):
        // y = 3, 5, 7 against t = 2, 3, 7; r = 1, 2, 0.
        Samples s;
        s.x = Array{{1.0, 2.0, 3.0}};
        s.t = Array{{2.0, 3.0, 7.0}};
        TrainSettings settings;
        settings.batchSize = 3;
        settings.shuffle = false;
        settings.optimizer.lr = 0.1;
        Trainer trainer(linearMse(), trainOn(s), settings, Vec{{2.0, 1.0}});
        StepRecord rec;
        QVERIFY(trainer.step(&rec, true));
        QCOMPARE(rec.batchLoss, 5.0 / 3.0);
        QCOMPARE(rec.gradient[0], 10.0 / 3.0);
        QCOMPARE(rec.gradient[1], 2.0);
        QVERIFY(std::abs(rec.after[0] - (2.0 - 0.1 * 10.0 / 3.0)) < 1e-15);
        QVERIFY(std::abs(rec.after[1] - (1.0 - 0.1 * 2.0)) < 1e-15);
        // Training loss after the update, recomputed from scratch.
        double expected = 0;
        for (int i = 0; i < 3; ++i) {
            const double r = rec.after[0] * s.x[i] + rec.after[1] - s.t[i];
            expected += r * r / 3.0;
        }
        QVERIFY(std::abs(rec.trainLoss - expected) < 1e-12);
        QCOMPARE(rec.lr, 0.1);
    }

    void shortcutTrainingLossMatchesGeneral()
    {
        // linear + mse uses the quadratic form; lin-exp does not. Both must agree with a sum.
        const Samples s = lineSamples(300);
        for (const char* model : {"linear", "lin-exp", "fold"}) {
            const auto objective = makeObjective(model, {});
            Trainer trainer(objective, trainOn(s), TrainSettings{}, objective->defaultInit());
            Workspace ws;
            const double direct = objective->evaluate(trainer.params(), s, ws);
            QVERIFY2(std::abs(trainer.trainingLoss() - direct) < 1e-10 * std::max(1.0, direct), model);
        }
    }

    void sameSeedSamePathBitForBit()
    {
        const Samples s = lineSamples(200);
        TrainSettings settings;
        settings.optimizer.kind = OptimizerKind::Adam;
        settings.optimizer.lr = 0.05;
        settings.batchSize = 16;
        settings.seed = 99;
        Trainer a(linearMse(), trainOn(s), settings, Vec{{-1.0, 7.0}});
        Trainer b(linearMse(), trainOn(s), settings, Vec{{-1.0, 7.0}});
        for (int k = 0; k < 250; ++k) {
            QVERIFY(a.step());
            QVERIFY(b.step());
        }
        QVERIFY(a.state() == b.state());
        settings.seed = 100;
        Trainer c(linearMse(), trainOn(s), settings, Vec{{-1.0, 7.0}});
        for (int k = 0; k < 250; ++k)
            QVERIFY(c.step());
        QVERIFY(!(a.state() == c.state()));
    }

    void stepBackThenReplayIsIdentical()
    {
        const Samples s = lineSamples(100);
        TrainSettings settings;
        settings.optimizer.momentum = 0.9;
        settings.optimizer.lr = 0.01;
        settings.batchSize = 7;  // batches straddle epoch ends
        settings.schedule = Schedule::parse("cosine-restarts:10:2");
        Trainer trainer(linearMse(), trainOn(s), settings, Vec{{0.0, 0.0}});
        std::vector<TrainState> history{trainer.state()};
        std::vector<StepRecord> records;
        for (int k = 0; k < 60; ++k) {
            StepRecord rec;
            QVERIFY(trainer.step(&rec));
            history.push_back(trainer.state());
            records.push_back(rec);
        }
        trainer.restore(history[23]);
        for (int k = 23; k < 60; ++k) {
            StepRecord rec;
            QVERIFY(trainer.step(&rec));
            QVERIFY(trainer.state() == history[static_cast<std::size_t>(k + 1)]);
            QCOMPARE(rec.batchLoss, records[static_cast<std::size_t>(k)].batchLoss);
            QCOMPARE(rec.lr, records[static_cast<std::size_t>(k)].lr);
        }
    }

    void settingsChangeWithoutReset()
    {
        const Samples s = lineSamples(100);
        TrainSettings settings;
        settings.optimizer.lr = 0.01;
        Trainer trainer(linearMse(), trainOn(s), settings, Vec{{0.0, 0.0}});
        for (int k = 0; k < 5; ++k)
            QVERIFY(trainer.step());
        const TrainState before = trainer.state();
        settings.optimizer.lr = 0.02;
        trainer.setSettings(settings);
        QVERIFY(trainer.state() == before);  // nothing reset
        StepRecord rec;
        QVERIFY(trainer.step(&rec));
        QCOMPARE(rec.lr, 0.02);
        QCOMPARE(rec.step, 6);
        // Switching optimizer starts its buffers afresh.
        settings.optimizer.kind = OptimizerKind::Adam;
        trainer.setSettings(settings);
        QCOMPARE(trainer.state().optimizer.t, 0);
        QCOMPARE(trainer.state().step, 6);
        // Invalid settings are rejected and the old ones kept.
        settings.batchSize = 0;
        QVERIFY_THROWS_EXCEPTION(InputError, trainer.setSettings(settings));
        QCOMPARE(trainer.settings().batchSize, 32);
    }

    void divergenceKeepsLastFiniteState()
    {
        const Samples s = lineSamples(100);
        TrainSettings settings;
        settings.optimizer.lr = 5.0;  // far beyond 2 / (largest curvature)
        settings.batchSize = 100;
        Trainer trainer(linearMse(), trainOn(s), settings, Vec{{0.0, 0.0}});
        int steps = 0;
        TrainState last = trainer.state();
        while (trainer.step(nullptr, true)) {
            last = trainer.state();
            QVERIFY(++steps < 10000);
        }
        QVERIFY(steps > 3);  // it blew up gradually, not at once
        QVERIFY(trainer.state() == last);
        QVERIFY(trainer.params().allFinite());
        QVERIFY(std::isfinite(trainer.trainingLoss()));
    }

    void runStopsAndReportsDivergence()
    {
        const Samples s = lineSamples(100);
        TrainSettings settings;
        settings.optimizer.lr = 5.0;
        Trainer trainer(linearMse(), trainOn(s), settings, Vec{{0.0, 0.0}});
        const auto result = runTraining(trainer, {.maxSteps = 100000}, {});
        QCOMPARE(result.reason, StopReason::Diverged);
        QCOMPARE(QString::fromStdString(result.message),
            QString::fromStdString(Divergence::at(trainer.state().step + 1).message));
    }

    void stepOrDivergeSaysWhichUpdateFailed()
    {
        const Samples s = lineSamples(100);
        TrainSettings settings;
        settings.optimizer.lr = 5.0;
        Trainer trainer(linearMse(), trainOn(s), settings, Vec{{0.0, 0.0}});
        Trainer twin(linearMse(), trainOn(s), settings, Vec{{0.0, 0.0}});
        StepRecord record;
        std::optional<Divergence> divergence;
        std::int64_t taken = 0;
        while (!(divergence = stepOrDiverge(trainer, &record, true))) {
            QVERIFY(twin.step(nullptr, true));
            QCOMPARE(record.step, ++taken);
            QVERIFY(taken < 10000);
        }
        QVERIFY(!twin.step(nullptr, true));   // the update that failed, alone
        QCOMPARE(divergence->step, taken + 1);
        QVERIFY(trainer.state() == twin.state());   // the last finite state is kept
        QCOMPARE(trainer.state().step, taken);
        // downhill-cli prints it as it is: these bytes are its output.
        QCOMPARE(QString::fromStdString(divergence->message),
            QStringLiteral("diverged at step %1: the loss or the parameters stopped being finite numbers "
                           "(lower the learning rate); the last finite state is kept")
                .arg(taken + 1));
    }

    void epochLimitAndObservers()
    {
        struct Counter : TrainObserver {
            int begins = 0, steps = 0, epochs = 0, ends = 0;
            std::vector<double> val;
            void onBegin(const Trainer&) override { ++begins; }
            bool onStep(const Trainer&, const StepRecord&) override { return ++steps > 0; }
            bool onEpochEnd(const Trainer&, const EpochRecord& e) override
            {
                ++epochs;
                val.push_back(e.valLoss);
                return true;
            }
            void onEnd(const Trainer&, const RunResult&) override { ++ends; }
        } counter;
        TrainSettings settings;
        settings.batchSize = 10;
        Trainer trainer(linearMse(), trainOn(lineSamples(45), lineSamples(20, 4.5, 0.2, 0.5, 3)), settings, Vec::Zero(2));
        const auto result = runTraining(trainer, {.maxEpochs = 3}, {&counter});
        QCOMPARE(result.reason, StopReason::EpochLimit);
        QCOMPARE(counter.begins, 1);
        QCOMPARE(counter.ends, 1);
        QCOMPARE(counter.epochs, 3);
        QCOMPARE(counter.steps, 15);  // 5 batches per epoch (the last has 5 samples)
        QVERIFY(std::isfinite(counter.val.back()));
    }

    void earlyStoppingWithPatience()
    {
        // Training on 10 noisy points with a large validation set: validation stops improving.
        TrainSettings settings;
        settings.optimizer.lr = 0.05;
        settings.batchSize = 10;
        Trainer trainer(linearMse(), trainOn(lineSamples(10, 4.5, 0.2, 2.0, 1), lineSamples(500, 4.5, 0.2, 0.1, 2)),
            settings, Vec{{-1.0, 7.0}});
        EarlyStopping early(3, 1e-6);
        const auto result = runTraining(trainer, {.maxEpochs = 5000}, {&early});
        QCOMPARE(result.reason, StopReason::EarlyStopping);
        QVERIFY(trainer.state().epoch < 5000);
        QCOMPARE(trainer.state().epoch - 1, early.bestEpoch() + 3);
        // No epoch since the best improved on it by more than min-delta.
        QVERIFY(trainer.validationLoss() >= early.bestLoss() - 1e-6);
        QVERIFY_THROWS_EXCEPTION(InputError, EarlyStopping(0));
    }

    void analyticObjectiveSteps()
    {
        // Rosenbrock from (-1.5, 2): gradient (-2(1 - x) - 400 x (y - x^2), 200 (y - x^2)).
        const auto f = makeObjective("rosenbrock", {});
        TrainSettings settings;
        settings.optimizer.lr = 1e-3;
        Trainer trainer(f, {}, settings, Vec{{-1.5, 2.0}});
        StepRecord rec;
        QVERIFY(trainer.step(&rec));
        const double gx = -2 * (1 + 1.5) - 400 * -1.5 * (2 - 2.25);
        const double gy = 200 * (2 - 2.25);
        QCOMPARE(rec.gradient[0], gx);
        QCOMPARE(rec.gradient[1], gy);
        QVERIFY(std::abs(rec.after[0] - (-1.5 - 1e-3 * gx)) < 1e-15);
        QCOMPARE(rec.epochEnded, true);
        QVERIFY(std::isnan(trainer.validationLoss()));
    }

    void badConstruction()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, Trainer(linearMse(), {}, TrainSettings{}, Vec::Zero(2)));
        QVERIFY_THROWS_EXCEPTION(InputError, Trainer(linearMse(), trainOn(numbered(3)), TrainSettings{}, Vec::Zero(3)));
        Vec nan = Vec::Zero(2);
        nan[0] = std::nan("");
        QVERIFY_THROWS_EXCEPTION(InputError, Trainer(linearMse(), trainOn(numbered(3)), TrainSettings{}, nan));
        TrainSettings bad;
        bad.optimizer.lr = -1;
        QVERIFY_THROWS_EXCEPTION(InputError, Trainer(linearMse(), trainOn(numbered(3)), bad, Vec::Zero(2)));
    }

    void batchLargerThanDataIsFullBatch()
    {
        TrainSettings settings;
        settings.batchSize = 1000;
        Trainer trainer(linearMse(), trainOn(numbered(7)), settings, Vec::Zero(2));
        QCOMPARE(trainer.batchSize(), 7);
        QCOMPARE(trainer.batchesPerEpoch(), 1);
    }
};

QTEST_APPLESS_MAIN(TestTrainer)
#include "test_trainer.moc"
