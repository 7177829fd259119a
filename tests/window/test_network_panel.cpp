// The Network dock: a hint for a model that is not a network; for a network one image per
// first-layer unit, coloured by its weights on one symmetric scale, pixels that change as it
// trains, one gradient-norm graph per linear layer with the norms worked out here from the
// gradient's blocks; and in the real window, the dock opened from the View menu on lesson 11.
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QtTest>

#include <cmath>
#include <qcustomplot.h>

#include "core/model/mlp_objective.h"
#include "core/train/trainer.h"
#include "plots/palette.h"
#include "session/run/training_controller.h"
#include "session/settings/settings_io.h"
#include "tests/common/controller_sync.h"
#include "tests/common/synthetic.h"
#include "tests/common/window_harness.h"
#include "window/network/network_panel.h"
#include "window/network/network_view.h"
#include "window/run/batch_strip.h"
#include "window/shell/main_window.h"

using namespace downhill;

namespace {

std::shared_ptr<const core::MlpObjective> mlp(const std::string& spec, int inputSize)
{
    return std::make_shared<core::MlpObjective>(core::MlpSpec::parse(spec), inputSize, core::Loss());
}

// A trainer on pixel-like samples, so the test has real gradients to show.
core::Trainer trainer(const std::shared_ptr<const core::MlpObjective>& net, double lr)
{
    core::TrainData data;
    data.train = test::pixelSamples(net->inputSize() * net->inputSize(), 64, 9);
    data.inputSize = net->inputSize();
    core::TrainSettings settings;
    settings.batchSize = 16;
    settings.optimizer.lr = lr;
    return core::Trainer(net, data, settings, net->initialParameters(2));
}

struct Shown {
    std::unique_ptr<ui::NetworkPanel> panel = std::make_unique<ui::NetworkPanel>();
    Shown()
    {
        panel->resize(360, 640);
        panel->show();
    }
    ui::NetworkView* view() const { return panel->findChild<ui::NetworkView*>(QStringLiteral("networkView")); }
    QCustomPlot* plot() const { return panel->findChild<QCustomPlot*>(QStringLiteral("gradientNormPlot")); }
    QLabel* label(const char* name) const { return panel->findChild<QLabel*>(QLatin1String(name)); }
};

}  // namespace

class TestNetworkPanel : public QObject {
    Q_OBJECT
private slots:
    void hintForAModelThatIsNoNetwork();
    void oneImagePerHiddenUnitColouredByItsWeights();
    void pixelsChangeAsItTrains();
    void oneGradientGraphPerLayer();
    void longRunsStayBounded();
    void goingBackDropsTheLaterNorms();
    void dockFromTheViewMenuOnLessonEleven();
};

void TestNetworkPanel::hintForAModelThatIsNoNetwork()
{
    Shown s;
    QVERIFY(QTest::qWaitForWindowExposed(s.panel.get()));
    QVERIFY(!s.panel->hasNetwork());
    QVERIFY(s.label("networkHint")->isVisible());
    QVERIFY(s.label("networkHint")->text().contains("choose a network under Model"));
    QVERIFY(!s.label("networkSummary")->isVisible());
    QVERIFY(!s.view()->isVisible());
    QVERIFY(!s.plot()->isVisible());
    // A network, then another model again: back to the hint alone.
    s.panel->setNetwork(mlp("mlp:4", 3));
    QVERIFY(s.view()->isVisible());
    QVERIFY(!s.label("networkHint")->isVisible());
    s.panel->setNetwork(nullptr);
    QVERIFY(s.label("networkHint")->isVisible());
    QVERIFY(!s.plot()->isVisible());
}

void TestNetworkPanel::oneImagePerHiddenUnitColouredByItsWeights()
{
    Shown s;
    QVERIFY(QTest::qWaitForWindowExposed(s.panel.get()));
    const auto net = mlp("mlp:12:tanh", 4);
    s.panel->setNetwork(net);
    core::Vec w = net->initialParameters(5);
    // Unit 3's weight from pixel (row 1, column 2) the largest of the layer, unit 7's from
    // pixel (2, 0) its most negative, unit 0's from pixel 5 exactly 0.
    w[net->weightOffset(0) + 3 * 16 + 1 * 4 + 2] = 2.0;
    w[net->weightOffset(0) + 7 * 16 + 2 * 4 + 0] = -2.0;
    w[net->weightOffset(0) + 0 * 16 + 5] = 0.0;
    s.panel->setState(w, core::Vec(), 0);
    QCOMPARE(s.view()->unitImageCount(), 12);
    QCOMPARE(s.view()->scale(0), 2.0);
    QCOMPARE(s.view()->unitImage(3).size(), QSize(4, 4));
    QCOMPARE(s.view()->unitImage(3).pixel(2, 1), ui::palette::weightColor(1.0));
    QCOMPARE(s.view()->unitImage(7).pixel(0, 2), ui::palette::weightColor(-1.0));
    QCOMPARE(s.view()->unitImage(0).pixel(1, 1), ui::palette::weightColor(0.0));
    // The extremes are dark red and dark blue, 0 is near white.
    const QColor high(ui::palette::weightColor(1.0)), low(ui::palette::weightColor(-1.0)), zero(ui::palette::weightColor(0.0));
    QVERIFY(high.red() > 2 * high.blue());
    QVERIFY(low.blue() > 2 * low.red());
    QVERIFY(zero.lightness() > 230);
    // A wide layer is drawn up to its first 256 units.
    s.panel->setNetwork(mlp("mlp:300", 2));
    s.panel->setState(mlp("mlp:300", 2)->initialParameters(1), core::Vec(), 0);
    QCOMPARE(s.view()->unitImageCount(), ui::NetworkView::kMaxUnitImages);
}

