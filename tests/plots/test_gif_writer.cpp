// GifWriter: a well-formed GIF89a (header, screen size, one image per frame, loop extension,
// delays, trailer) that Qt's own GIF reader decodes back to the frames; the PNG fallback.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <cstdint>
#include <random>

#include "plots/frame_folder.h"
#include "plots/gif_writer.h"

using downhill::ui::writeFrames;
using downhill::ui::writeGif;

namespace {

// What a walk through the GIF's blocks finds.
struct GifLayout {
    bool valid = false;
    int width = 0, height = 0;
    int imageCount = 0;
    bool loops = false;
    QVector<int> delays;
    bool endsWithTrailer = false;
};

int shortAt(const QByteArray& d, qsizetype at)
{
    return static_cast<std::uint8_t>(d[at]) | (static_cast<std::uint8_t>(d[at + 1]) << 8);
}

// Follows the block structure (so bytes that happen to be 0x2c inside image data are not
// counted as image descriptors).
GifLayout parse(const QByteArray& d)
{
    GifLayout g;
    if (d.size() < 13 || !d.startsWith("GIF89a"))
        return g;
    g.width = shortAt(d, 6);
    g.height = shortAt(d, 8);
    const auto packed = static_cast<std::uint8_t>(d[10]);
    qsizetype at = 13;
    if (packed & 0x80)
        at += 3 * (1 << ((packed & 7) + 1));
    auto skipSubBlocks = [&] {
        while (at < d.size()) {
            const int n = static_cast<std::uint8_t>(d[at++]);
            if (n == 0)
                return true;
            at += n;
        }
        return false;
    };
    while (at < d.size()) {
        const auto tag = static_cast<std::uint8_t>(d[at++]);
        if (tag == 0x3b) {
            g.endsWithTrailer = at == d.size();
            g.valid = true;
            return g;
        }
        if (tag == 0x21) {
            const auto label = static_cast<std::uint8_t>(d[at++]);
            if (label == 0xff && d.mid(at + 1, 11) == "NETSCAPE2.0")
                g.loops = true;
            if (label == 0xf9)
                g.delays.push_back(shortAt(d, at + 2));
            if (!skipSubBlocks())
                return g;
        } else if (tag == 0x2c) {
            ++g.imageCount;
            const auto imagePacked = static_cast<std::uint8_t>(d[at + 8]);
            at += 9;
            if (imagePacked & 0x80)
                at += 3 * (1 << ((imagePacked & 7) + 1));
            ++at;  // LZW minimum code size
            if (!skipSubBlocks())
                return g;
        } else {
            return g;
        }
    }
    return g;
}

// A few flat colours with a square that moves: at most 256 colours, so the GIF is exact.
QVector<QImage> flatFrames(int count, QSize size)
{
    QVector<QImage> frames;
    for (int k = 0; k < count; ++k) {
        QImage image(size, QImage::Format_RGB32);
        image.fill(QColor(0xfa, 0xfa, 0xf7));
        QPainter p(&image);
        p.fillRect(QRect(4 + 6 * k, 5 + 3 * k, 14, 10), QColor(0xff, 0x30, 0x5a));
        p.fillRect(QRect(0, size.height() - 6, size.width(), 6), QColor(0x00, 0x72, 0xb2));
        p.end();
        frames.push_back(image);
    }
    return frames;
}

QVector<QImage> decode(const QString& path)
{
    QImageReader reader(path);
    QVector<QImage> frames;
    for (QImage image = reader.read(); !image.isNull(); image = reader.read()) {
        frames.push_back(image.convertToFormat(QImage::Format_RGB32));
        if (!reader.canRead())
            break;
    }
    return frames;
}

// Largest per-channel difference and the mean absolute difference over all channels.
std::pair<int, double> difference(const QImage& a, const QImage& b)
{
    int worst = 0;
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            for (const int d : {qRed(p) - qRed(q), qGreen(p) - qGreen(q), qBlue(p) - qBlue(q)}) {
                worst = std::max(worst, std::abs(d));
                sum += std::abs(d);
            }
        }
    }
    return {worst, sum / (3.0 * a.width() * a.height())};
}

