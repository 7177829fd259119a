// Every lesson as a class first sees it: opened in the window at 1280 x 800 and at 1920 x 1080
// (1280 x 800 alone under a sanitizer),
// Play pressed, and 5 s of training at the lesson's own speed. Each is saved to
// build/screenshots/lesson-<name>-<size>.png to be looked at, and checked the way the layout
// test checks the window: the landscape at least half the window (a third with a dock open),
// no text outside the plots cut off, the window no larger than the screen it was given, and
// the run moved.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QtTest>

#include <memory>
#include <vector>

#include "session/run/training_controller.h"
#include "tests/common/controller_sync.h"
#include "tests/common/layout_checks.h"
#include "tests/common/sanitizers.h"
#include "tests/common/window_harness.h"
#include "window/shell/appearance.h"
#include "window/shell/main_window.h"

using namespace downhill;
using downhill::test::action;
using downhill::test::clippedTexts;
using downhill::test::landscapeShare;
using downhill::test::openWindow;
using downhill::test::settleLayouts;
using downhill::test::syncWith;

static void initDownhillResources()
{
    Q_INIT_RESOURCE(downhill);
}

namespace {

constexpr int kSecondsShown = 5;

// A dock other than the Now | Loss column the window opens with.
bool extraDockOpen(ui::MainWindow& w)
{
    for (const QDockWidget* d : w.findChildren<QDockWidget*>()) {
        const QString name = d->objectName();
        if (name != QLatin1String("nowDock") && name != QLatin1String("lossDock") && d->isVisible())
            return true;
    }
    return false;
}

}  // namespace

class TestLessonScreens : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        initDownhillResources();
        ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
    }

    void everyLessonAfterFiveSeconds_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(":/lessons"));
        const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QCOMPARE(names.size(), 14);
        for (const QString& name : names)
            QTest::newRow(qPrintable(QFileInfo(name).baseName())) << dir.filePath(name);
    }

    // The two sizes play side by side, each window with its own training thread, so that the
    // test takes the lesson's 5 s once.
    void everyLessonAfterFiveSeconds()
    {
        QFETCH(QString, path);
        const QString shots = QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(shots));
        // Under a sanitizer a window takes several times longer to open and fill: the projector's
        // size alone there (the test is there for its memory checks, the pictures are the normal
        // build's).
        const std::vector<QSize> sizes = test::kSlowBuildFactor > 1 ? std::vector<QSize>{QSize(1280, 800)}
                                                                    : std::vector<QSize>{QSize(1280, 800), QSize(1920, 1080)};
        std::vector<std::unique_ptr<ui::MainWindow>> windows;
        for (const QSize& size : sizes) {
            auto w = openWindow(size);
            QVERIFY(w);
            QSignalSpy shown(w.get(), &ui::MainWindow::landscapeShown);
            w->openLesson(path);
            QVERIFY(w->settings().lesson);
            QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toBool(), 20000 * test::kSlowBuildFactor);
            QVERIFY(syncWith(w->controller()));
            windows.push_back(std::move(w));
        }
        for (auto& w : windows) {
            QCOMPARE(w->controller()->state().step, std::int64_t{0});
            action(*w, "playAction")->trigger();
        }
        QTest::qWait(kSecondsShown * 1000);
        QStringList failures;
        for (std::size_t k = 0; k < windows.size(); ++k) {
            ui::MainWindow& w = *windows[k];
            QVERIFY(settleLayouts());
            QCoreApplication::processEvents();
            const QString file = QStringLiteral("%1/lesson-%2-%3x%4.png")
                                     .arg(shots, QFileInfo(path).baseName())
                                     .arg(sizes[k].width())
                                     .arg(sizes[k].height());
            QVERIFY(w.grab().toImage().save(file));
            const double share = landscapeShare(w);
            const double minShare = extraDockOpen(w) ? 1.0 / 3 : 0.5;
            const QString where = QStringLiteral("%1 x %2").arg(sizes[k].width()).arg(sizes[k].height());
            qInfo("%s: step %lld after %d s, landscape %.1f %% of the window (%s)", qPrintable(where),
                static_cast<long long>(w.controller()->state().step), kSecondsShown, 100 * share, qPrintable(file));
            if (w.controller()->state().step < 1)
                failures << where + QStringLiteral(": no step in %1 s").arg(kSecondsShown);
            if (w.size() != sizes[k])
                failures << where + QStringLiteral(": the window grew to %1 x %2").arg(w.width()).arg(w.height());
            if (share < minShare)
                failures << where
                        + QStringLiteral(": the landscape covers %1 % of the window, less than %2 %")
                              .arg(100 * share, 0, 'f', 1)
                              .arg(100 * minShare, 0, 'f', 1);
            for (const QString& c : clippedTexts(w))
                failures << where + QStringLiteral(": ") + c;
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestLessonScreens)
#include "test_lesson_screens.moc"
