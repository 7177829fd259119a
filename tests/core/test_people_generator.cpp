#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

#include "core/base/error.h"
#include "core/data/people_generator.h"

using namespace downhill::core;

namespace {

PeopleSettings settingsWith(int count, std::uint64_t seed = 1)
{
    PeopleSettings s;
    s.count = count;
    s.seed = seed;
    return s;
}

int pixel(const GrayImage& image, int x, int y) { return image.at(x, y); }

}  // namespace

class TestPeopleGenerator : public QObject {
    Q_OBJECT
private slots:
    void sameSeedGivesIdenticalBytes()
    {
        const Dataset a = generatePeople(settingsWith(300));
        const Dataset b = generatePeople(settingsWith(300));
        QCOMPARE(a.images.size(), std::size_t{300});
        QVERIFY(a.images == b.images);
        QVERIFY((a.samples.x == b.samples.x).all());
        QVERIFY((a.samples.t == b.samples.t).all());
        QCOMPARE(QString::fromStdString(a.source), QString::fromStdString(b.source));
    }

    void differentSeedDiffers()
    {
        const Dataset a = generatePeople(settingsWith(50, 1));
        const Dataset b = generatePeople(settingsWith(50, 2));
        int same = 0;
        for (std::size_t i = 0; i < a.images.size(); ++i)
            same += a.images[i] == b.images[i] ? 1 : 0;
        QCOMPARE(same, 0);
    }

    // Image k depends on (settings, k) only: not on the set's size, nor on how the work was
    // split over threads, nor on the order images were made in.
    void imageIndependentOfCountAndThreads()
    {
        const Dataset small = generatePeople(settingsWith(10));
        const Dataset large = generatePeople(settingsWith(1000));
        for (std::size_t k = 0; k < small.images.size(); ++k) {
            QVERIFY(small.images[k] == large.images[k]);
            QCOMPARE(small.samples.x[static_cast<Eigen::Index>(k)], large.samples.x[static_cast<Eigen::Index>(k)]);
        }
        for (int k = 999; k >= 0; k -= 37) {
            const PeopleImage one = generatePeopleImage(settingsWith(1000), k);
            QVERIFY(one.image == large.images[static_cast<std::size_t>(k)]);
            QCOMPARE(static_cast<double>(one.count), large.samples.t[k]);
        }
    }

    void labelsEqualFigures()
    {
        const PeopleSettings s = settingsWith(400);
        const Dataset data = generatePeople(s);
        for (int i = 0; i < s.count; ++i) {
            const PeopleImage p = generatePeopleImage(s, i);
            QCOMPARE(static_cast<int>(p.figures.size()), p.count);
            QCOMPARE(data.samples.t[i], static_cast<double>(p.count));
            QCOMPARE(p.image.width, s.size);
            QCOMPARE(p.image.height, s.size);
        }
    }

    // Counts are uniform on 0..maxPeople: a chi-square test at p = 0.001 (critical values for
    // maxPeople degrees of freedom from the chi-square table).
    void countsAreUniform_data()
    {
        QTest::addColumn<int>("maxPeople");
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<double>("critical");
        QTest::newRow("default 0..9") << 9 << quint64{1} << 27.88;
        QTest::newRow("0..9, seed 77") << 9 << quint64{77} << 27.88;
        QTest::newRow("0..3") << 3 << quint64{5} << 16.27;
        QTest::newRow("0..1") << 1 << quint64{3} << 10.83;
    }
    void countsAreUniform()
    {
        QFETCH(int, maxPeople);
        QFETCH(quint64, seed);
        QFETCH(double, critical);
        PeopleSettings s = settingsWith(2000, seed);
        s.maxPeople = maxPeople;
        const Dataset data = generatePeople(s);
        std::vector<int> histogram(static_cast<std::size_t>(maxPeople) + 1, 0);
        for (Eigen::Index i = 0; i < data.size(); ++i) {
            const double t = data.samples.t[i];
            QVERIFY(t >= 0 && t <= maxPeople && t == std::floor(t));
            ++histogram[static_cast<std::size_t>(t)];
        }
        const double expected = 2000.0 / (maxPeople + 1);
        double chi2 = 0.0;
        for (const int observed : histogram) {
            QVERIFY(observed > 0);
            chi2 += (observed - expected) * (observed - expected) / expected;
        }
        QVERIFY2(chi2 < critical, qPrintable(QString("chi-square %1 >= %2").arg(chi2).arg(critical)));
    }

