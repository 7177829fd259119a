#pragma once
// Reading a race entrant's card (the race panel's, found by objectName raceEntrant<i>) in the
// window tests of race mode.
#include <QDoubleSpinBox>
#include <QLabel>
#include <QString>
#include <QWidget>

#include "window/race/race_panel.h"
#include "window/shell/main_window.h"

namespace downhill::test {

// The entrant's read-out line ("step 12 · loss ..."), empty if it has no card.
inline QString raceReadout(ui::MainWindow& w, int entrant)
{
    auto* card = w.findChild<QWidget*>(QStringLiteral("raceEntrant%1").arg(entrant));
    return card ? card->findChild<QLabel*>(QStringLiteral("readout"))->text() : QString();
}

// The entrant's learning-rate box, null if it has no card.
inline QDoubleSpinBox* raceLrBox(ui::RacePanel* panel, int entrant)
{
    auto* card = panel->findChild<QWidget*>(QStringLiteral("raceEntrant%1").arg(entrant));
    return card ? card->findChild<QDoubleSpinBox*>(QStringLiteral("lr")) : nullptr;
}

}  // namespace downhill::test
