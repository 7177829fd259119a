// What the landscape shows (issue #4): the batch surface is the loss over the last update's
// batch, the validation surface and the training surface differ on a small training set, side by
// side the two plots share path and view, validation is unavailable without a validation set, the
// choice round-trips through settings files, and the batch strip shows the images the model saw.
// The expected values are computed here from the engine (a trainer of our own, computeLandscape,
// augmentation by hand), never copied from the window.
#include <QColor>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

#include "window/export/animation_dialog.h"
#include "window/run/run_presenter.h"
#include "window/shell/appearance.h"
#include "tests/common/controller_sync.h"
#include "core/base/error.h"
#include "core/landscape/landscape.h"
#include "plots/landscape_plot.h"
#include "session/run/landscape_worker.h"
#include "window/shell/main_window.h"
#include "session/settings/settings_io.h"
#include "window/run/surface_area.h"
#include "window/run/surface_feeder.h"
#include "session/run/training_controller.h"
#include "tests/common/sanitizers.h"
#include "tests/common/window_harness.h"

using namespace downhill;
using downhill::test::openWindow;
using downhill::ui::toVec;
using downhill::test::syncWith;
using downhill::ui::AppSettings;
using downhill::ui::MainWindow;
using downhill::ui::Surface;

namespace {

// A window on these settings, shown at 1280 x 800, once its first fine grid is on screen.

// The window's plane at the fine resolution: what its worker computes.
core::LandscapeRequest windowRequest(const MainWindow& w)
{
    const AppSettings& s = w.settings();
    core::LandscapeRequest rq;
    rq.axis1 = s.axis1;
    rq.axis2 = s.axis2;
    rq.origin = toVec(s.held);
    rq.min1 = (*s.range)[0];
    rq.max1 = (*s.range)[1];
    rq.min2 = (*s.range)[2];
    rq.max2 = (*s.range)[3];
    rq.resolution = ui::LandscapeJob().fineResolution;
    return rq;
}

// Largest relative difference between a plot's grid and an expected grid, over every 17th node.
double gridDifference(const ui::LandscapePlot& plot, const core::LandscapeGrid& expected)
{
    const auto& rq = expected.request;
    double worst = 0;
    for (int j = 0; j < rq.resolution; j += 17) {
        for (int i = 0; i < rq.resolution; i += 17) {
            const double shown = plot.lossAt(QPointF(rq.value1(i), rq.value2(j)));
            const double want = expected.loss(i, j);
            worst = std::max(worst, std::abs(shown - want) / std::max(1.0, std::abs(want)));
        }
    }
    return worst;
}

void chooseSurface(MainWindow& w, Surface surface)
{
    auto* combo = w.findChild<QComboBox*>(QStringLiteral("surfaceCombo"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(ui::surfaceName(surface)));
    QCOMPARE(w.settings().surface, surface);
}

// The feeder has no batch job left and the window has drawn what came back.
bool batchGridSettled(MainWindow& w, int jobsBefore)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000 * downhill::test::kSlowBuildFactor) {
        if (w.surfaceFeeder()->batchJobsRequested() > jobsBefore && !w.surfaceFeeder()->batchJobInFlight())
            return true;
        QTest::qWait(20);
    }
    return false;
}

}  // namespace

class TestSurfaces : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void batchSurfaceIsTheLossOverTheBatch();
    void batchSurfaceFollowsEveryStepWhilePlaying();
    void slowGridReplotsLeaveTheFramesAlone();
    void batchChosenAfterStepsShowsTheLastBatch();
    void aNetworksBatchSurface();
    void validationMinimumDriftsFromTraining();
    void sideBySideSharesPathAndView();
    void sideBySideAnimationHasBothMaps();
    void validationUnavailableWithoutValidationSet();
    void surfaceRoundTripsThroughSettings_data();
    void surfaceRoundTripsThroughSettings();
    void oldFilesShowTheTrainingSetAndBadValuesAreNamed();
};

void TestSurfaces::initTestCase()
{
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
}

