#pragma once
// Reading back the images the program writes, for tests of the window's exports and of
// downhill-cli render: the PNG signature, and every frame of an animated GIF.
#include <QByteArray>
#include <QImage>
#include <QImageReader>
#include <QString>
#include <QVector>

namespace downhill::test {

inline const QByteArray kPngSignature("\x89PNG\r\n\x1a\n", 8);

// Every frame as RGB32, in order; empty if any frame fails to decode.
inline QVector<QImage> decodeAll(const QString& path)
{
    // Qt's GIF reader cannot jump: frames are read in order.
    QImageReader reader(path);
    QVector<QImage> frames;
    const int count = reader.imageCount();
    for (int k = 0; k < count; ++k) {
        QImage image;
        if (!reader.read(&image))
            return {};
        frames.push_back(image.convertToFormat(QImage::Format_RGB32));
    }
    return frames;
}

}  // namespace downhill::test
