// File > Export and File > Save settings / Save run, as a user drives them: the path asked
// for answered (the asker replaced, not a modal file dialog raced by a timer), the file written with the suffix the filter implies, the status bar
// saying so; a path that cannot be written gives a warning naming the command and nothing else.
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

#include "tests/common/controller_sync.h"
#include "tests/common/image_files.h"
#include "tests/common/window_harness.h"
#include "window/export/export_actions.h"
#include "window/shell/main_window.h"

using namespace downhill;
using downhill::ui::MainWindow;

namespace {

// Triggers the action with `path` as the answer to its file dialog, taken with the dialog's
// default (first) filter as a user who only types a name would; a message box is closed.
// Returns the message boxes' titles (empty: none came up).
QStringList triggerAnswering(MainWindow& window, QAction* action, const QString& path)
{
    auto* exports = window.findChild<ui::ExportActions*>(QStringLiteral("exportActions"));
    if (!exports)
        qFatal("no exportActions");
    exports->setPathAsker([path](const QString&, const QString&, const QString& filters, QString* selected) {
        *selected = filters.section(QStringLiteral(";;"), 0, 0);
        return path;
    });
    QStringList boxes;
    QTimer answer;
    answer.setInterval(20);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            boxes << box->windowTitle();
            box->close();
        }
    });
    answer.start();
    action->trigger();
    return boxes;
}

}  // namespace

class TestExportActions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void writesWhatTheActionNames_data();
    void writesWhatTheActionNames();
    void unwritablePathWarns();

private:
    std::unique_ptr<MainWindow> window_;
    QTemporaryDir dir_;
};

void TestExportActions::initTestCase()
{
    QVERIFY(dir_.isValid());
    window_ = test::openWindow();
    QVERIFY(window_);
    for (int i = 0; i < 3; ++i) {
        window_->findChild<QAction*>(QStringLiteral("stepAction"))->trigger();
        QVERIFY(test::syncWith(*window_->controller()));
    }
}

void TestExportActions::writesWhatTheActionNames_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("name");      // typed into the dialog
    QTest::addColumn<QString>("written");   // the file that appears
    QTest::addColumn<QByteArray>("begins");
    QTest::addColumn<QString>("status");    // the status bar's message, "" for none
    const QByteArray png = test::kPngSignature;
    QTest::newRow("landscape") << "exportLandscapeAction" << "map" << "map.png" << png << "Saved %1";
    QTest::newRow("loss plot") << "exportLossAction" << "loss.png" << "loss.png" << png << "Saved %1";
    QTest::newRow("path") << "exportPathAction" << "path" << "path.csv" << QByteArray("step,") << "Saved 3 steps to %1";
    QTest::newRow("loss history") << "exportHistoryAction" << "epochs" << "epochs.csv" << QByteArray("epoch")
                                  << "Saved 0 epochs to %1";
    QTest::newRow("settings") << "saveSettingsAction" << "mine" << "mine.json" << QByteArray("{") << "Saved %1";
    QTest::newRow("run") << "saveRunAction" << "run" << "run.json" << QByteArray("{") << "";
}

void TestExportActions::writesWhatTheActionNames()
{
    QFETCH(QString, action);
    QFETCH(QString, name);
    QFETCH(QString, written);
    QFETCH(QByteArray, begins);
    QFETCH(QString, status);
    window_->statusBar()->clearMessage();
    const QStringList boxes = triggerAnswering(*window_, window_->findChild<QAction*>(action), dir_.filePath(name));
    QVERIFY2(boxes.isEmpty(), qPrintable(boxes.join(QLatin1Char(','))));
    QFile file(dir_.filePath(written));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QVERIFY2(file.read(begins.size()) == begins, qPrintable(written));
    const QString expected = status.isEmpty() ? QString() : status.arg(dir_.filePath(written));
    QCOMPARE(window_->statusBar()->currentMessage(), expected);
}

void TestExportActions::unwritablePathWarns()
{
    window_->statusBar()->clearMessage();
    const QStringList boxes = triggerAnswering(*window_, window_->findChild<QAction*>(QStringLiteral("exportPathAction")),
        dir_.filePath(QStringLiteral("no/such/folder/path.csv")));
    QCOMPARE(boxes, QStringList{QStringLiteral("Export path")});
    QVERIFY(window_->statusBar()->currentMessage().isEmpty());
}

QTEST_MAIN(TestExportActions)
#include "test_export_actions.moc"
