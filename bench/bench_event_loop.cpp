// How responsive the live window stays while training runs as fast as the engine can: the
// whole MainWindow (controller, worker thread, 60 Hz refresh, plots) shown at 1280x800, playing
// at "max" speed. A probe QTimer on the GUI thread fires every 5 ms; its lateness is the event
// loop's stall (what a click or a key press would wait). Also counts the frames the 60 Hz
// refresh drew and the steps the worker took.
//
//   bench_event_loop [--seconds S] [--load N] [--slowest K] [--only TEXT]
//
// With --load N every case is measured twice: at rest, then with N threads beside the window
// spinning on arithmetic (a busy laptop: a build, a browser), at normal priority. With
// --slowest K each case also lists the K longest events the GUI thread handled (the receiver's
// class and name, the event's type): where a stall came from. --only measures only the cases
// whose name contains TEXT (the others are still set up, in order).
//
// Run under QT_QPA_PLATFORM=offscreen (bench/run_all.sh does) or xvfb-run.
#include <QApplication>
#include <QEvent>
#include <QMetaEnum>
#include <QComboBox>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QSlider>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>
#include <functional>
#include <string>
#include <vector>

#include "bench/bench_window.h"
#include "window/run/surface_feeder.h"
#include "session/run/training_controller.h"

using namespace downhill;

namespace {

constexpr int kProbeMs = 5;

// Times every event the GUI thread delivers from its event loop (not the ones delivered inside
// another) while recording, and keeps the slowest.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;

    struct Slow {
        double ms;
        QString what;
    };

    bool notify(QObject* receiver, QEvent* event) override
    {
        // notify() runs on every thread that has events (the workers' too): only the GUI's count.
        if (!recording_ || depth_ > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++depth_;
        QElapsedTimer t;
        t.start();
        // Neither the event nor its receiver (a DeferredDelete) may outlive the delivery.
        const QEvent::Type type = event->type();
        const char* className = receiver->metaObject()->className();
        const QString objectName = receiver->objectName();
        const bool handled = QApplication::notify(receiver, event);
        const double ms = static_cast<double>(t.nsecsElapsed()) * 1e-6;
        --depth_;
        if (slowest_.size() < keep_ || ms > slowest_.back().ms) {
            const char* typeName = QMetaEnum::fromType<QEvent::Type>().valueToKey(type);
            Slow slow{ms, QStringLiteral("%1 \"%2\" %3").arg(QLatin1String(className),
                objectName, typeName ? QLatin1String(typeName) : QString::number(type))};
            slowest_.insert(std::upper_bound(slowest_.begin(), slowest_.end(), slow,
                [](const Slow& a, const Slow& b) { return a.ms > b.ms; }), slow);
            if (slowest_.size() > keep_)
                slowest_.pop_back();
        }
        return handled;
    }

    void record(std::size_t keep)
    {
        keep_ = keep;
        slowest_.clear();
        recording_ = keep > 0;
    }
    std::vector<Slow> stop()
    {
        recording_ = false;
        return std::move(slowest_);
    }

private:
    std::atomic<bool> recording_{false};
    int depth_ = 0;
    std::size_t keep_ = 0;
    std::vector<Slow> slowest_;
};

TimedApplication* gApp = nullptr;
std::size_t gSlowest = 0;

struct Result {
    double medianLateMs = 0;
    double p99LateMs = 0;
    double maxLateMs = 0;
    double fps = 0;
    double stepsPerSecond = 0;
    std::vector<TimedApplication::Slow> slowest;
};

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

using bench::waitFor;

Result measure(ui::MainWindow& window, double seconds)
{
    auto* controller = window.controller();
    int frames = 0;
    const auto frameConnection = QObject::connect(&window, &ui::MainWindow::frameShown, [&] { ++frames; });
    std::vector<double> late;
    QElapsedTimer clock;
    qint64 last = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        late.push_back(std::max(0.0, static_cast<double>(now - last) * 1e-6 - kProbeMs));
        last = now;
    });

    const std::int64_t firstStep = controller->state().step;
    controller->play();
    gApp->record(gSlowest);
    clock.start();
    probe.start();
    QElapsedTimer run;
    run.start();
    waitFor([&] { return run.elapsed() >= static_cast<qint64>(seconds * 1000); }, static_cast<int>(seconds * 1000) + 1000);
    probe.stop();
    const auto slowest = gApp->stop();
    const double elapsed = static_cast<double>(run.nsecsElapsed()) * 1e-9;
    controller->pause();
    const std::int64_t lastStep = controller->state().step;
    QObject::disconnect(frameConnection);

    Result r;
    r.medianLateMs = percentile(late, 0.5);
    r.p99LateMs = percentile(late, 0.99);
    r.maxLateMs = percentile(late, 1.0);
    r.fps = frames / elapsed;
    r.stepsPerSecond = static_cast<double>(lastStep - firstStep) / elapsed;
    r.slowest = slowest;
    return r;
}

