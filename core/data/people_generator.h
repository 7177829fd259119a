#pragma once
#include <cstdint>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/gray_image.h"

namespace downhill::core {

// Settings of the built-in people-counting data set.
struct PeopleSettings {
    int count = 2000;          // number of images
    std::uint64_t seed = 1;
    int maxPeople = 9;         // each image has 0..maxPeople figures, uniformly
    int size = 48;             // images are size x size pixels (>= 32)
    bool distractors = true;   // shapes that are not people, which a good counter ignores
    double noiseSigma = 6.0;   // sensor noise, in grey levels

    // Throws InputError naming the field when a value is out of range.
    void validate() const;
};

// Where one figure was drawn (for tests and the dataset panel).
// The box is that of the figure's ink: every painted pixel centre lies within it, and the
// generator keeps it inside [0, size - 1] on both axes.
struct Figure {
    double x = 0, y = 0;       // centre of the body (of its bounding box), pixels
    double height = 0;         // head top to feet, pixels
    double width = 0;          // hand to hand or foot to foot, whichever is wider, pixels
};

struct PeopleImage {
    GrayImage image;
    int count = 0;                 // the label: number of figures drawn
    std::vector<Figure> figures;   // exactly `count` entries
};

// Draws one image. Deterministic: the same (settings, index) gives byte-identical pixels,
// independent of how many images are made or in what order.
PeopleImage generatePeopleImage(const PeopleSettings& settings, int index);

// The whole data set: images, labels and the extracted feature x of each.
Dataset generatePeople(const PeopleSettings& settings);

}  // namespace downhill::core
