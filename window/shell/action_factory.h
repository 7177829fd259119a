#pragma once
// One way to make the window's commands: an object name (tests find actions by it), a shortcut,
// and the same tip as tooltip (with the key in it) and status tip.
#include <QAction>
#include <QKeySequence>
#include <QString>

namespace downhill::ui {

QAction* makeAction(QObject* parent, const QString& text, const char* name, const QKeySequence& key, const QString& tip);

}  // namespace downhill::ui
