#include <QtTest>

#include <cmath>

#include "core/model/mlp_trace.h"
#include "tests/common/input_error.h"
#include "tests/common/synthetic.h"

using namespace downhill::core;
using downhill::test::errorOf;
using downhill::test::pixelSamples;
using downhill::test::vec;

namespace {

std::shared_ptr<const MlpObjective> mlp(const std::string& spec, LossSettings loss = {})
{
    return std::make_shared<MlpObjective>(MlpSpec::parse(spec), 2, Loss(loss));
}

// tools/mlp_trace_numpy.py's networks: w[k] = 0.1 * ((7 k) mod 11 - 5), x[i] = (i + 1) / 5.
Vec numpyWeights(const MlpObjective& objective)
{
    Vec w(objective.parameterCount());
    for (Eigen::Index k = 0; k < w.size(); ++k)
        w[k] = 0.1 * static_cast<double>((7 * k) % 11 - 5);
    return w;
}

Eigen::VectorXd numpyPixels()
{
    return vec({0.2, 0.4, 0.6, 0.8});
}

bool close(double a, double b, double tolerance = 1e-11)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

#define QCLOSE(a, b) QVERIFY2(close((a), (b)), qPrintable(QString("%1 = %2, expected %3").arg(#a).arg((a), 0, 'g', 15).arg((b), 0, 'g', 15)))

}  // namespace

// One sample forwards and backwards, every intermediate: against numbers worked by hand, against
// numpy (tools/mlp_trace_numpy.py) and against the objective's own batch gradient.
class TestMlpTrace : public QObject {
    Q_OBJECT
private slots:
    // mlp:2:relu on a 2 x 2 image, worked on paper. x = (1, 2, 0, 1);
    //   z0 = 0.5*1 + 0.25*2 + 0*0 - 0.5*1 + 0.25 = 0.75    a0 = 0.75
    //   z1 = -1*1 + 0.5*2 + 1*0 + 0*1 - 0.5 = -0.5         a1 = 0 (relu)
    //   y = 2*0.75 - 1*0 + 0.5 = 2; t = 3: r = -1, mse loss 1, dL/dy = 2r = -2
    //   output layer: dL/dW = -2 * (0.75, 0) = (-1.5, 0), dL/db = -2
    //   hidden delta = (2*-2*relu'(0.75), -1*-2*relu'(-0.5)) = (-4, 0)
    //   dL/dW0 = delta x^T: row 0 = (-4, -8, 0, -4), row 1 = 0; dL/db0 = (-4, 0)
    //   norms: |W0| = sqrt(2.8125), |b0| = sqrt(0.3125), |dW0| = sqrt(96), |db0| = 4
    void reluByHand()
    {
        const auto objective = mlp("mlp:2:relu");
        // state_dict order: 0.weight (2 x 4), 0.bias (2), 2.weight (1 x 2), 2.bias (1).
        const Vec w = vec({0.5, 0.25, 0, -0.5, -1, 0.5, 1, 0, 0.25, -0.5, 2, -1, 0.5});
        const MlpTrace t = traceMlp(*objective, w, vec({1, 2, 0, 1}), 3.0);
        QCOMPARE(t.layers.size(), std::size_t(2));
        QCOMPARE(t.layers[0].pre[0], 0.75);
        QCOMPARE(t.layers[0].pre[1], -0.5);
        QCOMPARE(t.layers[0].act[1], 0.0);
        QCOMPARE(t.output, 2.0);
        QCOMPARE(t.residual, -1.0);
        QCOMPARE(t.loss, 1.0);
        QCOMPARE(t.dLdy, -2.0);
        QCOMPARE(t.layers[1].delta[0], -2.0);
        QCOMPARE(t.layers[1].weightGradient(0, 0), -1.5);
        QCOMPARE(t.layers[1].weightGradient(0, 1), 0.0);
        QCOMPARE(t.layers[0].delta[0], -4.0);
        QCOMPARE(t.layers[0].delta[1], 0.0);
        const Vec expected = vec({-4, -8, 0, -4, 0, 0, 0, 0, -4, 0, -1.5, 0, -2});
        QCOMPARE((t.gradient - expected).cwiseAbs().maxCoeff(), 0.0);

        const auto weights = layerNorms(*objective, w);
        QCOMPARE(weights.size(), std::size_t(2));
        QCLOSE(weights[0].weights, std::sqrt(2.8125));
        QCLOSE(weights[0].bias, std::sqrt(0.3125));
        QCLOSE(weights[1].weights, std::sqrt(5.0));
        QCLOSE(weights[1].bias, 0.5);
        const auto grad = layerNorms(*objective, t.gradient);
        QCLOSE(grad[0].weights, std::sqrt(96.0));
        QCLOSE(grad[0].bias, 4.0);
        QCLOSE(grad[1].weights, 1.5);
        QCLOSE(grad[1].bias, 2.0);
        QCLOSE(grad[1].total(), 2.5);
    }

