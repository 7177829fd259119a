#pragma once
// What the window benchmarks (bench_event_loop, bench_cpu) share: their command-line numbers,
// and the real MainWindow shown at 1280 x 800 once its first fine landscape is on screen.
#include <QApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <functional>

#include "window/shell/appearance.h"
#include "window/shell/main_window.h"

namespace downhill::bench {

// The number after `flag` on the command line (`--seconds 5`), or `fallback`.
inline double option(const char* flag, double fallback)
{
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i)
        if (args[i] == QLatin1String(flag))
            return args[i + 1].toDouble();
    return fallback;
}

// Spins the event loop until pred() or the timeout; returns pred().
inline bool waitFor(const std::function<bool()>& pred, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!pred() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return pred();
}

// The window, not persisted, in the application's look, shown at 1280 x 800; true once a fine
// landscape is on screen (30 s at most).
inline bool showWindow(QApplication& app, ui::MainWindow& window)
{
    ui::applyAppearance(app);
    window.resize(1280, 800);
    bool fine = false;
    QObject::connect(&window, &ui::MainWindow::landscapeShown, [&fine](bool isFine) { fine = fine || isFine; });
    window.show();
    return waitFor([&] { return fine; }, 30000);
}

inline ui::MainWindow::Options benchOptions()
{
    ui::MainWindow::Options options;
    options.persist = false;
    return options;
}

}  // namespace downhill::bench
