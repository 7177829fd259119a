// Landscape grids off the GUI thread: cancel-and-restart delivers the last request only,
// coarse then fine; a bad request is reported and the thread serves the next one.
#include <QSignalSpy>
#include <QtTest>

#include <memory>

#include "core/model/objective.h"
#include "session/run/landscape_worker.h"
#include "tests/session/line_problem.h"

using namespace downhill;

class TestLandscapeWorker : public QObject {
    Q_OBJECT
private slots:
    void deliversOnlyTheLastRequest();
    void reportsBadRequests();
};

void TestLandscapeWorker::deliversOnlyTheLastRequest()
{
    // mae on many samples takes the general path: each fine grid takes a while, so requests
    // really do overtake running jobs.
    core::LossSettings mae;
    mae.kind = core::LossKind::Mae;
    auto objective = core::makeObjective("lin-exp", mae);
    auto data = std::make_shared<core::TrainData>(test::lineData(4000));
    ui::LandscapeWorker worker;
    QSignalSpy ready(&worker, &ui::LandscapeWorker::landscapeReady);
    QSignalSpy failed(&worker, &ui::LandscapeWorker::landscapeFailed);
    ui::LandscapeJob job;
    job.objective = objective;
    job.samples = std::shared_ptr<const core::Samples>(data, &data->train);
    job.request.axis1 = 0;
    job.request.axis2 = 2;
    job.request.origin = objective->defaultInit();
    quint64 last = 0;
    for (int i = 0; i < 100; ++i) {
        job.request.min1 = -1.0 - 0.01 * i;
        job.request.max1 = 3.0;
        job.request.min2 = -0.5;
        job.request.max2 = 0.8;
        last = worker.request(job);
        if (i % 10 == 0)
            QCoreApplication::processEvents();
    }
    QCOMPARE(worker.latestId(), last);
    auto fineArrived = [&] {
        for (const auto& args : ready)
            if (args.at(0).value<ui::LandscapeResult>().fine)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(fineArrived(), 30000);
    QVERIFY(!ready.wait(300));  // nothing else is on its way
    int fine = 0;
    for (const auto& args : ready) {
        const auto result = args.at(0).value<ui::LandscapeResult>();
        QCOMPARE(result.id, last);
        fine += result.fine ? 1 : 0;
        QCOMPARE(result.grid.request.min1, -1.0 - 0.01 * 99);
        QCOMPARE(result.grid.loss.rows(), result.grid.resolution());
        QVERIFY(result.field.has_value());
        QVERIFY(!result.contours.empty());
    }
    QCOMPARE(fine, 1);
    QCOMPARE(ready.last().at(0).value<ui::LandscapeResult>().grid.resolution(), job.fineResolution);
    QVERIFY(failed.isEmpty());
}

void TestLandscapeWorker::reportsBadRequests()
{
    auto objective = core::makeObjective("rosenbrock", {});
    ui::LandscapeWorker worker;
    QSignalSpy failed(&worker, &ui::LandscapeWorker::landscapeFailed);
    QSignalSpy ready(&worker, &ui::LandscapeWorker::landscapeReady);
    ui::LandscapeJob job;
    job.objective = objective;
    job.request.axis1 = 0;
    job.request.axis2 = 0;  // the same parameter twice
    job.request.origin = objective->defaultInit();
    const quint64 id = worker.request(job);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).toULongLong(), id);
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("different")));

    // And the thread is still there for the next, good, request.
    job.request.axis2 = 1;
    worker.request(job);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 10000);
}

QTEST_GUILESS_MAIN(TestLandscapeWorker)
#include "test_landscape_worker.moc"
