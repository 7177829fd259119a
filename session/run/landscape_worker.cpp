#include "session/run/landscape_worker.h"

#include <exception>

#include "core/base/error.h"

namespace downhill::ui {

LandscapeWorker::LandscapeWorker(QObject* parent) : QThread(parent)
{
    qRegisterMetaType<downhill::ui::LandscapeResult>();
    setObjectName(QStringLiteral("downhill-landscape"));
    // This object lives on the GUI thread, so these queued connections deliver there.
    connect(this, &LandscapeWorker::computed, this, [this](const LandscapeResult& result) {
        if (result.id == latest_)
            emit landscapeReady(result);
    }, Qt::QueuedConnection);
    connect(this, &LandscapeWorker::computeFailed, this, [this](quint64 id, const QString& message) {
        if (id == latest_)
            emit landscapeFailed(id, message);
    }, Qt::QueuedConnection);
}

LandscapeWorker::~LandscapeWorker()
{
    {
        const std::lock_guard lock(mutex_);
        abort_ = true;
        cancel_.store(true);
    }
    condition_.notify_one();
    wait();
}

quint64 LandscapeWorker::request(const LandscapeJob& job)
{
    std::unique_lock lock(mutex_);
    job_ = job;
    jobId_ = ++latest_;
    const quint64 id = jobId_;
    if (!isRunning()) {
        start(QThread::LowPriority);
    } else {
        restart_ = true;
        cancel_.store(true);
        lock.unlock();
        condition_.notify_one();
    }
    return id;
}

void LandscapeWorker::run()
{
    forever {
        LandscapeJob job;
        quint64 id = 0;
        {
            const std::lock_guard lock(mutex_);
            job = job_;
            id = jobId_;
            restart_ = false;
            cancel_.store(false);
        }

        try {
            const int passes[] = {job.coarseResolution, job.fineResolution};
            // A fine resolution no finer than the coarse one: one pass only (the batch surface
            // while training runs fast).
            const int passCount = job.fineResolution > job.coarseResolution ? 2 : 1;
            std::optional<core::GradientField> field;
            for (int pass = 0; pass < passCount && !cancel_.load(); ++pass) {
                core::LandscapeRequest rq = job.request;
                rq.resolution = passes[pass];
                const core::Samples none;
                const core::Samples& samples = job.samples ? *job.samples : none;
                auto grid = core::computeLandscape(*job.objective, samples, rq, core::LandscapeMethod::Auto, &cancel_);
                if (!grid)
                    break;
                if (!field) {
                    core::LandscapeRequest frq = job.request;
                    frq.resolution = job.fieldResolution;
                    field = core::computeGradientField(*job.objective, samples, frq, &cancel_);
                    if (!field)
                        break;
                }
                LandscapeResult result;
                result.id = id;
                result.fine = pass == passCount - 1;
                result.contours = core::computeContours(*grid, core::contourLevels(*grid, job.contourCount));
                result.grid = std::move(*grid);
                result.field = field;
                if (cancel_.load())
                    break;
                emit computed(result, QPrivateSignal());
            }
        } catch (const std::exception& e) {
            // core reports a bad request (axes, ranges) as InputError; anything else is a bug
            // that must not take the thread down silently either.
            emit computeFailed(id, QString::fromStdString(e.what()), QPrivateSignal());
        }

        std::unique_lock lock(mutex_);
        condition_.wait(lock, [this] { return restart_ || abort_; });
        if (abort_)
            return;
    }
}

}  // namespace downhill::ui
