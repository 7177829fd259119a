#pragma once
// Loss grids off the GUI thread, cancel-and-restart (the shape of Qt's Mandelbrot example): a
// new request cancels the job in progress (core::computeLandscape polls the cancel flag) and
// starts over. Each job is delivered coarse first, then fine, each grid whole with its contour
// lines and a coarse gradient field. Only results of the newest request reach landscapeReady().
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include <condition_variable>
#include <mutex>

#include <QMetaType>
#include <QString>
#include <QThread>

#include "core/geometry/contours.h"
#include "core/landscape/landscape.h"

namespace downhill::ui {

struct LandscapeJob {
    std::shared_ptr<const core::Objective> objective;
    std::shared_ptr<const core::Samples> samples;   // the training set (empty for analytic functions)
    core::LandscapeRequest request;                 // resolution is set per pass
    int coarseResolution = 64;
    int fineResolution = 256;                       // <= coarseResolution: the coarse pass only
    int fieldResolution = 20;                       // the gradient field's grid
    int contourCount = 14;
};

struct LandscapeResult {
    quint64 id = 0;                                 // as returned by request()
    bool fine = false;                              // the last pass of the job (the only one if single-pass)
    core::LandscapeGrid grid;
    std::vector<core::ContourLevel> contours;
    std::optional<core::GradientField> field;
};

class LandscapeWorker : public QThread {
    Q_OBJECT
public:
    explicit LandscapeWorker(QObject* parent = nullptr);
    // Cancels the job in progress and waits for the thread.
    ~LandscapeWorker() override;

    // Cancels whatever is in progress and starts this job. Returns its id. GUI thread only.
    quint64 request(const LandscapeJob& job);
    quint64 latestId() const { return latest_; }

signals:
    void landscapeReady(const downhill::ui::LandscapeResult& result);
    void landscapeFailed(quint64 id, const QString& message);

    // From the computing thread to the GUI thread; filtered there so that a result overtaken
    // by a newer request never gets out.
    void computed(const downhill::ui::LandscapeResult& result, QPrivateSignal);
    void computeFailed(quint64 id, const QString& message, QPrivateSignal);

protected:
    void run() override;

private:
    // std primitives rather than QMutex/QWaitCondition: ThreadSanitizer sees through them.
    std::mutex mutex_;
    std::condition_variable condition_;
    LandscapeJob job_;
    quint64 jobId_ = 0;
    bool restart_ = false;
    bool abort_ = false;
    std::atomic<bool> cancel_{false};
    quint64 latest_ = 0;   // GUI thread only
};

}  // namespace downhill::ui

Q_DECLARE_METATYPE(downhill::ui::LandscapeResult)