    // Every activation, one and two hidden layers, every loss: tools/mlp_trace_numpy.py's numbers.
    void tanhTwoLayersHuberMatchesNumpy()
    {
        const auto objective = mlp("mlp:3,2:tanh", {LossKind::Huber, 0.5});
        const MlpTrace t = traceMlp(*objective, numpyWeights(*objective), numpyPixels(), 2.0);
        QCOMPARE(t.layers.size(), std::size_t(3));
        QCLOSE(t.output, 0.583305200641);
        QCLOSE(t.loss, 0.583347399679);
        QCLOSE(t.dLdy, -0.5);
        QCLOSE(t.layers[0].pre[0], 0.46);
        QCLOSE(t.layers[0].act[0], 0.430084211402);
        QCLOSE(t.layers[0].delta[2], -0.015283262474);
        QCLOSE(t.layers[1].act[1], -0.423607125004);
        QCLOSE(t.layers[1].delta[0], -0.099994985771);
        QCLOSE(t.layers[1].delta[1], 0.082055700365);
        const auto g = layerNorms(*objective, t.gradient);
        QCLOSE(g[0].weights, 0.0192223317716);
        QCLOSE(g[0].bias, 0.0175475078653);
        QCLOSE(g[1].weights, 0.0571113430993);
        QCLOSE(g[1].bias, 0.129352754674);
        QCLOSE(g[2].weights, 0.211833152882);
        QCLOSE(g[2].bias, 0.5);
        const auto n = layerNorms(*objective, numpyWeights(*objective));
        QCLOSE(n[0].weights, 1.16189500386);
        QCLOSE(n[1].weights, 0.714142842854);
        QCLOSE(n[2].bias, 0.5);
    }

    void sigmoidMaeMatchesNumpy()
    {
        const auto objective = mlp("mlp:2:sigmoid", {LossKind::Mae, 1.0});
        const MlpTrace t = traceMlp(*objective, numpyWeights(*objective), numpyPixels(), 1.0);
        QCLOSE(t.output, -0.150635220857);
        QCLOSE(t.loss, 1.15063522086);
        QCLOSE(t.dLdy, -1.0);
        QCLOSE(t.layers[0].act[0], 0.465057054842);
        QCLOSE(t.layers[0].act[1], 0.608259030747);
        QCLOSE(t.layers[0].delta[0], 0.024877899058);
        QCLOSE(t.layers[0].delta[1], 0.119139991131);
        const auto g = layerNorms(*objective, t.gradient);
        QCLOSE(g[0].weights, 0.133326279547);
        QCLOSE(g[1].weights, 0.765674286327);
        QCLOSE(g[1].bias, 1.0);
    }

    void reluMseMatchesNumpy()
    {
        const auto objective = mlp("mlp:3:relu");
        const MlpTrace t = traceMlp(*objective, numpyWeights(*objective), numpyPixels(), -0.5);
        QCLOSE(t.output, 0.078);
        QCLOSE(t.loss, 0.334084);
        QCLOSE(t.dLdy, 1.156);
        QCOMPARE(t.layers[0].act[1], 0.0);
        QCLOSE(t.layers[0].delta[0], 0.1156);
        QCOMPARE(t.layers[0].delta[1], 0.0);
        QCLOSE(t.layers[0].delta[2], 0.4624);
        const auto g = layerNorms(*objective, t.gradient);
        QCLOSE(g[0].weights, 0.522123111919);
        QCLOSE(g[0].bias, 0.476631010321);
        QCLOSE(g[1].weights, 0.539741834584);
    }

    // A batch of one: the trace's gradient is the objective's, for every activation and loss.
    void agreesWithObjectiveForBatchOfOne_data()
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
    void agreesWithObjectiveForBatchOfOne()
    {
        QFETCH(QString, spec);
        QFETCH(int, loss);
        const auto objective = std::make_shared<MlpObjective>(
            MlpSpec::parse(spec.toStdString()), 3, Loss({static_cast<LossKind>(loss), 0.8}));
        const Vec w = objective->initialParameters(4);
        for (int seed = 1; seed <= 3; ++seed) {
            const Samples s = pixelSamples(9, 1, static_cast<std::uint64_t>(seed));
            Workspace ws;
            Vec grad;
            const double value = objective->evaluateWithGradient(w, s, grad, ws);
            const MlpTrace t = traceMlp(*objective, w, s.inputs.col(0), s.t[0]);
            QVERIFY(grad.norm() > 1e-6);
            QVERIFY2((t.gradient - grad).norm() <= 1e-12 * grad.norm(),
                qPrintable(QString("seed %1: |trace - objective| = %2").arg(seed).arg((t.gradient - grad).norm())));
            QVERIFY(close(t.loss, value));
            QVERIFY(close(t.output, ws.y[0]));
        }
    }

    // Per layer, weights and bias blocks: their squares add up to the whole vector's.
    void layerNormsPartitionTheVector()
    {
        const auto objective = mlp("mlp:6,4:tanh");
        const Vec w = objective->initialParameters(2);
        double sum = 0;
        for (const LayerNorm& n : layerNorms(*objective, w))
            sum += n.total() * n.total();
        QVERIFY(close(std::sqrt(sum), w.norm()));
        // Only the second layer's bias set: only that block has a norm.
        Vec v = Vec::Zero(w.size());
        v[objective->biasOffset(1) + 2] = -3;
        const auto n = layerNorms(*objective, v);
        QCOMPARE(n[1].bias, 3.0);
        QCOMPARE(n[0].weights + n[0].bias + n[1].weights + n[2].weights + n[2].bias, 0.0);
    }

    void badSizesAreNamed()
    {
        const auto objective = mlp("mlp:2:relu");
        QVERIFY(errorOf([&] { traceMlp(*objective, Vec::Zero(3), numpyPixels(), 0); }).contains("13 parameters"));
        QVERIFY(errorOf([&] { traceMlp(*objective, Vec::Zero(13), vec({1, 2}), 0); }).contains("reads 4 pixels"));
        QVERIFY(errorOf([&] { layerNorms(*objective, Vec::Zero(12)); }).contains("has 12 values"));
    }
};

QTEST_APPLESS_MAIN(TestMlpTrace)
#include "test_mlp_trace.moc"
