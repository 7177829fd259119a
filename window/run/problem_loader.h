#pragma once
// Builds a Problem off the GUI thread. Reading a large data file (a million CSV rows, thousands
// of PNGs) takes seconds, and the window must go on drawing meanwhile: the build runs on a
// thread of its own while the GUI thread waits in an event loop. For the first moment user input
// waits (most files take milliseconds, and a dialog flashing by would be noise); after that a
// window-modal progress dialog says what is being read, how far it is, and offers Cancel.
#include <QCoreApplication>

#include "session/problem/problem.h"
#include "session/settings/app_settings.h"

class QWidget;

namespace downhill::ui {

class ProblemLoader {
    Q_DECLARE_TR_FUNCTIONS(ProblemLoader)
public:
    // Problem::build(settings, previous) with the progress dialog over parent. Throws what it
    // throws (core::InputError), or core::Cancelled when the user pressed Cancel. Settings
    // whose data previous already holds, or that read no file, are built at once, here.
    static Problem build(QWidget* parent, const AppSettings& settings, const Problem* previous);

    // How long a build runs before the dialog shows, in milliseconds (400 unless set; tests set 0
    // to meet the dialog at once).
    static void setDialogDelay(int milliseconds);
    static int dialogDelay();
};

}  // namespace downhill::ui
