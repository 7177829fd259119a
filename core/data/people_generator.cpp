#include "core/data/people_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <numbers>
#include <string>
#include <thread>

#include "core/base/error.h"
#include "core/data/feature_extractor.h"
#include "core/base/rng.h"

namespace downhill::core {

namespace {

// deriveSeed purposes. Layout, distractors and noise draw from separate streams so that
// switching distractors on or off (or changing the noise level) moves no figure.
constexpr std::uint64_t kPeopleStream = 0x9E0F1E;
constexpr std::uint64_t kDistractorStream = 1;
constexpr std::uint64_t kNoiseStream = 2;

// Pixel centres within this distance of a limb are ink. Depending on where the limb falls
// between pixel centres, a stroke is 1 or 2 pixels wide: crisp without antialiasing, and
// never as thick as the 3x3 solid blocks the feature extractor discounts.
constexpr double kStrokeHalfWidth = 0.75;

// Background: a mid-to-light grey plus a linear ramp of up to kMaxGradient grey levels from
// one side to the other. Figures are kMinContrast..kMaxContrast darker than what is behind
// them: clearly visible, and still above the ink threshold after a +-40 brightness
// augmentation has pushed part of the image into 0 or 255.
constexpr double kMinBackground = 120.0;
constexpr double kMaxBackground = 210.0;
constexpr double kMaxGradient = 40.0;
constexpr double kMinContrast = 60.0;
constexpr double kMaxContrast = 110.0;

// Figure height as a fraction of the image side, and the body plan as fractions of it.
constexpr double kMinHeight = 0.22;
constexpr double kMaxHeight = 0.40;
constexpr double kHeadRadius = 0.11;   // a head of 1.5..2.1 px radius at 48 px
constexpr double kHip = 0.60;          // head top to hip
constexpr double kShoulderDrop = 0.12; // neck to where the arms start
constexpr double kArm = 0.32;
constexpr double kMinLegSpread = 8.0;  // leg angles from the vertical, degrees
constexpr double kMaxLegSpread = 35.0;
constexpr double kMinArmAngle = 25.0;  // arm angles from hanging straight down, degrees
constexpr double kMaxArmAngle = 150.0; // (beyond 90 the arm is raised)

// Distractors: solid shapes of 12..25 % of the side, lighter or darker than the background.
constexpr int kMaxDistractors = 3;
constexpr double kMinDistractorSize = 0.12;
constexpr double kMaxDistractorSize = 0.25;
constexpr double kMinDistractorContrast = 50.0;
constexpr double kMaxDistractorContrast = 100.0;

// A figure tries this many positions and takes the one overlapping the figures already
// placed the least: people in a picture rarely stand inside one another, and heavy overlap
// would hide ink from the counter (and the viewer) without changing the label.
constexpr int kPlacementTries = 8;

// Noise table: 2^kNoiseBits equally likely values.
constexpr int kNoiseBits = 12;
constexpr std::size_t kNoiseValues = std::size_t{1} << kNoiseBits;
constexpr std::uint64_t kNoiseMask = kNoiseValues - 1;

// Below this many images one thread is faster than starting a second.
constexpr int kMinImagesPerThread = 64;

struct Point {
    double x = 0, y = 0;
};

// The grey-level change drawn over the background, one value per pixel; later shapes
// overwrite earlier ones, as paint does.
struct Layer {
    int size = 0;
    std::vector<float> delta;

