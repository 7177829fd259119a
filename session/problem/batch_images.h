#pragma once
// The images of a batch as the model saw them. With augmentation on, the trainer redraws each
// training image when its batch is drawn, from (run seed, epoch, row) alone
// (core::sampleAugmentationSeed); this redraws the same image on the GUI side from the
// snapshot's numbers, so the training loop copies no images to show them.
#include <cstdint>

#include <QString>

#include "core/data/augmentation.h"
#include "core/train/trainer.h"

namespace downhill::ui {

class BatchImages {
public:
    // The image training row `row` had in epoch `epoch` under these settings: the original
    // when no augmentation is on. The row must have an image (data.trainImages).
    static core::GrayImage seen(const core::TrainData& data, const core::TrainSettings& settings, std::int64_t epoch, int row);
    // What augmentation did to that image, in words ("flipped, +12 grey levels, noise"); empty
    // when none is on.
    static QString describe(const core::TrainSettings& settings, std::int64_t epoch, int row);
};

}  // namespace downhill::ui
