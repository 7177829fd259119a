// The window in French, checked the way test_translations checks the German: the language chosen
// from the desktop's list and from LANG itself (a fresh process, as the program reads it), the
// menus (with one accelerator per letter), panels and plots in French, Qt's own strings, every
// lesson's French title and text, numbers with a decimal comma on screen but a point in the
// files, the French window within 1280 x 800, and back to English.
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include "session/settings/settings_io.h"
#include "tests/common/lesson_file.h"
#include "tests/common/translated_window.h"
#include "tests/common/window_harness.h"
#include "window/shell/appearance.h"
#include "window/shell/language.h"
#include "window/shell/main_window.h"

using namespace downhill;
using downhill::test::groupTitle;
using downhill::test::menuTitles;
using downhill::test::openWindow;
using downhill::test::WaitFor;

// Resources of a static library must be initialised by name, outside any namespace.
static void initDownhillResources()
{
    Q_INIT_RESOURCE(downhill);
}

namespace {

const char* const kFirstLesson = "01-learning-rate-too-large.json";
const QChar kNoBreak(0x00a0);

// Set in the environment of the copy of this test that desktopLanguageFromTheEnvironment starts.
const char* const kChildVariable = "DOWNHILL_TEST_LANGUAGE_CHILD";

QString readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace

class TestTranslationsFr : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void choosesFrenchFromTheDesktopsLanguages_data();
    void choosesFrenchFromTheDesktopsLanguages();
    void desktopLanguageFromTheEnvironment_data();
    void desktopLanguageFromTheEnvironment();
    void unknownLanguageIsRefused();
    void windowSpeaksFrench();
    void frenchTypography();
    void qtsOwnStringsAreFrench();
    void numbersHaveACommaOnScreenAndAPointInFiles();
    void everyLessonHasFrenchTitleAndText();
    void lessonShowsFrenchInTheWindow();
    void frenchWindowFitsTheScreen_data();
    void frenchWindowFitsTheScreen();
    void dockTabsShowTheirTitles_data();
    void dockTabsShowTheirTitles();
    void backToEnglish();
};

void TestTranslationsFr::initTestCase()
{
    initDownhillResources();
    // The program's look (Fusion, the classroom font size), as downhill has it: the widths below
    // are those of the real window.
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
    QCOMPARE(ui::availableLanguages(), (QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}));
    QCOMPARE(ui::currentLanguage(), QStringLiteral("en"));
    QVERIFY(ui::installLanguage(QStringLiteral("fr")));
    QCOMPARE(ui::currentLanguage(), QStringLiteral("fr"));
}

void TestTranslationsFr::choosesFrenchFromTheDesktopsLanguages_data()
{
    QTest::addColumn<QStringList>("desktop");
    QTest::addColumn<QString>("chosen");
    // As QLocale::uiLanguages() lists them for LANG=fr_FR.UTF-8, LANGUAGE=fr, a Canadian desktop...
    QTest::newRow("fr_FR") << QStringList{QStringLiteral("fr-FR"), QStringLiteral("fr")} << QStringLiteral("fr");
    QTest::newRow("fr_CA") << QStringList{QStringLiteral("fr-CA")} << QStringLiteral("fr");
    QTest::newRow("fr_BE") << QStringList{QStringLiteral("fr-BE"), QStringLiteral("fr")} << QStringLiteral("fr");
    QTest::newRow("fr_CH") << QStringList{QStringLiteral("fr-CH")} << QStringLiteral("fr");
    QTest::newRow("LANGUAGE=fr") << QStringList{QStringLiteral("fr")} << QStringLiteral("fr");
    // The first translated one wins; English ahead keeps the window English.
    QTest::newRow("fr before de") << QStringList{QStringLiteral("fr-FR"), QStringLiteral("de-DE")} << QStringLiteral("fr");
    QTest::newRow("de before fr") << QStringList{QStringLiteral("de-DE"), QStringLiteral("fr-FR")} << QStringLiteral("de");
    QTest::newRow("it before fr") << QStringList{QStringLiteral("it-IT"), QStringLiteral("fr-FR")} << QStringLiteral("fr");
    QTest::newRow("en before fr") << QStringList{QStringLiteral("en-GB"), QStringLiteral("fr-FR")} << QStringLiteral("en");
}

