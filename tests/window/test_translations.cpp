// The window in German: the language chosen from the desktop's list, the translators installed,
// the menus, panels and plots in German, the lessons' German title and text with English where
// a field has none, Qt's own strings, numbers in the German format, and back to English.
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
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

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void choosesFromTheDesktopsLanguages_data();
    void choosesFromTheDesktopsLanguages();
    void unknownLanguageIsRefused();
    void windowSpeaksGerman();
    void qtsOwnStringsAreGerman();
    void everyLessonHasGermanTitleAndText();
    void lessonShowsGermanInTheWindow();
    void missingGermanFieldFallsBackToEnglish();
    void germanWindowFitsTheScreen();
    void backToEnglish();
};

void TestTranslations::initTestCase()
{
    initDownhillResources();
    // The program's look (Fusion, the classroom font size), as downhill has it: the widths below
    // are those of the real window.
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
    QCOMPARE(ui::availableLanguages(), (QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}));
    QCOMPARE(ui::currentLanguage(), QStringLiteral("en"));
    QVERIFY(ui::installLanguage(QStringLiteral("de")));
    QCOMPARE(ui::currentLanguage(), QStringLiteral("de"));
}

void TestTranslations::choosesFromTheDesktopsLanguages_data()
{
    QTest::addColumn<QStringList>("desktop");
    QTest::addColumn<QString>("chosen");
    // As QLocale::uiLanguages() lists them for LANG=de_DE.UTF-8, LANGUAGE=de, ...
    QTest::newRow("de_DE") << QStringList{QStringLiteral("de-DE"), QStringLiteral("de")} << QStringLiteral("de");
    QTest::newRow("de_AT") << QStringList{QStringLiteral("de-AT")} << QStringLiteral("de");
    QTest::newRow("LANGUAGE=de") << QStringList{QStringLiteral("de")} << QStringLiteral("de");
    QTest::newRow("en_US") << QStringList{QStringLiteral("en-US"), QStringLiteral("en")} << QStringLiteral("en");
    // English first wins over a German second; an untranslated language (Italian) is passed over.
    QTest::newRow("en before de") << QStringList{QStringLiteral("en-GB"), QStringLiteral("de-DE")} << QStringLiteral("en");
    QTest::newRow("it before de") << QStringList{QStringLiteral("it-IT"), QStringLiteral("de-DE")} << QStringLiteral("de");
    QTest::newRow("it only") << QStringList{QStringLiteral("it-IT"), QStringLiteral("it")} << QStringLiteral("en");
    // German before French: German (tests/window/test_translations_fr checks the French side).
    QTest::newRow("de before fr") << QStringList{QStringLiteral("de-DE"), QStringLiteral("fr-FR")} << QStringLiteral("de");
    QTest::newRow("C") << QStringList{QStringLiteral("C")} << QStringLiteral("en");
    QTest::newRow("none") << QStringList{} << QStringLiteral("en");
}

void TestTranslations::choosesFromTheDesktopsLanguages()
{
    QFETCH(QStringList, desktop);
    QFETCH(QString, chosen);
    QCOMPARE(ui::chooseLanguage(desktop), chosen);
}

void TestTranslations::unknownLanguageIsRefused()
{
    QVERIFY(!ui::installLanguage(QStringLiteral("xx")));
    QVERIFY(!ui::installLanguage(QString()));
    // The German one stays.
    QCOMPARE(ui::currentLanguage(), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("downhill::ui::MainWindow", "&File"), QStringLiteral("&Datei"));
}

void TestTranslations::windowSpeaksGerman()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    QCOMPARE(menuTitles(*w), (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Training"), QStringLiteral("&Ansicht"),
                                 QStringLiteral("&Wettrennen"), QStringLiteral("&Hilfe")}));
    auto* lessons = w->findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    QVERIFY(lessons);
    QCOMPARE(lessons->title(), QStringLiteral("Lektionen"));
    QVERIFY2(test::clashingAccelerators(*w).isEmpty(), qPrintable(test::clashingAccelerators(*w).join(QStringLiteral("; "))));
    QCOMPARE(test::action(*w, "playAction")->text(), QStringLiteral("Abspielen"));
    QCOMPARE(test::action(*w, "stepAction")->text(), QStringLiteral("Schritt"));
    QCOMPARE(groupTitle(*w, "stepGroup"), QStringLiteral("Schrittweite und Batches"));
    QCOMPARE(groupTitle(*w, "optimizerGroup"), QStringLiteral("Optimierer"));
    QCOMPARE(groupTitle(*w, "scheduleGroup"), QStringLiteral("Lernraten-Zeitplan"));
    QCOMPARE(groupTitle(*w, "captionGroup"), QStringLiteral("Was Sie sehen"));
    auto* loss = w->findChild<QCustomPlot*>(QStringLiteral("lossPlot"));
    QVERIFY(loss);
    QCOMPARE(loss->xAxis->label(), QStringLiteral("Schritt"));
    QCOMPARE(loss->yAxis->label(), QStringLiteral("Verlust"));
    QCOMPARE(loss->yAxis2->label(), QStringLiteral("Lernrate"));
    // The teaching text under the landscape (the session layer's) is German too.
    auto* caption = w->findChild<QLabel*>(QStringLiteral("teachingCaption"));
    QVERIFY(caption);
    QVERIFY2(caption->text().contains(QStringLiteral("Die Landschaft")), qPrintable(caption->text()));
}

