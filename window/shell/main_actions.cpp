#include "window/shell/main_actions.h"

#include <functional>

#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QRegularExpression>
#include <QSet>
#include <QShortcut>
#include <QKeySequence>
#include <QMessageBox>
#include <QWidget>

#include "window/shell/action_factory.h"

namespace downhill::ui {

MainActions MainActions::create(QWidget* window)
{
    MainActions a;
    auto make = [window](const QString& text, const char* name, const QKeySequence& key, const QString& tip) {
        QAction* action = makeAction(window, text, name, key, tip);
        window->addAction(action);   // shortcuts work even while the menu bar is hidden
        return action;
    };
    a.play = make(tr("Play"), "playAction", QKeySequence(Qt::Key_Space), tr("Train continuously at the chosen speed, or pause"));
    a.play->setIcon(QIcon(QStringLiteral(":/icons/play.svg")));
    a.step = make(tr("Step"), "stepAction", QKeySequence(Qt::Key_Right), tr("Take exactly one update (one batch)"));
    a.step->setIcon(QIcon(QStringLiteral(":/icons/step.svg")));
    a.epoch = make(tr("Epoch"), "epochAction", QKeySequence(Qt::SHIFT | Qt::Key_Right),
        tr("Take updates until the current epoch ends (one pass over the training set)"));
    a.epoch->setIcon(QIcon(QStringLiteral(":/icons/epoch.svg")));
    a.back = make(tr("Back"), "backAction", QKeySequence(Qt::Key_Left),
        tr("Go back one update, exactly: parameters, optimizer state, schedule and batch as they were"));
    a.back->setIcon(QIcon(QStringLiteral(":/icons/step-back.svg")));
    a.epochBack = make(tr("Epoch back"), "epochBackAction", QKeySequence(Qt::SHIFT | Qt::Key_Left),
        tr("Go back to the start of this epoch (or of the one before, when at its start)"));
    a.epochBack->setIcon(QIcon(QStringLiteral(":/icons/epoch-back.svg")));
    a.reset = make(tr("Reset"), "resetAction", QKeySequence(Qt::Key_R), tr("Go back to the starting point: step 0, fresh optimizer state"));
    a.reset->setIcon(QIcon(QStringLiteral(":/icons/reset.svg")));
    a.undoReset = make(tr("Undo reset"), "undoResetAction", QKeySequence::Undo,
        tr("Bring back the run as it was before the last Reset, every step of it (Back works again)"));
    a.undoReset->setEnabled(false);

    a.openSettings = make(tr("Open settings\u2026"), "openSettingsAction", QKeySequence::Open,
        tr("Load every setting from a JSON file"));
    a.saveSettings = make(tr("Save settings\u2026"), "saveSettingsAction", QKeySequence::Save,
        tr("Save every setting to a JSON file"));
    a.saveRun = make(tr("Save run\u2026"), "saveRunAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        tr("Save the whole run (settings, start and every change of settings) so that it can be reopened and replayed exactly"));
    a.openRun = make(tr("Open run\u2026"), "openRunAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        tr("Reopen a saved run: it is replayed step for step to where it was saved"));
    a.openDataFile = make(tr("Open data file (CSV)\u2026"), "openDataFileAction", QKeySequence(Qt::CTRL | Qt::Key_D),
        tr("Train on a CSV file with columns x and count"));
    a.openDataFolder = make(tr("Open image folder\u2026"), "openDataFolderAction", QKeySequence(),
        tr("Train on a folder of PNG images with a labels.csv (image,count)"));
    a.builtInData = make(tr("Use built-in data"), "builtInDataAction", QKeySequence(),
        tr("Go back to the built-in people-counting images"));
    a.exportLandscape = make(tr("Export landscape\u2026"), "exportLandscapeAction", QKeySequence(),
        tr("Save the landscape plot as PNG, SVG or PDF"));
    a.exportLoss = make(tr("Export loss plot\u2026"), "exportLossAction", QKeySequence(),
        tr("Save the loss plot as PNG, SVG or PDF"));
    a.exportPath = make(tr("Export path as CSV\u2026"), "exportPathAction", QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Save every recorded step (thinned evenly on very long runs) as CSV"));
    a.exportHistory = make(tr("Export loss history as CSV\u2026"), "exportHistoryAction", QKeySequence(),
        tr("Save each epoch's training and validation loss as CSV"));
    a.exportAnimation = make(tr("Export animation\u2026"), "exportAnimationAction", QKeySequence(),
        tr("Save the run from step 0 to the timeline position as an animated GIF or numbered PNG frames, for slides"));
    a.quit = make(tr("Quit"), "quitAction", QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Close Downhill"));
    a.quit->setMenuRole(QAction::QuitRole);

    a.gradientField = make(tr("Gradient field"), "gradientFieldAction", QKeySequence(Qt::Key_G),
        tr("Show small arrows of minus the gradient all over the landscape"));
    a.gradientField->setCheckable(true);
    a.captions = make(tr("Teaching captions"), "captionsAction", QKeySequence(Qt::Key_C),
        tr("Show the short explanations beside and on the plots"));
    a.captions->setCheckable(true);
    a.logLoss = make(tr("Log loss scale"), "logLossAction", QKeySequence(Qt::Key_L),
        tr("Logarithmic loss axis in the loss plot"));
    a.logLoss->setCheckable(true);
    a.fitPath = make(tr("Fit to path"), "fitPathAction", QKeySequence(Qt::Key_F), tr("Zoom the landscape to the path so far"));
    a.fitMinimum = make(tr("Fit to minimum"), "fitMinimumAction", QKeySequence(Qt::Key_M),
        tr("Zoom the landscape around its lowest point"));
    a.resetView = make(tr("Reset view"), "resetViewAction", QKeySequence(Qt::Key_0),
        tr("Show the start point and the minimum with a margin"));
    a.about = make(tr("About Downhill"), "aboutAction", QKeySequence(), tr("What Downhill is"));
    a.about->setMenuRole(QAction::AboutRole);
    a.presentation = make(tr("Presentation mode"), "presentationAction", QKeySequence(Qt::Key_F5),
        tr("Larger text and thicker lines for a projector; press again for the normal sizes"));
    a.presentation->setCheckable(true);
    a.shortcuts = make(tr("Keyboard shortcuts"), "shortcutsAction", QKeySequence(Qt::Key_F1), tr("List the keys"));
    a.userGuide = make(tr("User guide"), "userGuideAction", QKeySequence(),
        tr("The window, the lessons and what is behind them, explained (docs/user-guide.md)"));
    return a;
}

namespace {

QString plainText(const QAction* a)
{
    QString text = a->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text;
}

}  // namespace

QList<MainActions::Shortcut> MainActions::shortcutList(const QWidget* window)
{
    QList<Shortcut> rows;
    QSet<const QAction*> seen;
    const auto add = [&](const QAction* a) {
        if (seen.contains(a) || a->isSeparator())
            return;
        seen.insert(a);
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            if (!k.isEmpty())
                keys << k.toString(QKeySequence::NativeText);
        if (!keys.isEmpty())
            rows.push_back({keys.join(QStringLiteral(", ")), plainText(a), a->statusTip()});
    };
    std::function<void(const QMenu*)> walk = [&](const QMenu* menu) {
        for (const QAction* a : menu->actions()) {
            if (const QMenu* sub = a->menu())
                walk(sub);
            else
                add(a);
        }
    };
    if (const auto* main = qobject_cast<const QMainWindow*>(window); main && main->menuWidget())
        for (const QAction* top : main->menuWidget()->actions())
            if (const QMenu* menu = top->menu())
                walk(menu);
    for (const QAction* a : window->findChildren<QAction*>())
        add(a);
    for (const QShortcut* s : window->findChildren<QShortcut*>())
        if (!s->key().isEmpty())
            rows.push_back({s->key().toString(QKeySequence::NativeText), s->whatsThis(), QString()});
    return rows;
}

void MainActions::showShortcuts(QWidget* window)
{
    QString rows;
    for (const Shortcut& s : shortcutList(window))
        rows += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td><td>&nbsp;&nbsp;%3</td></tr>")
                    .arg(s.keys.toHtmlEscaped(), s.name.toHtmlEscaped(), s.tip.toHtmlEscaped());
    QMessageBox box(window);
    box.setObjectName(QStringLiteral("shortcutsBox"));
    box.setWindowTitle(tr("Keyboard shortcuts"));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<table>%1</table><p>On the landscape: click or drag to set the start point, scroll to zoom, "
                   "drag with the right button to pan.</p>").arg(rows));
    box.exec();
}

}  // namespace downhill::ui
