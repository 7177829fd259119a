// The promise "same seed and settings: bit-identical path" across machines rests on the order
// of the engine's sums, which a compiler flag (-march=native changes Eigen's vector width) or a
// rewritten loop can change without any test of tolerances noticing. This test pins the exact
// bits of short runs on the built-in people images, from the images to the parameters, and of
// a landscape grid. The pins hold for the portable build (the x86-64 baseline, no FMA
// contraction), which is the default; a native build skips the comparison.
//
// A pin that breaks after a deliberate change of the arithmetic is renewed by running this test
// and taking the printed digest, saying in the commit why the bits moved.
#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/data/dataset.h"
#include "core/data/people_generator.h"
#include "core/landscape/landscape.h"
#include "core/model/objective.h"
#include "core/train/trainer.h"

using namespace downhill::core;

namespace {

// FNV-1a over the bit patterns of doubles: any change of any bit changes the digest.
class Digest {
public:
    void add(double v)
    {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        for (int k = 0; k < 8; ++k) {
            hash_ ^= (bits >> (8 * k)) & 0xffu;
            hash_ *= 0x100000001b3ull;
        }
    }
    void add(const Vec& v)
    {
        for (Eigen::Index i = 0; i < v.size(); ++i)
            add(v[i]);
    }
    std::uint64_t value() const { return hash_; }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ull;
};

const Dataset& people()
{
    static const Dataset data = [] {
        PeopleSettings s;
        s.count = 240;
        s.seed = 11;
        return generatePeople(s);
    }();
    return data;
}

struct Run {
    const char* model;
    LossKind loss;
    OptimizerKind optimizer;
    double lr;
    double momentum;
    int batchSize;
    bool augment;
    int steps;
    int inputSize = 0;   // a network's n x n pixels
};

// Every parameter after every step, each batch loss, and the final validation loss.
std::uint64_t digestOf(const Run& run, Vec* finalParams)
{
    LossSettings loss;
    loss.kind = run.loss;
    const auto objective = makeObjective(run.model, loss, run.inputSize);
    const TrainData data =
        TrainData::fromDataset(people(), splitRows(static_cast<int>(people().size()), 0.25, 3), run.inputSize);
    TrainSettings settings;
    settings.optimizer.kind = run.optimizer;
    settings.optimizer.lr = run.lr;
    settings.optimizer.momentum = run.momentum;
    settings.batchSize = run.batchSize;
    settings.seed = 5;
    settings.augmentation.brightness = run.augment;
    settings.augmentation.flip = run.augment;
    settings.augmentation.noise = run.augment;
    Trainer trainer(objective, data, settings, objective->defaultInit());
    Digest digest;
    StepRecord record;
    for (int k = 0; k < run.steps; ++k) {
        if (!trainer.step(&record))
            break;
        digest.add(trainer.state().params);
        digest.add(record.batchLoss);
    }
    Workspace ws;
    digest.add(objective->evaluate(trainer.state().params, data.val, ws));
    *finalParams = trainer.state().params;
    return digest.value();
}

}  // namespace

