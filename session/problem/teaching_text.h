#pragma once
// The short teaching captions beside the plots: what the picture shows under the current
// settings, in a few sentences (rich text).
#include <QString>

#include "session/settings/app_settings.h"
#include "session/problem/problem.h"

namespace downhill::ui {

QString teachingText(const AppSettings& settings, const Problem& problem);

}  // namespace downhill::ui
