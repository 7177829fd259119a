#pragma once
// --config: a settings file saved by the window (session/settings/settings_io) read as the
// settings a run starts from. Qt Core only, so a build without the window has it too.
#include <string>

#include "app/cli/run_config.h"

namespace downhill::cli {

// Throws core::InputError "<path>: <what>" for a missing, unreadable or invalid file.
RunConfig loadConfigFile(const std::string& path);

}  // namespace downhill::cli
