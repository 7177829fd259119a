#pragma once
// The control panel's one guard against feedback loops. A widget is bound to the setting it
// edits with onEdit(); while the panel writes the model into its widgets (silently()), their
// signals are not edits, so a model -> widget -> model loop cannot start.
#include <functional>
#include <type_traits>

#include <QObject>

namespace downhill::ui {

class SettingsBinder : public QObject {
    Q_OBJECT
public:
    explicit SettingsBinder(QObject* parent) : QObject(parent) {}

    // fn runs with the signal's arguments when the user changed the widget, never while silent.
    template <typename Sender, typename Signal, typename Fn>
    void onEdit(Sender* sender, Signal signal, Fn fn)
    {
        // fn takes the signal's arguments, or none (as a slot may with Qt).
        connect(sender, signal, this, [this, fn](auto... args) -> void {
            if (silent_)
                return;
            if constexpr (std::is_invocable_v<Fn, decltype(args)...>)
                fn(args...);
            else
                fn();
        });
    }

    // Runs fn with the widgets' signals not counted as edits (nested calls stay silent).
    void silently(const std::function<void()>& fn);

    bool silent() const { return silent_; }

private:
    bool silent_ = false;
};

}  // namespace downhill::ui