void TestTranslationsFr::choosesFrenchFromTheDesktopsLanguages()
{
    QFETCH(QStringList, desktop);
    QFETCH(QString, chosen);
    QCOMPARE(ui::chooseLanguage(desktop), chosen);
}

void TestTranslationsFr::desktopLanguageFromTheEnvironment_data()
{
    // The variables as a user's session sets them; downhill reads them through
    // QLocale::system().uiLanguages(), which Qt fills once per process: each row runs in a new
    // copy of this test, started with only these locale variables.
    QTest::addColumn<QStringList>("variables");
    QTest::addColumn<QString>("chosen");
    QTest::newRow("LANG fr_FR") << QStringList{QStringLiteral("LANG=fr_FR.UTF-8")} << QStringLiteral("fr");
    QTest::newRow("LANG fr_CA") << QStringList{QStringLiteral("LANG=fr_CA.UTF-8")} << QStringLiteral("fr");
    QTest::newRow("LC_ALL fr over LANG en") << QStringList{QStringLiteral("LANG=en_US.UTF-8"), QStringLiteral("LC_ALL=fr_FR.UTF-8")}
                                            << QStringLiteral("fr");
    QTest::newRow("LANGUAGE fr over LANG de") << QStringList{QStringLiteral("LANG=de_DE.UTF-8"), QStringLiteral("LANGUAGE=fr")}
                                              << QStringLiteral("fr");
    QTest::newRow("LANGUAGE it then fr") << QStringList{QStringLiteral("LANG=it_IT.UTF-8"), QStringLiteral("LANGUAGE=it:fr")}
                                         << QStringLiteral("fr");
    QTest::newRow("LANG de_DE") << QStringList{QStringLiteral("LANG=de_DE.UTF-8")} << QStringLiteral("de");
    QTest::newRow("LANG en_US") << QStringList{QStringLiteral("LANG=en_US.UTF-8")} << QStringLiteral("en");
    QTest::newRow("LANG it_IT") << QStringList{QStringLiteral("LANG=it_IT.UTF-8")} << QStringLiteral("en");
}

void TestTranslationsFr::desktopLanguageFromTheEnvironment()
{
    QFETCH(QStringList, variables);
    QFETCH(QString, chosen);
    if (qEnvironmentVariableIsSet(kChildVariable)) {
        // The copy: what this process's own environment gives.
        const QStringList desktop = QLocale::system().uiLanguages();
        QVERIFY2(ui::chooseLanguage(desktop) == chosen,
            qPrintable(QStringLiteral("uiLanguages %1 chose %2").arg(desktop.join(QLatin1Char(',')), ui::chooseLanguage(desktop))));
        return;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(name));
    for (const QString& variable : variables)
        env.insert(variable.section(QLatin1Char('='), 0, 0), variable.section(QLatin1Char('='), 1));
    env.insert(QString::fromLatin1(kChildVariable), QStringLiteral("1"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
        {QStringLiteral("desktopLanguageFromTheEnvironment:") + QString::fromLatin1(QTest::currentDataTag())});
    QVERIFY(child.waitForStarted(10000));
    QVERIFY(child.waitForFinished(60000 * test::kSlowBuildFactor));
    const QString output = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("Totals: 3 passed")), qPrintable(output));  // init, the row, cleanup
}

void TestTranslationsFr::unknownLanguageIsRefused()
{
    QVERIFY(!ui::installLanguage(QStringLiteral("xx")));
    QVERIFY(!ui::installLanguage(QStringLiteral("fr_FR")));  // a code, as --lang takes it: "fr"
    // The French one stays.
    QCOMPARE(ui::currentLanguage(), QStringLiteral("fr"));
    QCOMPARE(QCoreApplication::translate("downhill::ui::MainWindow", "&File"), QStringLiteral("&Fichier"));
}

