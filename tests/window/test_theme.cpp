// View > Theme: dark for a dim room, light, or the desktop's. Switching restyles the window and
// its plots at once, while the run goes on, and back again; the desktop's choice is read from
// its palette or GTK_THEME.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QStyle>
#include <QStyleOptionButton>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QtTest>

#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "plots/palette.h"
#include "session/run/training_controller.h"
#include "tests/common/window_harness.h"
#include "window/settings/control_panel.h"
#include "window/shell/appearance.h"
#include "window/shell/main_window.h"
#include "window/shell/view_modes.h"
#ifdef DOWNHILL_HAVE_3D
#include <Q3DTheme>

#include "window/landscape/landscape_view_3d.h"
#endif

using namespace downhill;
using downhill::test::action;

namespace {

// The mean lightness (0-255) of a widget as drawn.
double lightness(QWidget* w)
{
    const QImage image = w->grab().toImage().convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            sum += QColor(image.pixel(x, y)).lightness();
    return sum / (((image.height() + 1) / 2) * ((image.width() + 1) / 2));
}

}  // namespace

class TestTheme : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()), ui::ThemeChoice::Light); }

    void darkAndBackWhileTraining()
    {
        auto w = test::openWindow();
        QVERIFY(w);
        QVERIFY(w->findChild<QMenu*>(QStringLiteral("themeMenu")));
        const double panelLight = lightness(w->controlPanel());
        const double lossLight = lightness(w->lossPlot());
        QVERIFY2(panelLight > 180, qPrintable(QString::number(panelLight)));
        action(*w, "playAction")->trigger();

        action(*w, "themedarkAction")->trigger();
        QCOMPARE(w->viewModes()->themeChoice(), ui::ThemeChoice::Dark);
        QVERIFY(action(*w, "themedarkAction")->isChecked());
        QVERIFY(!action(*w, "themelightAction")->isChecked());
        QCOMPARE(ui::palette::theme(), ui::palette::Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
        QCOMPARE(w->landscapePlot()->axisRect()->backgroundBrush().color(), ui::palette::panel());
        QCOMPARE(w->lossPlot()->xAxis->tickLabelColor(), ui::palette::text());
        QCOMPARE(w->landscapePlot()->colorScale()->axis()->tickLabelColor(), ui::palette::text());
        // The title over the plot follows the theme too.
        auto* title = w->findChild<QLabel*>(QStringLiteral("mainSurfaceTitle"));
        QVERIFY(title);
        const QImage drawn = title->grab().toImage();
        int lightPixels = 0;
        for (int y = 0; y < drawn.height(); ++y)
            for (int x = 0; x < drawn.width(); ++x)
                lightPixels += drawn.pixelColor(x, y).lightness() > 170 ? 1 : 0;
        QVERIFY2(lightPixels > 40, qPrintable(QString::number(lightPixels)));   // light letters on the dark page
        QTest::qWait(200);
        const double panelDark = lightness(w->controlPanel());
        const double lossDark = lightness(w->lossPlot());
        QVERIFY2(panelDark < 90, qPrintable(QString::number(panelDark)));
        QVERIFY2(lossDark < 90, qPrintable(QString::number(lossDark)));
        const QString dir = QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots");
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(w->grab().toImage().save(dir + QStringLiteral("/layout-1280x800-dark.png")));
        QVERIFY(w->controller()->state().step > 0 || w->controller()->isPlaying());   // the run went on

        action(*w, "themelightAction")->trigger();
        QCOMPARE(ui::palette::theme(), ui::palette::Theme::Light);
        QTest::qWait(200);
        QVERIFY(std::abs(lightness(w->controlPanel()) - panelLight) < 8);
        QVERIFY(std::abs(lightness(w->lossPlot()) - lossLight) < 20);
        action(*w, "playAction")->trigger();
    }

    void presentationSizesSurviveASwitch()
    {
        auto w = test::openWindow();
        QVERIFY(w);
        const double normal = w->landscapePlot()->xAxis->tickLabelFont().pointSizeF();
        w->setPresentationMode(true);
        const double large = w->landscapePlot()->xAxis->tickLabelFont().pointSizeF();
        const double lossLarge = w->lossPlot()->xAxis->tickLabelFont().pointSizeF();
        QVERIFY(large > normal * 1.1);
        w->viewModes()->setTheme(ui::ThemeChoice::Dark);
        // Styled again, the plots keep presentation mode's sizes.
        QCOMPARE(w->landscapePlot()->xAxis->tickLabelFont().pointSizeF(), large);
        QCOMPARE(w->lossPlot()->xAxis->tickLabelFont().pointSizeF(), lossLarge);
        w->setPresentationMode(false);
        QCOMPARE(w->landscapePlot()->xAxis->tickLabelFont().pointSizeF(), normal);
        w->viewModes()->setTheme(ui::ThemeChoice::Light);
    }

    // A check box's square stands out from the page it sits on in either theme: its edge,
    // where it meets the page, differs clearly in lightness (in the dark one it had sunk into
    // the page: an outline darker than a dark background).
    void checkBoxSquaresAreVisible_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void checkBoxSquaresAreVisible()
    {
        QFETCH(bool, dark);
        auto w = test::openWindow();
        QVERIFY(w);
        w->viewModes()->setTheme(dark ? ui::ThemeChoice::Dark : ui::ThemeChoice::Light);
        QTest::qWait(50);
        for (const char* name : {"fullBatch", "shuffle"}) {
            auto* box = w->controlPanel()->findChild<QCheckBox*>(QLatin1String(name));
            QVERIFY(box);
            for (bool checked : {false, true}) {
                box->setChecked(checked);
                QStyleOptionButton option;
                option.initFrom(box);
                const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
                const QImage image = box->grab().toImage();
                // The page just outside the square, and the square's own edge just inside it.
                const QColor page = image.pixelColor(indicator.right() + 3, indicator.center().y());
                int edge = 0;
                for (int y = indicator.top() + 2; y < indicator.bottom() - 1; ++y)
                    edge = std::max({edge, std::abs(image.pixelColor(indicator.left(), y).lightness() - page.lightness()),
                        std::abs(image.pixelColor(indicator.left() + 1, y).lightness() - page.lightness())});
                QVERIFY2(edge >= 40, qPrintable(QStringLiteral("%1 %2: the square's edge differs from the page by %3")
                                                    .arg(QLatin1String(name)).arg(checked).arg(edge)));
            }
        }
        w->viewModes()->setTheme(ui::ThemeChoice::Light);
    }

    // The step card and the 3D view restyle with the rest at once, not at the next start.
    void stepCardAnd3DViewFollowTheTheme()
    {
        auto w = test::openWindow();
        QVERIFY(w);
        auto* card = w->findChild<QPlainTextEdit*>(QStringLiteral("stepText"));
        QVERIFY(card);
        const auto themed = [&] {
            QString wrong;
            if (card->palette().color(QPalette::Base) != ui::palette::background())
                wrong += QStringLiteral(" step card's page");
            if (card->palette().color(QPalette::Text) != ui::palette::text())
                wrong += QStringLiteral(" step card's text");
#ifdef DOWNHILL_HAVE_3D
            const Q3DTheme* theme = w->landscapeView3D()->theme();
            if (theme->backgroundColor() != ui::palette::background() || theme->windowColor() != ui::palette::background())
                wrong += QStringLiteral(" 3D background");
            if (theme->labelTextColor() != ui::palette::text())
                wrong += QStringLiteral(" 3D labels");
            if (std::abs(theme->labelBackgroundColor().lightness() - ui::palette::background().lightness()) > 40)
                wrong += QStringLiteral(" 3D label boxes");
            if (std::abs(theme->gridLineColor().lightness() - ui::palette::background().lightness()) < 30)
                wrong += QStringLiteral(" 3D grid lines");
#endif
            return wrong;
        };
        QVERIFY2(themed().isEmpty(), qPrintable(themed()));
        for (ui::ThemeChoice choice : {ui::ThemeChoice::Dark, ui::ThemeChoice::Light, ui::ThemeChoice::Dark}) {
            w->viewModes()->setTheme(choice);
            QVERIFY2(themed().isEmpty(), qPrintable(ui::themeChoiceName(choice) + QStringLiteral(":") + themed()));
        }
        QCOMPARE(card->palette().color(QPalette::Base).lightness() < 80, true);
        w->viewModes()->setTheme(ui::ThemeChoice::Light);
    }

    void desktopChoice()
    {
        QCOMPARE(ui::themeChoiceFromName(ui::themeChoiceName(ui::ThemeChoice::Dark)), ui::ThemeChoice::Dark);
        QCOMPARE(ui::themeChoiceFromName(ui::themeChoiceName(ui::ThemeChoice::Light)), ui::ThemeChoice::Light);
        QCOMPARE(ui::themeChoiceFromName(QStringLiteral("nonsense")), ui::ThemeChoice::Desktop);
        qputenv("GTK_THEME", "Adwaita:dark");
        QCOMPARE(ui::desktopTheme(), ui::palette::Theme::Dark);
        qputenv("GTK_THEME", "Adwaita");
        // The offscreen platform's palette is Qt's light default.
        QCOMPARE(ui::desktopTheme(), ui::palette::Theme::Light);
        qunsetenv("GTK_THEME");
    }
};

QTEST_MAIN(TestTheme)
#include "test_theme.moc"
