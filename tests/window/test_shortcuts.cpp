// Help > Keyboard shortcuts is made from the window's actions themselves: every action with a key
// is listed once with that key, so a new command cannot be left out of the list (the race keys
// and Ctrl+Shift+S / Ctrl+Shift+O once were).
#include <QAction>
#include <QShortcut>
#include <QtTest>

#include "tests/common/window_harness.h"
#include "window/shell/main_actions.h"
#include "window/shell/main_window.h"

using namespace downhill;

class TestShortcuts : public QObject {
    Q_OBJECT
private slots:
    void everyKeyIsListed()
    {
        auto w = test::openWindow(QSize(1280, 800), test::WaitFor::Exposed);
        QVERIFY(w);
        const QList<ui::MainActions::Shortcut> rows = ui::MainActions::shortcutList(w.get());
        QStringList keys;
        for (const auto& row : rows)
            keys << row.keys;
        // Each action with a shortcut, found independently of the list's own walk.
        int withKeys = 0;
        for (const QAction* a : w->findChildren<QAction*>()) {
            if (a->shortcut().isEmpty())
                continue;
            ++withKeys;
            const QString key = a->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(keys.contains(key), qPrintable(QStringLiteral("%1 (%2) is not listed").arg(a->objectName(), key)));
        }
        for (const QShortcut* s : w->findChildren<QShortcut*>())
            QVERIFY2(keys.contains(s->key().toString(QKeySequence::NativeText)), qPrintable(s->objectName()));
        // Listed once each: the walk over the menus and the one over the window do not repeat.
        QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), keys.size());
        QVERIFY(withKeys >= 25);
        for (const char* key : {"Shift+Space", "Ctrl+Right", "Shift+R", "Ctrl+Shift+S", "Ctrl+Shift+O", "F5", "F9", "F11", "P", "N"})
            QVERIFY2(keys.contains(QKeySequence(QString::fromLatin1(key)).toString(QKeySequence::NativeText)), key);
        // Names read as in the menus, without the mnemonic's ampersand.
        for (const auto& row : rows) {
            QVERIFY2(!row.name.isEmpty(), qPrintable(row.keys));
            QVERIFY2(!row.name.contains(QLatin1Char('&')), qPrintable(row.name));
        }
    }
};

QTEST_MAIN(TestShortcuts)
#include "test_shortcuts.moc"