void TestSurfaces::batchSurfaceIsTheLossOverTheBatch()
{
    AppSettings s;
    s.loss.kind = core::LossKind::Mae;   // the general path: every per-sample loss
    s.train.batchSize = 8;
    s.train.augmentation.flip = true;    // the batch's x are the augmented images' features
    s.train.augmentation.noise = true;
    auto w = openWindow(s);
    QVERIFY(w);
    chooseSurface(*w, Surface::Batch);
    QCOMPARE(w->surfaceFeeder()->effective(), Surface::Batch);
    const int before = w->surfaceFeeder()->batchJobsRequested();
    w->controller()->stepOnce();
    QVERIFY(syncWith(w->controller()));
    QVERIFY(batchGridSettled(*w, before));
    QVERIFY(w->surfaceFeeder()->batch());
    QCOMPARE(w->surfaceFeeder()->lastBatchResolution(), ui::LandscapeJob().fineResolution);   // at rest: fine

    // Our own trainer, same settings and start, one step: its batch is the one the window's took.
    auto trainer = w->problem().makeTrainer(w->settings().train, toVec(w->settings().start));
    QVERIFY(trainer->step());
    const core::Samples batch = trainer->lastBatch();
    QCOMPARE(batch.size(), Eigen::Index{8});
    const core::LandscapeRequest rq = windowRequest(*w);
    const auto expected = core::computeLandscape(*w->problem().objective(), batch, rq);
    QVERIFY(expected);
    const double difference = gridDifference(*w->landscapePlot(), *expected);
    qInfo("batch surface vs computeLandscape on the batch: largest relative difference %.3g", difference);
    QVERIFY(difference < 1e-9);
    // And it is not the training set's landscape (so the comparison above can fail).
    const auto train = core::computeLandscape(*w->problem().objective(), w->problem().data()->train, rq);
    QVERIFY(gridDifference(*w->landscapePlot(), *train) > 1e-3);
    QVERIFY(w->surfaceArea()->mainTitle().contains(QStringLiteral("batch 1 of epoch 0")));
}

// Chosen at step 3, the batch surface shows the batch of step 3 at once, not the training set
// until the next step.
void TestSurfaces::batchChosenAfterStepsShowsTheLastBatch()
{
    AppSettings s;
    s.train.batchSize = 8;
    auto w = openWindow(s);
    QVERIFY(w);
    for (int k = 0; k < 3; ++k)
        w->controller()->stepOnce();
    QVERIFY(syncWith(w->controller()));
    QCoreApplication::processEvents();
    const int before = w->surfaceFeeder()->batchJobsRequested();
    chooseSurface(*w, Surface::Batch);
    QVERIFY2(w->surfaceArea()->mainTitle().contains(QStringLiteral("(step 3)")), qPrintable(w->surfaceArea()->mainTitle()));
    QVERIFY(w->surfaceFeeder()->batch());
    QCOMPARE(w->surfaceFeeder()->batch()->size(), Eigen::Index{8});
    QVERIFY(batchGridSettled(*w, before - 1));
    auto trainer = w->problem().makeTrainer(w->settings().train, toVec(w->settings().start));
    for (int k = 0; k < 3; ++k)
        QVERIFY(trainer->step());
    const auto expected = core::computeLandscape(*w->problem().objective(), trainer->lastBatch(), windowRequest(*w));
    QVERIFY(expected);
    QTRY_VERIFY(gridDifference(*w->landscapePlot(), *expected) < 1e-9);
}

