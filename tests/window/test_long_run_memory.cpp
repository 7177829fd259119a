// A run's memory is bounded however long it trains: the window played at full speed for ten
// million steps grows by no more than kGrowthBoundMiB from the millionth step on, and every
// record of the run the GUI keeps stays within its cap (the path log, the loss plot, the
// landscape's path). By the millionth step every record is already full (the path log at 100,000
// rows, the timeline's checkpoints at 4,096), so what grows after it is what a bound missed.
// A network's state is 2,337 parameters and its optimizer's buffers: its records fill within
// 25,000 steps (the timeline's checkpoints at their 32 MiB budget), and from 40,000 steps to
// 120,000 it must not grow by more than the same bound either (it grew by about 117 MiB when the
// timeline's cap was a count alone).
// docs/benchmarks.md ("A long run in the window") says what the bound is made of.
#include <QFile>
#include <QtTest>

#include <cstdint>

#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "session/run/path_log.h"
#include "session/settings/app_settings.h"
#include "session/run/training_controller.h"
#include "tests/common/controller_sync.h"
#include "tests/common/sanitizers.h"
#include "tests/common/window_harness.h"
#include "window/shell/appearance.h"
#include "window/shell/main_window.h"

using namespace downhill;
using downhill::test::action;
using downhill::test::openWindow;
using downhill::test::setSpeedMax;
using downhill::test::syncWith;

namespace {

// Ten million in a normal build; three million under a sanitizer, which is several times slower
// (the caps are full from kFull on either way).
constexpr std::int64_t kSteps = test::kSlowBuildFactor > 1 ? 3'000'000 : 10'000'000;
constexpr std::int64_t kFull = 1'000'000;   // every record is at its cap by then
[[maybe_unused]] constexpr double kGrowthBoundMiB = 16;   // unused where ASan skips the measure

// The resident set of this process now, in MiB (VmRSS of /proc/self/status); -1 if unknown.
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Lets the window play until its controller's step reaches `step` (or the time is up).
bool playUntil(ui::MainWindow& w, std::int64_t step, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (w.controller()->state().step < step && clock.elapsed() < timeoutMs)
        QTest::qWait(50);
    return w.controller()->state().step >= step;
}

}  // namespace

class TestLongRunMemory : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance())); }
    void tenMillionStepsInBoundedMemory();
    void aNetworksRunInBoundedMemory();
};

void TestLongRunMemory::tenMillionStepsInBoundedMemory()
{
    auto w = openWindow();
    QVERIFY(w);
    setSpeedMax(*w);
    action(*w, "playAction")->trigger();
    // A million steps a second or more in a normal build; a loaded machine, or a sanitizer's
    // build, is allowed far longer.
    const int timeoutMs = 240'000 * test::kSlowBuildFactor;
    QVERIFY2(playUntil(*w, kFull, timeoutMs), qPrintable(QStringLiteral("only %1 steps").arg(w->controller()->state().step)));
    const double atFull = residentMiB();
    QVERIFY(atFull > 0);
    QVERIFY2(playUntil(*w, kSteps, timeoutMs), qPrintable(QStringLiteral("only %1 steps").arg(w->controller()->state().step)));
    action(*w, "playAction")->trigger();   // pause
    QVERIFY(syncWith(w->controller()));
    QTest::qWait(100);   // the last frames drawn
    const double atEnd = residentMiB();
    const std::int64_t reached = w->controller()->state().step;
    qInfo("%lld steps; resident %.1f MiB at %lld steps, %.1f MiB at the end", static_cast<long long>(reached), atFull,
        static_cast<long long>(kFull), atEnd);

    // Every record within its cap, and spanning the whole run.
    const ui::PathLog& log = w->pathLog();
    QVERIFY(log.rows().size() <= log.capacity());
    QVERIFY(log.rows().size() > log.capacity() / 4);
    QCOMPARE(log.rows().back().step, reached);
    QVERIFY(log.rows().front().step <= log.stride());   // from the start to the newest step
    QVERIFY(w->lossPlot()->storedStepCount() <= ui::LossPlot::kMaxPoints + 1);
    QVERIFY(w->landscapePlot()->pathPointCount() <= ui::LandscapePlot::kMaxPathPoints + 1);

#if DOWNHILL_TEST_ASAN
    QSKIP("AddressSanitizer's quarantine holds freed memory (up to 256 MiB): the resident set is no measure here");
#else
    QVERIFY2(atEnd - atFull <= kGrowthBoundMiB,
        qPrintable(QStringLiteral("grew %1 MiB from step %2 to %3").arg(atEnd - atFull).arg(kFull).arg(reached)));
#endif
}

void TestLongRunMemory::aNetworksRunInBoundedMemory()
{
#if DOWNHILL_TEST_ASAN
    // 120,000 network steps take longer than the test may under ASan, and its measure, the
    // resident set, means nothing there (see below): the normal build runs it.
    QSKIP("a network's 120,000 steps are too slow under AddressSanitizer, and the resident set is no measure here");
#endif
    ui::AppSettings settings;
    settings.setModel("mlp:16");   // 12 x 12 pixels: 2,337 parameters
    settings.data.count = 200;
    settings.train.optimizer.kind = core::OptimizerKind::Adam;   // two buffers in every checkpoint
    settings.train.optimizer.lr = 0.003;
    settings.train.batchSize = 16;
    settings.speed = 0;
    auto w = openWindow(settings);
    QVERIFY(w);
    QCOMPARE(w->controller()->state().params.size(), 2337);
    action(*w, "playAction")->trigger();
    const int timeoutMs = 240'000 * test::kSlowBuildFactor;
    constexpr std::int64_t kNetFull = 40'000, kNetSteps = 120'000;
    QVERIFY2(playUntil(*w, kNetFull, timeoutMs), qPrintable(QStringLiteral("only %1 steps").arg(w->controller()->state().step)));
    const double atFull = residentMiB();
    QVERIFY2(playUntil(*w, kNetSteps, timeoutMs), qPrintable(QStringLiteral("only %1 steps").arg(w->controller()->state().step)));
    action(*w, "playAction")->trigger();
    QVERIFY(syncWith(w->controller()));
    QTest::qWait(100);
    const double atEnd = residentMiB();
    qInfo("mlp:16: %lld steps; resident %.1f MiB at %lld steps, %.1f MiB at the end",
        static_cast<long long>(w->controller()->state().step), atFull, static_cast<long long>(kNetFull), atEnd);
    const ui::PathLog& log = w->pathLog();
    QVERIFY(log.rows().size() <= ui::PathLog::capacityFor(2337));
#if DOWNHILL_TEST_ASAN
    QSKIP("AddressSanitizer's quarantine holds freed memory (up to 256 MiB): the resident set is no measure here");
#else
    QVERIFY2(atEnd - atFull <= kGrowthBoundMiB,
        qPrintable(QStringLiteral("grew %1 MiB from step %2 to %3").arg(atEnd - atFull).arg(kNetFull).arg(kNetSteps)));
#endif
}

QTEST_MAIN(TestLongRunMemory)
#include "test_long_run_memory.moc"
