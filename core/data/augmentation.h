#pragma once
#include <cstdint>

#include "core/data/gray_image.h"

namespace downhill::core {

// Random augmentations applied per sample when a batch is drawn. Each is switchable; the
// randomness comes from the seed given to augment(), so a replayed step draws the same.
struct AugmentationSettings {
    bool brightness = false;      // add a uniform offset in [-brightnessRange, +brightnessRange] grey levels
    bool flip = false;            // mirror left-right with probability 1/2
    bool noise = false;           // add Gaussian noise with sigma noiseSigma grey levels
    double brightnessRange = 40.0;
    double noiseSigma = 10.0;

    bool any() const { return brightness || flip || noise; }
    bool operator==(const AugmentationSettings&) const = default;
    void validate() const;        // throws InputError naming the field
};

// What augment() does to one image for a given seed: a pure function of (settings, seed), so
// the UI can say "flipped, +12 grey levels" and tests can check the pixels against it. The
// flip and the offset come from separate streams: switching one augmentation on or off
// never changes what another draws.
struct AugmentationDraw {
    bool flipped = false;
    double offset = 0.0;          // grey levels added before noise (0 when brightness is off)
};
AugmentationDraw drawAugmentation(const AugmentationSettings& settings, std::uint64_t seed);

// Mirrors (if drawn), adds the offset and the noise, rounds and clamps to 0..255.
GrayImage augment(const GrayImage& image, const AugmentationSettings& settings, std::uint64_t seed);
// The same into out, whose pixel buffer is reused: no allocation once it has the image's size
// (the trainer redraws every sample of every batch this way).
void augmentInto(const GrayImage& image, const AugmentationSettings& settings, std::uint64_t seed, GrayImage& out);

// The seed augment() gets for training row `row` in epoch `epoch` of a run seeded `runSeed`.
// The trainer draws every augmented sample with it, so anyone holding (seed, epoch, row) can
// redraw the exact image a batch saw without asking the trainer (the window's batch strip does).
std::uint64_t sampleAugmentationSeed(std::uint64_t runSeed, std::int64_t epoch, int row);

}  // namespace downhill::core