// A network's batch surface: the loss over the pixels of the batch it last saw, on its plane.
void TestSurfaces::aNetworksBatchSurface()
{
    AppSettings s;
    s.setModel("mlp:4:relu");
    s.data.count = 100;
    s.train.batchSize = 8;
    auto w = openWindow(s);
    QVERIFY(w);
    chooseSurface(*w, Surface::Batch);
    const int before = w->surfaceFeeder()->batchJobsRequested();
    w->controller()->stepOnce();
    QVERIFY(syncWith(w->controller()));
    QVERIFY(batchGridSettled(*w, before));
    QVERIFY(w->surfaceFeeder()->batch() && w->surfaceFeeder()->batch()->hasInputs());
    auto trainer = w->problem().makeTrainer(w->settings().train, toVec(w->settings().start));
    QVERIFY(trainer->step());
    core::LandscapeRequest rq = w->landscapePlot()->gridRequest();
    rq.resolution = ui::LandscapeJob().fineResolution;
    const auto expected = core::computeLandscape(*w->problem().objective(), trainer->lastBatch(), rq);
    QVERIFY(expected);
    QTRY_VERIFY(gridDifference(*w->landscapePlot(), *expected) < 1e-9);
    const auto train = core::computeLandscape(*w->problem().objective(), w->problem().data()->train, rq);
    QVERIFY(gridDifference(*w->landscapePlot(), *train) > 1e-3);
}

void TestSurfaces::batchSurfaceFollowsEveryStepWhilePlaying()
{
    AppSettings s;
    s.train.batchSize = 4;
    s.speed = 0;   // as fast as the engine runs: coarse batch grids
    auto w = openWindow(s);
    QVERIFY(w);
    chooseSurface(*w, Surface::Batch);
    const int before = w->surfaceFeeder()->batchJobsRequested();
    w->controller()->play();
    QTRY_VERIFY_WITH_TIMEOUT(w->surfaceFeeder()->batchJobsRequested() > before + 5, 20000);
    // Coalesced: never more than one batch job at a time, and coarse while fast.
    QCOMPARE(w->surfaceFeeder()->lastBatchResolution(), ui::LandscapeJob().coarseResolution);
    QVERIFY(w->surfaceFeeder()->batchJobsRequested() - before < w->controller()->state().step + 50);
    w->controller()->pause();
    QVERIFY(syncWith(w->controller()));
    // At rest the batch on screen is refined to the fine grid.
    QTRY_VERIFY_WITH_TIMEOUT(w->surfaceFeeder()->lastBatchResolution() == ui::LandscapeJob().fineResolution
            && !w->surfaceFeeder()->batchJobInFlight(), 20000);
    // The path and the arrows are drawn on the batch surface as on any other.
    QVERIFY(w->landscapePlot()->pathPointCount() > 5);
    QVERIFY(std::isfinite(w->landscapePlot()->stepArrow().x1()) || std::isfinite(w->landscapePlot()->gradientArrow().x1()));
}

// The frame interval follows what a frame costs (its own work and the loss plot's replot),
// not the landscape's full replots, which come with each new grid (13 a second on the batch
// surface): on a loaded machine those made the window space its frames out for them.
void TestSurfaces::slowGridReplotsLeaveTheFramesAlone()
{
    AppSettings s;
    s.speed = 0;
    auto w = openWindow(s);
    QVERIFY(w);
    auto* presenter = w->findChild<ui::RunPresenter*>();
    QVERIFY(presenter);
    w->controller()->play();
    QTest::qWait(1500);
    const int alone = presenter->frameIntervalMs();
    if (alone > 40)
        QSKIP("frames alone already take most of the interval's range in this build");
    // Every full replot of the landscape now takes 100 ms longer, five a second.
    const auto slow = connect(w->landscapePlot(), &QCustomPlot::beforeReplot, [] { QThread::msleep(100); });
    QTimer replots;
    connect(&replots, &QTimer::timeout, [&] { w->landscapePlot()->replot(QCustomPlot::rpQueuedReplot); });
    replots.start(200);
    QTest::qWait(2000);
    const int withSlowReplots = presenter->frameIntervalMs();
    replots.stop();
    disconnect(slow);
    w->controller()->pause();
    QVERIFY2(withSlowReplots <= alone + 10, qPrintable(QString("%1 ms alone, %2 ms with slow grid replots").arg(alone).arg(withSlowReplots)));
}

