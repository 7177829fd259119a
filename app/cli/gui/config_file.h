#pragma once
// --config: a settings file saved by the window (ui/settings_io) read as the settings a run
// starts from. Needs the window's library, so it is built with DOWNHILL_BUILD_GUI only.
#include <string>

#include "run_config.h"

namespace downhill::cli {

// Throws core::InputError "<path>: <what>" for a missing, unreadable or invalid file.
RunConfig loadConfigFile(const std::string& path);

}  // namespace downhill::cli
