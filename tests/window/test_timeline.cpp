// Step back, the timeline and branches: the worker goes back and forth along the run exactly
// (checked against a plain core::Trainer stepped by hand), and the window shows it: the path to
// the chosen step, the whole loss history, the settings of that moment, and after a change of
// settings in the past, the old future as a grey ghost beside the new one.
#include <QAction>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QKeySequence>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

#include "tests/common/controller_sync.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "window/shell/main_window.h"
#include "session/problem/problem.h"
#include "tests/common/synthetic.h"
#include "window/run/timeline_bar.h"
#include "session/run/training_controller.h"
#include "tests/common/window_harness.h"

using namespace downhill;
using downhill::test::openWindow;
using downhill::test::syncWith;
using downhill::ui::MainWindow;
using downhill::ui::TrainingController;

namespace {

core::TrainData lineData()
{
    core::TrainData d;
    d.train = downhill::test::lineSamples(100);
    return d;
}

core::TrainSettings momentumSettings()
{
    core::TrainSettings s;
    s.optimizer.lr = 0.01;
    s.optimizer.momentum = 0.9;
    s.batchSize = 7;   // 15 batches an epoch, the last one of 2 samples
    s.schedule = core::Schedule::parse("cosine-restarts:10:2");
    return s;
}

std::unique_ptr<core::Trainer> makeTrainer()
{
    return std::make_unique<core::Trainer>(core::makeObjective("linear", {}), lineData(), momentumSettings(),
        core::Vec{{0.0, 0.0}});
}

// The states of a plain trainer stepped by hand: truth[k] after k updates.
std::vector<core::TrainState> reference(int steps)
{
    auto trainer = makeTrainer();
    std::vector<core::TrainState> truth{trainer->state()};
    for (int k = 0; k < steps; ++k) {
        if (!trainer->step())
            return {};
        truth.push_back(trainer->state());
    }
    return truth;
}

std::int64_t firstStepOfEpoch(const std::vector<core::TrainState>& truth, std::int64_t epoch)
{
    std::size_t k = 0;
    while (k < truth.size() && truth[k].epoch < epoch)
        ++k;
    return static_cast<std::int64_t>(k);
}

QAction* action(MainWindow& w, const char* name)
{
    return w.findChild<QAction*>(QLatin1String(name));
}

// Steps the window's run one update at a time; returns the state after each (index = step).
std::vector<core::TrainState> stepWindow(MainWindow& w, int steps)
{
    std::vector<core::TrainState> states;
    if (!syncWith(w.controller()))
        return {};
    states.push_back(w.controller()->state());
    for (int k = 0; k < steps; ++k) {
        action(w, "stepAction")->trigger();
        if (!syncWith(w.controller()))
            return {};
        states.push_back(w.controller()->state());
    }
    return states;
}

QPointF lastGhostPoint(const ui::LandscapePlot* plot)
{
    auto* ghost = plot->findChild<QCPCurve*>(QStringLiteral("ghostPath"));
    if (!ghost || ghost->data()->isEmpty())
        return {qQNaN(), qQNaN()};
    const QCPCurveData& last = *(ghost->data()->constEnd() - 1);
    return {last.key, last.value};
}

}  // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    void stepBackThenForwardIsIdentical()
    {
        const auto truth = reference(40);
        QCOMPARE(truth.size(), std::size_t{41});
        TrainingController c;
        c.configure(makeTrainer());
        for (int k = 0; k < 40; ++k)
            c.stepOnce();
        QVERIFY(syncWith(c));
        QVERIFY(c.state() == truth[40]);
        QCOMPARE(c.head(), std::int64_t{40});
        for (int k = 39; k >= 33; --k) {
            c.stepBack();
            QVERIFY(syncWith(c));
            QVERIFY2(c.state() == truth[static_cast<std::size_t>(k)], qPrintable(QString::number(k)));
        }
        c.stepBack(30);
        QVERIFY(syncWith(c));
        QVERIFY(c.state() == truth[3]);
        // Forward again: replays, bit for bit, and the timeline keeps its length.
        for (int k = 4; k <= 40; ++k) {
            c.stepOnce();
            QVERIFY(syncWith(c));
            QVERIFY2(c.state() == truth[static_cast<std::size_t>(k)], qPrintable(QString::number(k)));
            QCOMPARE(c.head(), std::int64_t{40});
        }
        for (int k : {17, 0, 40, 1, 29}) {
            c.seek(k);
            QVERIFY(syncWith(c));
            QVERIFY(c.state() == truth[static_cast<std::size_t>(k)]);
        }
        // Out of range: clamped to the timeline.
        c.seek(500);
        QVERIFY(syncWith(c));
        QVERIFY(c.state() == truth[40]);
        c.stepBack(1000);
        QVERIFY(syncWith(c));
        QVERIFY(c.state() == truth[0]);
    }

    void epochBackLandsOnEpochStarts()
    {
        const auto truth = reference(40);
        TrainingController c;
        c.configure(makeTrainer());
        for (int k = 0; k < 40; ++k)
            c.stepOnce();
        QVERIFY(syncWith(c));
        // Mid-epoch 2: back to its start; from there, back to the start of epoch 1, then 0.
        QVERIFY(truth[40].cursor > 0);
        for (std::int64_t e : {truth[40].epoch, truth[40].epoch - 1, truth[40].epoch - 2}) {
            c.epochBack();
            QVERIFY(syncWith(c));
            const std::int64_t expected = firstStepOfEpoch(truth, e);
            QCOMPARE(c.state().step, expected);
            QVERIFY(c.state() == truth[static_cast<std::size_t>(expected)]);
        }
        QCOMPARE(c.state().step, std::int64_t{0});
        c.epochBack();   // nothing before the start
        QVERIFY(syncWith(c));
        QCOMPARE(c.state().step, std::int64_t{0});
    }

    void backKeyAndTimelineInTheWindow()
    {
        auto w = openWindow();
        QVERIFY(w);
        QCOMPARE(action(*w, "backAction")->shortcut(), QKeySequence(Qt::Key_Left));
        QCOMPARE(action(*w, "epochBackAction")->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_Left));
        const auto states = stepWindow(*w, 12);
        QCOMPARE(states.size(), std::size_t{13});
        auto* landscape = w->landscapePlot();
        QCOMPARE(landscape->pathPointCount(), 13);   // the start and 12 steps

        action(*w, "backAction")->trigger();
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == states[11]);
        QCOMPARE(landscape->pathPointCount(), 12);
        QCOMPARE(w->timeline()->position(), std::int64_t{11});
        QCOMPARE(w->timeline()->head(), std::int64_t{12});
        // The loss plot keeps the whole run; its marker moves.
        QCOMPARE(w->lossPlot()->storedStepCount(), 12);
        QCOMPARE(w->pathLog().rows().size(), std::size_t{12});

        // Drag the timeline as a user would.
        w->timeline()->slider()->setValue(5);
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == states[5]);
        QCOMPARE(landscape->pathPointCount(), 6);
        QCOMPARE(landscape->pathPoints().back(), QPointF(states[5].params[0], states[5].params[1]));
        w->timeline()->slider()->setValue(0);
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == states[0]);
        QCOMPARE(landscape->pathPointCount(), 1);

        // Forward again to the end: the same states, and nothing is added to the timeline.
        for (int k = 1; k <= 12; ++k) {
            action(*w, "stepAction")->trigger();
            QVERIFY(syncWith(w->controller()));
            QVERIFY(w->controller()->state() == states[static_cast<std::size_t>(k)]);
        }
        QCOMPARE(landscape->pathPointCount(), 13);
        QCOMPARE(w->pathLog().rows().size(), std::size_t{12});
        QCOMPARE(w->timeline()->head(), std::int64_t{12});
        QVERIFY(!landscape->findChild<QCPCurve*>(QStringLiteral("ghostPath"))->data()->size());
    }

    void branchKeepsTheOldPath()
    {
        auto w = openWindow();
        QVERIFY(w);
        const auto old = stepWindow(*w, 20);
        QCOMPARE(old.size(), std::size_t{21});
        const auto oldRows = w->pathLog().rows();
        w->timeline()->slider()->setValue(8);
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == old[8]);

        // A ten times larger learning rate from step 8 on.
        const double lr = w->settings().train.optimizer.lr * 10;
        w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"))->setValue(lr);
        QVERIFY(syncWith(w->controller()));
        QCOMPARE(w->timeline()->head(), std::int64_t{8});
        for (int k = 0; k < 6; ++k)
            action(*w, "stepAction")->trigger();
        QVERIFY(syncWith(w->controller()));
        const core::TrainState branched = w->controller()->state();
        QCOMPARE(branched.step, std::int64_t{14});
        QVERIFY(!(branched == old[14]));
        QCOMPARE(w->timeline()->head(), std::int64_t{14});

        // The timeline is the new branch: old rows up to 8, new ones after.
        const auto& rows = w->pathLog().rows();
        QCOMPARE(rows.size(), std::size_t{14});
        for (std::size_t k = 0; k < 8; ++k)
            QVERIFY(rows[k].params == oldRows[k].params);
        for (std::size_t k = 8; k < 14; ++k)
            QCOMPARE(rows[k].updateLr, lr);

        // The old future is still drawn: from step 8 to step 20, on the landscape and in the
        // loss plot, in grey.
        auto* ghost = w->landscapePlot()->findChild<QCPCurve*>(QStringLiteral("ghostPath"));
        QVERIFY(ghost);
        QCOMPARE(ghost->data()->size(), 13);
        QCOMPARE(lastGhostPoint(w->landscapePlot()), QPointF(old[20].params[0], old[20].params[1]));
        QCOMPARE(w->lossPlot()->ghostStoredCount(), 12);
        QCOMPARE(w->landscapePlot()->pathPointCount(), 15);
        // A copy of what lies under the run (an exported animation draws on one) keeps it too.
        ui::LandscapePlot copy;
        copy.setGround(w->landscapePlot()->ground());
        QCOMPARE(copy.findChild<QCPCurve*>(QStringLiteral("ghostPath"))->data()->size(), 13);
        QCOMPARE(lastGhostPoint(&copy), QPointF(old[20].params[0], old[20].params[1]));
        QVERIFY(copy.legend->visible());

        // Back before the branch and forward again: the new branch replays.
        w->timeline()->slider()->setValue(3);
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == old[3]);
        w->timeline()->slider()->setValue(14);
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == branched);
        QCOMPARE(w->settings().train.optimizer.lr, lr);
    }

    void sideBySideShowsTheGhostTwice()
    {
        ui::AppSettings settings;
        settings.surface = ui::Surface::TrainAndVal;
        auto w = openWindow(settings);
        QVERIFY(w);
        auto* validation = w->findChild<ui::LandscapePlot*>(QStringLiteral("validationPlot"));
        QVERIFY(validation && validation->isVisible());
        const auto old = stepWindow(*w, 12);
        w->timeline()->slider()->setValue(4);
        QVERIFY(syncWith(w->controller()));
        QCOMPARE(validation->pathPointCount(), 5);
        auto* spin = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
        spin->setValue(spin->value() / 4);
        action(*w, "stepAction")->trigger();
        QVERIFY(syncWith(w->controller()));
        // Both plots: the old future from step 4 to 12 in grey, the new path to step 5.
        for (const ui::LandscapePlot* plot : {w->landscapePlot(), validation}) {
            QCOMPARE(plot->findChild<QCPCurve*>(QStringLiteral("ghostPath"))->data()->size(), 9);
            QCOMPARE(lastGhostPoint(plot), QPointF(old[12].params[0], old[12].params[1]));
            QCOMPARE(plot->pathPointCount(), 6);
        }
    }

    void everyEpochReachesTheLossPlot()
    {
        auto w = openWindow();
        QVERIFY(w);
        // Sent at once, so that several epochs end within one frame.
        for (int k = 0; k < 5; ++k)
            action(*w, "epochAction")->trigger();
        QVERIFY(syncWith(w->controller()));
        QCOMPARE(w->controller()->state().epoch, std::int64_t{5});
        QCOMPARE(w->pathLog().epochs().size(), std::size_t{5});
        QCOMPARE(w->lossPlot()->storedEpochCount(), 5);

        // The loss history as CSV: one row per epoch, the losses over the whole sets at the
        // parameters the epoch ended with, checked against mse computed here by hand.
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("history.csv"));
        QString error;
        QVERIFY2(w->pathLog().writeEpochsCsv(csv, &error), qPrintable(error));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[0], QByteArray("epoch,step,train_loss,val_loss"));
        const auto mse = [](const core::Samples& s, const core::Vec& p) {
            double sum = 0;
            for (Eigen::Index i = 0; i < s.size(); ++i)
                sum += (p[0] * s.x[i] + p[1] - s.t[i]) * (p[0] * s.x[i] + p[1] - s.t[i]);
            return sum / static_cast<double>(s.size());
        };
        for (int e = 1; e <= 5; ++e) {
            const QList<QByteArray> cells = lines[e].split(',');
            QCOMPARE(cells.size(), 4);
            QCOMPARE(cells[0].toInt(), e);
            const std::int64_t step = cells[1].toLongLong();
            const auto row = std::find_if(w->pathLog().rows().begin(), w->pathLog().rows().end(),
                [step](const ui::StepRow& r) { return r.step == step; });
            QVERIFY(row != w->pathLog().rows().end());
            const double train = mse(w->problem().data()->train, row->params);
            const double val = mse(w->problem().data()->val, row->params);
            QVERIFY2(std::abs(cells[2].toDouble() - train) <= 1e-12 * train, cells[2].constData());
            QVERIFY2(std::abs(cells[3].toDouble() - val) <= 1e-12 * val, cells[3].constData());
        }
        // And after a move back and a branch, the loss plot is rebuilt with the epochs kept.
        w->timeline()->slider()->setValue(static_cast<int>(w->controller()->state().step / 2));
        QVERIFY(syncWith(w->controller()));
        auto* spin = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
        spin->setValue(spin->value() * 2);
        QVERIFY(syncWith(w->controller()));
        const auto epochsBefore = static_cast<int>(w->pathLog().epochs().size());
        QVERIFY(epochsBefore >= 2 && epochsBefore < 5);
        QCOMPARE(w->lossPlot()->storedEpochCount(), epochsBefore);
    }

    void goingBackShowsThatMomentsSettings()
    {
        auto w = openWindow();
        QVERIFY(w);
        const double lr0 = w->settings().train.optimizer.lr;
        stepWindow(*w, 5);
        auto* spin = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
        spin->setValue(lr0 * 4);   // at the head: no branch, the run goes on with it
        const auto later = stepWindow(*w, 5);
        QCOMPARE(later.back().step, std::int64_t{10});
        QCOMPARE(w->pathLog().rows().back().updateLr, lr0 * 4);

        w->timeline()->slider()->setValue(3);
        QVERIFY(syncWith(w->controller()));
        QCOMPARE(w->settings().train.optimizer.lr, lr0);
        QCOMPARE(spin->value(), lr0);
        w->timeline()->slider()->setValue(10);
        QVERIFY(syncWith(w->controller()));
        QCOMPARE(w->settings().train.optimizer.lr, lr0 * 4);
        QVERIFY(w->controller()->state() == later.back());
        // Neither move was a branch.
        QCOMPARE(w->timeline()->head(), std::int64_t{10});
        QCOMPARE(w->lossPlot()->ghostStoredCount(), 0);
    }

    // Reset throws nothing away for good: Undo reset (Ctrl+Z) brings back the run as it stood,
    // every step of it and its change of settings, so Back goes on working; one level; gone
    // once the start point is another.
    void undoResetBringsTheRunBack()
    {
        auto w = openWindow();
        QVERIFY(w);
        QAction* undo = action(*w, "undoResetAction");
        QVERIFY(undo);
        QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
        QVERIFY(!undo->isEnabled());   // nothing reset yet
        const double lr0 = w->settings().train.optimizer.lr;
        auto* spin = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
        const auto before = stepWindow(*w, 6);
        spin->setValue(lr0 * 4);
        const auto after = stepWindow(*w, 6);
        QCOMPARE(after.back().step, std::int64_t{12});
        const std::size_t rows = w->pathLog().rows().size();
        const int pathPoints = w->landscapePlot()->pathPointCount();

        action(*w, "resetAction")->trigger();
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == before.front());
        QVERIFY(undo->isEnabled());
        // The new run stepped a little and its rate changed again: undo brings the old one back.
        stepWindow(*w, 2);
        spin->setValue(lr0 / 2);

        QSignalSpy loaded(w->controller(), &TrainingController::timelineLoaded);
        undo->trigger();
        QVERIFY(loaded.wait(10000));
        QVERIFY(loaded.front().front().toBool());   // exactly the run that was
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == after.back());
        QCOMPARE(w->timeline()->head(), std::int64_t{12});
        QCOMPARE(w->pathLog().rows().size(), rows);
        QCOMPARE(w->landscapePlot()->pathPointCount(), pathPoints);
        QCOMPARE(w->settings().train.optimizer.lr, lr0 * 4);   // the rate of that moment, in the panel too
        QCOMPARE(spin->value(), lr0 * 4);
        QVERIFY(!undo->isEnabled());   // one level
        // Back works along the old run, across its change of settings.
        for (int k = 11; k >= 4; --k) {
            action(*w, "backAction")->trigger();
            QVERIFY(syncWith(w->controller()));
            const auto& expected = k > 6 ? after[static_cast<std::size_t>(k - 6)] : before[static_cast<std::size_t>(k)];
            QVERIFY2(w->controller()->state() == expected, qPrintable(QString::number(k)));
        }
        QCOMPARE(w->settings().train.optimizer.lr, lr0);

        // Reset, then another start point: the run kept was made from the old one.
        stepWindow(*w, 3);
        action(*w, "resetAction")->trigger();
        QVERIFY(syncWith(w->controller()));
        QVERIFY(undo->isEnabled());
        emit w->landscapePlot()->startPointRequested(QPointF(0.7, 1.3));
        QVERIFY(syncWith(w->controller()));
        QTRY_VERIFY(!undo->isEnabled());
    }
};

QTEST_MAIN(TestTimeline)
#include "test_timeline.moc"