void TestSurfaces::validationMinimumDriftsFromTraining()
{
    // Ten training images, forty for validation: the training minimum fits the ten.
    AppSettings s;
    s.data.count = 50;
    s.data.valFraction = 0.8;
    s.surface = Surface::TrainAndVal;
    auto w = openWindow(s);
    QVERIFY(w);
    QCOMPARE(w->surfaceFeeder()->effective(), Surface::TrainAndVal);
    ui::LandscapePlot* main = w->landscapePlot();
    ui::LandscapePlot* side = w->surfaceArea()->sidePlot();
    QTRY_VERIFY_WITH_TIMEOUT(side->hasLandscape() && !side->isLandscapeStale() && !main->isLandscapeStale(), 20000);

    const auto& data = *w->problem().data();
    QCOMPARE(data.train.size(), Eigen::Index{10});
    const core::LandscapeRequest rq = windowRequest(*w);
    const auto train = core::computeLandscape(*w->problem().objective(), data.train, rq);
    const auto val = core::computeLandscape(*w->problem().objective(), data.val, rq);
    QVERIFY(train && val);
    QVERIFY(gridDifference(*main, *train) < 1e-9);
    QTRY_VERIFY_WITH_TIMEOUT(gridDifference(*side, *val) < 1e-9, 20000);
    const QPointF trainMin(rq.value1(train->argmin1), rq.value2(train->argmin2));
    const QPointF valMin(rq.value1(val->argmin1), rq.value2(val->argmin2));
    QCOMPARE(main->minimumPosition(), trainMin);
    QCOMPARE(side->minimumPosition(), valMin);
    // Apart by more than a few grid cells: the drift is there to see.
    const double cell1 = (rq.max1 - rq.min1) / (rq.resolution - 1);
    const double cell2 = (rq.max2 - rq.min2) / (rq.resolution - 1);
    qInfo("training minimum (%g, %g), validation minimum (%g, %g)", trainMin.x(), trainMin.y(), valMin.x(), valMin.y());
    QVERIFY(std::abs(trainMin.x() - valMin.x()) > 3 * cell1 || std::abs(trainMin.y() - valMin.y()) > 3 * cell2);
    // Each plot also marks the other's minimum.
    QCOMPARE(main->otherMinimum(), valMin);
    QCOMPARE(side->otherMinimum(), trainMin);
}

