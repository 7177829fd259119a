// The bundled lessons: every one parses, applies in the window and trains; the "two minima"
// lesson does what its text promises; a lesson survives a save and a load.
#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>

#include "tests/common/controller_sync.h"
#include "core/base/error.h"
#include "window/shell/main_window.h"
#include "session/problem/problem.h"
#include "session/settings/settings_io.h"
#include "tests/common/synthetic.h"
#include "session/run/training_controller.h"
#include "tests/common/window_harness.h"

using namespace downhill;
using downhill::test::openWindow;
using downhill::test::WaitFor;
using downhill::ui::MainWindow;
using downhill::ui::TrainingController;

// Resources of a static library must be initialised by name, outside any namespace.
static void initDownhillResources()
{
    Q_INIT_RESOURCE(downhill);
}

namespace {

using downhill::test::syncWith;

QStringList lessonPaths()
{
    const QDir dir(QStringLiteral(":/lessons"));
    QStringList paths;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

// The real root of a^3 - 3a = s for s > 2 (Cardano): where the fold model's slope equals s.
double foldRoot(double s)
{
    const double d = std::sqrt(s * s / 4.0 - 1.0);
    return std::cbrt(s / 2.0 + d) + std::cbrt(s / 2.0 - d);
}

}  // namespace

class TestLessons : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void menuListsEveryLesson();
    void everyLessonAppliesAndTrains_data();
    void everyLessonAppliesAndTrains();
    void twoMinimaStartDecides_data();
    void twoMinimaStartDecides();
    void lessonRoundTripsThroughJson();
    void lessonKeysAreChecked();
};

void TestLessons::initTestCase()
{
    initDownhillResources();
    QCOMPARE(lessonPaths().size(), 14);
}

void TestLessons::menuListsEveryLesson()
{
    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    auto* menu = w->findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), lessonPaths().size());
    // Numbered as the lessons are in class: "01  Too large a learning rate", ... "14  ...".
    QCOMPARE(menu->actions().front()->text(), QStringLiteral("01  Too large a learning rate"));
    const QStringList paths = lessonPaths();
    for (int i = 0; i < paths.size(); ++i) {
        const QString number = QFileInfo(paths[i]).fileName().left(2);
        QVERIFY2(menu->actions()[i]->text().startsWith(number + QStringLiteral("  ")), qPrintable(menu->actions()[i]->text()));
    }
    QVERIFY(menu->actions().back()->text().startsWith(QStringLiteral("14  ")));
}

void TestLessons::everyLessonAppliesAndTrains_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("mayDiverge");
    for (const QString& path : lessonPaths())
        QTest::newRow(qPrintable(QFileInfo(path).baseName())) << path << path.contains(QStringLiteral("too-large"));
}

