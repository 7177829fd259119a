// What the window costs the machine when nobody is looking: the whole MainWindow shown at
// 1280x800, its CPU time (utime + stime of every thread, from /proc/self/stat) over a few
// seconds in three states: at rest (never played), playing at the default 20 steps a second,
// and paused after playing. The event loop runs freely meanwhile (a QEventLoop, no polling).
//
//   bench_cpu [--seconds S] [--events K]
//
// --seconds S: each state's length (default 15; bench/cpu_use.sh runs it under Xvfb).
// --events K: after the playing state, the K kinds of event (receiver's class and name, event
// type) that took the GUI thread longest while playing, with how many a second arrived, and the
// K widgets whose paints took longest: where the CPU goes, in the window's own terms.
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMetaEnum>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <map>
#include <unistd.h>
#include <vector>

#include "session/run/training_controller.h"
#include "bench/bench_window.h"

using namespace downhill;

namespace {

// Counts the events the GUI thread delivers while recording: per receiver class, object name and
// event type, how many and their total time (outermost deliveries only, so nothing counts twice).
class CountingApplication : public QApplication {
public:
    using QApplication::QApplication;

    struct Kind {
        long count = 0;
        double ms = 0;
    };

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (!recording_ || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // A widget's paint is delivered inside the window's UpdateRequest: counted apart, so
        // that the paint can be split by widget.
        if (depth_ > 0) {
            if (event->type() != QEvent::Paint)
                return QApplication::notify(receiver, event);
            return timed(paints_[QStringLiteral("%1 \"%2\"").arg(QLatin1String(receiver->metaObject()->className()),
                receiver->objectName())], receiver, event);
        }
        // Neither the event nor its receiver (a DeferredDelete) may outlive the delivery: the
        // key is made before.
        const char* typeName = QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
        Kind& kind = kinds_[QStringLiteral("%1 \"%2\" %3").arg(QLatin1String(receiver->metaObject()->className()),
            receiver->objectName(), typeName ? QLatin1String(typeName) : QString::number(event->type()))];
        ++depth_;
        const bool handled = timed(kind, receiver, event);
        --depth_;
        return handled;
    }

    void record(bool on)
    {
        if (on) {
            kinds_.clear();
            paints_.clear();
        }
        recording_ = on;
    }

    void print(std::size_t keep, double seconds) const
    {
        const auto list = [&](const char* title, const std::map<QString, Kind>& kinds) {
            std::vector<std::pair<QString, Kind>> sorted(kinds.begin(), kinds.end());
            std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second.ms > b.second.ms; });
            std::printf("  %s\n", title);
            for (std::size_t i = 0; i < std::min(keep, sorted.size()); ++i)
                std::printf("    %7.2f ms/s  %6.1f/s  %s\n", sorted[i].second.ms / seconds,
                    static_cast<double>(sorted[i].second.count) / seconds, qPrintable(sorted[i].first));
        };
        list("the GUI thread's events while playing, longest in all first:", kinds_);
        list("the widgets' paints within them (each its own; a child paints apart from its parent):", paints_);
    }

private:
    bool timed(Kind& kind, QObject* receiver, QEvent* event)
    {
        QElapsedTimer t;
        t.start();
        const bool handled = QApplication::notify(receiver, event);
        ++kind.count;
        kind.ms += static_cast<double>(t.nsecsElapsed()) * 1e-6;
        return handled;
    }

    std::map<QString, Kind> kinds_;
    std::map<QString, Kind> paints_;
    bool recording_ = false;
    int depth_ = 0;
};

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
    CountingApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("downhill-bench"));
    const double seconds = bench::option("--seconds", 15);
    const auto events = static_cast<std::size_t>(std::max(0.0, bench::option("--events", 0)));
    ui::MainWindow window(bench::benchOptions());
    if (!bench::showWindow(app, window)) {
        std::fprintf(stderr, "no landscape after 30 s\n");
        return 1;
    }
    auto* controller = window.controller();
    std::printf("the window's CPU use, %g s each, window 1280x800 (%s)\n", seconds, qPrintable(QGuiApplication::platformName()));
    std::fflush(stdout);
    runFor(2);   // the first paint and the gradient check settle
    measure("at rest (never played)", seconds, controller);
    controller->setSpeed(20);
    controller->play();
    runFor(2);
    app.record(events > 0);
    measure("playing, 20 steps/s", seconds, controller);
    app.record(false);
    controller->pause();
    runFor(2);
    measure("paused", seconds, controller);
    if (events > 0)
        app.print(events, seconds);
    return 0;
}