void TestSurfaces::sideBySideSharesPathAndView()
{
    AppSettings s;
    auto w = openWindow(s);
    QVERIFY(w);
    ui::LandscapePlot* main = w->landscapePlot();
    ui::LandscapePlot* side = w->surfaceArea()->sidePlot();
    QVERIFY(!side->isVisible());
    for (int k = 0; k < 5; ++k)
        w->controller()->stepOnce();
    QVERIFY(syncWith(w->controller()));
    chooseSurface(*w, Surface::TrainAndVal);
    QVERIFY(side->isVisible() && main->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(side->hasLandscape() && !side->isLandscapeStale(), 20000);
    // Two plots, both of a usable width at 1280 x 800, side by side.
    QVERIFY2(main->width() >= 300 && side->width() >= 300, qPrintable(QStringLiteral("%1, %2").arg(main->width()).arg(side->width())));
    QVERIFY(side->mapToGlobal(QPoint()).x() > main->mapToGlobal(QPoint()).x() + main->width() - 10);

    // The path so far came along, and every new step reaches both.
    QCOMPARE(side->pathPoints(), main->pathPoints());
    for (int k = 0; k < 3; ++k)
        w->controller()->stepOnce();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(side->pathPointCount(), 9);   // the start and eight steps
    QCOMPARE(side->pathPoints(), main->pathPoints());
    // The same arrows at the same place (a hidden arrow is all NaN on both).
    const auto same = [](QLineF a, QLineF b) {
        const auto eq = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
        return eq(a.x1(), b.x1()) && eq(a.y1(), b.y1()) && eq(a.x2(), b.x2()) && eq(a.y2(), b.y2());
    };
    QVERIFY(same(side->stepArrow(), main->stepArrow()));
    // Minus the gradient from the same tail in the same direction; its drawn length is scaled
    // to each plot's own loss range, so only the direction must agree.
    const QLineF g = main->gradientArrow(), h = side->gradientArrow();
    QVERIFY(std::isfinite(g.x1()) && std::isfinite(h.x1()));
    QCOMPARE(h.p1(), g.p1());
    const double cross = (g.dx() * h.dy() - g.dy() * h.dx()) / (g.length() * h.length());
    QVERIFY2(std::abs(cross) < 1e-6 && g.dx() * h.dx() + g.dy() * h.dy() > 0, qPrintable(QString::number(cross)));

    // Zoom or pan either plot and the other follows.
    main->xAxis->setRange(0.5, 2.5);
    main->yAxis->setRange(1.0, 4.0);
    QCOMPARE(side->xAxis->range().lower, 0.5);
    QCOMPARE(side->yAxis->range().upper, 4.0);
    side->xAxis->setRange(-1.0, 1.0);
    QCOMPARE(main->xAxis->range().lower, -1.0);
    QCOMPARE(main->xAxis->range().upper, 1.0);

    // Back to one plot: the second goes away and stops following.
    chooseSurface(*w, Surface::Train);
    QVERIFY(!side->isVisible());
    QVERIFY(main->follower() == nullptr);
}

void TestSurfaces::sideBySideAnimationHasBothMaps()
{
    // File > Export animation side by side: both maps in every frame, as on screen.
    auto w = openWindow(AppSettings{});
    QVERIFY(w);
    for (int k = 0; k < 6; ++k)
        w->controller()->stepOnce();
    QVERIFY(syncWith(w->controller()));
    QTemporaryDir dir;
    ui::AnimationSettings a;
    a.format = ui::AnimationFormat::PngFrames;
    a.frames = 3;
    a.size = QSize();   // the plots' size on screen
    QString error;
    a.target = dir.filePath("one");
    QCOMPARE(w->exportAnimation(a, &error), ui::ExportResult::Written);
    const QImage one(dir.filePath("one/frame_0002.png"));
    QCOMPARE(one.size(), w->landscapePlot()->size());

    chooseSurface(*w, Surface::TrainAndVal);
    ui::LandscapePlot* side = w->surfaceArea()->sidePlot();
    QTRY_VERIFY_WITH_TIMEOUT(side->hasLandscape() && !side->isLandscapeStale(), 20000);
    QCOMPARE(w->mapsSize(), QSize(w->landscapePlot()->width() + side->width(), w->landscapePlot()->height()));
    a.target = dir.filePath("pair");
    QCOMPARE(w->exportAnimation(a, &error), ui::ExportResult::Written);
    const QImage pair(dir.filePath("pair/frame_0002.png"));
    QCOMPARE(pair.size(), w->mapsSize());
    // Its right half is a map of its own: not the right half of the single map, stretched.
    a.size = QSize(1600, 800);
    a.target = dir.filePath("pair-fixed");
    QCOMPARE(w->exportAnimation(a, &error), ui::ExportResult::Written);
    const QImage fixed(dir.filePath("pair-fixed/frame_0002.png"));
    QCOMPARE(fixed.size(), QSize(1600, 800));
    int coloured[2] = {0, 0};
    for (int y = 0; y < fixed.height(); y += 4)
        for (int x = 0; x < fixed.width(); x += 4)
            coloured[x < fixed.width() / 2 ? 0 : 1] += QColor(fixed.pixel(x, y)).saturation() > 80 ? 1 : 0;
    QVERIFY2(coloured[0] > 5000 && coloured[1] > 5000, qPrintable(QStringLiteral("%1 %2").arg(coloured[0]).arg(coloured[1])));
    fixed.save(QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots/animation-side-by-side.png"));
}

void TestSurfaces::validationUnavailableWithoutValidationSet()
{
    AppSettings s;
    s.data.valFraction = 0;
    s.surface = Surface::Validation;   // e.g. from a file written with a validation set
    auto w = openWindow(s);
    QVERIFY(w);
    auto* combo = w->findChild<QComboBox*>(QStringLiteral("surfaceCombo"));
    auto* items = qobject_cast<QStandardItemModel*>(combo->model());
    for (Surface surface : {Surface::Validation, Surface::TrainAndVal}) {
        const QStandardItem* item = items->item(combo->findData(ui::surfaceName(surface)));
        QVERIFY(!item->isEnabled());
        QVERIFY(item->toolTip().contains(QStringLiteral("no validation set")));
    }
    QVERIFY(items->item(combo->findData(ui::surfaceName(Surface::Batch)))->isEnabled());
    // What is drawn is the training set, and the title says why.
    QCOMPARE(w->surfaceFeeder()->effective(), Surface::Train);
    QVERIFY(w->surfaceArea()->mainTitle().contains(QStringLiteral("no validation set")));
    const auto train = core::computeLandscape(*w->problem().objective(), w->problem().data()->train, windowRequest(*w));
    QVERIFY(gridDifference(*w->landscapePlot(), *train) < 1e-9);

    // With a validation set again, the choice is available.
    AppSettings with = w->settings();
    with.data.valFraction = 0.2;
    QSignalSpy shown(w.get(), &MainWindow::landscapeShown);
    w->applySettings(with);
    QVERIFY(items->item(combo->findData(ui::surfaceName(Surface::Validation)))->isEnabled());
    QCOMPARE(w->surfaceFeeder()->effective(), Surface::Validation);

    // An analytic landscape has one surface: the switch is off and says why.
    with.model = "rosenbrock";
    with.start.clear();
    with.held.clear();
    with.range.reset();
    w->applySettings(with);
    QVERIFY(!combo->isEnabled());
    QVERIFY(combo->toolTip().contains(QStringLiteral("analytic")));
    QCOMPARE(w->surfaceFeeder()->effective(), Surface::Train);
}

void TestSurfaces::surfaceRoundTripsThroughSettings_data()
{
    QTest::addColumn<int>("surface");
    QTest::addColumn<QString>("word");
    QTest::newRow("train") << static_cast<int>(Surface::Train) << QStringLiteral("train");
    QTest::newRow("batch") << static_cast<int>(Surface::Batch) << QStringLiteral("batch");
    QTest::newRow("val") << static_cast<int>(Surface::Validation) << QStringLiteral("val");
    QTest::newRow("train+val") << static_cast<int>(Surface::TrainAndVal) << QStringLiteral("train+val");
}

void TestSurfaces::surfaceRoundTripsThroughSettings()
{
    QFETCH(int, surface);
    QFETCH(QString, word);
    AppSettings s;
    s.surface = static_cast<Surface>(surface);
    const QByteArray json = ui::settingsToJson(s);
    QVERIFY(json.contains(QStringLiteral("\"surface\": \"%1\"").arg(word).toUtf8()));
    QCOMPARE(static_cast<int>(ui::settingsFromJson(json).surface), surface);
}

void TestSurfaces::oldFilesShowTheTrainingSetAndBadValuesAreNamed()
{
    // A file from before the switch: no surface key.
    const AppSettings old = ui::settingsFromJson(R"({"format": "downhill-settings", "view": {"captions": false}})");
    QCOMPARE(old.surface, Surface::Train);
    QCOMPARE(old.captions, false);
    for (const char* bad : {R"({"view": {"surface": "validation"}})", R"({"view": {"surface": 2}})"}) {
        try {
            ui::settingsFromJson(bad);
            QFAIL("a bad surface was accepted");
        } catch (const core::InputError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith(QStringLiteral("view.surface: expected")), qPrintable(message));
        }
    }
    try {
        ui::settingsFromJson(R"({"view": {"surface": "validation"}})");
    } catch (const core::InputError& e) {
        QCOMPARE(QString::fromUtf8(e.what()),
            QStringLiteral("view.surface: expected one of \"train\", \"batch\", \"val\", \"train+val\", got \"validation\""));
    }
}

QTEST_MAIN(TestSurfaces)
#include "test_surfaces.moc"
