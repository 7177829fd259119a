#include "session/settings/settings_store.h"

namespace downhill::ui {

void SettingsStore::edit(Change change, const std::function<void(AppSettings&)>& apply)
{
    apply(value_);
    emit edited(change);
}

}  // namespace downhill::ui
