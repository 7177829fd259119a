// DotCurve stamps its dots from a pixmap instead of drawing each one: each stamped dot must
// have the ink and the place of the dot QCustomPlot draws (at device pixel ratio 1 and 2), the
// stamp must be drawn once per look, and where stamping would resample (a scaled export) the
// dots must be QCustomPlot's own, pixel for pixel.
#include <QImage>
#include <QPainter>
#include <QTest>
#include <cmath>
#include <memory>
#include <vector>

#include "plots/landscape/dot_curve.h"

using downhill::ui::DotCurve;

namespace {

constexpr int kSide = 240;

struct Scene {
    std::unique_ptr<QCustomPlot> plot = std::make_unique<QCustomPlot>();
    QCPCurve* curve = nullptr;
};

// Dots alone on white: no axes, no margins, no line; 36 dots apart from each other at
// positions off the pixel grid.
Scene scene(bool stamped, const QColor& color)
{
    Scene s;
    QCustomPlot& plot = *s.plot;
    plot.resize(kSide, kSide);
    plot.axisRect()->setAutoMargins(QCP::msNone);
    plot.axisRect()->setMargins(QMargins(0, 0, 0, 0));
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis}) {
        axis->setVisible(false);
        axis->grid()->setVisible(false);
        axis->setRange(0, 6);
    }
    s.curve = stamped ? new DotCurve(plot.xAxis, plot.yAxis) : new QCPCurve(plot.xAxis, plot.yAxis);
    s.curve->setPen(QPen(color, 1));
    s.curve->setLineStyle(QCPCurve::lsNone);
    s.curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 4));
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 6; ++j)
            s.curve->addData(0.5 + i + 0.037 * j, 0.5 + j + 0.041 * i + 0.013 * j);
    return s;
}

QImage render(Scene& s, double scale = 1.0)
{
    return s.plot->toPixmap(kSide, kSide, scale).toImage().convertToFormat(QImage::Format_ARGB32);
}

// Drawn at a device pixel ratio, as a window on a high-density screen draws.
QImage renderAtRatio(Scene& s, double dpr)
{
    QPixmap pixmap(static_cast<int>(kSide * dpr), static_cast<int>(kSide * dpr));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::white);
    QCPPainter painter(&pixmap);
    s.plot->toPainter(&painter, kSide, kSide);
    painter.end();
    return pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
}

double ink(QRgb c)
{
    return 3 * 255.0 - qRed(c) - qGreen(c) - qBlue(c);
}

struct Blob {
    double ink = 0, x = 0, y = 0;
};

// The ink of each dot and its centroid, in windows found on the reference image.
std::vector<Blob> blobs(const QImage& image, const QImage& reference)
{
    std::vector<Blob> out;
    std::vector<bool> seen(static_cast<std::size_t>(reference.width() * reference.height()), false);
    const int margin = reference.width() / kSide * 3;
    for (int y = 0; y < reference.height(); ++y) {
        for (int x = 0; x < reference.width(); ++x) {
            if (seen[static_cast<std::size_t>(y * reference.width() + x)] || ink(reference.pixel(x, y)) < 1)
                continue;
            // The dot's box: grow from this pixel while ink continues (dots are far apart).
            int x0 = x, x1 = x, y0 = y, y1 = y;
            for (bool grew = true; grew;) {
                grew = false;
                for (int yy = std::max(0, y0 - 1); yy <= std::min(reference.height() - 1, y1 + 1); ++yy)
                    for (int xx = std::max(0, x0 - 1); xx <= std::min(reference.width() - 1, x1 + 1); ++xx)
                        if ((xx < x0 || xx > x1 || yy < y0 || yy > y1) && ink(reference.pixel(xx, yy)) >= 1) {
                            x0 = std::min(x0, xx), x1 = std::max(x1, xx), y0 = std::min(y0, yy), y1 = std::max(y1, yy);
                            grew = true;
                        }
            }
            Blob b;
            for (int yy = std::max(0, y0 - margin); yy <= std::min(reference.height() - 1, y1 + margin); ++yy)
                for (int xx = std::max(0, x0 - margin); xx <= std::min(reference.width() - 1, x1 + margin); ++xx) {
                    seen[static_cast<std::size_t>(yy * reference.width() + xx)] = true;
                    const double v = ink(image.pixel(xx, yy));
                    b.ink += v;
                    b.x += v * (xx + 0.5);
                    b.y += v * (yy + 0.5);
                }
            if (b.ink > 0) {
                b.x /= b.ink;
                b.y /= b.ink;
            }
            out.push_back(b);
        }
    }
    return out;
}

