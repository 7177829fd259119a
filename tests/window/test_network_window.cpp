// A network in the window: it trains on a random plane through its thousands of parameters;
// the path drawn is the least-squares projection of every point (worked out here with a QR
// solve of its own) and the read-outs say how far off the plane the run stands; recentring
// moves the origin to the current point without stopping the run; the PCA plane of the path
// holds the path closer than the random one; two single weights can be chosen by name, with
// no slider per held parameter.
#include <QComboBox>
#include <QLabel>
#include <QtTest>

#include <Eigen/QR>

#include <cmath>

#include "core/landscape/projection.h"
#include "plots/landscape_plot.h"
#include "session/problem/problem.h"
#include "session/run/training_controller.h"
#include "tests/common/controller_sync.h"
#include "tests/common/window_harness.h"
#include "window/race/race_mode.h"
#include "session/run/race_controller.h"
#include "window/run/batch_strip.h"
#include "window/shell/main_window.h"

using namespace downhill;
using downhill::test::openWindow;
using downhill::test::syncWith;

namespace {

ui::AppSettings networkSettings()
{
    ui::AppSettings s;
    s.setModel("mlp:8:relu");
    s.data.count = 200;
    s.train.optimizer.kind = core::OptimizerKind::Adam;
    s.train.optimizer.lr = 0.003;
    s.train.batchSize = 16;
    s.speed = 0;
    return s;
}

// alpha and beta of w on the plane, solved here as the least-squares problem it is.
Eigen::Vector2d solvePlane(const core::Plane& plane, const core::Vec& w)
{
    Eigen::MatrixXd a(plane.origin.size(), 2);
    a.col(0) = plane.d1;
    a.col(1) = plane.d2;
    return a.colPivHouseholderQr().solve(w - plane.origin);
}

void steps(ui::MainWindow& w, int n)
{
    QAction* step = downhill::test::action(w, "stepAction");
    for (int k = 0; k < n; ++k)
        step->trigger();
    QVERIFY(syncWith(w.findChild<ui::TrainingController*>()));
    QCoreApplication::processEvents();
}

double offPlaneShown(ui::MainWindow& w)
{
    auto* label = w.findChild<QLabel*>(QStringLiteral("readoutOffPlane"));
    return label ? label->text().section(QLatin1Char(' '), 0, 0).toDouble() : std::nan("");
}

}  // namespace

class TestNetworkWindow : public QObject {
    Q_OBJECT
private slots:
    void trainsOnARandomPlane();
    void recentreKeepsTheRunGoing();
    void pcaPlaneHoldsThePath();
    void twoWeightsByName();
    void batchStripShowsTheNetworksCounts();
    void aRaceOfNetworksOnThePlane();
};

void TestNetworkWindow::trainsOnARandomPlane()
{
    auto w = openWindow(networkSettings());
    QVERIFY(w);
    const core::Projection& projection = w->projection();
    QVERIFY(projection.isPlane());
    QCOMPARE(projection.plane()->kind, core::PlaneKind::Random);
    QCOMPARE(projection.parameterCount(), Eigen::Index{144 * 8 + 8 + 8 + 1});
    QVERIFY(projection.origin().isApprox(ui::toVec(w->settings().start)));
    auto* plot = w->findChild<ui::LandscapePlot*>(QStringLiteral("landscapePlot"));
    QVERIFY(plot);
    QCOMPARE(plot->gridRequest().plane.get(), projection.plane().get());
    QVERIFY(plot->xAxis->label().startsWith(QStringLiteral("alpha")));
    // Nothing is held on a plane: no slider per parameter.
    QVERIFY(w->findChildren<QWidget*>(QRegularExpression(QStringLiteral("^held_"))).isEmpty());

    steps(*w, 6);
    const core::Vec now = w->findChild<ui::TrainingController*>()->state().params;
    const Eigen::Vector2d expected = solvePlane(*projection.plane(), now);
    const QVector<QPointF> path = plot->pathPoints();
    QCOMPARE(path.size(), 7);
    QVERIFY(std::abs(path.back().x() - expected[0]) < 1e-9);
    QVERIFY(std::abs(path.back().y() - expected[1]) < 1e-9);
    QVERIFY(std::abs(path.front().x()) < 1e-12 && std::abs(path.front().y()) < 1e-12);   // the origin is the start
    // The distance off the plane, as the read-out shows it (six decimals).
    const core::Plane& q = *projection.plane();
    const double off = (now - q.origin - expected[0] * q.d1 - expected[1] * q.d2).norm();
    QVERIFY(off > 1e-4);   // training moves in thousands of directions, the plane holds two
    QVERIFY(std::abs(offPlaneShown(*w) - off) < 2e-6 * std::max(1.0, off));
}

