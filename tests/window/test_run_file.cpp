// Saving a whole run and reopening it: the file round-trips every number bit for bit, and a
// reopened run is replayed to exactly the states, path and settings of the saved one; bad files
// are refused with a message naming the key and leave the current run alone.
#include <QAction>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>
#include <memory>

#include "tests/common/controller_sync.h"
#include "window/shell/main_window.h"
#include "session/settings/run_io.h"
#include "tests/common/synthetic.h"
#include "window/run/timeline_bar.h"
#include "session/run/training_controller.h"
#include "tests/common/window_harness.h"

using namespace downhill;
using downhill::test::openWindow;
using downhill::test::syncWith;
using downhill::ui::MainWindow;

namespace {

void step(MainWindow& w, int n)
{
    for (int k = 0; k < n; ++k)
        w.findChild<QAction*>(QStringLiteral("stepAction"))->trigger();
}

}  // namespace

class TestRunFile : public QObject {
    Q_OBJECT
private slots:
    void fileRoundTripsEveryBit()
    {
        core::TrainData data;
        data.train = downhill::test::lineSamples(50);
        core::TrainSettings s;
        s.optimizer.lr = 0.1 + 0.2;   // not a short decimal
        s.optimizer.momentum = 0.9;
        s.batchSize = 7;
        core::Trainer trainer(core::makeObjective("linear", {}), data, s, core::Vec{{1.0 / 3.0, -2.0 / 7.0}});
        core::RunHistory history;
        history.begin(trainer.state(), trainer.settings());
        for (int k = 0; k < 40; ++k) {
            if (k == 17) {
                core::TrainSettings adam = s;
                adam.optimizer.kind = core::OptimizerKind::Adam;
                adam.optimizer.lr = 0.0123456789;
                trainer.setSettings(adam);
                history.recordSettings(trainer.state(), trainer.settings());
            }
            QVERIFY(trainer.step());
            history.recordStep(trainer.state(), trainer.settings());
        }
        history.seek(trainer, 33);

        ui::RunFile run;
        run.settings.model = "linear";
        run.settings.start = {1.0 / 3.0, -2.0 / 7.0};
        run.settings.train = s;
        run.timeline = history.save(trainer);
        run.dataFingerprint = ui::dataFingerprint(data);
        QCOMPARE(run.timeline.changes.size(), std::size_t{2});
        QCOMPARE(run.timeline.position, std::int64_t{33});

        const ui::RunFile back = ui::runFromJson(ui::runToJson(run));
        QCOMPARE(back.timeline.head, std::int64_t{40});
        QCOMPARE(back.timeline.position, std::int64_t{33});
        QVERIFY(back.timeline.headState == run.timeline.headState);
        QCOMPARE(back.timeline.changes.size(), run.timeline.changes.size());
        for (std::size_t i = 0; i < run.timeline.changes.size(); ++i) {
            QVERIFY(back.timeline.changes[i].state == run.timeline.changes[i].state);
            QVERIFY(back.timeline.changes[i].settings == run.timeline.changes[i].settings);
        }
        QCOMPARE(back.dataFingerprint, run.dataFingerprint);
        QVERIFY(back.settings.train == s);

        // The fingerprint tells data apart that differ in one bit of one sample.
        core::TrainData other = data;
        other.train.t[3] = std::nextafter(other.train.t[3], 1e9);
        QVERIFY(ui::dataFingerprint(other) != run.dataFingerprint);
    }

    void seedsAndCountsRoundTripExactly_data()
    {
        QTest::addColumn<quint64>("seed");
        constexpr quint64 k2p53 = quint64{1} << 53;
        QTest::newRow("0") << quint64{0};
        QTest::newRow("2^53") << k2p53;
        QTest::newRow("2^53 + 1") << k2p53 + 1;
        QTest::newRow("2^64 - 1") << std::numeric_limits<quint64>::max();
    }

    // The run's seeds, a later change of seed, and steps, epochs and the optimizer's count that
    // no double holds (no run gets that far; the file must not be what stops it).
    void seedsAndCountsRoundTripExactly()
    {
        QFETCH(quint64, seed);
        const auto state = [](std::int64_t step) {
            core::TrainState s;
            s.params = core::Vec{{0.5, -1.0}};
            s.optimizer.reset(2);
            s.step = step;
            s.epoch = step / 3;
            s.cursor = step / 5;
            s.optimizer.t = step;
            return s;
        };
        ui::RunFile run;
        run.settings.model = "linear";
        run.settings.train.seed = seed;
        run.settings.data.seed = seed ^ 1;
        core::TrainSettings later = run.settings.train;
        later.seed = seed - 1;
        const std::int64_t big = (std::int64_t{1} << 53) + 1;
        run.timeline.changes = {{state(0), run.settings.train}, {state(big), later}};
        run.timeline.head = std::numeric_limits<std::int64_t>::max();
        run.timeline.position = big + 2;
        run.timeline.headState = state(run.timeline.head);

        const ui::RunFile back = ui::runFromJson(ui::runToJson(run));
        QCOMPARE(back.settings.train.seed, seed);
        QCOMPARE(back.settings.data.seed, seed ^ 1);
        QCOMPARE(back.timeline.changes.size(), std::size_t{2});
        QCOMPARE(back.timeline.changes[0].settings.seed, seed);
        QCOMPARE(back.timeline.changes[1].settings.seed, seed - 1);
        QVERIFY(back.timeline.changes[0].state == run.timeline.changes[0].state);
        QVERIFY(back.timeline.changes[1].state == run.timeline.changes[1].state);
        QCOMPARE(back.timeline.head, run.timeline.head);
        QCOMPARE(back.timeline.position, big + 2);
        QVERIFY(back.timeline.headState == run.timeline.headState);
    }

    void reopenedRunIsTheSameRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.json"));
        std::vector<ui::StepRow> rows;
        core::TrainState at25, at30;
        double lrLater = 0;
        {
            auto w = openWindow();
            QVERIFY(w);
            step(*w, 10);
            auto* lr = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
            lrLater = lr->value() * 3;
            lr->setValue(lrLater);
            step(*w, 20);
            QVERIFY(syncWith(w->controller()));
            at30 = w->controller()->state();
            w->timeline()->slider()->setValue(25);
            QVERIFY(syncWith(w->controller()));
            at25 = w->controller()->state();
            rows = w->pathLog().rows();
            QString error;
            QVERIFY2(w->saveRun(path, &error), qPrintable(error));
            // Saving leaves the run where it was.
            QVERIFY(syncWith(w->controller()));
            QVERIFY(w->controller()->state() == at25);
        }
        QCOMPARE(rows.size(), std::size_t{30});

        auto w = openWindow();
        QVERIFY(w);
        step(*w, 3);   // something else going on first
        QVERIFY(syncWith(w->controller()));
        QSignalSpy loaded(w->controller(), &ui::TrainingController::timelineLoaded);
        QString error;
        QVERIFY2(w->openRun(path, &error), qPrintable(error));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.front().at(0).toBool(), true);
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == at25);
        QCOMPARE(w->timeline()->head(), std::int64_t{30});
        QCOMPARE(w->timeline()->position(), std::int64_t{25});
        QCOMPARE(w->pathLog().rows().size(), rows.size());
        for (std::size_t k = 0; k < rows.size(); ++k) {
            QVERIFY(w->pathLog().rows()[k].params == rows[k].params);
            QCOMPARE(w->pathLog().rows()[k].updateLr, rows[k].updateLr);
        }
        QCOMPARE(w->settings().train.optimizer.lr, lrLater);
        w->timeline()->slider()->setValue(30);
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == at30);
    }

    void badFilesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("edit");   // "key=json": replaces a top-level key; "raw:" a whole file
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("raw:{ nope") << QStringLiteral("not valid JSON");
        QTest::newRow("settings file") << QByteArray("format=\"downhill-settings\"") << QStringLiteral("format");
        QTest::newRow("no changes") << QByteArray("changes=[]") << QStringLiteral("changes");
        QTest::newRow("position past head") << QByteArray("position=1000") << QStringLiteral("position");
        QTest::newRow("newer version") << QByteArray("version=99") << QStringLiteral("version");
        QTest::newRow("bad head state") << QByteArray("head_state={\"step\": 5}") << QStringLiteral("head_state.");
        QTest::newRow("head text") << QByteArray("head=\"7x\"")
                                   << QStringLiteral("head: expected a whole number from 0 to 9223372036854775807, got \"7x\"");
        QTest::newRow("position negative") << QByteArray("position=-1")
                                           << QStringLiteral("position: expected a whole number from 0 to 9223372036854775807, got -1");
        QTest::newRow("head 2^63") << QByteArray("head=\"9223372036854775808\"") << QStringLiteral("head: expected a whole number");
        // "head!N": head, position and head_state.step all N, as a hostile file would have them.
        QTest::newRow("head 2^63-1") << QByteArray("head!9223372036854775807") << QStringLiteral("beyond");
        QTest::newRow("head unreachable") << QByteArray("head!3000000") << QStringLiteral("cannot reach its head");
        QTest::newRow("seed fraction") << QByteArray("settings={\"seed\": 0.5}")
                                       << QStringLiteral("settings.seed: expected a whole number from 0 to 18446744073709551615, got 0.5");
    }

    void badFilesAreRefusedAndChangeNothing()
    {
        QFETCH(QByteArray, edit);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.json"));
        auto w = openWindow();
        QVERIFY(w);
        step(*w, 5);
        QVERIFY(syncWith(w->controller()));
        QString error;
        QVERIFY(w->saveRun(good, &error));
        QByteArray text;
        if (edit.startsWith("raw:")) {
            text = edit.mid(4);
        } else if (edit.startsWith("head!")) {
            QFile f(good);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
            const qint64 count = edit.mid(5).toLongLong();
            // Above 2^53 a string, as the file writes big counts.
            const QJsonValue n = count < (qint64{1} << 53) ? QJsonValue(count) : QJsonValue(QString::fromLatin1(edit.mid(5)));
            root[QStringLiteral("head")] = n;
            root[QStringLiteral("position")] = n;
            QJsonObject headState = root[QStringLiteral("head_state")].toObject();
            headState[QStringLiteral("step")] = n;
            root[QStringLiteral("head_state")] = headState;
            text = QJsonDocument(root).toJson();
        } else {
            QFile f(good);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
            const qsizetype eq = edit.indexOf('=');
            const QString key = QString::fromLatin1(edit.left(eq));
            root[key] = QJsonDocument::fromJson("[" + edit.mid(eq + 1) + "]").array().at(0);
            text = QJsonDocument(root).toJson();
        }
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
        f.close();

        step(*w, 2);
        QVERIFY(syncWith(w->controller()));
        const core::TrainState before = w->controller()->state();
        QVERIFY(!w->openRun(bad, &error));
        QVERIFY2(error.startsWith(bad) && error.contains(expected), qPrintable(error));
        QVERIFY(syncWith(w->controller()));
        QVERIFY(w->controller()->state() == before);
        QCOMPARE(w->timeline()->head(), std::int64_t{7});
    }
};

QTEST_MAIN(TestRunFile)
#include "test_run_file.moc"
