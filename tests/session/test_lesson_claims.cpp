// Each bundled lesson does what its text says, on the numbers, within the steps its default
// speed plays in a few seconds (the engine run directly, as the window's worker runs it; the
// window side of every lesson is tests/window/test_lessons.cpp, lesson 05's claim is there too,
// and the network lessons 11-14 are tests/session/test_network_lessons.cpp). The references are
// worked out here: the least-squares line of the training set by its normal equations, the
// canyon floor y = 0, the saddle's gradient 2 (x, -y), Rosenbrock's minimum (1, 1).
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <vector>

#include "core/train/trainer.h"
#include "session/problem/problem.h"
#include "session/settings/settings_io.h"
#include "tests/common/lesson_file.h"

using namespace downhill;
using downhill::test::lesson;

namespace {

// A lesson's run: every state from the start on, the training loss at each, the batch losses,
// and whether (and at which update) it diverged.
struct Path {
    std::vector<core::Vec> points;
    std::vector<double> loss;
    std::vector<double> batchLoss;
    std::int64_t divergedAt = 0;
};

Path play(const ui::AppSettings& s, int steps, const core::TrainSettings* train = nullptr)
{
    const ui::Problem problem = ui::Problem::build(s);
    const core::Vec start = s.start.empty() ? problem.defaultStart(s.train.seed) : ui::toVec(s.start);
    auto trainer = problem.makeTrainer(train ? *train : s.train, start);
    Path p;
    p.points.push_back(trainer->params());
    p.loss.push_back(trainer->trainingLoss());
    for (int k = 0; k < steps; ++k) {
        core::StepRecord record;
        if (!trainer->step(&record)) {
            p.divergedAt = k + 1;
            break;
        }
        p.points.push_back(trainer->params());
        p.loss.push_back(trainer->trainingLoss());
        p.batchLoss.push_back(record.batchLoss);
    }
    return p;
}

double spread(const std::vector<double>& v)
{
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    double sum = 0;
    for (double x : v)
        sum += (x - mean) * (x - mean);
    return std::sqrt(sum / static_cast<double>(v.size()));
}

// Steps a lesson plays in `seconds` at its default speed.
int stepsIn(const ui::AppSettings& s, double seconds)
{
    return static_cast<int>(s.speed * seconds);
}

}  // namespace

class TestLessonClaims : public QObject {
    Q_OBJECT
private slots:
    void tooLargeARateRisesAndDiverges();
    void tooSmallARateCrawls();
    void theCanyonZigzagsAndMomentumGlides();
    void theSaddleHasAPlateauThenSlidesOff();
    void aBatchOfOneIsNoisy();
    void theScheduleSettlesWhereConstantJitters();
    void l1AndL2EndApart();
    void aSmallTrainingSetOverfits();
    void adamFollowsTheBananaWhereSgdCrawls();
};

void TestLessonClaims::tooLargeARateRisesAndDiverges()
{
    const ui::AppSettings s = lesson("01-learning-rate-too-large.json");
    const Path p = play(s, stepsIn(s, 30));
    // The loss rises instead of falling: within a few steps it is above the start's, and then
    // the run is no longer finite.
    QVERIFY(p.loss.size() > 6);
    QVERIFY(p.loss[5] > p.loss[0]);
    QVERIFY2(p.divergedAt > 0, "the run did not diverge in 30 s at the lesson's speed");
    // A tenth of the rate from the same start walks down.
    core::TrainSettings lower = s.train;
    lower.optimizer.lr /= 10;
    const Path q = play(s, 100, &lower);
    QCOMPARE(q.divergedAt, std::int64_t{0});
    QVERIFY(q.loss.back() < 0.25 * q.loss.front());
}

