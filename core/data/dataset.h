#pragma once
#include <string>
#include <vector>

#include "core/data/gray_image.h"
#include "core/base/types.h"

namespace downhill::core {

// One-feature regression samples as columns: x[i] is sample i's feature, t[i] its target (the
// count of people). A network reads pixels instead: inputs, when not empty, holds sample i's
// shrunk image in column i (pixel_inputs.h); the small models ignore it.
struct Samples {
    Array x;
    Array t;
    Eigen::MatrixXd inputs;  // (n * n) x size(), or empty

    bool hasInputs() const { return inputs.size() > 0; }

    Eigen::Index size() const { return x.size(); }
    // The samples at the given rows, in that order.
    Samples gather(const std::vector<int>& rows) const;
};

// A whole data set as loaded or generated. images is empty for CSV data, otherwise it has one
// image per sample (augmentation needs them; the UI shows them).
struct Dataset {
    std::string source;              // where it came from, for titles and messages
    Samples samples;
    std::vector<GrayImage> images;

    bool hasImages() const { return !images.empty(); }
    Eigen::Index size() const { return samples.size(); }
};

// A seeded train/validation split: disjoint row lists covering every row. valFraction in [0, 1);
// with n >= 2 and valFraction > 0 both parts get at least one row. The validation rows are
// round(n * valFraction) rows chosen by a seeded shuffle; both lists are sorted ascending.
struct Split {
    std::vector<int> train;
    std::vector<int> val;
};
Split splitRows(int n, double valFraction, std::uint64_t seed);

}  // namespace downhill::core
