#include <QtTest>

#include <cmath>

#include "core/base/error.h"
#include "core/base/rng.h"
#include "core/data/augmentation.h"
#include "core/data/people_generator.h"
#include "core/data/pixel_inputs.h"
#include "core/model/mlp_objective.h"
#include "core/train/trainer.h"
#include "tests/common/input_error.h"
#include "tests/common/synthetic.h"

using namespace downhill::core;
using downhill::test::pixelSamples;
using downhill::test::errorOf;

namespace {

// Pixel-like inputs uniform in [0, 1] and counts 0..9, so that every unit sits somewhere in
// the middle of its activation.

const Dataset& people()
{
    static const Dataset d = [] {
        PeopleSettings s;
        s.count = 400;
        s.seed = 5;
        return generatePeople(s);
    }();
    return d;
}

std::shared_ptr<const MlpObjective> mlp(const std::string& spec, int inputSize, LossSettings loss = {})
{
    return std::make_shared<MlpObjective>(MlpSpec::parse(spec), inputSize, Loss(loss));
}

}  // namespace

class TestMlpObjective : public QObject {
    Q_OBJECT
private slots:
    // Backpropagation against central differences, for every activation, one and two hidden
    // layers and every loss.
    void gradientMatchesNumeric_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("loss");
        for (const char* act : {"tanh", "relu", "sigmoid"}) {
            for (const char* layers : {"5", "6,4"}) {
                for (const auto& [name, kind] :
                    {std::pair{"mse", LossKind::Mse}, std::pair{"mae", LossKind::Mae}, std::pair{"huber", LossKind::Huber}}) {
                    const QString spec = QString("mlp:%1:%2").arg(layers, act);
                    QTest::addRow("%s %s", qPrintable(spec), name) << spec << int(kind);
                }
            }
        }
    }
    void gradientMatchesNumeric()
    {
        QFETCH(QString, spec);
        QFETCH(int, loss);
        const auto objective = mlp(spec.toStdString(), 4, {static_cast<LossKind>(loss), 0.8});
        const Samples s = pixelSamples(16, 24, 11);
        const Vec w = objective->initialParameters(3);
        Workspace ws;
        Vec analytic;
        const double value = objective->evaluateWithGradient(w, s, analytic, ws);
        QCOMPARE(value, objective->evaluate(w, s, ws));
        const Vec numeric = numericGradient(*objective, w, s, 1e-6);
        const double relative = (analytic - numeric).norm() / analytic.norm();
        QVERIFY2(relative < 1e-6, qPrintable(QString("relative error %1").arg(relative)));
        QVERIFY(analytic.norm() > 1e-3);
    }

    // The forward pass by hand: mlp:2 on one input, y = sum_i v_i tanh(a_i x + c_i) + d.
    void forwardByHand()
    {
        const auto objective = mlp("mlp:2", 1);
        Vec w(7);
        w << 0.5, -1.5, 0.1, 0.2, 2.0, -3.0, 0.25;  // 0.weight[0..1][0], 0.bias, 2.weight[0][0..1], 2.bias[0]
        Samples s;
        s.x = Array::Zero(2);
        s.t = Array::Zero(2);
        s.inputs.resize(1, 2);
        s.inputs << 0.4, -0.8;
        Workspace ws;
        const auto y = [&](double x) { return 2.0 * std::tanh(0.5 * x + 0.1) - 3.0 * std::tanh(-1.5 * x + 0.2) + 0.25; };
        const double expected = (y(0.4) * y(0.4) + y(-0.8) * y(-0.8)) / 2.0;
        QVERIFY(std::abs(objective->evaluate(w, s, ws) - expected) < 1e-14);
        // ReLU: relu'(0) = 0, as PyTorch's, so a unit sitting exactly at 0 passes no gradient.
        const auto relu = mlp("mlp:1:relu", 1);
        Vec v(4);
        v << 1.0, 0.0, 1.0, 0.0;  // pre-activation = x
        s.inputs << 0.0, 0.0;
        s.t << 1.0, 1.0;
        Vec grad;
        relu->evaluateWithGradient(v, s, grad, ws);
        QCOMPARE(grad[0], 0.0);
        QCOMPARE(grad[1], 0.0);
        QCOMPARE(grad[2], 0.0);
        QCOMPARE(grad[3], -2.0);  // d/db of (b - 1)^2 at b = 0
    }

    void parameterNamesInStateDictOrder()
    {
        const auto one = mlp("mlp:3", 2);
        const auto names = one->parameterNames();
        QCOMPARE(int(names.size()), 3 * 4 + 3 + 3 + 1);
        QCOMPARE(QString::fromStdString(names[0]), QString("0.weight[0][0]"));
        QCOMPARE(QString::fromStdString(names[1]), QString("0.weight[0][1]"));
        QCOMPARE(QString::fromStdString(names[4]), QString("0.weight[1][0]"));
        QCOMPARE(QString::fromStdString(names[11]), QString("0.weight[2][3]"));
        QCOMPARE(QString::fromStdString(names[12]), QString("0.bias[0]"));
        QCOMPARE(QString::fromStdString(names[15]), QString("2.weight[0][0]"));
        QCOMPARE(QString::fromStdString(names[17]), QString("2.weight[0][2]"));
        QCOMPARE(QString::fromStdString(names[18]), QString("2.bias[0]"));

        const auto two = mlp("mlp:4,3:relu", 2);
        const auto n2 = two->parameterNames();
        QCOMPARE(int(n2.size()), 4 * 4 + 4 + 3 * 4 + 3 + 3 + 1);
        QCOMPARE(QString::fromStdString(n2[20]), QString("2.weight[0][0]"));
        QCOMPARE(QString::fromStdString(n2[31]), QString("2.weight[2][3]"));
        QCOMPARE(QString::fromStdString(n2[34]), QString("2.bias[2]"));
        QCOMPARE(QString::fromStdString(n2[35]), QString("4.weight[0][0]"));
        QCOMPARE(QString::fromStdString(n2.back()), QString("4.bias[0]"));
        QCOMPARE(two->parameterIndex("4.bias[0]"), int(n2.size()) - 1);

        // The network: mlp:16 on 12 x 12 pixels.
        QCOMPARE(mlp("mlp:16", 12)->parameterCount(), 2337);
        QCOMPARE(QString::fromStdString(makeObjective("mlp:16", {})->name()), QString("mlp:16:tanh + mse"));
        QCOMPARE(makeObjective("mlp:16", {})->inputSize(), kDefaultInputSize);
        QCOMPARE(makeObjective("mlp:16,8:sigmoid", {}, 6)->parameterCount(), 16 * 37 + 8 * 17 + 9);
    }

    // The formula the window shows under the model names the same layers as the parameters.
    void formulaNamesTheLayers()
    {
        QCOMPARE(QString::fromStdString(MlpSpec::parse("mlp:16").formula(12)),
            QString("y = W2*tanh(W0*x + b0) + b2\nx: the 12 x 12 image / 255"));
        QCOMPARE(QString::fromStdString(MlpSpec::parse("mlp:4,3:relu").formula(6)),
            QString("y = W4*relu(W2*relu(W0*x + b0) + b2) + b4\nx: the 6 x 6 image / 255"));
    }

    // The names address the numbers the forward pass uses: 0.weight[i][j] multiplies input j
    // into hidden unit i.
    void namesAddressTheirWeights()
    {
        const auto objective = mlp("mlp:3", 2);
        Vec w = Vec::Zero(objective->parameterCount());
        w[objective->parameterIndex("0.weight[1][2]")] = 2.0;
        w[objective->parameterIndex("2.weight[0][1]")] = 1.0;
        Samples s;
        s.x = Array::Zero(1);
        s.t = Array::Zero(1);
        s.inputs = Eigen::MatrixXd::Zero(4, 1);
        s.inputs(2, 0) = 0.3;  // row 1, column 0 of the 2 x 2 image
        Workspace ws;
        const double y = std::tanh(0.6);
        QVERIFY(std::abs(objective->evaluate(w, s, ws) - y * y) < 1e-15);
    }

    void initialisationAsNnLinear()
    {
        const auto objective = mlp("mlp:16,8", 12);
        const Vec a = objective->initialParameters(7);
        QCOMPARE(a, objective->initialParameters(7));
        QVERIFY(a != objective->initialParameters(8));
        QCOMPARE(objective->defaultInit(), objective->initialParameters(1));
        for (int l = 0; l < objective->linearLayers(); ++l) {
            const double bound = 1.0 / std::sqrt(double(objective->widths()[std::size_t(l)]));
            const Eigen::Index begin = objective->weightOffset(l);
            const Eigen::Index end = l + 1 < objective->linearLayers() ? objective->weightOffset(l + 1) : a.size();
            const auto block = a.segment(begin, end - begin);
            QVERIFY(block.cwiseAbs().maxCoeff() <= bound);
            // Uniform over the whole interval, not a corner of it.
            QVERIFY(block.cwiseAbs().maxCoeff() > 0.8 * bound);
            QVERIFY(std::abs(block.mean()) < 0.35 * bound);
        }
    }

    void badSpecsSayWhatIsAllowed_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("says");
        QTest::newRow("no units") << "mlp:" << "hidden units are missing";
        QTest::newRow("bare") << "mlp" << "hidden units are missing";
        QTest::newRow("zero") << "mlp:0" << "whole numbers from 1";
        QTest::newRow("not a number") << "mlp:x" << "got 'x'";
        QTest::newRow("empty layer") << "mlp:16," << "got ''";
        QTest::newRow("activation") << "mlp:16:softplus" << "unknown activation 'softplus' (choose tanh, relu or sigmoid)";
        QTest::newRow("three layers") << "mlp:16,8,4" << "3 hidden layers given, 1 or 2 allowed";
        QTest::newRow("extra part") << "mlp:16:tanh:2" << "too many ':' parts";
    }
    void badSpecsSayWhatIsAllowed()
    {
        QFETCH(QString, spec);
        QFETCH(QString, says);
        const QString message = errorOf([&] { makeObjective(spec.toStdString(), {}); });
        QVERIFY2(message.contains(says), qPrintable(message));
        QVERIFY2(message.contains("mlp:H1[,H2][:tanh|relu|sigmoid]"), qPrintable(message));
        QVERIFY(errorOf([] { makeObjective("cubic", {}); }).contains("mlp:H1[,H2]"));
        QVERIFY(errorOf([] { makeObjective("mlp:4", {}, 0); }).contains("--input-size"));
    }

    // The size bound: n^2 H + H + H + 1 parameters for mlp:H on n x n pixels (the issue's
    // mlp:16 on 12 x 12: 2,337), at most 500,000; an input side from 1 to 1024.
    void networksBeyondTheBoundAreRefused()
    {
        QCOMPARE(makeObjective("mlp:16", {}, 12)->parameterCount(), 2337);
        QCOMPARE(makeObjective("mlp:71:relu", {}, 79)->parameterCount(), 79 * 79 * 71 + 71 + 71 + 1);   // 443,254
        QCOMPARE(makeObjective("mlp:700,700", {}, 1)->parameterCount(), 700 + 700 + 700 * 700 + 700 + 700 + 1);
        const QString tooMany = errorOf([] { makeObjective("mlp:81:relu", {}, 79); });
        QVERIFY2(tooMany.contains("would have 505684 parameters; a network has at most 500000"), qPrintable(tooMany));
        QVERIFY(errorOf([] { makeObjective("mlp:4096,4096", {}, 1); }).contains("would have 16793601 parameters"));
        for (const int side : {0, 1025, 1000000000})
            QVERIFY(errorOf([side] { makeObjective("mlp:4", {}, side); }).contains("--input-size must be from 1 to 1024"));
    }

    // checkObjective() is the settings reader's cheap first look: for every name and input size
    // it refuses exactly what makeObjective() refuses, with the same words, and passes the rest.
    void checkingRefusesWhatBuildingRefuses()
    {
        const std::pair<const char*, int> cases[] = {{"mlp:16", 12}, {"mlp:71:relu", 79}, {"mlp:81:relu", 79},
            {"mlp:4", 0}, {"mlp:4", 1025}, {"mlp:4096,4096", 1}, {"mlp:3,3,3", 12}, {"mlp:0", 12}, {"mlp:4:gelu", 12},
            {"mlp", 12}, {"linear", 12}, {"lin-exp", 0}, {"rosenbrock", 0}, {"cubic", 12}, {"", 12}};
        int refused = 0;
        for (const auto& c : cases) {
            const char* name = c.first;   // not a structured binding: clang 14 cannot capture one
            const int side = c.second;
            const QString built = errorOf([&] { makeObjective(name, {}, side); });
            const QString checked = errorOf([&] { checkObjective(name, side); });
            QVERIFY2(checked == built, qPrintable(QString("%1 on %2: '%3' vs '%4'").arg(name).arg(side).arg(checked, built)));
            refused += built.isEmpty() ? 0 : 1;
        }
        QCOMPARE(refused, 10);   // all but mlp:16, mlp:71:relu on 79, linear, lin-exp and rosenbrock
    }

    void shrinkingByBlockMeans()
    {
        // 4 x 4, shrunk to 2 x 2: each input is its 2 x 2 block's mean / 255, row-major.
        GrayImage image(4, 4);
        const int values[16] = {0, 10, 200, 202, 20, 30, 204, 206, 255, 255, 1, 2, 255, 254, 3, 4};
        for (int k = 0; k < 16; ++k)
            image.pixels[std::size_t(k)] = std::uint8_t(values[k]);
        Eigen::VectorXd out(4);
        shrinkImage(image, 2, out);
        QCOMPARE(out[0], 15.0 / 255.0);
        QCOMPARE(out[1], 203.0 / 255.0);
        QCOMPARE(out[2], 254.75 / 255.0);
        QCOMPARE(out[3], 2.5 / 255.0);
        Eigen::VectorXd same(16);
        shrinkImage(image, 4, same);
        QCOMPARE(same[6], 204.0 / 255.0);
        const QString message = errorOf([&] { checkInputSize(3, 4, 4); });
        QVERIFY2(message.contains("--input-size 3 does not divide the image side 4 (choose one of 1, 2, 4)"), qPrintable(message));
        QVERIFY(errorOf([&] { checkInputSize(5, 48, 48); }).contains("--input-size"));
    }

    void trainDataCarriesThePixels()
    {
        const Split split = splitRows(int(people().size()), 0.25, 2);
        const TrainData data = TrainData::fromDataset(people(), split, 6);
        QCOMPARE(data.inputSize, 6);
        QCOMPARE(data.train.inputs.rows(), 36);
        QCOMPARE(data.train.inputs.cols(), data.train.size());
        QCOMPARE(data.val.inputs.cols(), data.val.size());
        Eigen::VectorXd expected(36);
        shrinkImage(people().images[std::size_t(split.val[3])], 6, expected);
        QCOMPARE(Eigen::VectorXd(data.val.inputs.col(3)), expected);
        // gather() carries the columns.
        const Samples some = data.train.gather({5, 2});
        QCOMPARE(Eigen::VectorXd(some.inputs.col(1)), Eigen::VectorXd(data.train.inputs.col(2)));
        // No images (CSV data): nothing to read.
        Dataset csv;
        csv.source = "points.csv (3 rows)";
        csv.samples.x = Array::Zero(3);
        csv.samples.t = Array::Zero(3);
        const QString message = errorOf([&] { TrainData::fromDataset(csv, splitRows(3, 0.0, 1), 6); });
        QVERIFY2(message.contains("points.csv (3 rows) has none (CSV data)"), qPrintable(message));
        QVERIFY(errorOf([&] { TrainData::fromDataset(people(), split, 7); }).contains("--input-size 7"));
        // A network without the pixels is refused when the run starts.
        QVERIFY(errorOf([&] {
            Trainer t(makeObjective("mlp:4", {}, 6), TrainData::fromDataset(people(), split), {}, mlp("mlp:4", 6)->defaultInit());
        }).contains("does not carry them"));
    }

    // Not just the mean: the trained network beats the best constant (the targets' variance).
    // ReLU here: on these raw pixels a tanh network sits on the plateau of predicting the mean
    // for thousands of steps before it finds the figures.
    void trainingLowersTheLoss()
    {
        const auto objective = mlp("mlp:16:relu", 6);
        TrainSettings settings;
        settings.optimizer.kind = OptimizerKind::Adam;
        settings.optimizer.lr = 0.003;
        settings.batchSize = 32;
        Trainer trainer(objective, TrainData::fromDataset(people(), splitRows(int(people().size()), 0.2, 1), 6), settings,
            objective->initialParameters(4));
        const Array& t = trainer.data().train.t;
        const double variance = (t - t.mean()).square().mean();
        const double before = trainer.trainingLoss();
        for (int i = 0; i < 2000; ++i)
            QVERIFY(trainer.step());
        const double after = trainer.trainingLoss();
        QVERIFY2(after < 0.25 * before && after < 0.75 * variance,
            qPrintable(QString("%1 -> %2 (variance %3)").arg(before).arg(after).arg(variance)));
        QVERIFY(trainer.validationLoss() < 0.8 * variance);
    }

    // Augmentations change the pixels the network sees, and a replay from a restored state
    // draws them again bit for bit.
    void augmentedPixelsAndReplay()
    {
        const auto objective = mlp("mlp:8,4:relu", 6);
        TrainSettings settings;
        settings.optimizer.kind = OptimizerKind::Sgd;
        settings.optimizer.lr = 0.02;
        settings.optimizer.momentum = 0.9;
        settings.batchSize = 16;
        settings.augmentation.flip = settings.augmentation.brightness = settings.augmentation.noise = true;
        const TrainData data = TrainData::fromDataset(people(), splitRows(int(people().size()), 0.2, 1), 6);
        QCOMPARE(data.trainImages.size(), std::size_t(data.train.size()));
        Trainer trainer(objective, data, settings, objective->initialParameters(2));
        QVERIFY(trainer.step());
        const Samples& batch = trainer.lastBatch();
        const int row = trainer.lastBatchRows()[0];
        Eigen::VectorXd seen(36);
        shrinkImage(augment(data.trainImages[std::size_t(row)], settings.augmentation, sampleAugmentationSeed(1, 0, row)), 6, seen);
        QCOMPARE(Eigen::VectorXd(batch.inputs.col(0)), seen);
        QVERIFY(Eigen::VectorXd(batch.inputs.col(0)) != Eigen::VectorXd(data.train.inputs.col(row)));

        for (int i = 0; i < 9; ++i)
            QVERIFY(trainer.step());
        const TrainState saved = trainer.state();
        std::vector<Vec> path;
        for (int i = 0; i < 40; ++i) {  // across an epoch's end (20 batches)
            QVERIFY(trainer.step());
            path.push_back(trainer.params());
        }
        trainer.restore(saved);
        for (int i = 0; i < 40; ++i) {
            QVERIFY(trainer.step());
            QVERIFY(trainer.params() == path[std::size_t(i)]);
        }
        QVERIFY(trainer.state().optimizer.buffer.size() == objective->parameterCount());
    }
};

QTEST_APPLESS_MAIN(TestMlpObjective)
#include "test_mlp_objective.moc"
