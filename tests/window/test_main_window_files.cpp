// What the live window reads and writes, offscreen: a settings file is loaded into the controls
// and saved back, a malformed one is refused with the file and the key and changes nothing; a
// missing data file is reported and a good CSV replaces the people images; the path CSV of a run
// is downhill-cli's for the same settings, digit for digit. The rest of the window is
// tests/window/test_main_window.
#include <QAction>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "session/run/training_controller.h"
#include "session/settings/settings_io.h"
#include "tests/common/controller_sync.h"
#include "tests/common/window_harness.h"
#include "window/shell/appearance.h"
#include "window/race/race_mode.h"
#include "window/race/race_panel.h"
#include "window/shell/main_window.h"

using namespace downhill;
using downhill::test::action;
using downhill::test::openWindow;
using downhill::test::syncWith;

class TestMainWindowFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void settingsFileRoundTripAndRejection();
    void badDataFileIsReported();
    void pathCsvMatchesTheCli();
    void fullBatchIsOneSettingEverywhere();
    void aNetworkOpensFromAFile();
};

void TestMainWindowFiles::initTestCase()
{
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
}

void TestMainWindowFiles::settingsFileRoundTripAndRejection()
{
    auto w = openWindow();
    QVERIFY(w);
    QTemporaryDir dir;
    ui::AppSettings s;
    s.model = "lin-exp";
    s.train.optimizer.kind = core::OptimizerKind::Adam;
    s.train.optimizer.lr = 0.02;
    s.speed = 50;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QString error;
    QVERIFY(ui::saveSettingsFile(path, s, &error));
    QVERIFY2(w->loadSettings(path, &error), qPrintable(error));
    QCOMPARE(w->settings().model, std::string("lin-exp"));
    QCOMPARE(w->findChild<QComboBox*>(QStringLiteral("optimizerCombo"))->currentText(), QStringLiteral("adam"));
    QCOMPARE(w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"))->value(), 0.02);
    QCOMPARE(w->controller()->speed(), 50.0);

    // Saved again, it reads back the same.
    const QString again = dir.filePath(QStringLiteral("again.json"));
    QVERIFY(w->saveSettings(again, &error));
    QString reread;
    QVERIFY(ui::loadSettingsFile(again, &reread));

    // Malformed: refused with the file and the key, nothing changes.
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"model": "linear", "optimizer": {"lr": "fast"}})");
    f.close();
    QVERIFY(!w->loadSettings(bad, &error));
    QVERIFY(error.startsWith(bad));
    QVERIFY(error.contains(QStringLiteral("optimizer.lr")));
    QCOMPARE(w->settings().model, std::string("lin-exp"));
}

void TestMainWindowFiles::badDataFileIsReported()
{
    auto w = openWindow();
    QVERIFY(w);
    QString error;
    QVERIFY(!w->openData(QStringLiteral("/no/such/data.csv"), &error));
    QVERIFY2(error.contains(QStringLiteral("/no/such/data.csv")), qPrintable(error));
    QVERIFY(w->settings().data.path.isEmpty());

    // A good CSV works, and hides the image strip.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("line.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("x,count\n");
    for (int i = 0; i < 100; ++i)
        f.write(QByteArray::number(i * 0.03) + ',' + QByteArray::number(2 + i % 5) + '\n');
    f.close();
    QVERIFY2(w->openData(csv, &error), qPrintable(error));
    QCOMPARE(w->problem().trainSize(), std::int64_t{80});
    QVERIFY(!w->findChild<QWidget*>(QStringLiteral("batchStrip"))->isVisible());
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{1});
}

void TestMainWindowFiles::pathCsvMatchesTheCli()
{
    const QString cli = QStringLiteral(DOWNHILL_BINARY_DIR "/app/downhill-cli");
    if (!QFileInfo::exists(cli))
        QSKIP("downhill-cli not built");
    auto w = openWindow();
    QVERIFY(w);
    action(*w, "epochAction")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(w->controller()->state().step, std::int64_t{50}, 10000);
    QVERIFY(syncWith(w->controller()));
    QTemporaryDir dir;
    const QString ours = dir.filePath(QStringLiteral("window.csv"));
    const QString theirs = dir.filePath(QStringLiteral("cli.csv"));
    QString error;
    QVERIFY2(w->pathLog().writeCsv(ours, w->problem().parameterNames(), &error), qPrintable(error));
    QProcess process;
    process.start(cli, {QStringLiteral("train"), QStringLiteral("--steps"), QStringLiteral("50"), QStringLiteral("--out"), theirs});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    QFile a(ours), b(theirs);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QList<QByteArray> left = a.readAll().split('\n');
    const QList<QByteArray> right = b.readAll().split('\n');
    QCOMPARE(left.size(), right.size());
    for (qsizetype i = 0; i < left.size(); ++i)
        QCOMPARE(left[i], right[i]);   // same settings, same seed: the same path, digit for digit
}

