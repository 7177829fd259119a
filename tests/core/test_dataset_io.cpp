#include <QtTest>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include "core/data/dataset_io.h"
#include "core/base/error.h"
#include "core/base/progress.h"
#include "core/data/feature_extractor.h"
#include "core/data/people_generator.h"
#include "core/data/png_io.h"
#include "tests/common/input_error.h"
#include "tests/common/sanitizers.h"

using namespace downhill::core;
using downhill::test::errorOf;

namespace {

void writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
}

// The InputError message of `f`, or an empty string if it did not throw one.

Dataset smallPeopleSet(int count)
{
    PeopleSettings s;
    s.count = count;
    s.seed = 11;
    return generatePeople(s);
}

}  // namespace

class TestDatasetIo : public QObject {
    Q_OBJECT
private slots:
    // Each bad CSV gives "<path>:<line>: ..." (or "<path>: ..." for the whole file, line 0
    // here) with a key word saying what is wrong.
    // A long read reports how far it is, from near 0 to the end, rising; asked to stop, it
    // stops with Cancelled, not an input error, for a CSV and for an image folder alike.
    void progressAndCancel()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath("long.csv");
        QByteArray content = "x,count\n";
        for (int i = 0; i < 100000; ++i)
            content += QByteArray::number(i % 97 * 0.01) + "," + QByteArray::number(i % 5) + "\n";
        writeFile(csv, content);