// Reset and wait until the restart has reached the GUI, so that step counts start from 0.
void resetRun(ui::MainWindow& window)
{
    auto* controller = window.controller();
    controller->reset();
    bool synced = false;
    const quint64 token = controller->sync();
    const auto c = QObject::connect(controller, &ui::TrainingController::synced, [&](quint64 t) { synced = synced || t == token; });
    waitFor([&] { return synced; }, 10000);
    QObject::disconnect(c);
}

void print(const char* name, const Result& r)
{
    std::printf("  %-34s probe lateness median %6.2f ms  p99 %6.2f ms  max %6.2f ms   frames %5.1f/s   steps %9.0f/s\n",
        name, r.medianLateMs, r.p99LateMs, r.maxLateMs, r.fps, r.stepsPerSecond);
    for (const auto& slow : r.slowest)
        std::printf("  %-34s %6.2f ms  %s\n", "", slow.ms, qPrintable(slow.what));
    std::fflush(stdout);
}

// N threads spinning on arithmetic for as long as it lives.
class Load {
public:
    explicit Load(int threads)
    {
        for (int k = 0; k < threads; ++k)
            threads_.emplace_back([this, k] {
                double x = 1.0 + k;
                while (!stop_.load(std::memory_order_relaxed))
                    for (int i = 0; i < 10000; ++i)
                        x = std::sqrt(x * 1.000001 + 1.0);
                sink_.store(x);
            });
    }
    ~Load()
    {
        stop_.store(true);
        for (std::thread& t : threads_)
            t.join();
    }
    Load(const Load&) = delete;
    Load& operator=(const Load&) = delete;

private:
    std::atomic<bool> stop_{false};
    std::atomic<double> sink_{0};
    std::vector<std::thread> threads_;
};

int gLoad = 0;
QString gOnly;

// The case at rest, and again beside the load when one was asked for; false when --only left
// it out.
bool run(const char* name, ui::MainWindow& window, double seconds)
{
    if (!QString::fromLatin1(name).contains(gOnly))
        return false;
    print(name, measure(window, seconds));
    if (gLoad <= 0)
        return true;
    const Load load(gLoad);
    const std::string loaded = std::string("  ... under load ") + std::to_string(gLoad);
    resetRun(window);
    print(loaded.c_str(), measure(window, seconds));
    return true;
}

}  // namespace

