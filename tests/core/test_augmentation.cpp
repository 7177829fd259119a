#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/data/augmentation.h"
#include "core/base/error.h"
#include "core/data/feature_extractor.h"
#include "core/model/objective.h"
#include "core/data/people_generator.h"
#include "core/base/rng.h"
#include "core/train/trainer.h"

using namespace downhill::core;

namespace {

// A textured image, away from 0 and 255 so that offsets of +-40 and noise rarely clip.
GrayImage texture(int width = 48, int height = 40)
{
    GrayImage image(width, height);
    Rng rng(7);
    for (std::uint8_t& p : image.pixels)
        p = static_cast<std::uint8_t>(rng.integer(60, 190));
    return image;
}

GrayImage mirrored(const GrayImage& image)
{
    GrayImage out = image;
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            out.at(x, y) = image.at(out.width - 1 - x, y);
    return out;
}

double mean(const GrayImage& image)
{
    double sum = 0.0;
    for (const std::uint8_t p : image.pixels)
        sum += p;
    return sum / static_cast<double>(image.pixels.size());
}

AugmentationSettings only(bool brightness, bool flip, bool noise)
{
    AugmentationSettings s;
    s.brightness = brightness;
    s.flip = flip;
    s.noise = noise;
    return s;
}

}  // namespace

