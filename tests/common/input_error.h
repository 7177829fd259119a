#pragma once
// The message of the core::InputError a call throws, or an empty string when it throws none:
// for tests that check what bad input is told.
#include <QString>

#include "core/base/error.h"

namespace downhill::test {

template <typename F>
QString errorOf(F f)
{
    try {
        f();
    } catch (const core::InputError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace downhill::test
