// The network lessons do what their texts say, on the numbers (the engine run directly, as the
// window's worker runs it): 11 trains and leaves the random plane while its path is drawn on
// it; 12 overfits (the validation loss turns up while the training loss falls) and with the
// augmentations on it turns up less; 13 the PCA plane holds the path much closer than the
// random plane; 14 the ReLU slice is creased where the tanh slice is smooth.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/landscape/landscape.h"
#include "core/landscape/plane.h"
#include "core/landscape/projection.h"
#include "core/train/trainer.h"
#include "session/problem/problem.h"
#include "session/settings/settings_io.h"
#include "tests/common/lesson_file.h"

using namespace downhill;
using downhill::test::lesson;

namespace {

struct Run {
    ui::Problem problem;
    std::unique_ptr<core::Trainer> trainer;
    core::Vec start;
};

Run start(const ui::AppSettings& s)
{
    Run r;
    r.problem = ui::Problem::build(s);
    r.start = r.problem.defaultStart(s.train.seed);
    r.trainer = r.problem.makeTrainer(s.train, r.start);
    return r;
}

// Epoch by epoch: the training and validation loss at the end of each.
struct Curves {
    std::vector<double> train, val;
};

Curves trainEpochs(Run& r, int epochs)
{
    Curves c;
    const std::int64_t perEpoch = r.trainer->batchesPerEpoch();
    for (int e = 0; e < epochs; ++e) {
        for (std::int64_t b = 0; b < perEpoch; ++b)
            if (!r.trainer->step())
                qFatal("diverged");
        c.train.push_back(r.trainer->trainingLoss());
        c.val.push_back(r.trainer->validationLoss());
    }
    return c;
}

// How creased a slice is: along each row, the largest second difference against the median
// one (a kink is a jump of the slope in one cell; a smooth bend spreads over many).
double creases(const core::LandscapeGrid& grid)
{
    std::vector<double> d2;
    const int g = grid.resolution();
    double largest = 0;
    for (int j = 0; j < g; ++j)
        for (int i = 1; i + 1 < g; ++i) {
            const double v = std::abs(grid.loss(i - 1, j) - 2 * grid.loss(i, j) + grid.loss(i + 1, j));
            d2.push_back(v);
            largest = std::max(largest, v);
        }
    std::nth_element(d2.begin(), d2.begin() + static_cast<std::ptrdiff_t>(d2.size() / 2), d2.end());
    return largest / d2[d2.size() / 2];
}

}  // namespace

class TestNetworkLessons : public QObject {
    Q_OBJECT
private slots:
    void oneSliceTrainsAndLeavesThePlane();
    void overfittingTurnsUpAndAugmentationHelps();
    void pcaPlaneHoldsThePath();
    void reluIsCreasedTanhIsSmooth();
};

void TestNetworkLessons::oneSliceTrainsAndLeavesThePlane()
{
    const ui::AppSettings s = lesson("11-network-one-slice.json");
    QCOMPARE(s.plane, ui::PlotPlane::Random);
    Run r = start(s);
    QCOMPARE(r.problem.parameterCount(), 2337);
    const core::Projection p = core::Projection::onPlane(
        std::make_shared<core::Plane>(core::randomPlane(*r.problem.objective(), r.start, s.planeSeed)));
    const double before = r.trainer->trainingLoss();
    for (int k = 0; k < 300; ++k)
        QVERIFY(r.trainer->step());
    const double after = r.trainer->trainingLoss();
    const core::PlaneCoordinates c = p.locate(r.trainer->params());
    qInfo("train loss %g -> %g; off plane %g of |w - w0| %g", before, after, c.offPlane, (r.trainer->params() - r.start).norm());
    QVERIFY(after < 0.7 * before);
    // Most of the way training went is off the plane.
    QVERIFY(c.offPlane > 0.5 * (r.trainer->params() - r.start).norm());
}

void TestNetworkLessons::overfittingTurnsUpAndAugmentationHelps()
{
    ui::AppSettings s = lesson("12-network-overfitting.json");
    QCOMPARE(s.data.count, 200);
    const int epochs = 300;
    Run plain = start(s);
    QCOMPARE(plain.problem.trainSize(), std::int64_t{40});
    const Curves c = trainEpochs(plain, epochs);
    const auto best = std::min_element(c.val.begin(), c.val.end());
    const auto bestEpoch = best - c.val.begin();
    qInfo("no augmentation: val min %g at epoch %lld, end %g; train there %g, end %g", *best,
        static_cast<long long>(bestEpoch), c.val.back(), c.train[static_cast<std::size_t>(bestEpoch)], c.train.back());
    QVERIFY(bestEpoch < 2 * epochs / 3);
    QVERIFY(c.val.back() > 1.08 * *best);                                      // it turns up
    QVERIFY(c.train.back() < 0.5 * c.train[static_cast<std::size_t>(bestEpoch)]);   // while training still falls

    s.train.augmentation.brightness = s.train.augmentation.flip = s.train.augmentation.noise = true;
    Run augmented = start(s);
    const Curves a = trainEpochs(augmented, epochs);
    const double aBest = *std::min_element(a.val.begin(), a.val.end());
    qInfo("augmented: val min %g, end %g", aBest, a.val.back());
    QVERIFY(a.val.back() / aBest < c.val.back() / *best);   // it turns up less, or not at all
}

void TestNetworkLessons::pcaPlaneHoldsThePath()
{
    const ui::AppSettings s = lesson("13-random-vs-pca-plane.json");
    Run r = start(s);
    std::vector<core::Vec> path{r.start};
    for (int k = 0; k < 300; ++k) {
        QVERIFY(r.trainer->step());
        path.push_back(r.trainer->params());
    }
    const core::Projection random = core::Projection::onPlane(
        std::make_shared<core::Plane>(core::randomPlane(*r.problem.objective(), r.start, s.planeSeed)));
    const core::Projection pca = core::Projection::onPlane(std::make_shared<core::Plane>(core::pcaPlane(path)));
    double offRandom = 0, offPca = 0;
    for (const core::Vec& w : path) {
        offRandom += random.locate(w).offPlane;
        offPca += pca.locate(w).offPlane;
    }
    qInfo("mean off plane: random %g, pca %g; explained %g + %g", offRandom / 301, offPca / 301,
        pca.plane()->explained[0], pca.plane()->explained[1]);
    QVERIFY(offPca < 0.5 * offRandom);
    QVERIFY(pca.plane()->explained[0] + pca.plane()->explained[1] > 0.5);
}

void TestNetworkLessons::reluIsCreasedTanhIsSmooth()
{
    const ui::AppSettings relu = lesson("14-relu-kinks-vs-tanh.json");
    QVERIFY(relu.range);
    const auto slice = [&](const ui::AppSettings& s) {
        const ui::Problem problem = ui::Problem::build(s);
        const core::Vec origin = problem.defaultStart(s.train.seed);
        const core::Projection p = core::Projection::onPlane(
            std::make_shared<core::Plane>(core::randomPlane(*problem.objective(), origin, s.planeSeed)));
        const auto grid = core::computeLandscape(*problem.objective(), *problem.landscapeSamples(), p.request(*s.range, 97));
        return creases(*grid);
    };
    ui::AppSettings tanh = relu;
    tanh.setModel("mlp:16:tanh");   // the lesson's switch: the same network, a smooth activation
    tanh.range = relu.range;
    const double r = slice(relu), t = slice(tanh);
    qInfo("creases: relu %g, tanh %g", r, t);
    QVERIFY(r > 3 * t);
}

QTEST_APPLESS_MAIN(TestNetworkLessons)
#include "test_network_lessons.moc"