    float& at(int x, int y) { return delta[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)]; }
};

int floorIndex(double v) { return static_cast<int>(std::floor(v)); }
int ceilIndex(double v) { return static_cast<int>(std::ceil(v)); }

void paintSegment(Layer& layer, Point a, Point b, float value)
{
    const int x0 = std::max(0, ceilIndex(std::min(a.x, b.x) - kStrokeHalfWidth));
    const int x1 = std::min(layer.size - 1, floorIndex(std::max(a.x, b.x) + kStrokeHalfWidth));
    const int y0 = std::max(0, ceilIndex(std::min(a.y, b.y) - kStrokeHalfWidth));
    const int y1 = std::min(layer.size - 1, floorIndex(std::max(a.y, b.y) + kStrokeHalfWidth));
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const double t = length2 > 0.0 ? std::clamp(((x - a.x) * dx + (y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
            const double ex = a.x + t * dx - x;
            const double ey = a.y + t * dy - y;
            if (ex * ex + ey * ey <= kStrokeHalfWidth * kStrokeHalfWidth)
                layer.at(x, y) = value;
        }
    }
}

void paintDisc(Layer& layer, Point c, double radius, float value)
{
    const int x0 = std::max(0, ceilIndex(c.x - radius));
    const int x1 = std::min(layer.size - 1, floorIndex(c.x + radius));
    const int y0 = std::max(0, ceilIndex(c.y - radius));
    const int y1 = std::min(layer.size - 1, floorIndex(c.y + radius));
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            if ((x - c.x) * (x - c.x) + (y - c.y) * (y - c.y) <= radius * radius)
                layer.at(x, y) = value;
}

void paintRect(Layer& layer, Point topLeft, double side, float value)
{
    const int x0 = std::max(0, ceilIndex(topLeft.x));
    const int x1 = std::min(layer.size - 1, floorIndex(topLeft.x + side));
    const int y0 = std::max(0, ceilIndex(topLeft.y));
    const int y1 = std::min(layer.size - 1, floorIndex(topLeft.y + side));
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
            layer.at(x, y) = value;
}

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

double overlap(const Figure& a, const Figure& b)
{
    const double w = std::min(a.x + 0.5 * a.width, b.x + 0.5 * b.width) - std::max(a.x - 0.5 * a.width, b.x - 0.5 * b.width);
    const double h = std::min(a.y + 0.5 * a.height, b.y + 0.5 * b.height) - std::max(a.y - 0.5 * a.height, b.y - 0.5 * b.height);
    return w > 0.0 && h > 0.0 ? w * h : 0.0;
}

// One stick figure at a random size and pose, placed where it keeps every stroke inside the
// image and overlaps the `placed` figures little; returns its bounding box.
Figure paintFigure(Layer& layer, Rng& rng, const std::vector<Figure>& placed)
{
    const double side = layer.size;
    const double height = rng.uniform(kMinHeight, kMaxHeight) * side;
    const double contrast = rng.uniform(kMinContrast, kMaxContrast);
    const double head = kHeadRadius * height;
    const double leftLeg = radians(rng.uniform(kMinLegSpread, kMaxLegSpread));
    const double rightLeg = radians(rng.uniform(kMinLegSpread, kMaxLegSpread));
    const double leftArm = radians(rng.uniform(kMinArmAngle, kMaxArmAngle));
    const double rightArm = radians(rng.uniform(kMinArmAngle, kMaxArmAngle));

    // Local coordinates: x = 0 on the body line, y = 0 at the top of the head, y grows down;
    // the feet end a half stroke above `height` so the figure is `height` tall with its ink.
    const Point headCentre{0.0, head};
    const Point neck{0.0, 2.0 * head};
    const Point hip{0.0, kHip * height};
    const Point shoulder{0.0, neck.y + kShoulderDrop * height};
    const double legDrop = height - kStrokeHalfWidth - hip.y;
    const Point leftFoot{-legDrop * std::tan(leftLeg), height - kStrokeHalfWidth};
    const Point rightFoot{legDrop * std::tan(rightLeg), height - kStrokeHalfWidth};
    const double arm = kArm * height;
    const Point leftHand{-arm * std::sin(leftArm), shoulder.y + arm * std::cos(leftArm)};
    const Point rightHand{arm * std::sin(rightArm), shoulder.y + arm * std::cos(rightArm)};

    double left = -head;
    double right = head;
    double top = 0.0;
    for (const Point& p : {neck, hip, leftFoot, rightFoot, leftHand, rightHand}) {
        left = std::min(left, p.x - kStrokeHalfWidth);
        right = std::max(right, p.x + kStrokeHalfWidth);
        top = std::min(top, p.y - kStrokeHalfWidth);
    }
    const double bottom = height;

    // Pixel centres run from 0 to side - 1; every painted centre must be one of them.
    Figure figure;
    figure.width = right - left;
    figure.height = bottom - top;
    double dx = 0.0;
    double dy = 0.0;
    double best = -1.0;
    for (int attempt = 0; attempt < kPlacementTries && best != 0.0; ++attempt) {
        const double tx = rng.uniform(-left, side - 1.0 - right);
        const double ty = rng.uniform(-top, side - 1.0 - bottom);
        Figure candidate = figure;
        candidate.x = tx + 0.5 * (left + right);
        candidate.y = ty + 0.5 * (top + bottom);
        double covered = 0.0;
        for (const Figure& other : placed)
            covered += overlap(candidate, other);
        if (best < 0.0 || covered < best) {
            best = covered;
            dx = tx;
            dy = ty;
            figure = candidate;
        }
    }
    const auto at = [dx, dy](Point p) { return Point{p.x + dx, p.y + dy}; };
    const auto ink = static_cast<float>(-contrast);
    paintDisc(layer, at(headCentre), head, ink);
    paintSegment(layer, at(neck), at(hip), ink);
    paintSegment(layer, at(hip), at(leftFoot), ink);
    paintSegment(layer, at(hip), at(rightFoot), ink);
    paintSegment(layer, at(shoulder), at(leftHand), ink);
    paintSegment(layer, at(shoulder), at(rightHand), ink);
    return figure;
}

// A filled square, disc or blob (three overlapping discs): solid, unlike any person.
void paintDistractor(Layer& layer, Rng& rng)
{
    const double side = layer.size;
    const double size = rng.uniform(kMinDistractorSize, kMaxDistractorSize) * side;
    const double contrast = rng.uniform(kMinDistractorContrast, kMaxDistractorContrast);
    const auto value = static_cast<float>(rng.chance(0.5) ? contrast : -contrast);
    const Point corner{rng.uniform(0.0, side - 1.0 - size), rng.uniform(0.0, side - 1.0 - size)};
    const Point centre{corner.x + 0.5 * size, corner.y + 0.5 * size};
    switch (rng.integer(0, 2)) {
    case 0:
        paintRect(layer, corner, size, value);
        break;
    case 1:
        paintDisc(layer, centre, 0.5 * size, value);
        break;
    default:
        for (int i = 0; i < 3; ++i) {
            const double r = size / 3.0;
            const Point c{centre.x + rng.uniform(-0.5, 0.5) * r, centre.y + rng.uniform(-0.5, 0.5) * r};
            paintDisc(layer, c, r, value);
        }
        break;
    }
}

// Sensor noise needs a normal deviate per pixel, and Rng::normal (Box-Muller: a logarithm, a
// sine and a cosine per pair) would take most of the generation time. Inverse transform
// sampling costs 12 random bits per pixel instead: the table holds the standard normal
// quantiles at (k + 0.5) / 4096 (so the tails stop at 3.5 sigma), rescaled to unit variance.
const std::array<float, kNoiseValues>& noiseTable()
{
    static const std::array<float, kNoiseValues> table = [] {
        std::array<double, kNoiseValues> z{};
        for (std::size_t k = 0; k < kNoiseValues / 2; ++k) {
            const double q = (static_cast<double>(k) + 0.5) / static_cast<double>(kNoiseValues);  // lower tail
            // Abramowitz and Stegun 26.2.23 (error < 5e-4), then Newton on the exact CDF.
            const double t = std::sqrt(-2.0 * std::log(q));
            double v = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
            for (int step = 0; step < 3; ++step) {
                const double cdf = 0.5 * std::erfc(-v / std::numbers::sqrt2);
                const double pdf = std::exp(-0.5 * v * v) / std::sqrt(2.0 * std::numbers::pi);
                v -= (cdf - q) / pdf;
            }
            z[k] = v;
            z[kNoiseValues - 1 - k] = -v;
        }
        double variance = 0.0;
        for (const double v : z)
            variance += v * v;
        const double scale = 1.0 / std::sqrt(variance / static_cast<double>(kNoiseValues));
        std::array<float, kNoiseValues> out{};
        for (std::size_t k = 0; k < kNoiseValues; ++k)
            out[k] = static_cast<float>(z[k] * scale);
        return out;
    }();
    return table;
}

std::string between(const char* field, long long lo, long long hi, const std::string& got)
{
    return std::string(field) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + got;
}

}  // namespace

void PeopleSettings::validate() const
{
    if (count < 1 || count > 1'000'000)
        throw InputError(between("count", 1, 1'000'000, std::to_string(count)));
    if (maxPeople < 0 || maxPeople > 50)
        throw InputError(between("maxPeople", 0, 50, std::to_string(maxPeople)));
    if (size < 32 || size > 512)
        throw InputError(between("size", 32, 512, std::to_string(size)));
    if (!std::isfinite(noiseSigma) || noiseSigma < 0.0)
        throw InputError("noiseSigma must be a finite number >= 0, got " + std::to_string(noiseSigma));
}

PeopleImage generatePeopleImage(const PeopleSettings& settings, int index)
{
    const std::uint64_t seed = deriveSeed(settings.seed, kPeopleStream, static_cast<std::uint64_t>(index));
    Rng rng(seed);
    const int side = settings.size;

    PeopleImage out;
    out.count = rng.integer(0, settings.maxPeople);
    const double base = rng.uniform(kMinBackground, kMaxBackground);
    const double gradient = rng.uniform(0.0, kMaxGradient);
    const double direction = rng.uniform(0.0, 2.0 * std::numbers::pi);
    // Grey levels per pixel along x and y; the ramp is centred so the mean stays at `base`.
    const double gx = gradient * std::cos(direction) / side;
    const double gy = gradient * std::sin(direction) / side;

    Layer layer{side, std::vector<float>(static_cast<std::size_t>(side) * static_cast<std::size_t>(side), 0.0f)};
    if (settings.distractors) {
        Rng distractorRng(deriveSeed(seed, kDistractorStream));
        const int distractors = distractorRng.integer(0, kMaxDistractors);
        for (int i = 0; i < distractors; ++i)
            paintDistractor(layer, distractorRng);
    }
    // People go on top: a distractor never hides part of a figure that the label counts.
    out.figures.reserve(static_cast<std::size_t>(out.count));
    for (int i = 0; i < out.count; ++i)
        out.figures.push_back(paintFigure(layer, rng, out.figures));

    Rng noiseRng(deriveSeed(seed, kNoiseStream));
    const std::array<float, kNoiseValues>& noise = noiseTable();
    const auto sigma = static_cast<float>(settings.noiseSigma);
    out.image = GrayImage(side, side);
    const double centre = 0.5 * (side - 1);
    std::uint64_t bits = 0;
    int bitsLeft = 0;
    std::size_t i = 0;
    for (int y = 0; y < side; ++y) {
        const double row = base + gy * (y - centre);
        for (int x = 0; x < side; ++x, ++i) {
            if (bitsLeft < kNoiseBits) {
                bits = noiseRng.next();
                bitsLeft = 64;
            }
            const float deviate = noise[bits & kNoiseMask];
            bits >>= kNoiseBits;
            bitsLeft -= kNoiseBits;
            const float v = static_cast<float>(row + gx * (x - centre)) + layer.delta[i] + sigma * deviate;
            out.image.pixels[i] = static_cast<std::uint8_t>(std::clamp(std::floor(v + 0.5f), 0.0f, 255.0f));
        }
    }
    return out;
}

Dataset generatePeople(const PeopleSettings& settings)
{
    settings.validate();
    const int n = settings.count;
    Dataset data;
    data.source = "built-in people, seed " + std::to_string(settings.seed) + ", " + std::to_string(n) + " images";
    data.samples.x.resize(n);
    data.samples.t.resize(n);
    data.images.resize(static_cast<std::size_t>(n));

    // Each image depends only on its index, so any split of the indices over threads gives
    // the same data set.
    const auto work = [&](int begin, int end) {
        for (int i = begin; i < end; ++i) {
            PeopleImage person = generatePeopleImage(settings, i);
            data.samples.x[i] = extractFeature(person.image);
            data.samples.t[i] = person.count;
            data.images[static_cast<std::size_t>(i)] = std::move(person.image);
        }
    };
    const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = std::clamp(n / kMinImagesPerThread, 1, hardware);
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
    for (int t = 1; t < threads; ++t) {
        pool.emplace_back([&, t] {
            try {
                work(static_cast<int>(static_cast<long long>(n) * t / threads),
                     static_cast<int>(static_cast<long long>(n) * (t + 1) / threads));
            } catch (...) {
                errors[static_cast<std::size_t>(t)] = std::current_exception();
            }
        });
    }
    try {
        work(0, static_cast<int>(static_cast<long long>(n) / threads));
    } catch (...) {
        errors[0] = std::current_exception();
    }
    for (auto& thread : pool)
        thread.join();
    for (const auto& error : errors)
        if (error)
            std::rethrow_exception(error);
    return data;
}

}  // namespace downhill::core