void TestLessonClaims::tooSmallARateCrawls()
{
    const ui::AppSettings s = lesson("02-learning-rate-too-small.json");
    const Path p = play(s, stepsIn(s, 1));   // 200 steps
    // The least-squares line of the training set: min over (w, b) of mean (w x + b - t)^2.
    const ui::Problem problem = ui::Problem::build(s);
    const core::Samples& train = problem.data()->train;
    const double n = static_cast<double>(train.size());
    const double mx = train.x.sum() / n, mt = train.t.sum() / n;
    const double sxx = (train.x - mx).square().sum(), sxt = ((train.x - mx) * (train.t - mt)).sum();
    const double w = sxt / sxx, b = mt - w * mx;
    const core::Vec& from = p.points.front();
    const double moved = (p.points.back() - from).norm();
    const double toGo = std::hypot(w - from[0], b - from[1]);
    qInfo("after %zu steps: moved %g of the %g to the minimum", p.points.size() - 1, moved, toGo);
    QVERIFY(moved < 0.1 * toGo);               // hardly left the start
    QVERIFY(p.loss.back() < p.loss.front());   // but the right way
}

void TestLessonClaims::theCanyonZigzagsAndMomentumGlides()
{
    const ui::AppSettings s = lesson("03-canyon-momentum.json");
    const Path p = play(s, stepsIn(s, 5));
    // The point bounces from wall to wall: it crosses the floor y = 0, visibly (|y| > 0.05 of
    // the view's 8), again and again in the first five seconds.
    int crossings = 0;
    for (std::size_t k = 1; k < p.points.size(); ++k)
        if ((p.points[k][1] > 0) != (p.points[k - 1][1] > 0) && std::abs(p.points[k][1]) > 0.05)
            ++crossings;
    qInfo("%d visible crossings of the canyon floor in %zu steps", crossings, p.points.size() - 1);
    QVERIFY(crossings >= 30);
    // The text's momentum reaches the bottom in far fewer steps.
    const auto stepsToBottom = [&](double momentum) {
        core::TrainSettings t = s.train;
        t.optimizer.momentum = momentum;
        const Path q = play(s, 1000, &t);
        const auto at = std::find_if(q.loss.begin(), q.loss.end(), [](double l) { return l < 0.01; });
        return at == q.loss.end() ? 1000 : static_cast<int>(at - q.loss.begin());
    };
    const int plain = stepsToBottom(0), heavy = stepsToBottom(0.8);
    qInfo("steps to loss < 0.01: %d without momentum, %d with 0.8", plain, heavy);
    QVERIFY(2 * heavy < plain);
}

void TestLessonClaims::theSaddleHasAPlateauThenSlidesOff()
{
    const ui::AppSettings s = lesson("04-saddle-point.json");
    // The loss goes below zero on a saddle: a log scale could not show it.
    QVERIFY(!s.logLoss);
    const Path p = play(s, stepsIn(s, 8));
    int longest = 0, run = 0, longestEnd = 0;
    for (std::size_t k = 0; k < p.points.size(); ++k) {
        const double g = 2 * std::hypot(p.points[k][0], p.points[k][1]);
        run = g < 0.1 ? run + 1 : 0;
        if (run > longest) {
            longest = run;
            longestEnd = static_cast<int>(k);
        }
    }
    qInfo("plateau of %d steps (|gradient| < 0.1), ending at step %d", longest, longestEnd);
    QVERIFY(longest >= 25);
    QVERIFY(longestEnd - longest < stepsIn(s, 3));   // it starts within the first seconds
    QVERIFY(p.loss.back() < -1);                     // and then the point slides off downhill
}

void TestLessonClaims::aBatchOfOneIsNoisy()
{
    const ui::AppSettings s = lesson("06-batch-size-noise.json");
    QCOMPARE(s.train.batchSize, 1);
    const Path one = play(s, 400);
    core::TrainSettings t = s.train;
    t.batchSize = 32;
    const Path many = play(s, 400, &t);
    const std::vector<double> late1(one.batchLoss.begin() + 200, one.batchLoss.end());
    const std::vector<double> late32(many.batchLoss.begin() + 200, many.batchLoss.end());
    qInfo("spread of the batch loss: %g with batch 1, %g with 32", spread(late1), spread(late32));
    QVERIFY(spread(late1) > 3 * spread(late32));
}

void TestLessonClaims::theScheduleSettlesWhereConstantJitters()
{
    const ui::AppSettings s = lesson("07-learning-rate-schedules.json");
    const int steps = stepsIn(s, 20);
    const Path decayed = play(s, steps);
    core::TrainSettings t = s.train;
    t.schedule = core::Schedule{};   // constant
    const Path constant = play(s, steps, &t);
    const auto jitter = [](const Path& p) {
        std::vector<double> w;
        for (std::size_t k = p.points.size() - 100; k < p.points.size(); ++k)
            w.push_back(p.points[k][0]);
        return spread(w);
    };
    qInfo("jitter of w over the last 100 of %d steps: %g decayed, %g constant", steps, jitter(decayed), jitter(constant));
    QVERIFY(jitter(decayed) < jitter(constant) / 5);
}

