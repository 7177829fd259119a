#pragma once
// The one owner of the window's settings. Everything that shows them (the control panel, the
// run builder, the race, the run presenter, the save commands) reads value(); a user's edit
// goes through edit(), which says what kind of change it was, so that the run builder knows
// whether to retune the run or rebuild it; the program's own changes (a file loaded, values
// normalised, the settings of an earlier step coming back) go through update(), silently.
// Beside the value it keeps the last settings that made a working run, to go back to when an
// edit does not.
#include <functional>

#include <QObject>

#include "session/settings/app_settings.h"

namespace downhill::ui {

class SettingsStore : public QObject {
    Q_OBJECT
public:
    enum class Change {
        Training,   // a hyperparameter: the run goes on with it from the next step
        Problem,    // model or loss: new objective, new landscape, new run
        Data,       // data set or split: new data, new landscape, new run
        Plane,      // plotted axes or held values: new landscape, new run
        Surface,    // what the landscape shows (training, batch, validation): new landscape, same run
    };
    Q_ENUM(Change)

    explicit SettingsStore(QObject* parent = nullptr) : QObject(parent) {}

    const AppSettings& value() const { return value_; }

    // A user's edit: apply changes the value, then edited(change) is emitted.
    void edit(Change change, const std::function<void(AppSettings&)>& apply);
    // The program's change: no signal.
    void update(const std::function<void(AppSettings&)>& apply) { apply(value_); }
    void replace(const AppSettings& settings) { value_ = settings; }

    // The value made a working run: remember it. restoreWorking() goes back to it.
    void keepAsWorking() { working_ = value_; }
    void restoreWorking() { value_ = working_; }
    const AppSettings& working() const { return working_; }

signals:
    void edited(downhill::ui::SettingsStore::Change change);

private:
    AppSettings value_;
    AppSettings working_;
};

}  // namespace downhill::ui
