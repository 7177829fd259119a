// The window against files as a hostile or careless user hands them over: data, settings and run
// files that are malformed, truncated, hold numbers too large, values of the wrong type, binary
// junk, or are enormous. Each is refused with a message naming the file and the line or key,
// and the run that was going on stays exactly as it was; a data file of a million rows is read
// off the GUI thread (the event loop keeps turning), and Cancel in its progress dialog leaves
// the run as it was. --data and --settings given a bad file start the window on the built-in
// data and say why.
#include <QDoubleSpinBox>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QRandomGenerator>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "session/run/training_controller.h"
#include "session/settings/run_io.h"
#include "tests/common/controller_sync.h"
#include "tests/common/window_harness.h"
#include "window/run/problem_loader.h"
#include "window/shell/appearance.h"
#include "window/shell/main_window.h"

using namespace downhill;
using downhill::test::action;
using downhill::test::openWindow;
using downhill::test::syncWith;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

// A file of `bytes` bytes that takes no room on disk (a hole): as large as any reader sees.
QString sparseFile(const QTemporaryDir& dir, const QString& name, qint64 bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.write("{") || !f.resize(bytes))
        return {};
    return path;
}

QByteArray binaryJunk(int size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray bytes(size, '\0');
    for (char& c : bytes)
        c = static_cast<char>(rng.bounded(256));
    return bytes;
}

// rows lines of x,count after the header; bad (if set) replaces the line numbered badLine
// (the header is line 1).
QByteArray csvRows(int rows, int badLine = -1, const QByteArray& bad = {})
{
    QByteArray out = "x,count\n";
    out.reserve(rows * 12 + 16);
    for (int i = 0; i < rows; ++i) {
        if (i + 2 == badLine)
            out += bad + '\n';
        else
            out += QByteArray::number(0.1 + (i % 997) * 0.001, 'f', 4) + ',' + QByteArray::number(1 + i % 7) + '\n';
    }
    return out;
}

// What a user sees of the run: where it is, what it trains on, with what.
struct RunState {
    std::int64_t step = 0;
    std::string model;
    QString dataPath;
    QString source;
    std::int64_t trainSize = 0;
    double lr = 0;
    bool operator==(const RunState&) const = default;
};

RunState stateOf(ui::MainWindow& w)
{
    return {w.controller()->state().step, w.settings().model, w.settings().data.path, w.problem().dataSource(),
        w.problem().trainSize(), w.settings().train.optimizer.lr};
}

// A window three steps into a run on the built-in data.
std::unique_ptr<ui::MainWindow> windowThreeStepsIn()
{
    auto w = openWindow(QSize(1280, 800), downhill::test::WaitFor::Exposed);
    if (!w)
        return nullptr;
    for (int i = 0; i < 3; ++i) {
        action(*w, "stepAction")->trigger();
        if (!syncWith(w->controller()))
            return nullptr;
    }
    return w;
}

}  // namespace

class TestBadFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void badDataFiles_data();
    void badDataFiles();
    void badSettingsFiles_data();
    void badSettingsFiles();
    void badRunFiles_data();
    void badRunFiles();
    void aMillionRowsAreReadOffTheGuiThread();
    void cancellingAReadLeavesTheRun();
    void badFilesOnTheCommandLine();
};

void TestBadFiles::initTestCase()
{
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
}

void TestBadFiles::badDataFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("where");   // what the message must name after the path
    QTest::addColumn<QString>("what");

    QTest::newRow("malformed: a ragged row") << csvRows(20, 7, "0.5,2,9") << ":7:" << "expected 2 fields";
    QTest::newRow("malformed: no count column") << QByteArray("x,people\n0.1,2\n") << ":1:" << "missing column 'count'";
    QTest::newRow("truncated: a quote cut off") << QByteArray("x,count\n0.1,2\n0.2,\"3") << ":3:" << "double quote";
    QTest::newRow("truncated: the header only") << QByteArray("x,count\n") << ":" << "no data rows";
    QTest::newRow("huge number") << csvRows(20, 12, "1e400,3") << ":12:" << "out of range";
    QTest::newRow("not finite") << csvRows(20, 5, "nan,3") << ":5:" << "not a finite number";
    QTest::newRow("wrong type: a word for a count") << csvRows(20, 9, "0.3,three") << ":9:" << "not a number: 'three'";
    QTest::newRow("wrong type: a negative count") << csvRows(20, 4, "0.3,-2") << ":4:" << "negative";
    QTest::newRow("binary") << binaryJunk(4096, 7) << ":" << "";
    QTest::newRow("empty") << QByteArray() << ":" << "empty";
    QTest::newRow("enormous, bad at the end") << csvRows(1000000, 1000001, "0.2,x") << ":1000001:" << "not a number: 'x'";
}

