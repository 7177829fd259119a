// writeFileAtomically: a write replaces the old file whole; a write that fails, before it
// starts or half-way, leaves the folder as it was (the old file, no temporary file) and says
// which file it could not write.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

#include "session/settings/atomic_file.h"
#include "tests/common/file_size_limit.h"

using downhill::test::FileSizeLimit;
using downhill::ui::writeFileAtomically;

namespace {

// Every file and folder under `root`, by relative path, with each file's bytes: equal before
// and after a failed write when nothing was left behind or changed.
QMap<QString, QByteArray> contents(const QString& root)
{
    QMap<QString, QByteArray> all;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = QDir(root).relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            all.insert(name + QLatin1Char('/'), {});
        } else {
            QFile file(path);
            all.insert(name, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>"));
        }
    }
    return all;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writePlain(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Bytes that differ from one offset to the next, so a short or shifted copy shows.
QByteArray pattern(int size, char salt)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = static_cast<char>('a' + (i * 7 + salt) % 26);
    return bytes;
}

}  // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private slots:
    void writesANewFile();
    void replacesTheOldFileWhole();
    void failedWriteLeavesTheFolderAsItWas_data();
    void failedWriteLeavesTheFolderAsItWas();
};

void TestAtomicFile::writesANewFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("new.csv"));
    const QByteArray bytes = pattern(10000, 3);
    QString error = QStringLiteral("untouched");
    QVERIFY(writeFileAtomically(path, bytes, &error));
    QCOMPARE(error, QStringLiteral("untouched"));
    QCOMPARE(readAll(path), bytes);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{QStringLiteral("new.csv")});
}

void TestAtomicFile::replacesTheOldFileWhole()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("run.json"));
    QVERIFY(writePlain(path, pattern(50000, 1)));
    // Shorter than the old file: nothing of the old one's tail may survive.
    const QByteArray shorter = pattern(1000, 2);
    QString error;
    QVERIFY(writeFileAtomically(path, shorter, &error));
    QCOMPARE(readAll(path), shorter);
    QVERIFY(writeFileAtomically(path, QByteArray(), &error));
    QCOMPARE(QFileInfo(path).size(), qint64{0});
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{QStringLiteral("run.json")});
}

void TestAtomicFile::failedWriteLeavesTheFolderAsItWas_data()
{
    // Where the write goes, relative to a folder holding old.csv and a file named plain.txt.
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("diskFillsHalfWay");
    QTest::newRow("folder does not exist") << QStringLiteral("missing/out.csv") << false;
    QTest::newRow("folder is a file") << QStringLiteral("plain.txt/out.csv") << false;
    QTest::newRow("target is a folder") << QStringLiteral("sub") << false;
    QTest::newRow("disk fills half-way over the old file") << QStringLiteral("old.csv") << true;
}

void TestAtomicFile::failedWriteLeavesTheFolderAsItWas()
{
    QFETCH(QString, target);
    QFETCH(bool, diskFillsHalfWay);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writePlain(dir.filePath(QStringLiteral("old.csv")), pattern(3000, 5)));
    QVERIFY(writePlain(dir.filePath(QStringLiteral("plain.txt")), "not a folder"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    const QMap<QString, QByteArray> before = contents(dir.path());

    const QString path = dir.filePath(target);
    // Larger than the limit, so the write starts and then fails.
    const QByteArray bytes = pattern(1 << 20, 9);
    QString error;
    bool written = true;
    {
        std::optional<FileSizeLimit> limit;
        if (diskFillsHalfWay) {
            limit.emplace(64 * 1024);
            QVERIFY(limit->active());
        }
        written = writeFileAtomically(path, bytes, &error);
    }
    QVERIFY(!written);
    QCOMPARE(contents(dir.path()), before);
    // The message names the file, then says what went wrong.
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.size() > path.size() + 2, qPrintable(error));
    // Never Qt's bare "Unknown error": a write cut short says how far it got and the likely why.
    QVERIFY2(!error.contains(QStringLiteral("Unknown error")), qPrintable(error));
    if (diskFillsHalfWay)
        QVERIFY2(error.contains(QStringLiteral("is the disk full?")) || error.contains(QStringLiteral("bytes")), qPrintable(error));
    // Without a place for the message it fails the same way.
    if (!diskFillsHalfWay)
        QVERIFY(!writeFileAtomically(path, bytes, nullptr));
    QCOMPARE(contents(dir.path()), before);
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
