// The side panel: the store -> widget direction is silent, the widget -> store direction edits
// the one SettingsStore exactly once with the right kind of change, only the relevant fields
// show, every control explains itself.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QtTest>

#include <cmath>

#include "window/settings/control_panel.h"
#include "core/model/objective.h"
#include "window/settings/slider_spin.h"

using namespace downhill;
using downhill::ui::AppSettings;
using downhill::ui::ControlPanel;
using downhill::ui::SettingsStore;
using downhill::ui::SliderSpin;

namespace {

ControlPanel::Context contextFor(const std::string& model, std::int64_t trainSize = 1600)
{
    ControlPanel::Context c;
    const auto objective = core::makeObjective(model, {});
    c.parameterNames = objective->parameterNames();
    const core::Vec init = objective->defaultInit();
    c.defaults.assign(init.data(), init.data() + init.size());
    c.trainSize = trainSize;
    c.usesData = objective->usesData();
    c.hasImages = c.usesData;
    return c;
}

template <typename T>
T* find(QWidget& parent, const char* name)
{
    T* w = parent.findChild<T*>(QLatin1String(name));
    if (!w)
        qWarning("no widget named %s", name);
    return w;
}

ControlPanel::Change changeAt(const QSignalSpy& spy, int i)
{
    return spy.at(i).at(0).value<ControlPanel::Change>();
}

}  // namespace

class TestControlPanel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void setSettingsIsSilent();
    void typedNumberEmitsOnceAndMovesSlider();
    void aSpaceIsNotANumber();
    void sliderMoveUpdatesNumber();
    void logScaleEnds();
    void batchSliderIsBoundedByTheTrainingSet();
    void optimizerShowsOnlyItsFields_data();
    void optimizerShowsOnlyItsFields();
    void scheduleFieldsBuildTheSchedule();
    void modelChangeIsAProblemChange();
    void heldSliderForTheThirdParameter();
    void choosingTheOtherAxisSwaps();
    void analyticFunctionDisablesData();
    void everyControlHasATooltip();
    void nothingClipsHorizontally();

private:
    // What the window does when the settings come from elsewhere (a file, a new problem).
    void setSettings(const AppSettings& settings, const ControlPanel::Context& context)
    {
        store_->replace(settings);
        panel_->setContext(context);
    }

    std::unique_ptr<SettingsStore> store_;   // outlives the panel
    std::unique_ptr<ControlPanel> panel_;
};

void TestControlPanel::init()
{
    store_ = std::make_unique<SettingsStore>();
    panel_ = std::make_unique<ControlPanel>(store_.get());
    panel_->resize(340, 700);
    AppSettings s;
    s.start = {-1.0, 7.0};
    s.held = s.start;
    setSettings(s, contextFor("linear"));
    panel_->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
}

void TestControlPanel::cleanup()
{
    panel_.reset();
    store_.reset();
}

void TestControlPanel::setSettingsIsSilent()
{
    QSignalSpy spy(store_.get(), &SettingsStore::edited);
    AppSettings s;
    s.train.optimizer.lr = 0.3;
    s.train.optimizer.momentum = 0.9;
    s.train.optimizer.kind = core::OptimizerKind::RmsProp;
    s.train.batchSize = 100;
    s.train.schedule = core::Schedule::parse("step:50:0.5");
    s.loss.kind = core::LossKind::Huber;
    s.data.count = 700;
    s.start = {-1.0, 7.0};
    s.held = s.start;
    setSettings(s, contextFor("linear"));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(find<QDoubleSpinBox>(*panel_, "learningRateSpin")->value(), 0.3);
    QCOMPARE(find<QDoubleSpinBox>(*panel_, "momentumSpin")->value(), 0.9);
    QCOMPARE(find<QDoubleSpinBox>(*panel_, "batchSizeSpin")->value(), 100.0);
    QCOMPARE(find<QComboBox>(*panel_, "optimizerCombo")->currentText(), QStringLiteral("rmsprop"));
    QCOMPARE(find<QComboBox>(*panel_, "scheduleCombo")->currentText(), QStringLiteral("step"));
    QCOMPARE(find<QSpinBox>(*panel_, "every")->value(), 50);
    QCOMPARE(find<QDoubleSpinBox>(*panel_, "gamma")->value(), 0.5);
    QCOMPARE(find<QSpinBox>(*panel_, "datasetCount")->value(), 700);
    QVERIFY(find<QDoubleSpinBox>(*panel_, "huberDelta")->isVisibleTo(panel_.get()));
    QCOMPARE(store_->value().train.optimizer.lr, 0.3);
}