void TestBadFiles::badDataFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, where);
    QFETCH(QString, what);
    auto w = windowThreeStepsIn();
    QVERIFY(w);
    const RunState before = stateOf(*w);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("data.csv"), bytes);
    QVERIFY(!path.isEmpty());

    QString error;
    QVERIFY(!w->openData(path, &error));
    QVERIFY2(error.startsWith(path + where), qPrintable(error));
    QVERIFY2(error.contains(what), qPrintable(error));
    for (const QChar c : error)
        QVERIFY2(c.unicode() >= 0x20, qPrintable(error));   // binary junk is escaped, never echoed
    QVERIFY(stateOf(*w) == before);
    // And the run goes on from where it was.
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, before.step + 1);
}

void TestBadFiles::badSettingsFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("sparseSize");   // > 0: a file this large instead
    QTest::addColumn<QString>("what");        // the key or the problem the message names

    QTest::newRow("malformed JSON") << QByteArray(R"({"model": "linear",, })") << qint64{0} << "JSON";
    QTest::newRow("truncated") << QByteArray(R"({"model": "lin-exp", "optimizer": {"kind": "adam", "lr": 0.0)") << qint64{0} << "JSON";
    QTest::newRow("huge number") << QByteArray(R"({"optimizer": {"lr": 1e400}})") << qint64{0} << "at byte 26: illegal number";
    QTest::newRow("wrong type") << QByteArray(R"({"model": "linear", "batch_size": "many"})") << qint64{0} << "batch_size";
    QTest::newRow("unknown model") << QByteArray(R"({"model": "resnet"})") << qint64{0} << "resnet";
    QTest::newRow("missing data file") << QByteArray(R"({"model": "linear", "data": {"path": "/no/such.csv"}})") << qint64{0} << "/no/such.csv";
    QTest::newRow("binary") << binaryJunk(2048, 11) << qint64{0} << "JSON";
    QTest::newRow("enormous") << QByteArray() << qint64{200} * 1024 * 1024 << "too large";
}

void TestBadFiles::badSettingsFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, sparseSize);
    QFETCH(QString, what);
    auto w = windowThreeStepsIn();
    QVERIFY(w);
    const RunState before = stateOf(*w);
    QTemporaryDir dir;
    const QString path = sparseSize > 0 ? sparseFile(dir, QStringLiteral("lesson.json"), sparseSize)
                                        : writeFile(dir, QStringLiteral("lesson.json"), bytes);
    QVERIFY(!path.isEmpty());

    QString error;
    QVERIFY(!w->loadSettings(path, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(what), qPrintable(error));
    QVERIFY(stateOf(*w) == before);
}

void TestBadFiles::badRunFiles_data()
{
    QTest::addColumn<QString>("edit");   // what is done to a good run file
    QTest::addColumn<QString>("what");
    QTest::newRow("truncated") << "truncate" << "JSON";
    QTest::newRow("binary") << "binary" << "JSON";
    QTest::newRow("wrong type") << "head-string" << "head";
    QTest::newRow("huge head") << "head-huge" << "head";
    QTest::newRow("enormous") << "enormous" << "too large";
}

