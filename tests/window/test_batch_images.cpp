// The batch strip with augmentation on shows the images the model saw: each tile equals the
// original image mirrored and shifted by hand with the trainer's own draw for (seed, epoch, row),
// and its feature is the x the model trained on. With augmentation off, the originals, unmarked.
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

#include "window/shell/appearance.h"
#include "core/data/augmentation.h"
#include "window/run/batch_strip.h"
#include "tests/common/controller_sync.h"
#include "core/data/feature_extractor.h"
#include "window/shell/main_window.h"
#include "core/base/rng.h"
#include "session/run/training_controller.h"
#include "tests/common/window_harness.h"

using namespace downhill;
using downhill::test::openWindow;
using downhill::test::WaitFor;
using downhill::ui::toVec;
using downhill::test::syncWith;
using downhill::ui::AppSettings;
using downhill::ui::MainWindow;

namespace {

}  // namespace

class TestBatchImages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void stripShowsTheAugmentedImages();
};

void TestBatchImages::initTestCase()
{
    ui::applyAppearance(*qobject_cast<QApplication*>(QCoreApplication::instance()));
}

void TestBatchImages::stripShowsTheAugmentedImages()
{
    AppSettings s;
    s.train.batchSize = 12;
    s.train.seed = 77;
    s.train.augmentation.flip = true;
    s.train.augmentation.brightness = true;
    auto w = openWindow(s, WaitFor::Exposed);
    QVERIFY(w && syncWith(w->controller()));
    // Into the second epoch, so that the epoch is part of what is checked.
    const std::int64_t perEpoch = (w->problem().trainSize() + 11) / 12;
    for (std::int64_t k = 0; k <= perEpoch; ++k)
        w->controller()->stepOnce();
    QVERIFY(syncWith(w->controller()));
    auto* strip = w->findChild<ui::BatchStrip*>(QStringLiteral("batchStrip"));
    QCOMPARE(strip->itemCount(), 12);
    QCOMPARE(strip->augmentedCount(), 12);

    // The same run on our own trainer tells which rows the last batch had and what x it saw.
    auto trainer = w->problem().makeTrainer(w->settings().train, toVec(w->settings().start));
    for (std::int64_t k = 0; k <= perEpoch; ++k)
        QVERIFY(trainer->step());
    QCOMPARE(trainer->state().step, w->controller()->state().step);
    const std::int64_t epoch = 1;
    const auto& rows = trainer->lastBatchRows();
    const auto& images = w->problem().data()->trainImages;
    int flipped = 0;
    for (int i = 0; i < 12; ++i) {
        const int row = rows[static_cast<std::size_t>(i)];
        const core::GrayImage& original = images[static_cast<std::size_t>(row)];
        // By hand: the trainer's per-sample seed, the draw, then mirror and offset.
        const std::uint64_t seed = core::mix64(core::deriveSeed(77, 0xa0a0, epoch) ^ static_cast<std::uint64_t>(row));
        const core::AugmentationDraw draw = core::drawAugmentation(s.train.augmentation, seed);
        flipped += draw.flipped ? 1 : 0;
        const QImage shown = strip->items()[i].image;
        QCOMPARE(shown.width(), original.width);
        bool same = true;
        for (int y = 0; y < original.height && same; ++y) {
            for (int x = 0; x < original.width && same; ++x) {
                const int sx = draw.flipped ? original.width - 1 - x : x;
                const double v = std::clamp(std::floor(original.at(sx, y) + draw.offset + 0.5), 0.0, 255.0);
                same = qGray(shown.pixel(x, y)) == static_cast<int>(v);
            }
        }
        QVERIFY2(same, qPrintable(QStringLiteral("strip image %1 (row %2) differs from the augmentation by hand").arg(i).arg(row)));
        QVERIFY(strip->items()[i].augmentation.contains(draw.flipped ? QStringLiteral("flipped") : QStringLiteral("not flipped")));
        // The feature of the image shown is the x the model trained on.
        core::GrayImage seen(shown.width(), shown.height());
        for (int y = 0; y < shown.height(); ++y)
            for (int x = 0; x < shown.width(); ++x)
                seen.at(x, y) = static_cast<std::uint8_t>(qGray(shown.pixel(x, y)));
        QCOMPARE(core::extractFeature(seen), trainer->lastBatch().x[i]);
    }
    QVERIFY(flipped > 0 && flipped < 12);   // both kinds were checked

    // Augmentation off: the originals, unmarked.
    AppSettings plain = w->settings();
    plain.train.augmentation = core::AugmentationSettings();
    w->applySettings(plain);
    w->controller()->stepOnce();
    QVERIFY(syncWith(w->controller()));
    QCOMPARE(strip->augmentedCount(), 0);
    QVERIFY(strip->itemCount() > 0);
}

QTEST_MAIN(TestBatchImages)
#include "test_batch_images.moc"