void TestNetworkWindow::recentreKeepsTheRunGoing()
{
    auto w = openWindow(networkSettings());
    QVERIFY(w);
    steps(*w, 5);
    auto* controller = w->findChild<ui::TrainingController*>();
    const core::Vec now = controller->state().params;
    const auto oldPlane = w->projection().plane();
    w->recentrePlane();
    QVERIFY(w->projection().plane() != oldPlane);
    QVERIFY(w->projection().origin().isApprox(now));
    QCOMPARE(controller->state().step, std::int64_t{5});   // the run went on, not reset
    auto* plot = w->findChild<ui::LandscapePlot*>(QStringLiteral("landscapePlot"));
    const QVector<QPointF> path = plot->pathPoints();
    QCOMPARE(path.size(), 6);   // the old path, projected anew
    QVERIFY(std::abs(path.back().x()) < 1e-9 && std::abs(path.back().y()) < 1e-9);
    const Eigen::Vector2d start = solvePlane(*w->projection().plane(), w->pathLog().init());
    QVERIFY(std::abs(path.front().x() - start[0]) < 1e-9);
    QVERIFY(std::abs(path.front().y() - start[1]) < 1e-9);
    steps(*w, 1);
    QCOMPARE(controller->state().step, std::int64_t{6});
}

void TestNetworkWindow::pcaPlaneHoldsThePath()
{
    auto w = openWindow(networkSettings());
    QVERIFY(w);
    steps(*w, 40);
    const auto meanOffPlane = [&] {
        double sum = 0;
        const auto& rows = w->pathLog().rows();
        for (const auto& row : rows)
            sum += w->projection().locate(row.params).offPlane;
        return sum / static_cast<double>(rows.size());
    };
    const double onRandom = meanOffPlane();
    auto* kind = w->findChild<QComboBox*>(QStringLiteral("planeCombo"));
    QVERIFY(kind);
    QSignalSpy shown(w.get(), &ui::MainWindow::landscapeShown);
    kind->setCurrentIndex(kind->findData(QStringLiteral("pca")));
    QCOMPARE(w->projection().plane()->kind, core::PlaneKind::Pca);
    QVERIFY(w->projection().origin().isApprox(w->findChild<ui::TrainingController*>()->state().params));
    const double onPca = meanOffPlane();
    QVERIFY2(onPca < 0.5 * onRandom, qPrintable(QStringLiteral("%1 vs %2").arg(onPca).arg(onRandom)));
    const auto& explained = w->projection().plane()->explained;
    QVERIFY(explained[0] >= explained[1] && explained[0] > 0 && explained[0] + explained[1] <= 1 + 1e-12);
    QVERIFY(shown.wait(20000));
    auto* plot = w->findChild<ui::LandscapePlot*>(QStringLiteral("landscapePlot"));
    QVERIFY2(plot->xAxis->label().contains(QStringLiteral("PC 1")), qPrintable(plot->xAxis->label()));
}

void TestNetworkWindow::twoWeightsByName()
{
    auto w = openWindow(networkSettings());
    QVERIFY(w);
    auto* kind = w->findChild<QComboBox*>(QStringLiteral("planeCombo"));
    kind->setCurrentIndex(kind->findData(QStringLiteral("axes")));
    auto* axis2 = w->findChild<QComboBox*>(QStringLiteral("axis2Combo"));
    QVERIFY(axis2 && axis2->isEditable());
    const int second = axis2->findText(QStringLiteral("2.weight[0][3]"));
    QVERIFY(second > 0);
    axis2->setCurrentIndex(second);
    QVERIFY(!w->projection().isPlane());
    QCOMPARE(w->projection().axis2(), second);
    QVERIFY(w->findChildren<QWidget*>(QRegularExpression(QStringLiteral("^held_"))).isEmpty());
    QSignalSpy shown(w.get(), &ui::MainWindow::landscapeShown);
    QVERIFY(shown.wait(20000));
    auto* plot = w->findChild<ui::LandscapePlot*>(QStringLiteral("landscapePlot"));
    QCOMPARE(plot->yAxis->label(), QStringLiteral("2.weight[0][3]"));
    steps(*w, 3);
    const core::Vec now = w->findChild<ui::TrainingController*>()->state().params;
    QCOMPARE(plot->pathPoints().back().y(), now[second]);
}