void TestNetworkPanel::pixelsChangeAsItTrains()
{
    Shown s;
    QVERIFY(QTest::qWaitForWindowExposed(s.panel.get()));
    const auto net = mlp("mlp:16:tanh", 6);
    s.panel->setNetwork(net);
    auto t = trainer(net, 0.1);
    s.panel->setState(t.params(), core::Vec(), 0);
    const QImage before = s.view()->grab().toImage();
    // Something is drawn: more than the background's colour.
    int coloured = 0;
    for (int y = 0; y < before.height(); y += 2)
        for (int x = 0; x < before.width(); x += 2)
            coloured += QColor(before.pixel(x, y)) != ui::palette::background() ? 1 : 0;
    QVERIFY2(coloured > before.width() * before.height() / 40, qPrintable(QString::number(coloured)));
    core::StepRecord record;
    for (int k = 0; k < 20; ++k)
        t.step(&record);
    s.panel->setState(record.after, record.gradient, record.step);
    const QImage after = s.view()->grab().toImage();
    QCOMPARE(after.size(), before.size());
    int changed = 0;
    for (int y = 0; y < after.height(); ++y)
        for (int x = 0; x < after.width(); ++x)
            changed += before.pixel(x, y) != after.pixel(x, y) ? 1 : 0;
    QVERIFY2(changed > 100, qPrintable(QString::number(changed)));
}