void TestTranslationsFr::windowSpeaksFrench()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    QCOMPARE(menuTitles(*w), (QStringList{QStringLiteral("&Fichier"), QStringLiteral("&Entra\u00eenement"),
                                 QStringLiteral("Affic&hage"), QStringLiteral("&Course"), QStringLiteral("&Aide")}));
    QVERIFY2(test::clashingAccelerators(*w).isEmpty(), qPrintable(test::clashingAccelerators(*w).join(QStringLiteral("; "))));
    auto* lessons = w->findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    QVERIFY(lessons);
    QCOMPARE(lessons->title(), QStringLiteral("Le\u00e7ons"));
    QCOMPARE(test::action(*w, "playAction")->text(), QStringLiteral("Lancer"));
    QCOMPARE(test::action(*w, "stepAction")->text(), QStringLiteral("Un pas"));
    QCOMPARE(test::action(*w, "epochAction")->text(), QStringLiteral("Une \u00e9poque"));
    QCOMPARE(test::action(*w, "resetAction")->text(), QStringLiteral("R\u00e9initialiser"));
    QCOMPARE(groupTitle(*w, "stepGroup"), QStringLiteral("Pas et lots"));
    QCOMPARE(groupTitle(*w, "optimizerGroup"), QStringLiteral("Optimiseur"));
    QCOMPARE(groupTitle(*w, "scheduleGroup"), QStringLiteral("Planification du taux"));
    QCOMPARE(groupTitle(*w, "captionGroup"), QStringLiteral("Ce que vous voyez"));
    auto* loss = w->findChild<QCustomPlot*>(QStringLiteral("lossPlot"));
    QVERIFY(loss);
    QCOMPARE(loss->xAxis->label(), QStringLiteral("pas"));
    QCOMPARE(loss->yAxis->label(), QStringLiteral("perte"));
    // Short: the loss plot in the right column is about 150 pixels high.
    QCOMPARE(loss->yAxis2->label(), QStringLiteral("taux d\u2019appr."));
    // The teaching text under the landscape (the session layer's) is French too.
    auto* caption = w->findChild<QLabel*>(QStringLiteral("teachingCaption"));
    QVERIFY(caption);
    QVERIFY2(caption->text().contains(QStringLiteral("Le paysage")), qPrintable(caption->text()));
}

void TestTranslationsFr::frenchTypography()
{
    // A no-break space before the colon, as French writes it, so that a line never starts with one.
    QCOMPARE(QCoreApplication::translate("downhill::ui::AnimationDialog", "Format:"), QStringLiteral("Format") + kNoBreak + QLatin1Char(':'));
    // Quotation marks « » with their no-break spaces; the placeholders kept.
    QCOMPARE(QCoreApplication::translate("PlotExport", "Cannot write \"%1\": %2.").arg(QStringLiteral("a.png"), QStringLiteral("x")),
        QStringLiteral("Impossible d\u2019\u00e9crire \u00ab") + kNoBreak + QStringLiteral("a.png") + kNoBreak + QStringLiteral("\u00bb")
            + kNoBreak + QStringLiteral(": x."));
    // Rich text stays rich text.
    const QString landscape = QCoreApplication::translate("TeachingText", "<b>The landscape</b> is the function %1 itself; darker is lower.");
    QVERIFY2(landscape.startsWith(QStringLiteral("<b>Le paysage</b>")) && landscape.contains(QStringLiteral("%1")), qPrintable(landscape));
}

void TestTranslationsFr::qtsOwnStringsAreFrench()
{
    // Debian's qt6-translations-l10n (qtbase_fr.qm), when installed: Qt's dialog buttons.
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_fr.qm")))
        QSKIP("qtbase_fr.qm is not installed (qt6-translations-l10n)");
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), QStringLiteral("Annuler"));
}

