#pragma once
// The control panel's one guard against feedback loops. A widget is bound to the setting it
// edits with onEdit(); while the panel writes the model into its widgets (silently()), their
// signals are not edits, so a model -> widget -> model loop cannot start.
#include <functional>
#include <type_traits>
#include <utility>

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
        connect(sender, signal, this, guarded(std::move(fn), signal));
    }

    // Runs fn with the widgets' signals not counted as edits (nested calls stay silent).
    void silently(const std::function<void()>& fn);

    bool silent() const { return silent_; }

private:
    // A slot taking exactly the signal's arguments (not a generic lambda: Qt's connect() probes
    // a functor with fewer arguments, and clang then instantiates a generic body with none).
    // fn takes those arguments, or none (as a slot may with Qt).
    template <typename Fn, typename Class, typename... Args>
    auto guarded(Fn fn, void (Class::*)(Args...))
    {
        return [this, fn = std::move(fn)](Args... args) -> void {
            if (silent_)
                return;
            if constexpr (std::is_invocable_v<const Fn&, Args...>)
                fn(args...);
            else
                fn();
        };
    }

    bool silent_ = false;
};

}  // namespace downhill::ui