int main(int argc, char** argv)
{
    TimedApplication app(argc, argv);
    gApp = &app;
    QApplication::setApplicationName(QStringLiteral("downhill-bench"));
    const double seconds = bench::option("--seconds", 5);
    gLoad = static_cast<int>(bench::option("--load", 0));
    if (const QStringList args = QCoreApplication::arguments(); args.contains(QStringLiteral("--only")))
        gOnly = args.value(args.indexOf(QStringLiteral("--only")) + 1);
    gSlowest = static_cast<std::size_t>(std::max(0.0, bench::option("--slowest", 0)));
    ui::MainWindow window(bench::benchOptions());
    bool fine = false;
    QObject::connect(&window, &ui::MainWindow::landscapeShown, [&](bool isFine) { fine = fine || isFine; });
    if (!bench::showWindow(app, window)) {
        std::fprintf(stderr, "no landscape after 30 s\n");
        return 1;
    }
    auto* speed = window.findChild<QSlider*>(QStringLiteral("speedSlider"));
    speed->setValue(speed->maximum());   // "max": as fast as the engine runs

    std::printf("event loop while training at max speed, %g s each, window 1280x800 (%s), load %d\n", seconds,
        qPrintable(QGuiApplication::platformName()), gLoad);
    run("linear, mse, sgd, batch 32", window, seconds);

    // The surfaces: the batch surface (a coarse grid per batch, coalesced), the batch strip
    // redrawing augmented images, and training | validation side by side.
    auto* surface = window.findChild<QComboBox*>(QStringLiteral("surfaceCombo"));
    surface->setCurrentIndex(surface->findData(QStringLiteral("batch")));
    resetRun(window);
    const int jobsBefore = window.surfaceFeeder()->batchJobsRequested();
    if (run("linear, batch 32, batch surface", window, seconds))
        std::printf("  %-34s %.1f batch grids/s shown\n", "", (window.surfaceFeeder()->batchJobsRequested() - jobsBefore) / (gLoad > 0 ? 2 * seconds : seconds));
    surface->setCurrentIndex(surface->findData(QStringLiteral("train")));
    for (const char* box : {"augBrightness", "augFlip", "augNoise"})
        window.findChild<QCheckBox*>(QLatin1String(box))->click();
    resetRun(window);
    run("linear, batch 32, augmented strip", window, seconds);
    for (const char* box : {"augBrightness", "augFlip", "augNoise"})
        window.findChild<QCheckBox*>(QLatin1String(box))->click();
    surface->setCurrentIndex(surface->findData(QStringLiteral("train+val")));
    fine = false;
    waitFor([&] { return fine; }, 30000);
    resetRun(window);
    run("linear, batch 32, train | val", window, seconds);
    surface->setCurrentIndex(surface->findData(QStringLiteral("train")));

    window.findChild<QCheckBox*>(QStringLiteral("fullBatch"))->click();   // one epoch per step
    resetRun(window);
    run("linear, full batch (epoch a step)", window, seconds);
    window.findChild<QCheckBox*>(QStringLiteral("fullBatch"))->click();

    auto* model = window.findChild<QComboBox*>(QStringLiteral("modelCombo"));
    model->setCurrentIndex(model->findText(QStringLiteral("lin-exp")));
    auto* loss = window.findChild<QComboBox*>(QStringLiteral("lossCombo"));
    loss->setCurrentIndex(loss->findText(QStringLiteral("mae")));
    fine = false;
    waitFor([&] { return fine; }, 30000);
    run("lin-exp, mae, sgd, batch 32", window, seconds);

    // A real network on the pixels, on its random plane: the step is a forward and backward
    // pass over 2,337 parameters, the landscape a grid through all of them.
    model->setCurrentIndex(model->findText(QStringLiteral("mlp:16:relu")));
    loss->setCurrentIndex(loss->findText(QStringLiteral("mse")));
    fine = false;
    waitFor([&] { return fine; }, 60000);
    resetRun(window);
    run("mlp:16:relu 12x12, batch 32", window, seconds);

    model->setCurrentIndex(model->findText(QStringLiteral("rosenbrock")));
    fine = false;
    waitFor([&] { return fine; }, 30000);
    window.findChild<QSlider*>(QStringLiteral("learningRateSlider"))->setValue(0);   // 1e-4: stays finite
    resetRun(window);
    run("rosenbrock, sgd lr 1e-4", window, seconds);
    return 0;
}