    void noPeopleWhenMaxIsZero()
    {
        PeopleSettings s = settingsWith(100);
        s.maxPeople = 0;
        const Dataset data = generatePeople(s);
        QVERIFY((data.samples.t == 0.0).all());
    }

    void validate_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("message");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("count 0") << "count" << 0.0 << "count must be between 1 and 1000000, got 0";
        QTest::newRow("count too many") << "count" << 1000001.0 << "count must be between 1 and 1000000, got 1000001";
        QTest::newRow("maxPeople 60") << "maxPeople" << 60.0 << "maxPeople must be between 0 and 50, got 60";
        QTest::newRow("maxPeople -1") << "maxPeople" << -1.0 << "maxPeople must be between 0 and 50, got -1";
        QTest::newRow("size 31") << "size" << 31.0 << "size must be between 32 and 512, got 31";
        QTest::newRow("size 513") << "size" << 513.0 << "size must be between 32 and 512, got 513";
        QTest::newRow("noise negative") << "noiseSigma" << -0.5 << "noiseSigma must be";
        QTest::newRow("noise NaN") << "noiseSigma" << nan << "noiseSigma must be";
        QTest::newRow("noise inf") << "noiseSigma" << inf << "noiseSigma must be";
    }
    void validate()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        QFETCH(QString, message);
        PeopleSettings s;
        if (field == "count")
            s.count = static_cast<int>(value);
        else if (field == "maxPeople")
            s.maxPeople = static_cast<int>(value);
        else if (field == "size")
            s.size = static_cast<int>(value);
        else
            s.noiseSigma = value;
        try {
            s.validate();
            QFAIL("validate() accepted a bad value");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(InputError, generatePeople(s));
    }

    void validateAcceptsLimits()
    {
        PeopleSettings s;
        s.validate();
        s.count = 1;
        s.maxPeople = 50;
        s.size = 32;
        s.noiseSigma = 0.0;
        s.validate();
        s.maxPeople = 0;
        s.size = 512;
        s.validate();
    }

    // With noise and distractors off the background is an exact linear ramp (up to rounding),
    // so outside every figure's box the second differences vanish, and every box holds a
    // stroke edge: the boxes are where the figures are, and they lie inside the image.
    void figuresLieInsideTheirBoxes_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("maxPeople");
        QTest::newRow("48, default") << 48 << 9;
        QTest::newRow("32, crowded") << 32 << 15;
        QTest::newRow("100") << 100 << 9;
    }
    void figuresLieInsideTheirBoxes()
    {
        QFETCH(int, size);
        QFETCH(int, maxPeople);
        PeopleSettings s = settingsWith(150);
        s.size = size;
        s.maxPeople = maxPeople;
        s.noiseSigma = 0.0;
        s.distractors = false;
        for (int i = 0; i < s.count; ++i) {
            const PeopleImage p = generatePeopleImage(s, i);
            std::vector<char> covered(static_cast<std::size_t>(size * size), 0);
            for (const Figure& f : p.figures) {
                const double left = f.x - 0.5 * f.width;
                const double top = f.y - 0.5 * f.height;
                QVERIFY(left >= 0.0 && top >= 0.0);
                QVERIFY(f.x + 0.5 * f.width <= size - 1.0 && f.y + 0.5 * f.height <= size - 1.0);
                QVERIFY(f.height >= 0.22 * size - 1e-9 && f.height <= 0.40 * size + 1.0);
                bool edge = false;
                for (int y = static_cast<int>(std::ceil(top)); y <= static_cast<int>(std::floor(top + f.height)); ++y) {
                    for (int x = static_cast<int>(std::ceil(left)); x <= static_cast<int>(std::floor(left + f.width)); ++x) {
                        covered[static_cast<std::size_t>(y * size + x)] = 1;
                        if (x > 0 && std::abs(pixel(p.image, x, y) - pixel(p.image, x - 1, y)) >= 40)
                            edge = true;
                        if (y > 0 && std::abs(pixel(p.image, x, y) - pixel(p.image, x, y - 1)) >= 40)
                            edge = true;
                    }
                }
                QVERIFY2(edge, qPrintable(QString("image %1: no stroke in a figure's box").arg(i)));
            }
            const auto outside = [&](int x, int y) { return covered[static_cast<std::size_t>(y * size + x)] == 0; };
            for (int y = 0; y < size; ++y)
                for (int x = 1; x + 1 < size; ++x)
                    if (outside(x - 1, y) && outside(x, y) && outside(x + 1, y))
                        QVERIFY(std::abs(pixel(p.image, x - 1, y) - 2 * pixel(p.image, x, y) + pixel(p.image, x + 1, y)) <= 2);
            for (int y = 1; y + 1 < size; ++y)
                for (int x = 0; x < size; ++x)
                    if (outside(x, y - 1) && outside(x, y) && outside(x, y + 1))
                        QVERIFY(std::abs(pixel(p.image, x, y - 1) - 2 * pixel(p.image, x, y) + pixel(p.image, x, y + 1)) <= 2);
        }
    }

    // On the default set: an empty image has next to no figure-like ink (each below half of
    // what one person gives on average), and the mean feature grows with every extra person.
    void featureTracksCount()
    {
        const Dataset data = generatePeople(PeopleSettings{});
        std::vector<double> sum(10, 0.0);
        std::vector<int> n(10, 0);
        for (Eigen::Index i = 0; i < data.size(); ++i) {
            const auto c = static_cast<std::size_t>(data.samples.t[i]);
            sum[c] += data.samples.x[i];
            ++n[c];
        }
        std::vector<double> mean(10);
        for (std::size_t c = 0; c < mean.size(); ++c) {
            QVERIFY(n[c] > 0);
            mean[c] = sum[c] / n[c];
        }
        for (std::size_t c = 1; c < mean.size(); ++c)
            QVERIFY2(mean[c] > mean[c - 1], qPrintable(QString("mean x for %1 people: %2, for %3: %4").arg(c).arg(mean[c]).arg(c - 1).arg(mean[c - 1])));
        for (Eigen::Index i = 0; i < data.size(); ++i)
            if (data.samples.t[i] == 0.0)
                QVERIFY2(data.samples.x[i] < 0.5 * mean[1], qPrintable(QString("empty image %1 has x = %2").arg(i).arg(data.samples.x[i])));
    }

    // Distractors come from their own random stream: switching them on adds shapes (pixels
    // change in most images) but moves no figure and changes no label.
    void distractorsChangePixelsNotLabels()
    {
        PeopleSettings on = settingsWith(200);
        PeopleSettings off = on;
        off.distractors = false;
        int changed = 0;
        for (int i = 0; i < on.count; ++i) {
            const PeopleImage a = generatePeopleImage(on, i);
            const PeopleImage b = generatePeopleImage(off, i);
            QCOMPARE(a.count, b.count);
            for (std::size_t k = 0; k < a.figures.size(); ++k) {
                QCOMPARE(a.figures[k].x, b.figures[k].x);
                QCOMPARE(a.figures[k].y, b.figures[k].y);
                QCOMPARE(a.figures[k].height, b.figures[k].height);
            }
            changed += a.image == b.image ? 0 : 1;
        }
        // 0..3 distractors, uniform: three images in four have some.
        QVERIFY2(changed > 120 && changed < 180, qPrintable(QString("%1 of 200 images changed").arg(changed)));
    }

    void noiseSigmaZeroIsNoiseFree()
    {
        PeopleSettings s = settingsWith(20);
        s.noiseSigma = 0.0;
        s.maxPeople = 0;
        s.distractors = false;
        for (int i = 0; i < s.count; ++i) {
            const GrayImage image = generatePeopleImage(s, i).image;
            // A pure ramp of at most 40 grey levels across: neighbours differ by 0 or 1.
            for (int y = 0; y < s.size; ++y)
                for (int x = 1; x < s.size; ++x)
                    QVERIFY(std::abs(pixel(image, x, y) - pixel(image, x - 1, y)) <= 1);
        }
    }
};

QTEST_APPLESS_MAIN(TestPeopleGenerator)
#include "test_people_generator.moc"
