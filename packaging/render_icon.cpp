// Renders the application icon's SVG to a square PNG of a given size, at build time, for the
// hicolor theme's fixed-size directories (packaging/CMakeLists.txt). Qt's own SVG renderer, so
// the PNGs are the same picture the window shows; no display is needed (QImage, not a window).
//   downhill_render_icon IN.svg OUT.png SIZE
#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s IN.svg OUT.png SIZE\n", argv[0]);
        return 2;
    }
    const int size = std::atoi(argv[3]);
    if (size < 1 || size > 1024) {
        std::fprintf(stderr, "%s: SIZE must be 1 to 1024 pixels, not '%s'\n", argv[0], argv[3]);
        return 2;
    }
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid()) {
        std::fprintf(stderr, "%s: %s is not an SVG Qt can draw\n", argv[0], argv[1]);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    svg.render(&painter);
    painter.end();
    // The file is written whole or not at all: a temporary name, renamed by the build rule.
    if (!image.save(QString::fromLocal8Bit(argv[2]), "PNG")) {
        std::fprintf(stderr, "%s: cannot write %s\n", argv[0], argv[2]);
        return 1;
    }
    return 0;
}
