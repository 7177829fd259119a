#include "window/shell/appearance.h"

#include <algorithm>

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

#include "plots/palette.h"

namespace downhill::ui {

void applyAppearance(QApplication& app)
{
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);

    QPalette p = QApplication::palette();
    p.setColor(QPalette::Window, palette::panel());
    p.setColor(QPalette::Base, palette::background());
    p.setColor(QPalette::AlternateBase, palette::panel().darker(104));
    p.setColor(QPalette::Button, palette::panel().lighter(102));
    p.setColor(QPalette::WindowText, palette::text());
    p.setColor(QPalette::Text, palette::text());
    p.setColor(QPalette::ButtonText, palette::text());
    p.setColor(QPalette::ToolTipBase, palette::background());
    p.setColor(QPalette::ToolTipText, palette::text());
    p.setColor(QPalette::Highlight, palette::accent());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, palette::accent());
    p.setColor(QPalette::PlaceholderText, palette::mutedText());
    p.setColor(QPalette::Disabled, QPalette::WindowText, palette::mutedText().lighter(130));
    p.setColor(QPalette::Disabled, QPalette::Text, palette::mutedText().lighter(130));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, palette::mutedText().lighter(130));
    QApplication::setPalette(p);

    QFont font = QApplication::font();
    font.setPointSizeF(std::max(10.0, font.pointSizeF()));
    QApplication::setFont(font);
    app.setStyleSheet(QStringLiteral(
        "QGroupBox { border: 1px solid #d6d6cf; border-radius: 5px; margin-top: 1.1em; padding-top: 2px; "
        "  background: #f7f7f3; }"
        "QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 3px; color: #005a8c; }"
        "QToolTip { border: 1px solid #c8c8c0; padding: 4px; }"));
}

}  // namespace downhill::ui