void TestControlPanel::typedNumberEmitsOnceAndMovesSlider()
{
    QSignalSpy spy(store_.get(), &SettingsStore::edited);
    auto* spin = find<QDoubleSpinBox>(*panel_, "learningRateSpin");
    auto* slider = find<QSlider>(*panel_, "learningRateSlider");
    auto* control = find<SliderSpin>(*panel_, "learningRate");
    spin->setValue(0.2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changeAt(spy, 0), ControlPanel::Change::Training);
    QCOMPARE(store_->value().train.optimizer.lr, 0.2);
    QCOMPARE(slider->value(), control->positionOf(0.2));

    // Typing: nothing until Enter, then exactly one change.
    spy.clear();
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("0.0125"));
    QCOMPARE(spy.count(), 0);
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(store_->value().train.optimizer.lr, 0.0125);
}

// A space typed over a selected number (Space is Play everywhere else) neither blanks the
// box nor changes anything: the number shown stays the one training uses.
void TestControlPanel::aSpaceIsNotANumber()
{
    QSignalSpy spy(store_.get(), &SettingsStore::edited);
    auto* spin = find<QDoubleSpinBox>(*panel_, "learningRateSpin");
    spin->setValue(0.2);
    spy.clear();
    const QString shown = spin->text();
    spin->setFocus();
    spin->selectAll();
    QTest::keyClick(spin, Qt::Key_Space);
    QCOMPARE(spin->text(), shown);
    QTest::keyClick(spin, Qt::Key_End);
    QTest::keyClick(spin, Qt::Key_Space);
    QCOMPARE(spin->text(), shown);
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(store_->value().train.optimizer.lr, 0.2);
    // The same in the panel's other number boxes (the run seed's).
    auto* seed = find<QSpinBox>(*panel_, "trainSeed");
    const QString seedShown = seed->text();
    seed->setFocus();
    seed->selectAll();
    QTest::keyClick(seed, Qt::Key_Space);
    QCOMPARE(seed->text(), seedShown);
}

void TestControlPanel::sliderMoveUpdatesNumber()
{
    QSignalSpy spy(store_.get(), &SettingsStore::edited);
    auto* slider = find<QSlider>(*panel_, "momentumSlider");
    auto* spin = find<QDoubleSpinBox>(*panel_, "momentumSpin");
    auto* control = find<SliderSpin>(*panel_, "momentum");
    for (int pos : {100, 500, 1000, 0}) {
        slider->setValue(pos);
        QCOMPARE(spin->value(), control->valueAt(pos));
        QCOMPARE(store_->value().train.optimizer.momentum, control->valueAt(pos));
    }
    QCOMPARE(spy.count(), 4);
    QCOMPARE(control->valueAt(1000), 0.99);
}

void TestControlPanel::logScaleEnds()
{
    auto* control = find<SliderSpin>(*panel_, "learningRate");
    QCOMPARE(control->positionOf(1e-4), 0);
    QCOMPARE(control->positionOf(10.0), SliderSpin::kSteps);
    QCOMPARE(control->valueAt(0), 1e-4);
    QCOMPARE(control->valueAt(SliderSpin::kSteps), 10.0);
    // Halfway on a log scale is the geometric mean, sqrt(1e-4 * 10) = 0.0316...
    QVERIFY(std::abs(control->valueAt(SliderSpin::kSteps / 2) - 0.0316) < 1e-9);
    // Every position maps to a value that maps back to (about) the same position.
    for (int p = 0; p <= SliderSpin::kSteps; p += 7)
        QVERIFY(std::abs(control->positionOf(control->valueAt(p)) - p) <= 2);
}

