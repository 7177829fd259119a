#include "window/shell/appearance.h"

#include <algorithm>

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace downhill::ui {

namespace {

// The desktop's palette as the application started with it, before ours replaced it.
const QPalette& desktopPalette()
{
    static const QPalette original = QApplication::palette();
    return original;
}

// Fusion outlines a check box's square and a radio button's circle in the window colour made
// darker: on a dark page that outline sinks into the page and only the check mark shows. In the
// dark theme this style draws them again with a light edge on top of Fusion's own drawing.
class IndicatorStyle final : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter, const QWidget* widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (palette::theme() != palette::Theme::Dark
            || (element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton))
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        const bool enabled = option->state & State_Enabled;
        painter->setPen(QPen(enabled ? palette::mutedText() : palette::mutedText().darker(160), 1.2));
        painter->setBrush(Qt::NoBrush);
        const QRectF r = QRectF(option->rect).adjusted(0.6, 0.6, -0.6, -0.6);
        if (element == PE_IndicatorCheckBox)
            painter->drawRoundedRect(r, 1.5, 1.5);
        else
            painter->drawEllipse(r);
        painter->restore();
    }
};

}  // namespace

QString themeChoiceName(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light: return QStringLiteral("light");
    case ThemeChoice::Dark: return QStringLiteral("dark");
    case ThemeChoice::Desktop: break;
    }
    return QStringLiteral("desktop");
}

ThemeChoice themeChoiceFromName(const QString& name)
{
    if (name == QLatin1String("light"))
        return ThemeChoice::Light;
    if (name == QLatin1String("dark"))
        return ThemeChoice::Dark;
    return ThemeChoice::Desktop;
}

palette::Theme desktopTheme()
{
    if (qEnvironmentVariable("GTK_THEME").endsWith(QLatin1String(":dark"), Qt::CaseInsensitive))
        return palette::Theme::Dark;
    return desktopPalette().color(QPalette::Window).lightness() < 128 ? palette::Theme::Dark : palette::Theme::Light;
}

void applyAppearance(QApplication& app, ThemeChoice choice)
{
    desktopPalette();   // kept before the first setPalette below
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(new IndicatorStyle(fusion));
    const palette::Theme theme = choice == ThemeChoice::Desktop ? desktopTheme()
        : choice == ThemeChoice::Dark                          ? palette::Theme::Dark
                                                               : palette::Theme::Light;
    palette::setTheme(theme);
    const bool dark = theme == palette::Theme::Dark;

    QPalette p = QApplication::palette();
    p.setColor(QPalette::Window, palette::panel());
    p.setColor(QPalette::Base, palette::background());
    p.setColor(QPalette::AlternateBase, dark ? palette::panel().lighter(115) : palette::panel().darker(104));
    p.setColor(QPalette::Button, dark ? palette::panel().lighter(125) : palette::panel().lighter(102));
    p.setColor(QPalette::WindowText, palette::text());
    p.setColor(QPalette::Text, palette::text());
    p.setColor(QPalette::ButtonText, palette::text());
    p.setColor(QPalette::BrightText, dark ? Qt::black : Qt::white);
    p.setColor(QPalette::ToolTipBase, palette::background());
    p.setColor(QPalette::ToolTipText, palette::text());
    p.setColor(QPalette::Highlight, palette::accent());
    p.setColor(QPalette::HighlightedText, dark ? Qt::black : Qt::white);
    p.setColor(QPalette::Link, palette::accent());
    p.setColor(QPalette::PlaceholderText, palette::mutedText());
    p.setColor(QPalette::Light, dark ? palette::panel().lighter(150) : QColor(Qt::white));
    p.setColor(QPalette::Midlight, dark ? palette::panel().lighter(130) : palette::panel().lighter(110));
    p.setColor(QPalette::Mid, dark ? palette::panel().lighter(110) : palette::panel().darker(130));
    p.setColor(QPalette::Dark, dark ? palette::panel().darker(150) : palette::panel().darker(160));
    p.setColor(QPalette::Shadow, Qt::black);
    const QColor disabled = dark ? palette::mutedText().darker(140) : palette::mutedText().lighter(130);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    p.setColor(QPalette::Disabled, QPalette::Text, disabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    QApplication::setPalette(p);

    QFont font = QApplication::font();
    font.setPointSizeF(std::max(10.0, font.pointSizeF()));
    QApplication::setFont(font);
    const QString border = dark ? QStringLiteral("#4a4b50") : QStringLiteral("#d6d6cf");
    const QString box = dark ? QStringLiteral("#26272b") : QStringLiteral("#f7f7f3");
    const QString title = dark ? QStringLiteral("#7cc4ee") : QStringLiteral("#005a8c");
    app.setStyleSheet(QStringLiteral(
        "QGroupBox { border: 1px solid %1; border-radius: 5px; margin-top: 1.1em; padding-top: 2px; "
        "  background: %2; }"
        "QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 3px; color: %3; }"
        "QToolTip { border: 1px solid %1; padding: 4px; }"
        // Fusion's 6 px between the landscape and the docks, as narrow as the splitter's handle.
        "QMainWindow::separator { width: 4px; height: 4px; }")
                          .arg(border, box, title));
}

}  // namespace downhill::ui