void TestNetworkPanel::oneGradientGraphPerLayer()
{
    Shown s;
    QVERIFY(QTest::qWaitForWindowExposed(s.panel.get()));
    const auto net = mlp("mlp:6,4:relu", 3);
    s.panel->setNetwork(net);
    QCOMPARE(s.plot()->graphCount(), 3);
    QCOMPARE(s.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(s.plot()->legend->visible());
    QCOMPARE(s.plot()->graph(0)->name(), QStringLiteral("Linear 0 (9\u21926)"));
    QCOMPARE(s.plot()->graph(2)->name(), QStringLiteral("Linear 4 (4\u21921)"));
    auto t = trainer(net, 0.05);
    core::StepRecord record;
    std::vector<core::Vec> gradients;
    for (int k = 0; k < 5; ++k) {
        t.step(&record);
        gradients.push_back(record.gradient);
        s.panel->setState(record.after, record.gradient, record.step);
    }
    // The plot follows within its refresh interval.
    QTRY_COMPARE(s.plot()->graph(0)->dataCount(), 5);
    for (int l = 0; l < 3; ++l) {
        QCOMPARE(s.plot()->graph(l)->dataCount(), 5);
        // Layer l's block of the gradient, weights then bias (state_dict order), by hand.
        const int in = net->widths()[static_cast<std::size_t>(l)], out = net->widths()[static_cast<std::size_t>(l) + 1];
        const core::Vec& g = gradients[3];
        double sum = 0;
        for (Eigen::Index k = net->weightOffset(l); k < net->weightOffset(l) + static_cast<Eigen::Index>(out) * (in + 1); ++k)
            sum += g[k] * g[k];
        const auto point = s.plot()->graph(l)->data()->at(3);
        QCOMPARE(point->key, 4.0);
        QVERIFY2(std::abs(point->value - std::sqrt(sum)) <= 1e-12 * std::sqrt(sum),
            qPrintable(QString("layer %1: %2 vs %3").arg(l).arg(point->value).arg(std::sqrt(sum))));
    }
    QVERIFY(s.label("networkSummary")->text().contains("mlp:6,4:relu: 9 \u2192 6 \u2192 4 \u2192 1, 93 parameters"));
    QVERIFY(s.label("networkSummary")->text().contains("step 5"));
}

void TestNetworkPanel::longRunsStayBounded()
{
    Shown s;
    QVERIFY(QTest::qWaitForWindowExposed(s.panel.get()));
    const auto net = mlp("mlp:3", 2);
    s.panel->setNetwork(net);
    const core::Vec w = net->initialParameters(1);
    core::Vec g = core::Vec::Constant(w.size(), 0.5);
    for (int step = 1; step <= 5000; ++step)
        s.panel->setState(w, g, step);
    QVERIFY(s.panel->normPoints() <= static_cast<int>(ui::NetworkPanel::kMaxNormPoints));
    QVERIFY(s.panel->normPoints() >= static_cast<int>(ui::NetworkPanel::kMaxNormPoints) / 2);
    QTRY_COMPARE(s.plot()->graph(0)->dataCount(), s.panel->normPoints());
    // From the first step to the newest.
    QCOMPARE(s.plot()->graph(0)->data()->at(0)->key, 1.0);
    QCOMPARE((s.plot()->graph(0)->data()->constEnd() - 1)->key, 5000.0);
}

void TestNetworkPanel::goingBackDropsTheLaterNorms()
{
    Shown s;
    QVERIFY(QTest::qWaitForWindowExposed(s.panel.get()));
    const auto net = mlp("mlp:3", 2);
    s.panel->setNetwork(net);
    const core::Vec w = net->initialParameters(1);
    for (int step = 1; step <= 10; ++step)
        s.panel->setState(w, core::Vec::Constant(w.size(), step), step);
    QCOMPARE(s.panel->normPoints(), 10);
    // Back to step 4 with its own gradient: steps 5 to 10 are gone, 4 is not counted twice.
    s.panel->setState(w, core::Vec::Constant(w.size(), 4), 4);
    QCOMPARE(s.panel->normPoints(), 4);
    s.panel->setState(w, core::Vec::Constant(w.size(), 2), 5);
    QCOMPARE(s.panel->normPoints(), 5);
}

void TestNetworkPanel::dockFromTheViewMenuOnLessonEleven()
{
    QString error;
    const auto lesson = ui::loadSettingsFile(QStringLiteral(":/lessons/11-network-one-slice.json"), &error);
    QVERIFY2(lesson, qPrintable(error));
    auto w = test::openWindow(*lesson);
    QVERIFY(w);
    auto* dock = w->findChild<QDockWidget*>(QStringLiteral("networkDock"));
    QVERIFY(dock);
    QVERIFY(!dock->isVisible());
    // The View menu holds the dock's toggle, with its shortcut.
    QAction* toggle = nullptr;
    for (QMenu* menu : w->menuBar()->findChildren<QMenu*>())
        for (QAction* a : menu->actions())
            if (a->objectName() == QLatin1String("networkDockAction"))
                toggle = a;
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::Key_N));
    toggle->trigger();
    QTRY_VERIFY(dock->isVisible());
    auto* panel = dock->findChild<ui::NetworkPanel*>();
    QVERIFY(panel && panel->hasNetwork());
    auto* view = panel->findChild<ui::NetworkView*>(QStringLiteral("networkView"));
    QVERIFY(view->isVisible());
    // mlp:16:relu on 12 x 12: sixteen unit images of 12 x 12 pixels, from the start point on.
    QCOMPARE(view->unitImageCount(), 16);
    QCOMPARE(view->unitImage(0).size(), QSize(12, 12));
    const QImage start = view->grab().toImage();

    // One frame per step: the panel records the newest step of each frame.
    QAction* step = test::action(*w, "stepAction");
    for (int k = 0; k < 3; ++k) {
        step->trigger();
        QVERIFY(test::syncWith(w->findChild<ui::TrainingController*>()));
        QCoreApplication::processEvents();
    }
    auto* plot = panel->findChild<QCustomPlot*>(QStringLiteral("gradientNormPlot"));
    QCOMPARE(plot->graphCount(), 2);
    // Step 0 (the training set's gradient at the start) and the three steps.
    QTRY_COMPARE(plot->graph(0)->dataCount(), 4);
    QCOMPARE(plot->graph(1)->dataCount(), 4);
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("networkSummary"))->text().contains("step 3"));
    QVERIFY(view->grab().toImage() != start);

    // The batch strip's predictions are the network's, from the pixels (they were NaN).
    auto* strip = w->findChild<ui::BatchStrip*>();
    QVERIFY(strip && strip->itemCount() == 32);
    for (const auto& item : strip->items())
        QVERIFY2(std::isfinite(item.prediction), qPrintable(ui::BatchStrip::labelFor(item)));

    // The step card, at rest after the steps, follows a sample through the network and back.
    auto* card = w->findChild<QPlainTextEdit*>(QStringLiteral("stepText"));
    QVERIFY(card);
    QTRY_VERIFY(card->toPlainText().contains("Forward pass, sample 0 of the batch"));
    const QString text = card->toPlainText();
    QVERIFY(text.contains("Backward pass from the output"));
    QVERIFY(text.contains("Each layer's update"));
    QVERIFY(text.contains("  Linear 0 (144 -> 16)\n    z = W a + b: min "));
    QVERIFY(text.contains("    a = relu(z), 16 units:\n"));
    QVERIFY(!text.contains("0.weight["));

    // Another model: the hint.
    auto linear = *lesson;
    linear.setModel("linear");
    w->applySettings(linear);
    QTRY_VERIFY(!panel->hasNetwork());
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("networkHint"))->isVisible());
}

QTEST_MAIN(TestNetworkPanel)
#include "test_network_panel.moc"