void TestLessonClaims::l1AndL2EndApart()
{
    const ui::AppSettings l1 = lesson("08-l1-vs-l2.json");
    QCOMPARE(l1.loss.kind, core::LossKind::Mae);
    ui::AppSettings l2 = l1;
    l2.loss.kind = core::LossKind::Mse;
    const Path a = play(l1, 3000), b = play(l2, 3000);
    const double apart = (a.points.back() - b.points.back()).norm();
    qInfo("mae ends at (%g, %g), mse at (%g, %g)", a.points.back()[0], a.points.back()[1], b.points.back()[0], b.points.back()[1]);
    QVERIFY(apart > 0.1);
    // L1 leaves the start visibly within its first seconds: half way to where it ends.
    const Path early = play(l1, stepsIn(l1, 5));
    const double way = (a.points.back() - a.points.front()).norm();
    const double gone = (early.points.back() - early.points.front()).norm();
    qInfo("mae after %zu steps: %g of the %g it goes", early.points.size() - 1, gone, way);
    QVERIFY(gone > 0.5 * way);
    // Near the minimum its steps do not shrink as L2's do (the mean step over the last 200).
    const auto lateStep = [](const Path& p) {
        double sum = 0;
        for (std::size_t k = p.points.size() - 200; k < p.points.size(); ++k)
            sum += (p.points[k] - p.points[k - 1]).norm();
        return sum / 200;
    };
    qInfo("mean step near the end: mae %g, mse %g", lateStep(a), lateStep(b));
    QVERIFY(lateStep(a) > 2 * lateStep(b));
}

void TestLessonClaims::aSmallTrainingSetOverfits()
{
    const ui::AppSettings s = lesson("09-overfitting.json");
    const ui::Problem problem = ui::Problem::build(s);
    auto trainer = problem.makeTrainer(s.train, s.start.empty() ? problem.defaultStart(s.train.seed) : ui::toVec(s.start));
    std::vector<double> train, val;
    const std::int64_t perEpoch = trainer->batchesPerEpoch();
    const int epochs = static_cast<int>(stepsIn(s, 20) / perEpoch);
    for (int e = 0; e < epochs; ++e) {
        for (std::int64_t b = 0; b < perEpoch; ++b)
            QVERIFY(trainer->step());
        train.push_back(trainer->trainingLoss());
        val.push_back(trainer->validationLoss());
    }
    const auto best = static_cast<std::size_t>(std::min_element(val.begin(), val.end()) - val.begin());
    qInfo("validation loss lowest %g at epoch %zu of %d, %g at the end; training loss %g then, %g at the end", val[best],
        best + 1, epochs, val.back(), train[best], train.back());
    QVERIFY(best + 1 < val.size());
    QVERIFY(val.back() > 1.05 * val[best]);    // the validation loss turns up
    QVERIFY(train.back() < train[best]);       // while the training loss keeps falling
}

void TestLessonClaims::adamFollowsTheBananaWhereSgdCrawls()
{
    const ui::AppSettings s = lesson("10-adam-vs-sgd.json");
    const int steps = stepsIn(s, 20);
    const core::Vec minimum = core::Vec::Ones(2);
    const Path adam = play(s, steps);
    QCOMPARE(s.race.size(), std::size_t{4});
    core::TrainSettings t = s.train;
    t.optimizer = s.race[1].optimizer;   // SGD at 0.001
    const Path sgd = play(s, steps, &t);
    const double da = (adam.points.back() - minimum).norm(), ds = (sgd.points.back() - minimum).norm();
    qInfo("after %d steps: Adam %g from (1, 1), SGD %g", steps, da, ds);
    QVERIFY(da < 0.1);
    QVERIFY(ds > 3 * da);
}

QTEST_APPLESS_MAIN(TestLessonClaims)
#include "test_lesson_claims.moc"