class TestAugmentation : public QObject {
    Q_OBJECT
private slots:
    void allOffReturnsInput()
    {
        const GrayImage image = texture();
        const AugmentationSettings off;
        QVERIFY(!off.any());
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            QVERIFY(augment(image, off, seed) == image);
            const AugmentationDraw draw = drawAugmentation(off, seed);
            QVERIFY(!draw.flipped);
            QCOMPARE(draw.offset, 0.0);
        }
    }

    // With only the flip on, the result is the input or its mirror, as drawn, each about half
    // of the time; mirroring twice is the identity.
    void flipMirrorsWhenDrawn()
    {
        const GrayImage image = texture();
        const AugmentationSettings flip = only(false, true, false);
        QVERIFY(mirrored(mirrored(image)) == image);
        QVERIFY(mirrored(image) != image);
        int flips = 0;
        for (std::uint64_t seed = 0; seed < 400; ++seed) {
            const GrayImage out = augment(image, flip, seed);
            const bool flipped = drawAugmentation(flip, seed).flipped;
            QVERIFY(out == (flipped ? mirrored(image) : image));
            QVERIFY(augment(out, flip, seed) == image);  // the same seed mirrors back, or leaves alone
            flips += flipped ? 1 : 0;
        }
        // Binomial(400, 1/2): 200 +- 10 sigma is 4.5 sigma wide.
        QVERIFY2(flips > 155 && flips < 245, qPrintable(QString::number(flips)));
    }

    // The mean moves by the drawn offset (rounding to whole grey levels moves each pixel by at
    // most 0.5); offsets fill [-range, range].
    void brightnessShiftsMeanByOffset_data()
    {
        QTest::addColumn<double>("range");
        QTest::newRow("40") << 40.0;
        QTest::newRow("10") << 10.0;
        QTest::newRow("0") << 0.0;
    }
    void brightnessShiftsMeanByOffset()
    {
        QFETCH(double, range);
        const GrayImage image = texture();
        AugmentationSettings s = only(true, false, false);
        s.brightnessRange = range;
        double lowest = range;
        double highest = -range;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            const AugmentationDraw draw = drawAugmentation(s, seed);
            QVERIFY(std::abs(draw.offset) <= range);
            lowest = std::min(lowest, draw.offset);
            highest = std::max(highest, draw.offset);
            const GrayImage out = augment(image, s, seed);
            QVERIFY(std::abs(mean(out) - mean(image) - draw.offset) <= 0.5);
            for (std::size_t i = 0; i < out.pixels.size(); ++i)
                QVERIFY(std::abs(out.pixels[i] - image.pixels[i] - draw.offset) <= 0.5);
        }
        QVERIFY(lowest <= -0.8 * range && highest >= 0.8 * range);
    }

    void brightnessClamps()
    {
        AugmentationSettings s = only(true, false, false);
        s.brightnessRange = 100.0;
        const GrayImage bright(16, 16, 250);
        const GrayImage dark(16, 16, 3);
        for (std::uint64_t seed = 0; seed < 50; ++seed) {
            const double offset = drawAugmentation(s, seed).offset;
            const GrayImage up = augment(bright, s, seed);
            const GrayImage down = augment(dark, s, seed);
            QCOMPARE(static_cast<int>(up.pixels[0]), static_cast<int>(std::clamp(std::floor(250 + offset + 0.5), 0.0, 255.0)));
            QCOMPARE(static_cast<int>(down.pixels[0]), static_cast<int>(std::clamp(std::floor(3 + offset + 0.5), 0.0, 255.0)));
        }
    }

    // The added noise has mean 0 and the asked standard deviation (plus the 1/12 variance of
    // rounding); 6000 pixels estimate a sigma to about 1 %, so 4 % is a loose bound.
    void noiseHasRightSpread_data()
    {
        QTest::addColumn<double>("sigma");
        QTest::newRow("10") << 10.0;
        QTest::newRow("3") << 3.0;
        QTest::newRow("20") << 20.0;
    }
    void noiseHasRightSpread()
    {
        QFETCH(double, sigma);
        const GrayImage image(100, 60, 128);
        AugmentationSettings s = only(false, false, true);
        s.noiseSigma = sigma;
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            const GrayImage out = augment(image, s, seed);
            double sum = 0.0;
            double sum2 = 0.0;
            for (const std::uint8_t p : out.pixels) {
                sum += p - 128.0;
                sum2 += (p - 128.0) * (p - 128.0);
            }
            const double n = static_cast<double>(out.pixels.size());
            const double spread = std::sqrt(sum2 / n - (sum / n) * (sum / n));
            const double expected = std::sqrt(sigma * sigma + 1.0 / 12.0);
            QVERIFY2(std::abs(spread / expected - 1.0) < 0.04, qPrintable(QString("%1 vs %2").arg(spread).arg(expected)));
            QVERIFY(std::abs(sum / n) < 4.0 * sigma / std::sqrt(n));
        }
    }

    // The pixels are those of one normal() a pixel, rounded as written here, for the built-in
    // data's images, each augmentation on its own and all together: the bulk draws differ from
    // normal()'s by rounding only, which the rounding to whole grey levels does not see.
    void pixelsAreThoseOfOneDrawAPixel_data()
    {
        QTest::addColumn<bool>("brightness");
        QTest::addColumn<bool>("flip");
        QTest::addColumn<bool>("noise");
        QTest::newRow("noise") << false << false << true;
        QTest::newRow("brightness") << true << false << false;
        QTest::newRow("all") << true << true << true;
    }
    void pixelsAreThoseOfOneDrawAPixel()
    {
        QFETCH(bool, brightness);
        QFETCH(bool, flip);
        QFETCH(bool, noise);
        AugmentationSettings settings = only(brightness, flip, noise);
        settings.noiseSigma = 30.0;   // clips now and then, at both ends
        PeopleSettings generator;
        generator.count = 300;
        const Dataset data = generatePeople(generator);
        GrayImage out;
        std::size_t differing = 0;
        for (int row = 0; row < static_cast<int>(data.images.size()); ++row) {
            const GrayImage& image = data.images[static_cast<std::size_t>(row)];
            const std::uint64_t seed = sampleAugmentationSeed(5, 3, row);
            augmentInto(image, settings, seed, out);
            const AugmentationDraw draw = drawAugmentation(settings, seed);
            const GrayImage source = draw.flipped ? mirrored(image) : image;
            Rng rng(deriveSeed(seed, 0x4015E));   // the noise's stream
            for (std::size_t i = 0; i < source.pixels.size(); ++i) {
                double v = source.pixels[i] + draw.offset;
                if (noise)
                    v += settings.noiseSigma * rng.normal();
                const double expected = std::clamp(std::floor(v + 0.5), 0.0, 255.0);
                differing += out.pixels[i] != static_cast<std::uint8_t>(expected) ? 1 : 0;
            }
        }
        QCOMPARE(differing, std::size_t{0});
    }

    void sameSeedSameResult()
    {
        const GrayImage image = texture();
        const AugmentationSettings all = only(true, true, true);
        QVERIFY(augment(image, all, 99) == augment(image, all, 99));
        QVERIFY(augment(image, all, 99) != augment(image, all, 100));
    }

    // Each augmentation has its own random stream: switching noise or brightness on does not
    // change whether a sample is flipped, nor the offset it gets.
    void streamsAreIndependent()
    {
        for (std::uint64_t seed = 0; seed < 100; ++seed) {
            const AugmentationDraw flipOnly = drawAugmentation(only(false, true, false), seed);
            const AugmentationDraw brightOnly = drawAugmentation(only(true, false, false), seed);
            const AugmentationDraw all = drawAugmentation(only(true, true, true), seed);
            QCOMPARE(all.flipped, flipOnly.flipped);
            QCOMPARE(all.offset, brightOnly.offset);
        }
    }

    // The seed of (run seed, epoch, row) is what the trainer draws each augmented sample with:
    // redrawing a batch's images from it (as the window's batch strip does) gives exactly the x
    // the model trained on, through the epochs, and the formula stays the one old runs used.
    void sampleSeedIsWhatTheTrainerUses()
    {
        PeopleSettings people;
        people.count = 40;
        people.seed = 5;
        const Dataset dataset = generatePeople(people);
        const TrainData data = TrainData::fromDataset(dataset, splitRows(40, 0.25, 5));
        TrainSettings settings;
        settings.batchSize = 7;
        settings.seed = 1234;
        settings.augmentation = only(true, true, true);
        Trainer trainer(makeObjective("linear", {}), data, settings, Vec{{-1.0, 7.0}});
        int checked = 0;
        for (int k = 0; k < 12; ++k) {
            StepRecord record;
            QVERIFY(trainer.step(&record));
            const auto& rows = trainer.lastBatchRows();
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const int row = rows[i];
                const std::uint64_t seed = sampleAugmentationSeed(settings.seed, record.epoch, row);
                QCOMPARE(seed, mix64(deriveSeed(1234, 0xa0a0, static_cast<std::uint64_t>(record.epoch)) ^ static_cast<std::uint64_t>(row)));
                const GrayImage seen = augment(data.trainImages[static_cast<std::size_t>(row)], settings.augmentation, seed);
                QCOMPARE(extractFeature(seen), trainer.lastBatch().x[static_cast<Eigen::Index>(i)]);
                ++checked;
            }
        }
        QCOMPARE(checked, 12 * 7 - 12 / 5 * 5);   // 30 rows: batches of 7, 7, 7, 7, 2 per epoch
        // Another epoch, another image of the same row.
        QVERIFY(sampleAugmentationSeed(1234, 0, 3) != sampleAugmentationSeed(1234, 1, 3));
    }

    void validate_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("negative range") << "brightnessRange" << -1.0;
        QTest::newRow("NaN range") << "brightnessRange" << nan;
        QTest::newRow("huge range") << "brightnessRange" << 1000.0;
        QTest::newRow("negative sigma") << "noiseSigma" << -0.1;
        QTest::newRow("NaN sigma") << "noiseSigma" << nan;
        QTest::newRow("infinite sigma") << "noiseSigma" << std::numeric_limits<double>::infinity();
    }
    void validate()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        AugmentationSettings s;
        s.validate();
        if (field == "brightnessRange")
            s.brightnessRange = value;
        else
            s.noiseSigma = value;
        try {
            s.validate();
            QFAIL("validate() accepted a bad value");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).startsWith(field + " must be"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestAugmentation)
#include "test_augmentation.moc"