QTEST_MAIN(TestNetworkWindow)
#include "test_network_window.moc"

// The batch strip says what the network counted in each image it saw: here each shown image's
// pixels are shrunk to 12 x 12 by hand and run through mlp:8:relu with the start's weights
// (the strip shows the batch with the model before its update), in the state_dict layout.
void TestNetworkWindow::batchStripShowsTheNetworksCounts()
{
    auto w = openWindow(networkSettings());
    QVERIFY(w);
    const core::Vec start = ui::toVec(w->settings().start);
    steps(*w, 1);
    auto* strip = w->findChild<ui::BatchStrip*>();
    QVERIFY(strip);
    int checked = 0;
    for (const ui::BatchStrip::Item& item : strip->items()) {
        if (item.image.isNull())
            continue;
        QCOMPARE(item.image.width(), 48);
        const int n = 12, block = 48 / n, hidden = 8, inputs = n * n;
        Eigen::VectorXd x(inputs);
        for (int r = 0; r < n; ++r) {
            for (int c = 0; c < n; ++c) {
                double sum = 0;
                for (int y = 0; y < block; ++y)
                    for (int xx = 0; xx < block; ++xx)
                        sum += item.image.constScanLine(r * block + y)[c * block + xx];
                x[r * n + c] = sum / (block * block) / 255.0;
            }
        }
        double y = start[inputs * hidden + hidden + hidden];   // 2.bias[0]
        for (int u = 0; u < hidden; ++u) {
            double pre = start[inputs * hidden + u];   // 0.bias[u]
            for (int k = 0; k < inputs; ++k)
                pre += start[u * inputs + k] * x[k];   // 0.weight[u][k]
            y += start[inputs * hidden + hidden + u] * std::max(pre, 0.0);   // 2.weight[0][u]
        }
        QVERIFY2(std::abs(item.prediction - y) < 1e-12 * std::max(1.0, std::abs(y)),
            qPrintable(QStringLiteral("%1 vs %2").arg(item.prediction, 0, 'g', 17).arg(y, 0, 'g', 17)));
        ++checked;
    }
    QVERIFY(checked >= 8);
}

// A race of networks from one seed: the preset's four optimizers set out from the network's
// start, each marker where that entrant's own run stands, located on the run's random plane by
// the least-squares solve above.
void TestNetworkWindow::aRaceOfNetworksOnThePlane()
{
    auto w = openWindow(networkSettings());
    QVERIFY(w);
    ui::RaceMode* race = w->raceMode();
    w->findChild<QAction*>(QStringLiteral("racePresetAction"))->trigger();
    QCOMPARE(race->lineup().size(), std::size_t{4});
    constexpr int kSteps = 4;
    for (int k = 0; k < kSteps; ++k)
        w->findChild<QAction*>(QStringLiteral("raceStepAction"))->trigger();
    QVERIFY(syncWith(race->controller()));
    QCoreApplication::processEvents();
    auto* plot = w->findChild<ui::LandscapePlot*>(QStringLiteral("landscapePlot"));
    QCOMPARE(plot->overlayPathCount(), 4);
    const core::Plane& plane = *w->projection().plane();
    const core::Vec start = ui::toVec(w->settings().start);
    for (int i = 0; i < 4; ++i) {
        const core::TrainState& state = race->controller()->state(i);
        QCOMPARE(state.step, std::int64_t{kSteps});
        auto solo = w->problem().makeTrainer(race->lineup()[static_cast<std::size_t>(i)], start);
        for (int k = 0; k < kSteps; ++k)
            QVERIFY(solo->step());
        QVERIFY(solo->state() == state);
        const Eigen::Vector2d at = solvePlane(plane, state.params);
        const auto marker = plot->overlayMarker(i)->data()->at(0);
        QVERIFY2(std::abs(marker->key - at[0]) < 1e-9 && std::abs(marker->value - at[1]) < 1e-9,
            qPrintable(QStringLiteral("entrant %1: %2,%3 vs %4,%5").arg(i).arg(marker->key).arg(marker->value).arg(at[0]).arg(at[1])));
        QCOMPARE(plot->overlayPointCount(i), kSteps + 1);
    }
}