void TestTranslations::qtsOwnStringsAreGerman()
{
    // Debian's qt6-translations-l10n (qtbase_de.qm), when installed: Qt's dialog buttons.
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm")))
        QSKIP("qtbase_de.qm is not installed (qt6-translations-l10n)");
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), QStringLiteral("Abbrechen"));
    // QLocale() speaks the window's language; the files do not (settings_io writes with
    // QString::number, whatever the locale).
    QCOMPARE(QLocale().toString(1.5), QStringLiteral("1,5"));
    ui::AppSettings s;
    s.train.optimizer.lr = 0.25;
    QVERIFY(ui::settingsToJson(s).contains("\"lr\": 0.25"));
}

void TestTranslations::everyLessonHasGermanTitleAndText()
{
    const QDir dir(QStringLiteral(DOWNHILL_SOURCE_DIR "/resources/lessons"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 14);
    for (const QString& file : files) {
        const ui::AppSettings s = test::lesson(qPrintable(file));
        QVERIFY(s.lesson);
        QVERIFY2(s.lesson->translations.contains(QStringLiteral("de")), qPrintable(file));
        const ui::Lesson de = s.lesson->in(QStringLiteral("de"));
        QVERIFY2(!de.title.isEmpty() && de.title != s.lesson->title, qPrintable(file));
        QVERIFY2(!de.text.isEmpty() && de.text != s.lesson->text, qPrintable(file));
    }
    const ui::Lesson first = test::lesson(kFirstLesson).lesson->in(QStringLiteral("de"));
    QCOMPARE(first.title, QStringLiteral("Zu große Lernrate"));
    QVERIFY(first.text.startsWith(QStringLiteral("Die Lernrate ist viel zu groß für dieses Tal.")));
}

void TestTranslations::lessonShowsGermanInTheWindow()
{
    const ui::AppSettings lesson = test::lesson(kFirstLesson);
    const ui::Lesson de = lesson.lesson->in(QStringLiteral("de"));
    // QLocale() speaks the window's language: shown() is the German one.
    QCOMPARE(lesson.lesson->shown().title, de.title);
    auto w = openWindow(lesson, WaitFor::Exposed);
    QVERIFY(w);
    auto* menu = w->findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().front()->text(), QStringLiteral("01  ") + de.title);
    auto* caption = w->findChild<QLabel*>(QStringLiteral("teachingCaption"));
    QVERIFY(caption);
    QVERIFY2(caption->text().contains(de.title.toHtmlEscaped()), qPrintable(caption->text()));
    QVERIFY2(caption->text().contains(de.text.left(40).toHtmlEscaped()), qPrintable(caption->text()));
    QVERIFY(!caption->text().contains(lesson.lesson->title));
}

void TestTranslations::missingGermanFieldFallsBackToEnglish()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"lesson": {"title": "Plateaus", "text": "Flat ground, small steps.",
                 "translations": {"de": {"title": "Hochebenen"}, "de_CH": {"text": "Flaches Gelände, kleine Schritte."}}}})");
    file.close();
    QString error;
    const auto s = ui::loadSettingsFile(path, &error);
    QVERIFY2(s && s->lesson, qPrintable(error));
    const ui::Lesson de = s->lesson->in(QStringLiteral("de"));
    QCOMPARE(de.title, QStringLiteral("Hochebenen"));
    QCOMPARE(de.text, QStringLiteral("Flat ground, small steps."));
    // de_AT has none of its own: German, then English.
    QCOMPARE(s->lesson->in(QStringLiteral("de_AT")).title, QStringLiteral("Hochebenen"));
    // de_CH has its own text and takes the German title.
    const ui::Lesson ch = s->lesson->in(QStringLiteral("de_CH"));
    QCOMPARE(ch.title, QStringLiteral("Hochebenen"));
    QCOMPARE(ch.text, QStringLiteral("Flaches Gelände, kleine Schritte."));
    // A language the file has no entry for: English.
    const ui::Lesson it = s->lesson->in(QStringLiteral("it_IT"));
    QCOMPARE(it.title, QStringLiteral("Plateaus"));
    QCOMPARE(it.text, QStringLiteral("Flat ground, small steps."));
    // In the window: the German title in the status bar, the English text in the caption.
    auto w = openWindow(*s, WaitFor::Exposed);
    QVERIFY(w);
    auto* caption = w->findChild<QLabel*>(QStringLiteral("teachingCaption"));
    QVERIFY(caption);
    QVERIFY2(caption->text().contains(QStringLiteral("Hochebenen")), qPrintable(caption->text()));
    QVERIFY2(caption->text().contains(QStringLiteral("Flat ground, small steps.")), qPrintable(caption->text()));
}

void TestTranslations::germanWindowFitsTheScreen()
{
    // The widest German layout: two surfaces side by side (the overfitting lesson). Longer
    // German labels must not make the window wider than a 1280-pixel projector.
    auto w = openWindow(test::lesson("09-overfitting.json"), WaitFor::Exposed);
    QVERIFY(w);
    QVERIFY(test::settleLayouts());
    QVERIFY2(w->minimumSizeHint().width() <= 1280, qPrintable(QString::number(w->minimumSizeHint().width())));
    QCOMPARE(w->width(), 1280);
}

void TestTranslations::backToEnglish()
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

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
