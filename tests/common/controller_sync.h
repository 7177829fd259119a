#pragma once
// Waits until every command sent to a TrainingController (or a RaceController) so far has been
// handled and its frame delivered: the tests' way of stepping in lockstep with the worker
// thread, without sleeps.
#include <QElapsedTimer>
#include <QSignalSpy>

#include "session/run/race_controller.h"
#include "session/run/training_controller.h"
#include "tests/common/sanitizers.h"

namespace downhill::test {

template <typename Controller>
bool syncWith(Controller* c, int timeoutMs = 10000 * kSlowBuildFactor)
{
    QSignalSpy spy(c, &Controller::synced);
    const quint64 token = c->sync();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        for (const auto& args : spy)
            if (args.at(0).toULongLong() == token)
                return true;
        spy.wait(50);
    }
    return false;
}

template <typename Controller>
bool syncWith(Controller& c, int timeoutMs = 10000 * kSlowBuildFactor)
{
    return syncWith(&c, timeoutMs);
}

}  // namespace downhill::test
