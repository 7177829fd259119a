#include "core/data/augmentation.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/base/error.h"
#include "core/base/rng.h"

namespace downhill::core {

namespace {

// deriveSeed purposes: one stream per augmentation.
constexpr std::uint64_t kFlipStream = 0xF11B;
constexpr std::uint64_t kBrightnessStream = 0xB816;
constexpr std::uint64_t kNoiseStream = 0x4015E;
// The run seed's stream for augmentations (the trainer's shuffling has another).
constexpr std::uint64_t kAugmentStream = 0xa0a0;

// A range beyond the whole grey scale is a typing error, not a stronger augmentation.
constexpr double kMaxGrey = 255.0;

void checkRange(const char* field, double value)
{
    if (!(value >= 0.0 && value <= kMaxGrey))
        throw InputError(std::string(field) + " must be between 0 and 255 grey levels, got " + std::to_string(value));
}

// v rounded to the nearest grey level, halves up, and clamped to 0..255: clamp(floor(v + 0.5),
// 0, 255), written branch-free (clamping first, then truncating, which is floor from 0 up).
std::uint8_t toGrey(double v)
{
    const double clamped = std::min(std::max(v + 0.5, 0.0), kMaxGrey);
    return static_cast<std::uint8_t>(static_cast<int>(clamped));
}

}  // namespace

void AugmentationSettings::validate() const
{
    checkRange("brightnessRange", brightnessRange);
    checkRange("noiseSigma", noiseSigma);
}

AugmentationDraw drawAugmentation(const AugmentationSettings& settings, std::uint64_t seed)
{
    AugmentationDraw draw;
    if (settings.flip)
        draw.flipped = Rng(deriveSeed(seed, kFlipStream)).chance(0.5);
    if (settings.brightness)
        draw.offset = Rng(deriveSeed(seed, kBrightnessStream)).uniform(-settings.brightnessRange, settings.brightnessRange);
    return draw;
}

GrayImage augment(const GrayImage& image, const AugmentationSettings& settings, std::uint64_t seed)
{
    GrayImage out;
    augmentInto(image, settings, seed, out);
    return out;
}

void augmentInto(const GrayImage& image, const AugmentationSettings& settings, std::uint64_t seed, GrayImage& out)
{
    const AugmentationDraw draw = drawAugmentation(settings, seed);
    out.width = image.width;
    out.height = image.height;
    out.pixels.assign(image.pixels.begin(), image.pixels.end());
    if (draw.flipped) {
        for (int y = 0; y < out.height; ++y) {
            const auto row = out.pixels.begin() + static_cast<std::ptrdiff_t>(y) * out.width;
            std::reverse(row, row + out.width);
        }
    }
    if (!settings.brightness && !settings.noise)
        return;
    std::uint8_t* const pixels = out.pixels.data();
    const std::size_t n = out.pixels.size();
    if (!settings.noise) {
        for (std::size_t i = 0; i < n; ++i)
            pixels[i] = toGrey(pixels[i] + draw.offset);
        return;
    }
    // One Gaussian draw a pixel, all drawn at once (Rng::normals: the draws normal() would give,
    // to within 8e-15, which the rounding to whole grey levels does not see).
    thread_local std::vector<double> draws;
    draws.resize(n);
    const double* const z = draws.data();
    Rng(deriveSeed(seed, kNoiseStream)).normals(draws.data(), n);
    const double sigma = settings.noiseSigma;
    for (std::size_t i = 0; i < n; ++i)
        pixels[i] = toGrey((pixels[i] + draw.offset) + sigma * z[i]);
}

std::uint64_t sampleAugmentationSeed(std::uint64_t runSeed, std::int64_t epoch, int row)
{
    // Seeded by (epoch, row): the same sample looks the same wherever it falls in the epoch,
    // whatever the batch size, and a replay redraws it exactly.
    return mix64(deriveSeed(runSeed, kAugmentStream, static_cast<std::uint64_t>(epoch)) ^ static_cast<std::uint64_t>(row));
}

}  // namespace downhill::core
