#include "core/data/augmentation.h"

#include <algorithm>
#include <cmath>
#include <string>

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
    Rng noise(deriveSeed(seed, kNoiseStream));
    for (std::uint8_t& p : out.pixels) {
        double v = p + draw.offset;
        if (settings.noise)
            v += settings.noiseSigma * noise.normal();
        p = static_cast<std::uint8_t>(std::clamp(std::floor(v + 0.5), 0.0, kMaxGrey));
    }
}

std::uint64_t sampleAugmentationSeed(std::uint64_t runSeed, std::int64_t epoch, int row)
{
    // Seeded by (epoch, row): the same sample looks the same wherever it falls in the epoch,
    // whatever the batch size, and a replay redraws it exactly.
    return mix64(deriveSeed(runSeed, kAugmentStream, static_cast<std::uint64_t>(epoch)) ^ static_cast<std::uint64_t>(row));
}

}  // namespace downhill::core
