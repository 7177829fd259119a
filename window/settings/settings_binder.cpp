#include "window/settings/settings_binder.h"

namespace downhill::ui {

void SettingsBinder::silently(const std::function<void()>& fn)
{
    const bool was = silent_;
    silent_ = true;
    fn();
    silent_ = was;
}

}  // namespace downhill::ui
