// The lesson library: folders searched in order, the first holding a file name winning, sorted
// by file name; the default folders follow $XDG_DATA_DIRS and end with the built-in copy.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include "session/settings/lesson_library.h"

#include <algorithm>

using downhill::ui::LessonLibrary;

namespace {

void writeFile(const QString& path, const QByteArray& bytes = "{}")
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

}  // namespace

class TestLessonLibrary : public QObject {
    Q_OBJECT

private slots:
    void firstFolderWinsPerFileName()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString a = root.filePath(QStringLiteral("a"));
        const QString b = root.filePath(QStringLiteral("b"));
        writeFile(a + QStringLiteral("/02-second.json"));
        writeFile(b + QStringLiteral("/02-second.json"));
        writeFile(b + QStringLiteral("/01-first.json"));
        writeFile(b + QStringLiteral("/notes.txt"));          // not a lesson
        QDir().mkpath(b + QStringLiteral("/03-folder.json"));  // a folder, not a file
        const QString missing = root.filePath(QStringLiteral("missing"));

        const auto entries = LessonLibrary::list({missing, a, b});
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].fileName, QStringLiteral("01-first.json"));
        QCOMPARE(entries[0].path, b + QStringLiteral("/01-first.json"));
        QCOMPARE(entries[1].fileName, QStringLiteral("02-second.json"));
        QCOMPARE(entries[1].path, a + QStringLiteral("/02-second.json"));  // a's hides b's

        // The other order: b's copy wins.
        const auto reversed = LessonLibrary::list({b, a});
        QCOMPARE(reversed.size(), 2);
        QCOMPARE(reversed[1].path, b + QStringLiteral("/02-second.json"));
    }

    void numberIsTheFileNamesLeadingDigits_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("number");
        QTest::newRow("bundled") << QStringLiteral("01-learning-rate-too-large.json") << QStringLiteral("01");
        QTest::newRow("two digits") << QStringLiteral("14-relu-kinks-vs-tanh.json") << QStringLiteral("14");
        QTest::newRow("three digits") << QStringLiteral("105-extra.json") << QStringLiteral("105");
        QTest::newRow("digits only") << QStringLiteral("07.json") << QStringLiteral("07");
        QTest::newRow("no number") << QStringLiteral("my-lesson.json") << QString();
        QTest::newRow("digits later") << QStringLiteral("lesson-3.json") << QString();
    }

    void numberIsTheFileNamesLeadingDigits()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, number);
        const LessonLibrary::Entry entry{fileName, QStringLiteral("/somewhere/") + fileName};
        QCOMPARE(entry.number(), number);
    }

    void noFoldersNoLessons()
    {
        QTemporaryDir root;
        QVERIFY(LessonLibrary::list({root.filePath(QStringLiteral("nothing"))}).isEmpty());
        QVERIFY(LessonLibrary::list(QStringList{}).isEmpty());
    }

    void defaultFoldersFollowXdgDataDirs()
    {
        QTemporaryDir home;
        QTemporaryDir system1;
        QTemporaryDir system2;
        qputenv("XDG_DATA_HOME", home.path().toUtf8());
        qputenv("XDG_DATA_DIRS", (system1.path() + QLatin1Char(':') + system2.path()).toUtf8());
        const QStringList folders = LessonLibrary::defaultFolders();
        const QString h = home.path() + QStringLiteral("/downhill/lessons");
        const QString s1 = system1.path() + QStringLiteral("/downhill/lessons");
        const QString s2 = system2.path() + QStringLiteral("/downhill/lessons");
        QVERIFY2(folders.contains(h) && folders.contains(s1) && folders.contains(s2), qPrintable(folders.join(u'\n')));
        QVERIFY(folders.indexOf(h) < folders.indexOf(s1));
        QVERIFY(folders.indexOf(s1) < folders.indexOf(s2));
        QCOMPARE(folders.last(), QStringLiteral(":/lessons"));

        // A lesson in the second system folder is found, and one in the first hides it.
        writeFile(s2 + QStringLiteral("/50-extra.json"));
        auto entries = LessonLibrary::list(folders);
        auto extra = std::find_if(entries.cbegin(), entries.cend(),
            [](const LessonLibrary::Entry& e) { return e.fileName == QStringLiteral("50-extra.json"); });
        QVERIFY(extra != entries.cend());
        QCOMPARE(extra->path, s2 + QStringLiteral("/50-extra.json"));
        writeFile(s1 + QStringLiteral("/50-extra.json"));
        entries = LessonLibrary::list(folders);
        extra = std::find_if(entries.cbegin(), entries.cend(),
            [](const LessonLibrary::Entry& e) { return e.fileName == QStringLiteral("50-extra.json"); });
        QCOMPARE(extra->path, s1 + QStringLiteral("/50-extra.json"));
    }

    void buildTreeReadsTheSourceLessons()
    {
        // This test runs from the build tree, so the source tree's lessons are among the folders,
        // after every data folder and before the built-in copy.
        const QStringList folders = LessonLibrary::defaultFolders();
        const QString source = QDir::cleanPath(QStringLiteral(DOWNHILL_SOURCE_DIR "/resources/lessons"));
        QVERIFY2(folders.contains(source), qPrintable(folders.join(u'\n')));
        QCOMPARE(folders.indexOf(source), folders.size() - 2);
        const auto entries = LessonLibrary::list({source});
        QCOMPARE(entries.size(), QDir(source).entryList({QStringLiteral("*.json")}, QDir::Files).size());
        QVERIFY(entries.size() >= 14);
        QCOMPARE(entries.front().fileName, QStringLiteral("01-learning-rate-too-large.json"));
    }

    void installPrefixBesideTheExecutable()
    {
        // The prefix's share/downhill/lessons, reached from bin/ (a relocated prefix works).
        const QStringList folders = LessonLibrary::defaultFolders();
        const QString expected = QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/downhill/lessons"));
        QVERIFY2(folders.contains(expected), qPrintable(folders.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestLessonLibrary)
#include "test_lesson_library.moc"
