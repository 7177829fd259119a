#pragma once
// The real window in a test: not persisted (no QSettings read or written), resized, shown and
// exposed, optionally given settings, and by default waited on until a fine landscape is on
// screen, so that grids and pixels have settled before the test looks at them.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

#include "main_window.h"

namespace downhill::test {

enum class WaitFor { Exposed, FineLandscape };

inline std::unique_ptr<ui::MainWindow> openWindow(QSize size = QSize(1280, 800), WaitFor wait = WaitFor::FineLandscape,
    const std::optional<ui::AppSettings>& settings = std::nullopt, int timeoutMs = 20000)
{
    ui::MainWindow::Options options;
    options.persist = false;
    auto w = std::make_unique<ui::MainWindow>(options);
    QSignalSpy shown(w.get(), &ui::MainWindow::landscapeShown);
    w->resize(size);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    if (settings) {
        shown.clear();
        w->applySettings(*settings);
    }
    if (wait == WaitFor::Exposed)
        return w;
    const auto fine = [&] {
        for (const auto& args : shown)
            if (args.at(0).toBool())
                return true;
        return false;
    };
    QElapsedTimer t;
    t.start();
    while (!fine() && t.elapsed() < timeoutMs)
        shown.wait(100);
    return fine() ? std::move(w) : nullptr;
}

inline std::unique_ptr<ui::MainWindow> openWindow(const ui::AppSettings& settings, WaitFor wait = WaitFor::FineLandscape)
{
    return openWindow(QSize(1280, 800), wait, settings);
}

}  // namespace downhill::test
