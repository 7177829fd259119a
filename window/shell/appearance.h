#pragma once
// The application-wide look: Fusion style with the calm light palette of ui/palette and a font
// large enough to read from the back of a classroom.
class QApplication;

namespace downhill::ui {

void applyAppearance(QApplication& app);

}  // namespace downhill::ui