void TestTranslationsFr::numbersHaveACommaOnScreenAndAPointInFiles()
{
    // QLocale() speaks the window's language.
    QCOMPARE(QLocale().language(), QLocale::French);
    QCOMPARE(QLocale().toString(1.5), QStringLiteral("1,5"));
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    auto* lr = w->findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
    QVERIFY(lr);
    lr->setValue(0.25);
    QVERIFY2(lr->text().startsWith(QStringLiteral("0,25")), qPrintable(lr->text()));
    // The files do not (settings_io and run_io write with QString::number, whatever the locale).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QString settings = dir.filePath(QStringLiteral("settings.json"));
    QVERIFY2(w->saveSettings(settings, &error), qPrintable(error));
    const QString settingsText = readAll(settings);
    QVERIFY2(settingsText.contains(QStringLiteral("\"lr\": 0.25")), qPrintable(settingsText));
    QVERIFY2(!settingsText.contains(QStringLiteral("0,25")), qPrintable(settingsText));
    test::action(*w, "stepAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!w->pathLog().rows().empty(), 10000 * test::kSlowBuildFactor);
    // File > Export path as CSV: the step's learning rate, 0.25.
    const QString path = dir.filePath(QStringLiteral("path.csv"));
    QVERIFY2(w->pathLog().writeCsv(path, w->problem().parameterNames(), &error), qPrintable(error));
    const QString pathText = readAll(path);
    QVERIFY2(pathText.contains(QStringLiteral(",0.25,")), qPrintable(pathText));
    QVERIFY2(!pathText.contains(QStringLiteral("0,25")), qPrintable(pathText));
    const QString run = dir.filePath(QStringLiteral("run.json"));
    QVERIFY2(w->saveRun(run, &error), qPrintable(error));
    const QString runText = readAll(run);
    QVERIFY2(runText.contains(QStringLiteral("\"lr\": 0.25")), qPrintable(runText.left(2000)));
    QVERIFY2(!runText.contains(QStringLiteral("0,25")), qPrintable(runText.left(2000)));
    ui::AppSettings s;
    s.train.optimizer.lr = 0.25;
    QVERIFY(ui::settingsToJson(s).contains("\"lr\": 0.25"));
}

void TestTranslationsFr::everyLessonHasFrenchTitleAndText()
{
    const QDir dir(QStringLiteral(DOWNHILL_SOURCE_DIR "/resources/lessons"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 14);
    for (const QString& file : files) {
        const ui::AppSettings s = test::lesson(qPrintable(file));
        QVERIFY(s.lesson);
        QVERIFY2(s.lesson->translations.contains(QStringLiteral("fr")), qPrintable(file));
        const ui::Lesson fr = s.lesson->in(QStringLiteral("fr"));
        QVERIFY2(!fr.title.isEmpty() && fr.title != s.lesson->title, qPrintable(file));
        QVERIFY2(!fr.text.isEmpty() && fr.text != s.lesson->text, qPrintable(file));
        QVERIFY2(fr.text != s.lesson->in(QStringLiteral("de")).text, qPrintable(file));
        // A Canadian or Belgian desktop reads the same French.
        QCOMPARE(s.lesson->in(QStringLiteral("fr_CA")).text, fr.text);
    }
    const ui::Lesson first = test::lesson(kFirstLesson).lesson->in(QStringLiteral("fr"));
    QCOMPARE(first.title, QStringLiteral("Un taux d\u2019apprentissage trop grand"));
    QVERIFY(first.text.startsWith(QStringLiteral("Le taux d\u2019apprentissage est bien trop grand pour cette vall\u00e9e.")));
}

void TestTranslationsFr::lessonShowsFrenchInTheWindow()
{
    const ui::AppSettings lesson = test::lesson(kFirstLesson);
    const ui::Lesson fr = lesson.lesson->in(QStringLiteral("fr"));
    // QLocale() speaks the window's language: shown() is the French one.
    QCOMPARE(lesson.lesson->shown().title, fr.title);
    auto w = openWindow(lesson, WaitFor::Exposed);
    QVERIFY(w);
    auto* menu = w->findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().front()->text(), QStringLiteral("01  ") + fr.title);
    auto* caption = w->findChild<QLabel*>(QStringLiteral("teachingCaption"));
    QVERIFY(caption);
    QVERIFY2(caption->text().contains(fr.title.toHtmlEscaped()), qPrintable(caption->text()));
    QVERIFY2(caption->text().contains(fr.text.left(40).toHtmlEscaped()), qPrintable(caption->text()));
    QVERIFY(!caption->text().contains(lesson.lesson->title));
}

void TestTranslationsFr::frenchWindowFitsTheScreen_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::newRow("default") << QString();
    const QDir dir(QStringLiteral(DOWNHILL_SOURCE_DIR "/resources/lessons"));
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(file.left(2))) << file;
}

