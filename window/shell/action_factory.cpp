#include "window/shell/action_factory.h"

namespace downhill::ui {

QAction* makeAction(QObject* parent, const QString& text, const char* name, const QKeySequence& key, const QString& tip)
{
    auto* a = new QAction(text, parent);
    a->setObjectName(QLatin1String(name));
    if (!key.isEmpty())
        a->setShortcut(key);
    a->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    a->setStatusTip(tip);
    return a;
}

}  // namespace downhill::ui
