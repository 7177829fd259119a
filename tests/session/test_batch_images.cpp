// BatchImages on its own (the window's strip is tests/window/test_batch_images): the image it
// redraws for (seed, epoch, row) is core's augmentation of that row for the same seed, and its
// feature is the x the trainer trained on in that batch; the words describe that same draw;
// with augmentation off, the original and no words.
#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <set>

#include "core/data/augmentation.h"
#include "core/data/feature_extractor.h"
#include "session/problem/batch_images.h"
#include "session/problem/problem.h"

using namespace downhill;
using downhill::ui::AppSettings;
using downhill::ui::BatchImages;

namespace {

// A small built-in people set: images behind every training row.
AppSettings smallPeopleSet()
{
    AppSettings s;
    s.data.count = 120;
    s.data.seed = 4;
    s.train.seed = 31;
    s.train.batchSize = 10;
    return s;
}

core::AugmentationSettings augmentation(bool flip, bool brightness, bool noise, double noiseSigma = 10.0)
{
    core::AugmentationSettings a;
    a.flip = flip;
    a.brightness = brightness;
    a.noise = noise;
    a.noiseSigma = noiseSigma;
    return a;
}

void addAugmentationRows()
{
    QTest::addColumn<bool>("flip");
    QTest::addColumn<bool>("brightness");
    QTest::addColumn<bool>("noise");
    QTest::addColumn<double>("sigma");
    QTest::newRow("flip") << true << false << false << 10.0;
    QTest::newRow("brightness") << false << true << false << 10.0;
    QTest::newRow("noise") << false << false << true << 10.0;
    QTest::newRow("all three") << true << true << true << 3.5;
}

}  // namespace

class TestBatchImages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void seenIsWhatTheTrainerTrainedOn_data() { addAugmentationRows(); }
    void seenIsWhatTheTrainerTrainedOn();
    void descriptionMatchesTheDraw_data() { addAugmentationRows(); }
    void descriptionMatchesTheDraw();
    void withoutAugmentationTheOriginalUnmarked();

private:
    ui::Problem problem_;
};

void TestBatchImages::initTestCase()
{
    problem_ = ui::Problem::build(smallPeopleSet());
    QVERIFY(problem_.showsImages());
    QVERIFY(problem_.data()->trainImages.size() > 50);
}

void TestBatchImages::seenIsWhatTheTrainerTrainedOn()
{
    QFETCH(bool, flip);
    QFETCH(bool, brightness);
    QFETCH(bool, noise);
    QFETCH(double, sigma);
    AppSettings s = smallPeopleSet();
    s.train.augmentation = augmentation(flip, brightness, noise, sigma);
    const core::TrainSettings settings = s.train;
    const core::TrainData& data = *problem_.data();
    auto trainer = problem_.makeTrainer(settings, problem_.objective()->defaultInit());
    // Over two epochs, so that the epoch is part of what is checked.
    const std::int64_t steps = 2 * trainer->batchesPerEpoch();
    int changed = 0;
    for (std::int64_t k = 0; k < steps; ++k) {
        core::StepRecord record;
        QVERIFY(trainer->step(&record));
        const auto& rows = trainer->lastBatchRows();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const int row = rows[i];
            const core::GrayImage seen = BatchImages::seen(data, settings, record.epoch, row);
            const core::GrayImage& original = data.trainImages[static_cast<std::size_t>(row)];
            QCOMPARE(seen, core::augment(original, settings.augmentation, core::sampleAugmentationSeed(settings.seed, record.epoch, row)));
            QCOMPARE(core::extractFeature(seen), trainer->lastBatch().x[static_cast<Eigen::Index>(i)]);
            changed += seen == original ? 0 : 1;
        }
    }
    // Most draws change the image (a flip does about half the time): the check above compared
    // augmented images, not originals with themselves.
    QVERIFY2(changed > steps * 10 / 4, qPrintable(QStringLiteral("%1 images changed").arg(changed)));
    // The epoch is part of the draw: rows look different in the next epoch.
    int redrawn = 0;
    for (int row = 0; row < 20; ++row)
        redrawn += BatchImages::seen(data, settings, 0, row) != BatchImages::seen(data, settings, 1, row) ? 1 : 0;
    QVERIFY2(redrawn > 0, "no row looks different in epoch 1");
}

void TestBatchImages::descriptionMatchesTheDraw()
{
    QFETCH(bool, flip);
    QFETCH(bool, brightness);
    QFETCH(bool, noise);
    QFETCH(double, sigma);
    core::TrainSettings settings = smallPeopleSet().train;
    settings.augmentation = augmentation(flip, brightness, noise, sigma);
    const QRegularExpression offsetWords(QStringLiteral("^([+-])(\\d+) grey levels$"));
    std::set<QString> seenParts;
    for (std::int64_t epoch = 0; epoch < 3; ++epoch) {
        for (int row = 0; row < 40; ++row) {
            const core::AugmentationDraw draw = core::drawAugmentation(settings.augmentation, core::sampleAugmentationSeed(settings.seed, epoch, row));
            const QString text = BatchImages::describe(settings, epoch, row);
            const QStringList parts = text.split(QStringLiteral(", "));
            // One part for each augmentation on, in the order flip, brightness, noise.
            QCOMPARE(parts.size(), int(flip) + int(brightness) + int(noise));
            int at = 0;
            if (flip) {
                QCOMPARE(parts[at++], draw.flipped ? QStringLiteral("flipped") : QStringLiteral("not flipped"));
                seenParts.insert(parts[at - 1]);
            }
            if (brightness) {
                const auto m = offsetWords.match(parts[at++]);
                QVERIFY2(m.hasMatch(), qPrintable(text));
                const double said = (m.captured(1) == QStringLiteral("-") ? -1 : 1) * m.captured(2).toDouble();
                QVERIFY2(std::abs(said - draw.offset) <= 0.5, qPrintable(QStringLiteral("%1 for an offset of %2").arg(text).arg(draw.offset)));
                QCOMPARE(m.captured(1) == QStringLiteral("+"), draw.offset >= 0);
                seenParts.insert(m.captured(1));
            }
            if (noise)
                QCOMPARE(parts[at++], QStringLiteral("noise (sigma %1)").arg(sigma));
        }
    }
    // Both outcomes of each random draw were described.
    if (flip)
        QVERIFY(seenParts.count(QStringLiteral("flipped")) && seenParts.count(QStringLiteral("not flipped")));
    if (brightness)
        QVERIFY(seenParts.count(QStringLiteral("+")) && seenParts.count(QStringLiteral("-")));
}

void TestBatchImages::withoutAugmentationTheOriginalUnmarked()
{
    const core::TrainSettings settings = smallPeopleSet().train;
    QVERIFY(!settings.augmentation.any());
    const core::TrainData& data = *problem_.data();
    for (int row = 0; row < 10; ++row) {
        QCOMPARE(BatchImages::seen(data, settings, 2, row), data.trainImages[static_cast<std::size_t>(row)]);
        QVERIFY(BatchImages::describe(settings, 2, row).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestBatchImages)
#include "test_batch_images.moc"
