#pragma once
#include "core/data/gray_image.h"

namespace downhill::core {

// Turns an image into the one number x that the 2-parameter models read: the amount of
// figure-like ink, normalised so that typical values are O(1) and x grows with the count.
// How it works is documented in feature_extractor.cpp and the README.
double extractFeature(const GrayImage& image);

}  // namespace downhill::core