void TestBadFiles::badRunFiles()
{
    QFETCH(QString, edit);
    QFETCH(QString, what);
    auto w = windowThreeStepsIn();
    QVERIFY(w);
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.json"));
    QString error;
    QVERIFY2(w->saveRun(good, &error), qPrintable(error));
    QFile f(good);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    // One more step: the run is now somewhere the file is not.
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    const RunState before = stateOf(*w);

    QString path;
    if (edit == QLatin1String("truncate")) {
        path = writeFile(dir, QStringLiteral("run.json"), bytes.left(bytes.size() / 2));
    } else if (edit == QLatin1String("binary")) {
        path = writeFile(dir, QStringLiteral("run.json"), binaryJunk(static_cast<int>(bytes.size()), 3));
    } else if (edit == QLatin1String("enormous")) {
        path = sparseFile(dir, QStringLiteral("run.json"), qint64{200} * 1024 * 1024);
    } else {
        QVERIFY(bytes.contains("\"head\": 3"));
        bytes.replace("\"head\": 3", edit == QLatin1String("head-string") ? "\"head\": \"three\"" : "\"head\": 9223372036854775807");
        path = writeFile(dir, QStringLiteral("run.json"), bytes);
    }
    QVERIFY(!path.isEmpty());
    QVERIFY(!w->openRun(path, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(what), qPrintable(error));
    QVERIFY(stateOf(*w) == before);
}

void TestBadFiles::aMillionRowsAreReadOffTheGuiThread()
{
    auto w = windowThreeStepsIn();
    QVERIFY(w);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("big.csv"), csvRows(1000000));
    QVERIFY(!path.isEmpty());
    // A timer of the GUI thread counts how often the event loop turned while the file was read.
    int turns = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&turns] { ++turns; });
    ticker.start();
    QElapsedTimer clock;
    clock.start();
    QString error;
    QVERIFY2(w->openData(path, &error), qPrintable(error));
    const qint64 took = clock.elapsed();
    ticker.stop();
    QCOMPARE(w->settings().data.path, path);
    QCOMPARE(w->problem().trainSize(), std::int64_t{800000});   // the default 20 % held out
    // A read of a million rows takes hundreds of milliseconds; a loop turning every 5 ms meets
    // a good share of them (not all: the run and the landscape have their own work).
    QVERIFY2(turns >= 3, qPrintable(QStringLiteral("%1 turns in %2 ms").arg(turns).arg(took)));
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, std::int64_t{1});
}

void TestBadFiles::cancellingAReadLeavesTheRun()
{
    auto w = windowThreeStepsIn();
    QVERIFY(w);
    const RunState before = stateOf(*w);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("big.csv"), csvRows(1000000));
    QVERIFY(!path.isEmpty());
    ui::ProblemLoader::setDialogDelay(0);
    const auto restoreDelay = qScopeGuard([] { ui::ProblemLoader::setDialogDelay(400); });
    // Press Cancel as soon as the dialog is there, and note what it said.
    QString label;
    QTimer presser;
    presser.setInterval(1);
    connect(&presser, &QTimer::timeout, this, [&] {
        if (auto* dialog = w->findChild<QProgressDialog*>(QStringLiteral("loadProgressDialog")); dialog && dialog->isVisible()) {
            label = dialog->labelText();
            presser.stop();
            auto* button = dialog->findChild<QPushButton*>();
            QVERIFY(button);
            QTest::mouseClick(button, Qt::LeftButton);
        }
    });
    presser.start();
    QString error = QStringLiteral("untouched");
    QVERIFY(!w->openData(path, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(label.contains(QStringLiteral("big.csv")), qPrintable(label));
    QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
    QVERIFY(stateOf(*w) == before);
    action(*w, "stepAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(w->controller()->state().step, before.step + 1);
}

void TestBadFiles::badFilesOnTheCommandLine()
{
    QTemporaryDir dir;
    const QString data = writeFile(dir, QStringLiteral("bad.csv"), csvRows(10, 6, "0.1,lots"));
    const QString settings = writeFile(dir, QStringLiteral("bad.json"), R"({"optimizer": {"momentum": "high"}})");
    QVERIFY(!data.isEmpty() && !settings.isEmpty());
    for (const bool isData : {true, false}) {
        ui::MainWindow::Options options;
        options.persist = false;
        (isData ? options.dataPath : options.settingsFile) = isData ? data : settings;
        ui::MainWindow w(options);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString message = w.statusBar()->currentMessage();
        QVERIFY2(message.contains(isData ? data + QStringLiteral(":6:") : settings + QStringLiteral(": ")), qPrintable(message));
        QVERIFY2(message.contains(isData ? QStringLiteral("lots") : QStringLiteral("optimizer.momentum")), qPrintable(message));
        // The built-in people images instead, and a run that works.
        QVERIFY(w.settings().data.path.isEmpty());
        QVERIFY(w.problem().showsImages());
        action(w, "stepAction")->trigger();
        QVERIFY(syncWith(w.controller()));
        QCOMPARE(w.controller()->state().step, std::int64_t{1});
    }
}

QTEST_MAIN(TestBadFiles)
#include "test_bad_files.moc"
