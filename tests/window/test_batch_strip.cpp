// BatchStrip, the strip of the batch's images under the loss plot: labels, colours, crisp
// upscaling, and how many tiles fit.
#include <QApplication>
#include <QImage>
#include <QTest>
#include <limits>

#include "plots/palette.h"
#include "window/run/batch_strip.h"

using downhill::ui::BatchStrip;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

class TestBatchStrip : public QObject {
    Q_OBJECT

private slots:
    void batchStripLabelsAndColours()
    {
        QCOMPARE(BatchStrip::labelFor({QImage(), 3, 2.7}), QStringLiteral("true 3 · pred 2.7"));
        QCOMPARE(BatchStrip::labelFor({QImage(), 0, -0.04}), QStringLiteral("true 0 · pred -0.0"));
        // A diverging run's predictions, short enough for a tile.
        QCOMPARE(BatchStrip::labelFor({QImage(), 2, -4.9181e116}), QStringLiteral("true 2 · pred -4.92e+116"));
        QCOMPARE(BatchStrip::labelFor({QImage(), 2, 12345.6}), QStringLiteral("true 2 · pred 1.23e+04"));
        QCOMPARE(BatchStrip::colorFor({QImage(), 3, 3.2}), downhill::ui::palette::good());
        QCOMPARE(BatchStrip::colorFor({QImage(), 3, 4.0}), downhill::ui::palette::fair());
        QCOMPARE(BatchStrip::colorFor({QImage(), 3, 6.0}), downhill::ui::palette::bad());
        QCOMPARE(BatchStrip::colorFor({QImage(), 3, kNaN}), downhill::ui::palette::bad());
    }

