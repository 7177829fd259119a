#pragma once
// The application-wide look: Fusion style with the calm palette of plots/palette, light or dark,
// and a font large enough to read from the back of a classroom.
#include <QString>

#include "plots/palette.h"

class QApplication;

namespace downhill::ui {

// What View > Theme offers: the desktop's choice (the default), or light or dark whatever it is.
enum class ThemeChoice { Desktop, Light, Dark };
QString themeChoiceName(ThemeChoice choice);                   // "desktop", "light", "dark"
ThemeChoice themeChoiceFromName(const QString& name);          // anything else: Desktop

// Dark when the desktop is: its palette (the platform theme's, as the application started with
// it) has a dark window colour, or GTK_THEME names a dark variant ("Adwaita:dark").
palette::Theme desktopTheme();

void applyAppearance(QApplication& app, ThemeChoice choice = ThemeChoice::Desktop);

}  // namespace downhill::ui