void TestLessons::everyLessonAppliesAndTrains()
{
    QFETCH(QString, path);
    QFETCH(bool, mayDiverge);
    QString error;
    const auto parsed = ui::loadSettingsFile(path, &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(parsed->lesson);
    QVERIFY(!parsed->lesson->title.isEmpty());
    QVERIFY(parsed->lesson->text.size() > 200);   // a paragraph, not a label

    auto w = openWindow(QSize(1280, 800), WaitFor::Exposed);
    QVERIFY(w);
    QSignalSpy failed(w->controller(), &TrainingController::commandFailed);
    w->openLesson(path);
    QVERIFY(w->settings().lesson);
    QCOMPARE(w->settings().lesson->title, parsed->lesson->title);
    auto* caption = w->findChild<QLabel*>(QStringLiteral("teachingCaption"));
    QVERIFY(caption->text().contains(parsed->lesson->title.toHtmlEscaped()));
    QVERIFY(syncWith(w->controller()));
    for (int i = 0; i < 100; ++i)
        w->controller()->stepOnce();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(failed.size(), 0);
    const auto* banner = w->findChild<QLabel*>(QStringLiteral("divergenceBanner"));
    if (mayDiverge && banner->isVisibleTo(w.get()))
        return;   // overshooting until the numbers break is that lesson's point
    QVERIFY(!banner->isVisibleTo(w.get()));
    QCOMPARE(w->controller()->state().step, std::int64_t{100});
    QVERIFY(w->controller()->state().params.allFinite());
}

void TestLessons::twoMinimaStartDecides_data()
{
    QTest::addColumn<double>("startA");
    QTest::addColumn<bool>("global");
    QTest::newRow("a = -0.3: the local minimum") << -0.3 << false;
    QTest::newRow("a = 1.6: the global minimum") << 1.6 << true;
}

void TestLessons::twoMinimaStartDecides()
{
    QFETCH(double, startA);
    QFETCH(bool, global);
    QString error;
    const auto settings = ui::loadSettingsFile(QStringLiteral(":/lessons/05-two-minima.json"), &error);
    QVERIFY2(settings, qPrintable(error));
    QCOMPARE(settings->model, std::string("fold"));
    const ui::Problem problem = ui::Problem::build(*settings);
    core::Vec init = problem.objective()->defaultInit();
    QCOMPARE(static_cast<int>(settings->start.size()), 2);
    init[0] = startA;
    init[1] = settings->start[1];
    auto trainer = problem.makeTrainer(settings->train, init);
    for (int i = 0; i < 20000; ++i)
        QVERIFY(trainer->step());
    const double a = trainer->params()[0];
    const double slope = test::leastSquares(problem.data()->train).slope;
    QVERIFY(slope > 2.0);   // else the fold has one minimum only
    const double expected = global ? foldRoot(slope) : -1.0;
    qInfo("start a = %g: ended at a = %.6f (expected %.6f)", startA, a, expected);
    QVERIFY2(std::abs(a - expected) < 0.02, qPrintable(QStringLiteral("a = %1, expected %2").arg(a).arg(expected)));
    if (global)
        QVERIFY(expected > 2.1 && expected < 2.4);
}

void TestLessons::lessonRoundTripsThroughJson()
{
    ui::AppSettings s;
    s.lesson = ui::Lesson{QStringLiteral("My \"own\" lesson"), QStringLiteral("Line one.\nLine <two> & three."), {}};
    s.lesson->translations.insert(QStringLiteral("de"), {QStringLiteral("Meine Lektion"), QString()});
    const ui::AppSettings back = ui::settingsFromJson(ui::settingsToJson(s));
    QVERIFY(back.lesson);
    QCOMPARE(back.lesson->title, s.lesson->title);
    QCOMPARE(back.lesson->text, s.lesson->text);
    // The translations travel with it; the one field left out stays out.
    QCOMPARE(back.lesson->translations.keys(), QStringList{QStringLiteral("de")});
    QCOMPARE(back.lesson->translations.value(QStringLiteral("de")).title, QStringLiteral("Meine Lektion"));
    QVERIFY(back.lesson->translations.value(QStringLiteral("de")).text.isEmpty());
    QVERIFY(!ui::settingsToJson(s).contains("\"text\": \"\""));
    // Without a lesson, none is written or read.
    const QByteArray plain = ui::settingsToJson(ui::AppSettings{});
    QVERIFY(!plain.contains("lesson"));
    QVERIFY(!ui::settingsFromJson(plain).lesson);
}

void TestLessons::lessonKeysAreChecked()
{
    const auto message = [](const QByteArray& json) {
        try {
            ui::settingsFromJson(json);
        } catch (const core::InputError& e) {
            return QString::fromStdString(e.what());
        }
        return QString();
    };
    QCOMPARE(message(R"({"lesson": {"title": "T", "text": "x", "author": "me"}})"), QStringLiteral("lesson.author: unknown setting"));
    QCOMPARE(message(R"({"lesson": {"text": "x"}})"), QStringLiteral("lesson.title: a lesson needs a title"));
    QCOMPARE(message(R"({"lesson": "T"})"), QStringLiteral("lesson: expected an object"));
    QCOMPARE(message(R"({"lessons": {}})"), QStringLiteral("lessons: unknown setting"));
    QVERIFY(message(R"({"lesson": {"title": "T", "text": "x"}})").isEmpty());
    QCOMPARE(message(R"({"lesson": {"title": "T", "translations": ["de"]}})"),
        QStringLiteral("lesson.translations: expected an object mapping language codes to {\"title\", \"text\"}"));
    QCOMPARE(message(R"({"lesson": {"title": "T", "translations": {"German": {"title": "T"}}}})"),
        QStringLiteral("lesson.translations.German: expected a language code such as \"de\" or \"de_AT\""));
    QCOMPARE(message(R"({"lesson": {"title": "T", "translations": {"de": "T"}}})"), QStringLiteral("lesson.translations.de: expected an object"));
    QCOMPARE(message(R"({"lesson": {"title": "T", "translations": {"de": {"titel": "T"}}}})"),
        QStringLiteral("lesson.translations.de.titel: unknown setting"));
    QVERIFY(message(R"({"lesson": {"title": "T", "translations": {"de": {"title": "Titel"}, "de_AT": {"text": "x"}}}})").isEmpty());
}

QTEST_MAIN(TestLessons)
#include "test_lessons.moc"