bool gifReadable()
{
    return QImageReader::supportedImageFormats().contains("gif");
}

}  // namespace

class TestGifWriter : public QObject {
    Q_OBJECT

private slots:
    void structureIsWellFormed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.gif"));
        const auto frames = flatFrames(5, QSize(97, 61));
        QString error;
        QVERIFY2(writeGif(path, frames, 7, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        QVERIFY(data.startsWith("GIF89a"));
        const GifLayout g = parse(data);
        QVERIFY(g.valid);
        QCOMPARE(g.width, 97);
        QCOMPARE(g.height, 61);
        QCOMPARE(g.imageCount, 5);
        QVERIFY(g.loops);
        QCOMPARE(g.delays, QVector<int>(5, 7));
        QVERIFY(g.endsWithTrailer);
        QCOMPARE(static_cast<std::uint8_t>(data.back()), std::uint8_t{0x3b});
        // Nothing left behind but the GIF itself.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("run.gif")});
    }

    void fewColoursRoundTripExactly()
    {
        if (!gifReadable())
            QSKIP("Qt's gif image plugin is not installed");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("flat.gif"));
        const auto frames = flatFrames(6, QSize(80, 50));
        QVERIFY(writeGif(path, frames, 10, nullptr));
        const auto decoded = decode(path);
        QCOMPARE(decoded.size(), frames.size());
        for (qsizetype k = 0; k < frames.size(); ++k) {
            QCOMPARE(decoded[k].size(), frames[k].size());
            QCOMPARE(difference(decoded[k], frames[k]).first, 0);
        }
    }

