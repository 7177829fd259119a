#include <QtTest>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include <unistd.h>

#include "core/base/error.h"
#include "core/data/png_io.h"
#include "core/base/rng.h"

using namespace downhill::core;

namespace {

// A PNG built by hand (chunks, CRC, zlib stream from qCompress), independent of libpng, to feed
// readPng every colour type and bit depth.
class PngBuilder {
public:
    static QByteArray build(int width, int height, int bitDepth, int colourType, const QByteArray& scanlines,
                            const QByteArray& palette = {}, const QByteArray& transparency = {})
    {
        QByteArray png("\x89PNG\r\n\x1a\n", 8);
        QByteArray header;
        appendU32(header, static_cast<quint32>(width));
        appendU32(header, static_cast<quint32>(height));
        header.append(static_cast<char>(bitDepth));
        header.append(static_cast<char>(colourType));
        header.append(3, '\0');  // compression, filter, interlace
        appendChunk(png, "IHDR", header);
        if (!palette.isEmpty())
            appendChunk(png, "PLTE", palette);
        if (!transparency.isEmpty())
            appendChunk(png, "tRNS", transparency);
        appendChunk(png, "IDAT", qCompress(scanlines).mid(4));  // qCompress prefixes the length
        appendChunk(png, "IEND", {});
        return png;
    }

private:
    static void appendU32(QByteArray& out, quint32 v)
    {
        for (int shift = 24; shift >= 0; shift -= 8)
            out.append(static_cast<char>((v >> shift) & 0xFF));
    }
    static quint32 crc32(const QByteArray& data)
    {
        quint32 crc = 0xFFFFFFFFu;
        for (const char c : data) {
            crc ^= static_cast<quint8>(c);
            for (int k = 0; k < 8; ++k)
                crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }
    static void appendChunk(QByteArray& png, const char* type, const QByteArray& data)
    {
        appendU32(png, static_cast<quint32>(data.size()));
        const QByteArray body = QByteArray(type) + data;
        png.append(body);
        appendU32(png, crc32(body));
    }
};

// One scanline per row, each with filter byte 0.
QByteArray rows(int height, const QByteArray& row)
{
    QByteArray out;
    for (int y = 0; y < height; ++y)
        out.append('\0').append(row);
    return out;
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (const int v : values)
        out.append(static_cast<char>(v));
    return out;
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
}

GrayImage randomImage(int width, int height, std::uint64_t seed)
{
    GrayImage image(width, height);
    Rng rng(seed);
    for (std::uint8_t& p : image.pixels)
        p = static_cast<std::uint8_t>(rng.integer(0, 255));
    return image;
}

// Runs `f` with stderr sent to a file and returns what was written there.
template <typename F>
QByteArray stderrOf(const QString& file, F f)
{
    std::fflush(stderr);
    const int saved = dup(2);
    FILE* sink = std::fopen(file.toLocal8Bit().constData(), "w");
    dup2(fileno(sink), 2);
    f();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::fclose(sink);
    QFile in(file);
    in.open(QIODevice::ReadOnly);
    return in.readAll();
}

}  // namespace

class TestPngIo : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("1x1") << 1 << 1;
        QTest::newRow("48x48") << 48 << 48;
        QTest::newRow("37x5") << 37 << 5;
        QTest::newRow("3x300") << 3 << 300;
    }
    void roundTrip()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QTemporaryDir dir;
        const std::string path = dir.filePath("image.png").toStdString();
        const GrayImage image = randomImage(width, height, static_cast<std::uint64_t>(width * 1000 + height));
        writePng(path, image);
        QVERIFY(readPng(path) == image);
        // Overwriting goes through a temporary too and leaves nothing else behind.
        const GrayImage other = randomImage(width, height, 5);
        writePng(path, other);
        QVERIFY(readPng(path) == other);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"image.png"});
    }

    void writeErrors()
    {
        QTemporaryDir dir;
        const std::string inMissingFolder = dir.filePath("no/such/folder/a.png").toStdString();
        try {
            writePng(inMissingFolder, GrayImage(4, 4));
            QFAIL("wrote into a missing folder");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(inMissingFolder) + ": cannot write"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(InputError, writePng(dir.filePath("empty.png").toStdString(), GrayImage()));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    // Bad files throw an InputError that names the file, and libpng prints nothing.
    void badFilesThrow_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << "missing" << "cannot open";
        QTest::newRow("empty") << "empty" << "empty";
        QTest::newRow("text named .png") << "text" << "not a PNG";
        QTest::newRow("only the signature") << "signature" << "corrupt";
        QTest::newRow("truncated in the data") << "truncated" << "corrupt";
        QTest::newRow("bad CRC in the data") << "crc" << "corrupt";
        QTest::newRow("folder named .png") << "folder" << "";
        QTest::newRow("a chunk longer than the file") << "long chunk" << "claims 4294967295 bytes, past the end of the file";
        // libFuzzer's find (tests/fuzz/regressions): a chunk claiming 1.7 GB, which libpng
        // allocated before reading it.
        QTest::newRow("fuzz: chunk past the end") << "fuzz" << "past the end of the file";
    }
    void badFilesThrow()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath("bad.png");
        QByteArray good;
        {
            const std::string goodPath = dir.filePath("good.png").toStdString();
            writePng(goodPath, randomImage(40, 40, 3));
            QFile file(QString::fromStdString(goodPath));
            QVERIFY(file.open(QIODevice::ReadOnly));
            good = file.readAll();
        }
        if (kind == "empty")
            writeFile(path, {});
        else if (kind == "text")
            writeFile(path, "image,count\nfoo.png,3\n");
        else if (kind == "signature")
            writeFile(path, good.left(8));
        else if (kind == "truncated")
            writeFile(path, good.left(good.size() / 2));
        else if (kind == "crc") {
            QByteArray broken = good;
            const auto idat = broken.indexOf("IDAT");
            broken[idat + 10] = static_cast<char>(broken[idat + 10] ^ 0x55);
            writeFile(path, broken);
        } else if (kind == "folder") {
            QVERIFY(QDir(dir.path()).mkdir("bad.png"));
        } else if (kind == "long chunk") {
            QByteArray broken = good.left(8 + 25);   // the signature and IHDR
            broken += QByteArray::fromHex("ffffffff") + "zTXt" + QByteArray(16, 'x');
            writeFile(path, broken);
        } else if (kind == "fuzz") {
            QFile found(QStringLiteral(DOWNHILL_SOURCE_DIR "/tests/fuzz/regressions/png-chunk-past-the-end.png"));
            QVERIFY(found.open(QIODevice::ReadOnly));
            writeFile(path, found.readAll());
        }

        QString message;
        const QByteArray printed = stderrOf(dir.filePath("stderr.txt"), [&] {
            try {
                readPng(path.toStdString());
            } catch (const InputError& e) {
                message = e.what();
            }
        });
        QVERIFY2(message.startsWith(path + ": "), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY2(printed.isEmpty(), printed.constData());

        std::string why;
        GrayImage image;
        QVERIFY(!tryReadPng(path.toStdString(), image, why));
        QVERIFY(!why.empty());
        QVERIFY(!QString::fromStdString(why).contains(path));
    }

    // Every colour type and bit depth becomes 8-bit gray: equal channels stay as they are,
    // colours get luminance weights (libpng's defaults, Rec. 709: 0.2126, 0.7152, 0.0722),
    // transparency is composited on white. Expected values are within 1 grey level.
    void convertsToGray_data()
    {
        QTest::addColumn<QByteArray>("png");
        QTest::addColumn<QList<int>>("expected");
        const auto lum = [](int r, int g, int b) { return static_cast<int>(std::lround(0.2126 * r + 0.7152 * g + 0.0722 * b)); };
        QTest::newRow("gray 8") << PngBuilder::build(3, 2, 8, 0, rows(2, bytes({0, 100, 255}))) << QList<int>{0, 100, 255};
        QTest::newRow("gray 16") << PngBuilder::build(2, 2, 16, 0, rows(2, bytes({0x64, 0x00, 0xFF, 0xFF}))) << QList<int>{100, 255};
        QTest::newRow("gray 1 bit") << PngBuilder::build(8, 1, 1, 0, rows(1, bytes({0x96}))) << QList<int>{255, 0, 0, 255, 0, 255, 255, 0};
        QTest::newRow("gray 4 bit") << PngBuilder::build(2, 1, 4, 0, rows(1, bytes({0x0F}))) << QList<int>{0, 255};
        QTest::newRow("RGB 8") << PngBuilder::build(4, 3, 8, 2, rows(3, bytes({255, 0, 0, 0, 255, 0, 0, 0, 255, 77, 77, 77})))
                               << QList<int>{lum(255, 0, 0), lum(0, 255, 0), lum(0, 0, 255), 77};
        QTest::newRow("RGB 16") << PngBuilder::build(1, 1, 16, 2, rows(1, bytes({0xC8, 0, 0xC8, 0, 0xC8, 0}))) << QList<int>{200};
        QTest::newRow("palette") << PngBuilder::build(3, 1, 8, 3, rows(1, bytes({0, 1, 2})), bytes({10, 10, 10, 0, 255, 0, 250, 250, 250}))
                                 << QList<int>{10, lum(0, 255, 0), 250};
        QTest::newRow("palette + tRNS") << PngBuilder::build(2, 1, 8, 3, rows(1, bytes({0, 1})), bytes({0, 0, 0, 0, 0, 0}), bytes({0, 255}))
                                        << QList<int>{255, 0};
        QTest::newRow("gray + alpha") << PngBuilder::build(3, 1, 8, 4, rows(1, bytes({0, 255, 0, 0, 0, 128})))
                                      << QList<int>{0, 255, 127};
        QTest::newRow("RGBA") << PngBuilder::build(2, 1, 8, 6, rows(1, bytes({100, 100, 100, 255, 0, 0, 0, 0}))) << QList<int>{100, 255};
    }
    void convertsToGray()
    {
        QFETCH(QByteArray, png);
        QFETCH(QList<int>, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath("colour.png");
        writeFile(path, png);
        const GrayImage image = readPng(path.toStdString());
        QCOMPARE(image.width * image.height % static_cast<int>(expected.size()), 0);
        for (int y = 0; y < image.height; ++y) {
            for (int x = 0; x < image.width; ++x) {
                const int want = expected[(y * image.width + x) % expected.size()];
                QVERIFY2(std::abs(image.at(x, y) - want) <= 1, qPrintable(QString("(%1,%2) = %3, expected %4").arg(x).arg(y).arg(static_cast<int>(image.at(x, y))).arg(want)));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestPngIo)
#include "test_png_io.moc"