void TestTranslationsFr::frenchWindowFitsTheScreen()
{
    // French runs longer than English and often longer than German: the labels must not make
    // the window wider or taller than a 1280 x 800 projector, nor push a transport control into
    // the toolbar's overflow menu. Every lesson's layout, two surfaces side by side among them
    // (09, the overfitting lesson, is the widest).
    QFETCH(QString, lesson);
    auto w = lesson.isEmpty() ? openWindow(QSize(1280, 800), WaitFor::Exposed)
                              : openWindow(test::lesson(qPrintable(lesson)), WaitFor::Exposed);
    QVERIFY(w);
    QVERIFY(test::settleLayouts());
    const QSize minimum = w->minimumSizeHint();
    QVERIFY2(minimum.width() <= 1280 && minimum.height() <= 800,
        qPrintable(QStringLiteral("%1 x %2").arg(minimum.width()).arg(minimum.height())));
    QCOMPARE(w->size(), QSize(1280, 800));
    QVERIFY2(test::hiddenToolBarActions(*w).isEmpty(), qPrintable(test::hiddenToolBarActions(*w).join(QStringLiteral("; "))));
    // The right column keeps the 270 pixels the window gives it at 1280, as in English: a wider
    // settings panel takes its width from there, and the read-outs end cut off ("Taux
    // d'apprentissage", "Graine des données" and "Augmentation :" in full did that to the
    // overfitting lesson's two surfaces).
    const auto* now = w->findChild<QDockWidget*>(QStringLiteral("nowDock"));
    QVERIFY(now);
    QVERIFY2(now->width() >= 270, qPrintable(QStringLiteral("the right column %1 pixels wide, the settings %2")
                                                 .arg(now->width()).arg(w->findChild<QWidget*>(QStringLiteral("controlPanel"))->width())));
    // The loss plot's vertical axis titles within the plot's height: each is centred on the
    // axis (in the right column the plot is short, and "taux d'apprentissage" in full ran past
    // its top).
    auto* loss = w->findChild<QCustomPlot*>(QStringLiteral("lossPlot"));
    QVERIFY(loss);
    loss->replot(QCustomPlot::rpImmediateRefresh);
    for (QCPAxis* axis : {loss->yAxis, loss->yAxis2}) {
        const double half = QFontMetrics(axis->labelFont()).horizontalAdvance(axis->label()) / 2.0;
        const double centre = axis->axisRect()->center().y();
        QVERIFY2(centre - half >= 0 && centre + half <= loss->height(),
            qPrintable(QStringLiteral("\"%1\" from %2 to %3, the plot 0 to %4")
                           .arg(axis->label()).arg(centre - half).arg(centre + half).arg(loss->height())));
    }
}

void TestTranslationsFr::dockTabsShowTheirTitles_data()
{
    // The docks that open as tabs beside the right column's first one (the read-outs), a few at
    // a time as a class uses them.
    QTest::addColumn<QStringList>("docks");
    QTest::newRow("step card, race") << QStringList{QStringLiteral("stepCardDock"), QStringLiteral("raceDock")};
    QTest::newRow("gradient check") << QStringList{QStringLiteral("gradientCheckDock")};
    QTest::newRow("data, network") << QStringList{QStringLiteral("datasetDock"), QStringLiteral("networkDock")};
}

void TestTranslationsFr::dockTabsShowTheirTitles()
{
    QFETCH(QStringList, docks);
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    for (const QString& name : docks) {
        auto* dock = w->findChild<QDockWidget*>(name);
        QVERIFY2(dock, qPrintable(name));
        dock->toggleViewAction()->trigger();
        QTRY_VERIFY(dock->isVisible());
    }
    QVERIFY(test::settleLayouts());
    QTest::qWait(50);
    QVERIFY2(test::elidedTabs(*w).isEmpty(), qPrintable(test::elidedTabs(*w).join(QStringLiteral("; "))));
}

void TestTranslationsFr::backToEnglish()
{
    QVERIFY(ui::installLanguage(QStringLiteral("en")));
    QCOMPARE(ui::currentLanguage(), QStringLiteral("en"));
    QCOMPARE(QLocale().language(), QLocale::English);
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    QCOMPARE(menuTitles(*w).front(), QStringLiteral("&File"));
    QCOMPARE(groupTitle(*w, "optimizerGroup"), QStringLiteral("Optimizer"));
    auto* menu = w->findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().front()->text(), QStringLiteral("01  Too large a learning rate"));
}

QTEST_MAIN(TestTranslationsFr)
#include "test_translations_fr.moc"