    // 256 colours in random order: the LZW dictionary fills up many times (clear codes, every
    // code width from 9 to 12 bits), and the decoded pixels must still be exact.
    void noisyFrameExercisesEveryCodeWidth()
    {
        if (!gifReadable())
            QSKIP("Qt's gif image plugin is not installed");
        std::mt19937 rng(5);
        std::uniform_int_distribution<int> pick(0, 255);
        QImage image(211, 173, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const int v = pick(rng);
                image.setPixel(x, y, qRgb(v, 255 - v, (v * 7) % 256));
            }
        QImage second = image;
        // A one-pixel change to another of the same 256 colours: only a 1x1 rectangle is stored.
        int from = 0;
        while (image.pixel(from, 0) == image.pixel(100, 90))
            ++from;
        second.setPixel(100, 90, image.pixel(from, 0));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("noise.gif"));
        QVERIFY(writeGif(path, {image, second}, 4, nullptr));
        const auto decoded = decode(path);
        QCOMPARE(decoded.size(), 2);
        QCOMPARE(difference(decoded[0], image).first, 0);
        QCOMPARE(difference(decoded[1], second).first, 0);
    }

    // Code streams that end before, across and after the code-width changes (512, 1024, 2048
    // codes) and the dictionary reset at 4096.
    void streamLengthsAcrossCodeWidths()
    {
        if (!gifReadable())
            QSKIP("Qt's gif image plugin is not installed");
        std::mt19937 rng(9);
        std::uniform_int_distribution<int> pick(0, 255);
        QImage line(4400, 1, QImage::Format_RGB32);
        for (int x = 0; x < line.width(); ++x)
            line.setPixel(x, 0, qRgb(pick(rng), 0, 0));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("line.gif"));
        for (const int n : {1, 2, 255, 256, 257, 300, 700, 1500, 3000, 4400}) {
            const QImage image = line.copy(0, 0, n, 1);
            QVERIFY(writeGif(path, {image}, 1, nullptr));
            const auto decoded = decode(path);
            QCOMPARE(decoded.size(), 1);
            QVERIFY2(difference(decoded[0], image).first == 0, qPrintable(QStringLiteral("width %1").arg(n)));
        }
    }

    // A smooth gradient has thousands of colours: median cut keeps every pixel close.
    void manyColoursStayWithinTheQuantisationTolerance()
    {
        if (!gifReadable())
            QSKIP("Qt's gif image plugin is not installed");
        QVector<QImage> frames;
        for (int k = 0; k < 3; ++k) {
            QImage image(160, 120, QImage::Format_ARGB32_Premultiplied);
            QPainter p(&image);
            QLinearGradient gradient(0, 0, 160, 120);
            gradient.setColorAt(0, QColor(0x44, 0x01, 0x54));
            gradient.setColorAt(0.5, QColor(0x21, 0x91, 0x8c));
            gradient.setColorAt(1, QColor(0xfd, 0xe7, 0x25));
            p.fillRect(image.rect(), gradient);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(QColor(0xff, 0x30, 0x5a), 2));
            p.drawLine(QPointF(10, 10), QPointF(40 + 40 * k, 100));
            p.end();
            frames.push_back(image);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gradient.gif"));
        QVERIFY(writeGif(path, frames, 5, nullptr));
        const auto decoded = decode(path);
        QCOMPARE(decoded.size(), frames.size());
        for (qsizetype k = 0; k < frames.size(); ++k) {
            const auto [worst, mean] = difference(decoded[k], frames[k].convertToFormat(QImage::Format_RGB32));
            QVERIFY2(worst <= 40 && mean < 4.0, qPrintable(QStringLiteral("frame %1: worst %2, mean %3").arg(k).arg(worst).arg(mean)));
            // The thin red line keeps its hue (a colour of its own in the palette).
            const QRgb red = decoded[k].pixel(10, 10);
            QVERIFY2(qRed(red) > 200 && qGreen(red) < 110, qPrintable(QString::number(red, 16)));
        }
    }

    void framesOfAnotherSizeAreScaled()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mixed.gif"));
        QVector<QImage> frames = flatFrames(2, QSize(40, 30));
        frames.push_back(flatFrames(1, QSize(80, 60)).front());
        QVERIFY(writeGif(path, frames, 10, nullptr));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const GifLayout g = parse(file.readAll());
        QCOMPARE(g.width, 40);
        QCOMPARE(g.height, 30);
        QCOMPARE(g.imageCount, 3);
    }

    void failuresLeaveNoFile()
    {
        QTemporaryDir dir;
        QString error;
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/run.gif"));
        QVERIFY(!writeGif(missing, flatFrames(2, QSize(10, 10)), 10, &error));
        QVERIFY(error.contains(QStringLiteral("folder")));
        QVERIFY(!QFile::exists(missing));
        error.clear();
        const QString empty = dir.filePath(QStringLiteral("empty.gif"));
        QVERIFY(!writeGif(empty, {}, 10, &error));
        QVERIFY(error.contains(QStringLiteral("no frames")));
        QVERIFY(!QFile::exists(empty));
    }

    void pngFramesFallback()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("frames/run1"));
        const auto frames = flatFrames(3, QSize(32, 24));
        QString error;
        QVERIFY2(writeFrames(target, frames, &error), qPrintable(error));
        const QStringList names = QDir(target).entryList(QDir::Files, QDir::Name);
        QCOMPARE(names, (QStringList{QStringLiteral("frame_0000.png"), QStringLiteral("frame_0001.png"), QStringLiteral("frame_0002.png")}));
        for (int k = 0; k < 3; ++k) {
            const QImage back(QDir(target).filePath(names[k]));
            QCOMPARE(back.convertToFormat(QImage::Format_RGB32), frames[k]);
        }
        QVERIFY(!writeFrames(target, {}, &error));
    }
};

QTEST_MAIN(TestGifWriter)
#include "test_gif_writer.moc"