    void batchStripShowsWhatFitsAndCountsTheRest()
    {
        // A 28x28 checkerboard: after nearest-neighbour upscaling every screen pixel is pure
        // black or pure white, never a smoothed grey.
        QImage checker(28, 28, QImage::Format_Grayscale8);
        for (int y = 0; y < 28; ++y)
            for (int x = 0; x < 28; ++x)
                checker.setPixel(x, y, ((x + y) % 2) ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
        QVector<BatchStrip::Item> items;
        for (int k = 0; k < 40; ++k)
            items.push_back({checker, static_cast<double>(k % 5), k % 5 + 0.3});
        BatchStrip strip;
        strip.resize(strip.sizeHint());
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        strip.setItems(items);
        QCOMPARE(strip.shownCount(), BatchStrip::kMaxShown);
        QCOMPARE(strip.hiddenCount(), 40 - BatchStrip::kMaxShown);
        const QImage shot = strip.grab().toImage().convertToFormat(QImage::Format_RGB32);
        // Inside the first tile (6 px margin, tile centred in its cell): only black and white.
        int checked = 0;
        for (int y = 12; y < 50; ++y) {
            for (int x = 0; x < shot.width() && x < 120; ++x) {
                const QRgb c = shot.pixel(x, y);
                if (qRed(c) == qGreen(c) && qGreen(c) == qBlue(c) && (qRed(c) == 0 || qRed(c) == 255))
                    ++checked;
            }
        }
        QVERIFY(checked > 56 * 30);  // most of a tile's rows are crisp two-tone pixels
        // Narrow: fewer tiles, the rest counted; labels go to two lines so that more fit.
        strip.resize(600, strip.height());
        QVERIFY(strip.shownCount() < BatchStrip::kMaxShown);
        QVERIFY(strip.shownCount() >= 7);  // 56 px tiles, not 100 px one-line labels
        QCOMPARE(strip.shownCount() + strip.hiddenCount(), 40);
        strip.resize(strip.minimumSizeHint().width(), strip.height());
        QVERIFY(strip.shownCount() >= 1);
        QCOMPARE(strip.shownCount() + strip.hiddenCount(), 40);
        // A diverging run's batch still shows its images.
        QVector<BatchStrip::Item> wild = items;
        for (auto& item : wild)
            item.prediction = -4.9181076661315635e116;
        strip.resize(strip.sizeHint());
        strip.setItems(wild);
        QVERIFY2(strip.shownCount() >= 8, qPrintable(QString::number(strip.shownCount())));
        // Small batches show whole.
        strip.resize(strip.sizeHint());
        strip.setItems(items.mid(0, 5));
        QCOMPARE(strip.shownCount(), 5);
        QCOMPARE(strip.hiddenCount(), 0);
    }

    // The strip measures its labels once per items, width and font: after new items, another
    // width or another font it lays out exactly as a strip made afresh for them.
    void layoutFollowsItemsWidthAndFont()
    {
        QVector<BatchStrip::Item> narrow, wide;
        for (int k = 0; k < 20; ++k) {
            narrow.push_back({QImage(), 1, 1.0});
            wide.push_back({QImage(), 2, -4.9181e116 * (k + 1)});
        }
        const auto sameAsFresh = [](const BatchStrip& strip) {
            BatchStrip fresh;
            fresh.resize(strip.size());
            fresh.setItems(strip.items());
            if (fresh.shownCount() != strip.shownCount())
                return false;
            for (int k = 0; k < strip.shownCount(); ++k)
                if (fresh.tileRectAt(k) != strip.tileRectAt(k))
                    return false;
            return true;
        };
        BatchStrip strip;
        strip.resize(900, 120);
        strip.setItems(narrow);
        const int narrowShown = strip.shownCount();
        QVERIFY(sameAsFresh(strip));
        strip.setItems(wide);
        QVERIFY(strip.shownCount() < narrowShown);   // wider labels: fewer tiles
        QVERIFY(sameAsFresh(strip));
        strip.resize(400, 120);
        QVERIFY(sameAsFresh(strip));
        strip.setItems(narrow);
        QVERIFY(sameAsFresh(strip));
        QFont big = QApplication::font();
        big.setPointSizeF(2 * big.pointSizeF());
        const QFont before = QApplication::font();
        QApplication::setFont(big);   // the labels' font follows the application's
        strip.setItems(wide);
        QVERIFY(sameAsFresh(strip));
        QApplication::setFont(before);
    }

    // In the window's right column at 1280 x 800 (about 270 px) one row held two tiles and
    // "+38 more": the strip wraps to two rows there, tiles and labels at their full size, and
    // grows its height for the second row.
    void narrowStripWrapsToTwoRows()
    {
        QImage image(48, 48, QImage::Format_Grayscale8);
        image.fill(128);
        QVector<BatchStrip::Item> items;
        for (int k = 0; k < 40; ++k)
            items.push_back({image, static_cast<double>(k % 5), k % 5 + 0.3});
        BatchStrip strip;
        strip.setItems(items);
        strip.resize(270, strip.sizeHint().height());
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        const int oneRowHeight = strip.minimumSizeHint().height();
        strip.resize(270, strip.sizeHint().height());
        QVERIFY2(strip.shownCount() >= 6, qPrintable(QString::number(strip.shownCount())));
        QCOMPARE(strip.shownCount() + strip.hiddenCount(), 40);
        QVERIFY(strip.sizeHint().height() > oneRowHeight);
        QVERIFY(strip.sizeHint().height() <= 2 * oneRowHeight);
        for (int k = 0; k < strip.shownCount(); ++k) {
            const QRect tile = strip.tileRectAt(k);
            QCOMPARE(tile.width(), BatchStrip::kTile);   // not shrunk
            // Its two label lines below it, inside the strip.
            QVERIFY2(strip.rect().contains(tile.adjusted(0, 0, 0, 2 * QFontMetrics(strip.font()).height())),
                qPrintable(QStringLiteral("tile %1").arg(k)));
            for (int j = 0; j < k; ++j)
                QVERIFY(!strip.tileRectAt(j).intersects(tile));
        }
        // Wide again: one row, as before.
        strip.resize(strip.sizeHint().width(), strip.height());
        QCOMPARE(strip.shownCount(), BatchStrip::kMaxShown);
        QCOMPARE(strip.sizeHint().height(), oneRowHeight);
    }
};

QTEST_MAIN(TestBatchStrip)
#include "test_batch_strip.moc"
