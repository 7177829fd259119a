#pragma once
// The real window in a test: not persisted (no QSettings read or written), resized, shown and
// exposed, optionally given settings, and by default waited on until a fine landscape is on
// screen, so that grids and pixels have settled before the test looks at them.
#include <QAction>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include <memory>
#include <optional>

#include "tests/common/sanitizers.h"
#include "window/shell/main_window.h"

namespace downhill::test {

enum class WaitFor { Exposed, FineLandscape };

inline std::unique_ptr<ui::MainWindow> openWindow(QSize size = QSize(1280, 800), WaitFor wait = WaitFor::FineLandscape,
    const std::optional<ui::AppSettings>& settings = std::nullopt, int timeoutMs = 20000 * kSlowBuildFactor)
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

// Delivers posted layout requests until none is left, so that geometry can be checked at once.
// One sendPostedEvents round is not enough: a layout whose minimum size changes while it is
// activated posts the request for its parent's layout, and what is posted during a round waits
// for the next one. False if the layouts never settle (they keep asking for one another).
inline bool settleLayouts()
{
    struct Counter : QObject {
        int delivered = 0;
        bool eventFilter(QObject*, QEvent* event) override
        {
            delivered += event->type() == QEvent::LayoutRequest ? 1 : 0;
            return false;
        }
    } counter;
    QCoreApplication::instance()->installEventFilter(&counter);
    int rounds = 0;
    do {
        counter.delivered = 0;
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    } while (counter.delivered > 0 && ++rounds < 100);
    QCoreApplication::instance()->removeEventFilter(&counter);
    return counter.delivered == 0;
}

inline std::unique_ptr<ui::MainWindow> openWindow(const ui::AppSettings& settings, WaitFor wait = WaitFor::FineLandscape)
{
    return openWindow(QSize(1280, 800), wait, settings);
}

// One of the window's actions by objectName ("stepAction", "playAction", ...).
inline QAction* action(ui::MainWindow& w, const char* name)
{
    return w.findChild<QAction*>(QLatin1String(name));
}

// The speed slider at its top: play as fast as the training thread goes.
inline void setSpeedMax(ui::MainWindow& w)
{
    auto* slider = w.findChild<QSlider*>(QStringLiteral("speedSlider"));
    slider->setValue(slider->maximum());
}

}  // namespace downhill::test