void TestControlPanel::batchSliderIsBoundedByTheTrainingSet()
{
    AppSettings s = store_->value();
    s.train.batchSize = 5000;
    setSettings(s, contextFor("linear", 800));
    auto* spin = find<QDoubleSpinBox>(*panel_, "batchSizeSpin");
    QCOMPARE(spin->maximum(), 800.0);
    QCOMPARE(spin->value(), 800.0);

    QSignalSpy spy(store_.get(), &SettingsStore::edited);
    auto* full = find<QCheckBox>(*panel_, "fullBatch");
    full->click();
    QCOMPARE(spy.count(), 1);
    QVERIFY(store_->value().train.fullBatch());
    QCOMPARE(store_->value().train.batchSize, core::TrainSettings::kFullBatch);
    QVERIFY(!find<QSlider>(*panel_, "batchSizeSlider")->isEnabled());
    // Shown again (a file, a step back), full batch stays checked and the slider keeps its size.
    panel_->refresh();
    QVERIFY(full->isChecked());
    QCOMPARE(spin->value(), 800.0);
    // Unchecked, the batch is the slider's size again: the one encoding of full batch is undone.
    full->click();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(store_->value().train.batchSize, 800);
    QVERIFY(find<QSlider>(*panel_, "batchSizeSlider")->isEnabled());
}

void TestControlPanel::optimizerShowsOnlyItsFields_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("hidden");
    QTest::newRow("sgd") << "sgd" << QStringList{"momentum", "dampening", "nesterov"}
                         << QStringList{"beta1", "beta2", "alpha", "centered", "lrDecay", "eps"};
    QTest::newRow("adam") << "adam" << QStringList{"beta1", "beta2", "eps"}
                          << QStringList{"momentum", "dampening", "nesterov", "alpha", "centered", "lrDecay"};
    QTest::newRow("rmsprop") << "rmsprop" << QStringList{"momentum", "alpha", "centered", "eps"}
                             << QStringList{"dampening", "nesterov", "beta1", "beta2", "lrDecay"};
    QTest::newRow("adagrad") << "adagrad" << QStringList{"lrDecay", "eps"}
                             << QStringList{"momentum", "dampening", "nesterov", "beta1", "beta2", "alpha", "centered"};
}

void TestControlPanel::optimizerShowsOnlyItsFields()
{
    QFETCH(QString, optimizer);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, hidden);
    QSignalSpy spy(store_.get(), &SettingsStore::edited);
    auto* combo = find<QComboBox>(*panel_, "optimizerCombo");
    combo->setCurrentIndex(combo->findText(optimizer));
    if (optimizer != QLatin1String("sgd")) {
        QCOMPARE(spy.count(), 1);
        QCOMPARE(changeAt(spy, 0), ControlPanel::Change::Training);
    }
    QCOMPARE(QString::fromUtf8(core::optimizerName(store_->value().train.optimizer.kind).data()), optimizer);
    for (const QString& name : shown)
        QVERIFY2(panel_->findChild<QWidget*>(name)->isVisibleTo(panel_.get()), qPrintable(name));
    for (const QString& name : hidden)
        QVERIFY2(!panel_->findChild<QWidget*>(name)->isVisibleTo(panel_.get()), qPrintable(name));
}

void TestControlPanel::scheduleFieldsBuildTheSchedule()
{
    auto* combo = find<QComboBox>(*panel_, "scheduleCombo");
    combo->setCurrentIndex(combo->findText(QStringLiteral("step")));
    QVERIFY(find<QSpinBox>(*panel_, "every")->isVisibleTo(panel_.get()));
    QVERIFY(!find<QSpinBox>(*panel_, "period")->isVisibleTo(panel_.get()));
    find<QSpinBox>(*panel_, "every")->setValue(40);
    find<QDoubleSpinBox>(*panel_, "gamma")->setValue(0.25);
    const auto& s = store_->value().train.schedule;
    QCOMPARE(s.kind, core::ScheduleKind::Step);
    QCOMPARE(s.every, std::int64_t{40});
    QCOMPARE(s.gamma, 0.25);

    combo->setCurrentIndex(combo->findText(QStringLiteral("cosine-restarts")));
    find<QSpinBox>(*panel_, "period")->setValue(120);
    find<QSpinBox>(*panel_, "mult")->setValue(3);
    const auto& c = store_->value().train.schedule;
    QCOMPARE(c.kind, core::ScheduleKind::CosineRestarts);
    QCOMPARE(c.period, std::int64_t{120});
    QCOMPARE(c.mult, std::int64_t{3});
    QVERIFY(!find<QDoubleSpinBox>(*panel_, "gamma")->isVisibleTo(panel_.get()));

    // Each kind keeps its own factor.
    combo->setCurrentIndex(combo->findText(QStringLiteral("step")));
    QCOMPARE(find<QDoubleSpinBox>(*panel_, "gamma")->value(), 0.25);
}