        // A thread reads while this one watches the fraction move.
        Progress progress;
        std::vector<double> seen;
        std::atomic<bool> done{false};
        Dataset data;
        std::thread reader([&] {
            data = loadCsv(csv.toStdString(), &progress);
            done = true;
        });
        while (!done) {
            seen.push_back(progress.fraction());
            std::this_thread::yield();
        }
        reader.join();
        QCOMPARE(data.size(), std::int64_t{100000});
        for (std::size_t i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i] >= seen[i - 1]);
        QVERIFY(progress.fraction() > 0.9 && progress.fraction() <= 1.0);

        Progress stopped;
        stopped.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, loadCsv(csv.toStdString(), &stopped));
        QVERIFY_THROWS_EXCEPTION(Cancelled, loadData(csv.toStdString(), &stopped));

        const QString folder = dir.filePath("images");
        PeopleSettings people;
        people.count = 200;
        exportImageFolder(generatePeople(people), folder.toStdString());
        QVERIFY_THROWS_EXCEPTION(Cancelled, loadData(folder.toStdString(), &stopped));
        Progress whole;
        QCOMPARE(loadData(folder.toStdString(), &whole).size(), std::int64_t{200});
        QVERIFY(whole.fraction() > 0.9);
    }

    void badCsv_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("empty file") << QByteArray() << 0 << QStringList{"empty"};
        QTest::newRow("only blank lines") << QByteArray("\n  \r\n\n") << 0 << QStringList{"empty"};
        QTest::newRow("header only") << QByteArray("x,count\n\n") << 0 << QStringList{"no data rows"};
        QTest::newRow("missing x") << QByteArray("a,count\n1,2\n") << 1 << QStringList{"missing column 'x'", "a, count"};
        QTest::newRow("missing count") << QByteArray("\nx,y\n1,2\n") << 2 << QStringList{"missing column 'count'"};
        QTest::newRow("column twice") << QByteArray("x,count,X\n1,2,3\n") << 1 << QStringList{"'x' appears twice"};
        QTest::newRow("short row") << QByteArray("x,count\n1,2\n3\n") << 3 << QStringList{"expected 2 fields", "got 1"};
        QTest::newRow("long row") << QByteArray("x,count\n1,2,3\n") << 2 << QStringList{"expected 2 fields", "got 3"};
        QTest::newRow("decimal comma") << QByteArray("x,count\n1,5,2\n") << 2 << QStringList{"got 3"};
        QTest::newRow("text in x") << QByteArray("x,count\n1,2\nabc,2\n") << 3 << QStringList{"column 'x'", "not a number", "'abc'"};
        QTest::newRow("trailing junk") << QByteArray("x,count\n1.5kg,2\n") << 2 << QStringList{"not a number", "'1.5kg'"};
        QTest::newRow("empty field") << QByteArray("x,count\n,2\n") << 2 << QStringList{"column 'x'", "empty"};
        QTest::newRow("NaN") << QByteArray("x,count\nnan,1\n") << 2 << QStringList{"column 'x'", "not a finite number", "'nan'"};
        QTest::newRow("infinite count") << QByteArray("x,count\r\n1,-inf\r\n") << 2 << QStringList{"column 'count'", "not a finite", "'-inf'"};
        QTest::newRow("overflow") << QByteArray("x,count\n1e999,1\n") << 2 << QStringList{"column 'x'", "out of range", "'1e999'"};
        QTest::newRow("negative count") << QByteArray("x,count\n1,2\n\n0.5,-1\n") << 4 << QStringList{"column 'count'", "negative", "'-1'"};
        // A quoted field may hold any byte; the message echoes it escaped, never raw.
        QTest::newRow("escape in quoted field") << QByteArray("x,count\n\"1\x1b[2J\",2\n") << 2
                                                << QStringList{"not a number", "'1\\x1b[2J'"};
        QTest::newRow("odd bytes in header") << QByteArray("x\xff\x07,count\n1,2\n") << 1
                                             << QStringList{"missing column 'x'", "x\\xff\\x07"};
        QTest::newRow("unclosed quote") << QByteArray("x,count\n\"1,2\n") << 2 << QStringList{"quote"};
    }
    void badCsv()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QStringList, words);
        QTemporaryDir dir;
        const QString path = dir.filePath("bad data.csv");
        writeFile(path, content);
        const QString message = errorOf([&] { loadCsv(path.toStdString()); });
        const QString where = line == 0 ? path + ": " : QString("%1:%2: ").arg(path).arg(line);
        QVERIFY2(message.startsWith(where), qPrintable(message));
        for (const QString& word : words)
            QVERIFY2(message.contains(word), qPrintable(message + " lacks " + word));
        for (const QChar c : message)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && c != QChar::ReplacementCharacter, qPrintable(message));
        // loadData reads a file as CSV and reports the same.
        QCOMPARE(errorOf([&] { loadData(path.toStdString()); }), message);
    }

    void missingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("nothing.csv");
        QCOMPARE(errorOf([&] { loadCsv(path.toStdString()); }), path + ": no such file or directory");
        QCOMPARE(errorOf([&] { loadData(path.toStdString()); }), path + ": no such file or directory");
    }

    // Extra columns, any order and case, quotes, spaces, CRLF, a byte order mark, blank lines,
    // '+' signs, exponents and non-integer counts are all fine.
    void goodCsv()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("good.csv");
        writeFile(path, "\xEF\xBB\xBF" "id, \"Count\" ,note,x\r\n"
                        "1, 3 ,\"a, quoted \"\"note\"\"\", 0.5\r\n"
                        "2,\"0\",,-1.25e1\r\n"
                        "\r\n"
                        "3,2.5,plain,+4\r\n"
                        "\r\n\r\n");
        const Dataset data = loadCsv(path.toStdString());
        QCOMPARE(data.size(), Eigen::Index{3});
        QVERIFY(!data.hasImages());
        QCOMPARE(data.samples.x[0], 0.5);
        QCOMPARE(data.samples.x[1], -12.5);
        QCOMPARE(data.samples.x[2], 4.0);
        QCOMPARE(data.samples.t[0], 3.0);
        QCOMPARE(data.samples.t[1], 0.0);
        QCOMPARE(data.samples.t[2], 2.5);
        QVERIFY(QString::fromStdString(data.source).contains("good.csv"));
        const Dataset again = loadData(path.toStdString());
        QVERIFY((again.samples.x == data.samples.x).all());
    }

    // What exportImageFolder writes, loadImageFolder reads back: the same pixels, counts and
    // features; and loadData recognises the folder.
    void imageFolderRoundTrip()
    {
        QTemporaryDir dir;
        const std::string folder = dir.filePath("nested/export").toStdString();
        const Dataset data = smallPeopleSet(25);
        exportImageFolder(data, folder);

        QStringList expected{"labels.csv"};
        for (int i = 0; i < 25; ++i)
            expected << QString("%1.png").arg(i, 6, 10, QChar('0'));
        QStringList files = QDir(QString::fromStdString(folder)).entryList(QDir::Files);
        files.sort();
        expected.sort();
        QCOMPARE(files, expected);
        QFile labels(QString::fromStdString(folder + "/labels.csv"));
        QVERIFY(labels.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = labels.readAll().split('\n');
        QCOMPARE(lines[0], QByteArray("image,count"));
        QCOMPARE(lines[1], QByteArray("000000.png,") + QByteArray::number(static_cast<int>(data.samples.t[0])));

        for (const Dataset& back : {loadImageFolder(folder), loadData(folder)}) {
            QCOMPARE(back.size(), data.size());
            QVERIFY(back.images == data.images);
            QVERIFY((back.samples.t == data.samples.t).all());
            QVERIFY((back.samples.x == data.samples.x).all());
        }
        // Exporting again over the same folder replaces the files in place.
        exportImageFolder(smallPeopleSet(3), folder);
        QCOMPARE(loadImageFolder(folder).size(), Eigen::Index{3});
    }

    // An image folder of other sizes and hand-written labels.
    void imageFolderAnySize()
    {
        QTemporaryDir dir;
        GrayImage wide(60, 9, 200);
        writePng(dir.filePath("wide.png").toStdString(), wide);
        QVERIFY(QDir(dir.path()).mkdir("sub"));
        writePng(dir.filePath("sub/big.png").toStdString(), GrayImage(100, 80, 30));
        writeFile(dir.filePath("labels.csv"), "count,image\n0,wide.png\n2, \"sub/big.png\" \n");
        const Dataset data = loadImageFolder(dir.path().toStdString());
        QCOMPARE(data.size(), Eigen::Index{2});
        QCOMPARE(data.images[0].width, 60);
        QCOMPARE(data.images[1].height, 80);
        QCOMPARE(data.samples.t[1], 2.0);
        QCOMPARE(data.samples.x[0], extractFeature(wide));
    }

    void badImageFolder_data()
    {
        QTest::addColumn<QByteArray>("labels");
        QTest::addColumn<int>("line");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("missing image") << QByteArray("image,count\nok.png,1\nfoo.png,2\n") << 3 << QStringList{"image 'foo.png' is missing"};
        QTest::newRow("corrupt image") << QByteArray("image,count\ncorrupt.png,1\n") << 2 << QStringList{"image 'corrupt.png' is not a valid PNG: not a PNG file"};
        QTest::newRow("truncated image") << QByteArray("image,count\ntruncated.png,1\n") << 2 << QStringList{"image 'truncated.png' is not a valid PNG: corrupt"};
        QTest::newRow("folder as image") << QByteArray("image,count\nsub,1\n") << 2 << QStringList{"image 'sub' is missing"};
        QTest::newRow("tiny image") << QByteArray("image,count\ntiny.png,1\n") << 2 << QStringList{"'tiny.png' is 4x4 pixels", "8x8"};
        QTest::newRow("non-integer count") << QByteArray("image,count\nok.png,2.5\n") << 2 << QStringList{"not a whole number", "'2.5'"};
        QTest::newRow("negative count") << QByteArray("image,count\nok.png,-3\n") << 2 << QStringList{"negative", "'-3'"};
        QTest::newRow("text count") << QByteArray("image,count\nok.png,three\n") << 2 << QStringList{"not a number", "'three'"};
        QTest::newRow("no image column") << QByteArray("file,count\nok.png,1\n") << 1 << QStringList{"missing column 'image'"};
        QTest::newRow("ragged") << QByteArray("image,count\nok.png\n") << 2 << QStringList{"expected 2 fields", "got 1"};
        QTest::newRow("empty name") << QByteArray("image,count\n\"\",1\n") << 2 << QStringList{"column 'image' is empty"};
        QTest::newRow("no rows") << QByteArray("image,count\n") << 0 << QStringList{"no data rows"};
    }
    void badImageFolder()
    {
        QFETCH(QByteArray, labels);
        QFETCH(int, line);
        QFETCH(QStringList, words);
        QTemporaryDir dir;
        writePng(dir.filePath("ok.png").toStdString(), GrayImage(20, 20, 100));
        writePng(dir.filePath("tiny.png").toStdString(), GrayImage(4, 4, 100));
        writeFile(dir.filePath("corrupt.png"), "this is text, not an image\n");
        {
            QFile ok(dir.filePath("ok.png"));
            QVERIFY(ok.open(QIODevice::ReadOnly));
            writeFile(dir.filePath("truncated.png"), ok.readAll().left(40));
        }
        QVERIFY(QDir(dir.path()).mkdir("sub"));
        writeFile(dir.filePath("labels.csv"), labels);
        const QString path = dir.filePath("labels.csv");
        const QString message = errorOf([&] { loadImageFolder(dir.path().toStdString()); });
        const QString where = line == 0 ? path + ": " : QString("%1:%2: ").arg(path).arg(line);
        QVERIFY2(message.startsWith(where), qPrintable(message));
        for (const QString& word : words)
            QVERIFY2(message.contains(word), qPrintable(message + " lacks " + word));
        QCOMPARE(errorOf([&] { loadData(dir.path().toStdString()); }), message);
    }

    // An 8192 x 8192 PNG listed 60 times once exhausted memory (1.2 GB for 10 rows) and ended
    // in "out of memory": the data set's pixel budget refuses the third from its header, and
    // the process stays far below what decoding them all would take.
    void pixelBudgetRefusesBeforeDecoding()
    {
        QTemporaryDir dir;
        writePng(dir.filePath("big.png").toStdString(), GrayImage(8192, 8192, 0));
        QByteArray labels = "image,count\n";
        for (int i = 0; i < 60; ++i)
            labels += "big.png,1\n";
        writeFile(dir.filePath("labels.csv"), labels);
        const QString message = errorOf([&] { loadData(dir.path().toStdString()); });
        // Two images of 2^26 pixels fill the 2^27 budget; line 4 is the third.
        QVERIFY2(message.startsWith(dir.filePath("labels.csv") + ":4: image 'big.png' has too many pixels: 8192x8192"),
            qPrintable(message));
        QVERIFY2(message.contains("134217728 pixels in all"), qPrintable(message));
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const double peakMiB = static_cast<double>(usage.ru_maxrss) / 1024.0;
        qInfo("peak RSS %.0f MiB", peakMiB);
        // Decoding all 60 would take 3.8 GB. Under AddressSanitizer freed memory stays resident
        // in its quarantine (256 MiB) and its shadow adds an eighth of the heap.
#ifdef DOWNHILL_TEST_ASAN
        constexpr double kPeakMiB = 600 + 256 + 100;
#else
        constexpr double kPeakMiB = 600;
#endif
        QVERIFY2(peakMiB < kPeakMiB, qPrintable(QString::number(peakMiB)));

        // One PNG against a smaller allowance: refused from the header, the image untouched.
        GrayImage image;
        std::string reason;
        QVERIFY(!tryReadPng(dir.filePath("big.png").toStdString(), image, reason, 1000));
        QVERIFY2(reason.rfind(kTooManyPixels, 0) == 0, reason.c_str());
        QVERIFY(image.empty());
    }

    void folderWithoutLabels()
    {
        QTemporaryDir dir;
        const QString message = errorOf([&] { loadData(dir.path().toStdString()); });
        QCOMPARE(message, dir.filePath("labels.csv") + ": no such file or directory");
    }

    void exportErrors()
    {
        QTemporaryDir dir;
        Dataset noImages;
        noImages.samples.x = Array::Zero(3);
        noImages.samples.t = Array::Zero(3);
        const std::string target = dir.filePath("out").toStdString();
        QVERIFY(errorOf([&] { exportImageFolder(noImages, target); }).contains("no images"));
        QVERIFY(!QDir(QString::fromStdString(target)).exists());

        // A file where the folder should go.
        writeFile(dir.filePath("file"), "x");
        const std::string blocked = dir.filePath("file").toStdString();
        const QString message = errorOf([&] { exportImageFolder(smallPeopleSet(2), blocked); });
        QVERIFY2(message.startsWith(QString::fromStdString(blocked) + ": "), qPrintable(message));

        Dataset fractional = smallPeopleSet(2);
        fractional.samples.t[1] = 1.5;
        QVERIFY(errorOf([&] { exportImageFolder(fractional, target); }).contains("whole counts"));
    }
};

QTEST_APPLESS_MAIN(TestDatasetIo)
#include "test_dataset_io.moc"