// Every stamped dot within half a device pixel of QCustomPlot's and with the same ink, +-12 %.
void compareDots(const QImage& drawn, const QImage& stamped)
{
    const std::vector<Blob> want = blobs(drawn, drawn), got = blobs(stamped, drawn);
    QCOMPARE(want.size(), std::size_t{36});
    QCOMPARE(got.size(), want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
        const QString where = QStringLiteral("dot %1 at (%2, %3): ").arg(k).arg(want[k].x).arg(want[k].y);
        QVERIFY2(std::abs(got[k].x - want[k].x) <= 0.5 && std::abs(got[k].y - want[k].y) <= 0.5,
            qPrintable(where + QStringLiteral("stamped at (%1, %2)").arg(got[k].x).arg(got[k].y)));
        QVERIFY2(std::abs(got[k].ink / want[k].ink - 1.0) <= 0.12,
            qPrintable(where + QStringLiteral("ink %1 against %2").arg(got[k].ink).arg(want[k].ink)));
    }
}

}  // namespace

class TestDotCurve : public QObject {
    Q_OBJECT

private slots:
    void stampedDotsLookLikeDrawnOnes_data()
    {
        QTest::addColumn<QColor>("color");
        QTest::addColumn<double>("dpr");
        QTest::newRow("opaque") << QColor(200, 40, 30) << 1.0;
        QTest::newRow("translucent") << QColor(30, 60, 200, 90) << 1.0;
        QTest::newRow("opaque, ratio 2") << QColor(200, 40, 30) << 2.0;
        QTest::newRow("translucent, ratio 2") << QColor(30, 60, 200, 90) << 2.0;
    }
    void stampedDotsLookLikeDrawnOnes()
    {
        QFETCH(QColor, color);
        QFETCH(double, dpr);
        Scene drawn = scene(false, color), stamped = scene(true, color);
        const QImage a = dpr == 1.0 ? render(drawn) : renderAtRatio(drawn, dpr);
        const QImage b = dpr == 1.0 ? render(stamped) : renderAtRatio(stamped, dpr);
        QCOMPARE(a.size(), QSize(kSide, kSide) * dpr);
        compareDots(a, b);
        QCOMPARE(static_cast<DotCurve*>(stamped.curve)->stampsDrawn(), 1);
    }

    // One stamp per look: drawing again reuses it, a new colour or size draws a new one.
    void theStampIsDrawnOncePerLook()
    {
        Scene s = scene(true, Qt::red);
        auto* curve = static_cast<DotCurve*>(s.curve);
        render(s);
        render(s);
        QCOMPARE(curve->stampsDrawn(), 1);
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::blue, 4));
        render(s);
        QCOMPARE(curve->stampsDrawn(), 2);
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::blue, 6));
        render(s);
        render(s);
        QCOMPARE(curve->stampsDrawn(), 3);
    }

    // A scaled export would resample the stamp: QCustomPlot draws the dots itself, exactly.
    void scaledExportsDrawTheRealDots()
    {
        Scene drawn = scene(false, QColor(30, 60, 200, 90)), stamped = scene(true, QColor(30, 60, 200, 90));
        const QImage a = render(drawn, 2.0), b = render(stamped, 2.0);
        QCOMPARE(a.size(), QSize(2 * kSide, 2 * kSide));
        QVERIFY(a == b);
        QCOMPARE(static_cast<DotCurve*>(stamped.curve)->stampsDrawn(), 0);
    }
};

QTEST_MAIN(TestDotCurve)
#include "test_dot_curve.moc"
