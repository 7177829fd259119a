#include "window/run/problem_loader.h"

#include <atomic>
#include <exception>
#include <optional>
#include <thread>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProgressDialog>
#include <QTimer>

#include "core/base/progress.h"

namespace downhill::ui {

namespace {

std::atomic<int> delayMs{400};

}  // namespace

void ProblemLoader::setDialogDelay(int milliseconds)
{
    delayMs.store(milliseconds);
}

int ProblemLoader::dialogDelay()
{
    return delayMs.load();
}

Problem ProblemLoader::build(QWidget* parent, const AppSettings& settings, const Problem* previous)
{
    if (settings.data.path.isEmpty() || (previous && previous->holdsDataFor(settings)))
        return Problem::build(settings, previous);

    // The thread works on copies: nothing the GUI thread does meanwhile can reach them.
    const AppSettings wanted = settings;
    const Problem base = previous ? *previous : Problem();
    core::Progress progress;
    std::optional<Problem> built;
    std::exception_ptr failure;
    std::atomic<bool> done{false};
    std::thread worker([&] {
        try {
            built = Problem::build(wanted, &base, &progress);
        } catch (...) {
            failure = std::current_exception();
        }
        done.store(true, std::memory_order_release);
    });

    // Polled rather than signalled: the loop and the dialog belong to this thread alone, and the
    // worker is joined before they go.
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    std::optional<QProgressDialog> dialog;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done.load(std::memory_order_acquire) || (!dialog && clock.elapsed() >= dialogDelay()))
            loop.quit();
        else if (dialog && dialog->wasCanceled())   // by its button, Esc, or its cancel() slot
            progress.cancel();
        else if (dialog)
            dialog->setValue(static_cast<int>(1000.0 * progress.fraction()));
    });
    poll.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!done.load(std::memory_order_acquire)) {
        dialog.emplace(tr("Reading %1…").arg(QFileInfo(settings.data.path).fileName()), tr("Cancel"), 0, 1000, parent);
        dialog->setObjectName(QStringLiteral("loadProgressDialog"));
        dialog->setWindowTitle(tr("Opening data"));
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setMinimumDuration(0);
        dialog->setAutoClose(false);
        dialog->setAutoReset(false);
        dialog->setValue(static_cast<int>(1000.0 * progress.fraction()));
        dialog->show();
        // Over a rebuild's wait cursor: the dialog's Cancel is to be clicked.
        QGuiApplication::setOverrideCursor(Qt::ArrowCursor);
        loop.exec();
        QGuiApplication::restoreOverrideCursor();
    }
    worker.join();
    if (failure)
        std::rethrow_exception(failure);
    return std::move(*built);
}

}  // namespace downhill::ui
