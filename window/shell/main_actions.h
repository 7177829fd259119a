#pragma once
// The main window's commands, made in one place: each with its object name (tests find them by
// it), its shortcut (added to the window, so keys work while the menu bar is hidden) and its tip.
// The window puts them in its menus and tool bar and connects them.
#include <QAction>
#include <QCoreApplication>

class QWidget;

namespace downhill::ui {

struct MainActions {
    Q_DECLARE_TR_FUNCTIONS(MainActions)

public:
    QAction* play = nullptr;
    QAction* step = nullptr;
    QAction* epoch = nullptr;
    QAction* back = nullptr;
    QAction* epochBack = nullptr;
    QAction* reset = nullptr;
    QAction* undoReset = nullptr;
    QAction* openSettings = nullptr;
    QAction* saveSettings = nullptr;
    QAction* saveRun = nullptr;
    QAction* openRun = nullptr;
    QAction* openDataFile = nullptr;
    QAction* openDataFolder = nullptr;
    QAction* builtInData = nullptr;
    QAction* exportLandscape = nullptr;
    QAction* exportLoss = nullptr;
    QAction* exportPath = nullptr;
    QAction* exportHistory = nullptr;
    QAction* exportAnimation = nullptr;
    QAction* quit = nullptr;
    QAction* gradientField = nullptr;
    QAction* captions = nullptr;
    QAction* logLoss = nullptr;
    QAction* fitPath = nullptr;
    QAction* fitMinimum = nullptr;
    QAction* resetView = nullptr;
    QAction* about = nullptr;
    QAction* presentation = nullptr;
    QAction* shortcuts = nullptr;
    QAction* userGuide = nullptr;

    static MainActions create(QWidget* window);

    // One line of Help > Keyboard shortcuts.
    struct Shortcut {
        QString keys;    // as the platform writes them, e.g. "Ctrl+Shift+S"
        QString name;    // the action's text without its mnemonic, e.g. "Save run..."
        QString tip;     // its status tip
    };
    // Every shortcut of the window, found in its actions and QShortcuts themselves, so the list
    // cannot leave a key out: the menus' in menu order first, then the window's own.
    static QList<Shortcut> shortcutList(const QWidget* window);
    // Help > Keyboard shortcuts: shortcutList(window) as a table.
    static void showShortcuts(QWidget* window);
};

}  // namespace downhill::ui