void TestControlPanel::modelChangeIsAProblemChange()
{
    QSignalSpy spy(store_.get(), &SettingsStore::edited);
    auto* combo = find<QComboBox>(*panel_, "modelCombo");
    combo->setCurrentIndex(combo->findText(QStringLiteral("fold")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changeAt(spy, 0), ControlPanel::Change::Problem);
    QCOMPARE(store_->value().model, std::string("fold"));
    QVERIFY(store_->value().start.empty());   // the old start means nothing to the new model

    spy.clear();
    auto* loss = find<QComboBox>(*panel_, "lossCombo");
    loss->setCurrentIndex(loss->findText(QStringLiteral("mae")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changeAt(spy, 0), ControlPanel::Change::Problem);
    QCOMPARE(store_->value().loss.kind, core::LossKind::Mae);

    spy.clear();
    find<QSpinBox>(*panel_, "datasetSeed")->setValue(5);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changeAt(spy, 0), ControlPanel::Change::Data);
}

void TestControlPanel::heldSliderForTheThirdParameter()
{
    AppSettings s;
    s.model = "lin-exp";
    s.start = {0.0, 0.0, 0.5};
    s.held = s.start;
    setSettings(s, contextFor("lin-exp"));
    auto* held = find<SliderSpin>(*panel_, "held_c");
    QVERIFY(held);
    QCOMPARE(held->value(), 0.5);
    QSignalSpy spy(store_.get(), &SettingsStore::edited);
    held->spinBox()->setValue(0.25);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changeAt(spy, 0), ControlPanel::Change::Plane);
    QCOMPARE(store_->value().held[2], 0.25);

    // Plot a and c: now b is the held one.
    spy.clear();
    find<QComboBox>(*panel_, "axis2Combo")->setCurrentIndex(2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changeAt(spy, 0), ControlPanel::Change::Plane);
    QCOMPARE(store_->value().axis2, 2);
    QVERIFY(panel_->findChild<SliderSpin*>(QStringLiteral("held_b")));
    QVERIFY(!panel_->findChild<SliderSpin*>(QStringLiteral("held_c")));
}

void TestControlPanel::choosingTheOtherAxisSwaps()
{
    auto* axis1 = find<QComboBox>(*panel_, "axis1Combo");
    axis1->setCurrentIndex(1);   // b, which is on the vertical axis
    QCOMPARE(store_->value().axis1, 1);
    QCOMPARE(store_->value().axis2, 0);
    QCOMPARE(find<QComboBox>(*panel_, "axis2Combo")->currentIndex(), 0);
}

void TestControlPanel::analyticFunctionDisablesData()
{
    AppSettings s;
    s.model = "rosenbrock";
    setSettings(s, contextFor("rosenbrock"));
    QVERIFY(!find<QWidget>(*panel_, "dataGroup")->isEnabled());
    QVERIFY(!find<QComboBox>(*panel_, "lossCombo")->isVisibleTo(panel_.get()));
    QVERIFY(!find<QSlider>(*panel_, "batchSizeSlider")->isEnabled());
}

void TestControlPanel::everyControlHasATooltip()
{
    int checked = 0;
    for (QWidget* w : panel_->findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractSlider*>(w)
            || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w);
        if (!control || qobject_cast<QScrollBar*>(w) || qobject_cast<QAbstractSpinBox*>(w->parentWidget()))
            continue;
        ++checked;
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName() + QLatin1Char(' ') + w->metaObject()->className()));
    }
    QVERIFY(checked > 30);
}

void TestControlPanel::nothingClipsHorizontally()
{
    // The panel scrolls vertically only: its content must fit its width.
    panel_->resize(320, 600);
    QCoreApplication::processEvents();
    QVERIFY2(panel_->widget()->minimumSizeHint().width() <= panel_->viewport()->width(),
        qPrintable(QStringLiteral("%1 > %2").arg(panel_->widget()->minimumSizeHint().width()).arg(panel_->viewport()->width())));
}

QTEST_MAIN(TestControlPanel)
#include "test_control_panel.moc"