void TestMainWindowFiles::fullBatchIsOneSettingEverywhere()
{
    auto w = openWindow();
    QVERIFY(w);
    const std::int64_t perEpochBefore = w->controller()->batchesPerEpoch();
    QVERIFY(perEpochBefore > 1);
    w->findChild<QCheckBox*>(QStringLiteral("fullBatch"))->click();
    // The one encoding: the window's settings, the running trainer and a new race entrant agree.
    QCOMPARE(w->settings().train.batchSize, core::TrainSettings::kFullBatch);
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->batchesPerEpoch(), std::int64_t{1});
    w->raceMode()->panel()->findChild<QPushButton*>(QStringLiteral("raceAddButton"))->click();
    QCOMPARE(w->raceMode()->lineup().size(), std::size_t{1});
    QCOMPARE(w->raceMode()->lineup()[0].batchSize, core::TrainSettings::kFullBatch);

    // Saved, the file says full batch with the switch, for the run and the entrant alike, and
    // no 2^31 - 1 anywhere: it reads back (a number that large is refused on reading).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("full.json"));
    QString error;
    QVERIFY2(w->saveSettings(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(!json.contains("2147483647"));
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value("full_batch").toBool(false), true);
    QVERIFY(!root.contains("batch_size"));
    QCOMPARE(root.value("race").toArray().at(0).toObject().value("full_batch").toBool(false), true);

    // Back to batches, then the file again: full batch comes back, and so does the line-up.
    w->findChild<QCheckBox*>(QStringLiteral("fullBatch"))->click();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->batchesPerEpoch(), perEpochBefore);
    QVERIFY2(w->loadSettings(path, &error), qPrintable(error));
    QVERIFY(w->findChild<QCheckBox*>(QStringLiteral("fullBatch"))->isChecked());
    QCOMPARE(w->settings().train.batchSize, core::TrainSettings::kFullBatch);
    QCOMPARE(w->raceMode()->lineup().at(0).batchSize, core::TrainSettings::kFullBatch);
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->batchesPerEpoch(), std::int64_t{1});
}

void TestMainWindowFiles::aNetworkOpensFromAFile()
{
    // A network from a settings file: its input size and plane come along and go back out; an
    // input size that does not divide the image side is refused and the run kept.
    auto w = openWindow();
    QVERIFY(w);
    QTemporaryDir dir;
    const auto write = [&](const char* name, const char* json) {
        const QString path = dir.filePath(QLatin1String(name));
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(json);
        return path;
    };
    QString error;
    const QString bad = write("bad.json", R"({"format": "downhill-settings", "version": 1, "model": "mlp:16", "input_size": 5})");
    QVERIFY(!w->loadSettings(bad, &error));
    QVERIFY2(error.startsWith(bad + QStringLiteral(": ")) && error.contains(QStringLiteral("5")), qPrintable(error));
    QCOMPARE(w->settings().model, std::string("linear"));
    QCOMPARE(w->problem().parameterCount(), 2);

    const QString net = write("net.json", R"({"format": "downhill-settings", "version": 1, "model": "mlp:16:relu",
        "input_size": 6, "plane": {"kind": "random", "seed": 7}})");
    QVERIFY2(w->loadSettings(net, &error), qPrintable(error));
    QCOMPARE(w->problem().parameterCount(), 36 * 16 + 16 + 16 + 1);
    QVERIFY(w->projection().isPlane());
    QCOMPARE(w->settings().planeSeed, std::uint64_t{7});
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{1});
    const QString again = dir.filePath(QStringLiteral("again.json"));
    QVERIFY(w->saveSettings(again, &error));
    const auto back = ui::loadSettingsFile(again, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->inputSize, 6);
    QCOMPARE(back->plane, ui::PlotPlane::Random);
    QCOMPARE(back->planeSeed, std::uint64_t{7});
    QCOMPARE(back->model, std::string("mlp:16:relu"));
}

QTEST_MAIN(TestMainWindowFiles)
#include "test_main_window_files.moc"
