// What the window costs the machine when nobody is looking: the whole MainWindow shown at
// 1280x800, its CPU time (utime + stime of every thread, from /proc/self/stat) over a few
// seconds in three states: at rest (never played), playing at the default 20 steps a second,
// and paused after playing. The event loop runs freely meanwhile (a QEventLoop, no polling).
//
//   bench_cpu [--seconds S]      (default 15; bench/cpu_use.sh runs it under Xvfb)
#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <cstdio>
#include <unistd.h>

#include "session/run/training_controller.h"
#include "bench/bench_window.h"

using namespace downhill;

namespace {

// utime + stime of the whole process, in seconds.
double cpuSeconds()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    // Fields after the command name (which is in parentheses and may hold spaces).
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state.
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

void runFor(double seconds)
{
    QEventLoop loop;
    QTimer::singleShot(static_cast<int>(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
}

void measure(const char* state, double seconds, ui::TrainingController* controller)
{
    int frames = 0;
    const auto c = QObject::connect(controller, &ui::TrainingController::frame, [&] { ++frames; });
    const double cpu0 = cpuSeconds();
    const qint64 step0 = controller->state().step;
    runFor(seconds);
    const double cpu = cpuSeconds() - cpu0;
    QObject::disconnect(c);
    std::printf("  %-28s CPU %6.2f %% of a core   frames %5.1f/s   steps %6.1f/s\n", state, 100.0 * cpu / seconds,
        frames / seconds, static_cast<double>(controller->state().step - step0) / seconds);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("downhill-bench"));
    const double seconds = bench::option("--seconds", 15);
    ui::MainWindow window(bench::benchOptions());
    if (!bench::showWindow(app, window)) {
        std::fprintf(stderr, "no landscape after 30 s\n");
        return 1;
    }
    auto* controller = window.controller();
    std::printf("the window's CPU use, %g s each, window 1280x800 (%s)\n", seconds, qPrintable(QGuiApplication::platformName()));
    runFor(2);   // the first paint and the gradient check settle
    measure("at rest (never played)", seconds, controller);
    controller->setSpeed(20);
    controller->play();
    runFor(2);
    measure("playing, 20 steps/s", seconds, controller);
    controller->pause();
    runFor(2);
    measure("paused", seconds, controller);
    return 0;
}
