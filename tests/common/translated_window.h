#pragma once
// What the translation tests (window/test_translations for German, window/test_translations_fr
// for French) read off the window: the menu bar's titles, a group box's title, the keyboard
// accelerators of a menu, whether the transport bar shows every control and whether the docks'
// tabs show their whole titles.
#include <QAction>
#include <QGroupBox>
#include <QMenu>
#include <QMenuBar>
#include <QString>
#include <QStringList>
#include <QStyle>
#include <QTabBar>
#include <QToolBar>
#include <QToolButton>

#include "window/shell/main_window.h"

namespace downhill::test {

inline QStringList menuTitles(const ui::MainWindow& w)
{
    QStringList titles;
    for (QAction* a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}

inline QString groupTitle(const ui::MainWindow& w, const char* name)
{
    const auto* group = w.findChild<QGroupBox*>(QLatin1String(name));
    return group ? group->title() : QStringLiteral("(no %1)").arg(QLatin1String(name));
}

// The letter after a single & ("&Fichier": "f"), lower case; empty when the text has none.
inline QString accelerator(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;  // "&&": a literal ampersand
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return QString();
}

// The texts among `actions` whose accelerator another one already has: empty when each letter
// picks one entry (Alt+letter on the menu bar, the letter in an open menu).
inline QStringList clashingAccelerators(const QList<QAction*>& actions)
{
    QStringList seen;
    QStringList clashes;
    for (const QAction* a : actions) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        const QString key = accelerator(a->text());
        if (key.isEmpty())
            continue;
        if (seen.contains(key))
            clashes << a->text();
        seen << key;
    }
    return clashes;
}

// Every clash in the menu bar and in each of its menus and submenus, as "menu: entry".
inline QStringList clashingAccelerators(const ui::MainWindow& w)
{
    QStringList clashes;
    for (const QString& text : clashingAccelerators(w.menuBar()->actions()))
        clashes << QStringLiteral("menu bar: ") + text;
    for (const QMenu* menu : w.findChildren<QMenu*>()) {
        for (const QString& text : clashingAccelerators(menu->actions()))
            clashes << menu->title() + QStringLiteral(": ") + text;
    }
    return clashes;
}

// The transport bar's controls that do not fit and went into its overflow menu (the ">>"
// button): none when every button shows.
inline QStringList hiddenToolBarActions(const ui::MainWindow& w)
{
    QStringList hidden;
    for (const QToolBar* bar : w.findChildren<QToolBar*>()) {
        if (!bar->isVisible())
            continue;
        const auto* extension = bar->findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
        if (!extension || !extension->isVisible())
            continue;
        for (QAction* a : bar->actions()) {
            const QWidget* widget = bar->widgetForAction(a);
            if (!a->isSeparator() && a->isVisible() && widget && !widget->isVisible())
                hidden << bar->windowTitle() + QStringLiteral(": ") + a->text();
        }
        if (hidden.isEmpty())
            hidden << bar->windowTitle() + QStringLiteral(": overflow button shown");
    }
    return hidden;
}

// The tabs on screen whose title does not fit and is cut short with an ellipsis ("Mainten..."),
// as "bar: title": the tab narrower than its text and the style's spacing (QTabBar::tabSizeHint
// without icon, close button or padding).
inline QStringList elidedTabs(const ui::MainWindow& w)
{
    QStringList elided;
    for (const QTabBar* bar : w.findChildren<QTabBar*>()) {
        if (!bar->isVisible())
            continue;
        const int space = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
        for (int i = 0; i < bar->count(); ++i) {
            const QString text = bar->tabText(i);
            if (bar->tabRect(i).width() < bar->fontMetrics().horizontalAdvance(text) + space)
                elided << text;
        }
    }
    return elided;
}

}  // namespace downhill::test