class TestTrajectoryBytes : public QObject {
    Q_OBJECT

private slots:
    void pinnedRuns_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<quint64>("expected");
        QTest::newRow("linear mse sgd+momentum, batch 16") << 0 << quint64(0x17e0605c23506c81ull);
        QTest::newRow("lin-exp huber adam, batch 8") << 1 << quint64(0xfb5ce1f62a7b3bb1ull);
        QTest::newRow("fold mae rmsprop, augmented") << 2 << quint64(0x7e441d10ddabb662ull);
        QTest::newRow("linear mse adagrad, full batch") << 3 << quint64(0xa84a19db5d52a52eull);
        // Networks, through the dense kernels (core/model/dense_kernels.h): CTest runs this test
        // a second time with DOWNHILL_KERNEL_ISA=generic (core/test_trajectory_bytes_generic),
        // and both must give these bits, AVX2 or not.
        QTest::newRow("mlp:16 on 12 x 12, mse adam, batch 32") << 4 << quint64(0x330da225bf90b869ull);
        QTest::newRow("mlp:6,4:relu on 8 x 8, huber sgd+momentum, augmented") << 5 << quint64(0x9fe9deea2e16ca3dull);
        QTest::newRow("mlp:7:sigmoid on 3 x 3, mae rmsprop, batch 20") << 6 << quint64(0x7031daf700db4461ull);
    }

    void pinnedRuns()
    {
        static const Run runs[] = {
            {"linear", LossKind::Mse, OptimizerKind::Sgd, 0.05, 0.9, 16, false, 60},
            {"lin-exp", LossKind::Huber, OptimizerKind::Adam, 0.02, 0.0, 8, false, 60},
            {"fold", LossKind::Mae, OptimizerKind::RmsProp, 0.01, 0.5, 16, true, 40},
            {"linear", LossKind::Mse, OptimizerKind::Adagrad, 0.3, 0.0, 100000, false, 30},
            {"mlp:16", LossKind::Mse, OptimizerKind::Adam, 0.01, 0.0, 32, false, 40, 12},
            {"mlp:6,4:relu", LossKind::Huber, OptimizerKind::Sgd, 0.05, 0.9, 16, true, 40, 8},
            {"mlp:7:sigmoid", LossKind::Mae, OptimizerKind::RmsProp, 0.01, 0.0, 20, false, 30, 3},
        };
        QFETCH(int, index);
        QFETCH(quint64, expected);
        Vec params;
        const std::uint64_t got = digestOf(runs[index], &params);
        QVERIFY(params.allFinite());
        QString where;
        for (Eigen::Index i = 0; i < std::min<Eigen::Index>(params.size(), 8); ++i)
            where += QString::asprintf(" %a", params[i]);
        if (params.size() > 8)
            where += QString::asprintf(" ... (%lld)", static_cast<long long>(params.size()));
        qInfo("digest 0x%016llx, final parameters%s", static_cast<unsigned long long>(got), qPrintable(where));
#if DOWNHILL_NATIVE_BUILD
        QSKIP("a native build (-DDOWNHILL_NATIVE=ON) may sum in another order; the pins are the portable build's");
#endif
        QCOMPARE(quint64(got), expected);
    }

    // The general (every sample at every point) and shortcut grid paths both pinned.
    void pinnedGrids_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("loss");
        QTest::addColumn<quint64>("expected");
        QTest::newRow("linear mse (quadratic form)") << "linear" << int(LossKind::Mse) << quint64(0xce1126cc9fc75abaull);
        // Renewed when mae and huber rows became a sweep of their pieces (the sums in another order).
        QTest::newRow("lin-exp mae (swept pieces)") << "lin-exp" << int(LossKind::Mae) << quint64(0x9f10375ee938ca4full);
        QTest::newRow("fold huber (swept pieces)") << "fold" << int(LossKind::Huber) << quint64(0x44587cea328c35b6ull);
    }

    void pinnedGrids()
    {
        QFETCH(QString, model);
        QFETCH(int, loss);
        QFETCH(quint64, expected);
        LossSettings settings;
        settings.kind = static_cast<LossKind>(loss);
        const auto objective = makeObjective(model.toStdString(), settings);
        const TrainData data = TrainData::fromDataset(people(), splitRows(static_cast<int>(people().size()), 0.25, 3));
        LandscapeRequest request;
        request.origin = objective->defaultInit();
        request.min1 = -1.5;
        request.max1 = 3.5;
        request.min2 = -2;
        request.max2 = 4;
        request.resolution = 37;
        const auto grid = computeLandscape(*objective, data.train, request);
        QVERIFY(grid.has_value());
        Digest digest;
        for (Eigen::Index j = 0; j < grid->loss.cols(); ++j)
            for (Eigen::Index i = 0; i < grid->loss.rows(); ++i)
                digest.add(grid->loss(i, j));
        qInfo("digest 0x%016llx", static_cast<unsigned long long>(digest.value()));
#if DOWNHILL_NATIVE_BUILD
        QSKIP("a native build (-DDOWNHILL_NATIVE=ON) may sum in another order; the pins are the portable build's");
#endif
        QCOMPARE(quint64(digest.value()), expected);
    }
};

QTEST_APPLESS_MAIN(TestTrajectoryBytes)
#include "test_trajectory_bytes.moc"
