#pragma once
#include <cstdint>
#include <string>

#include "core/data/gray_image.h"

namespace downhill::core {

// Reads any PNG (gray, RGB, palette, alpha, 8 or 16 bit) as 8-bit gray. Throws InputError
// "<path>: <what is wrong>" for a missing, unreadable or corrupt file.
GrayImage readPng(const std::string& path);

// The most pixels one PNG may have (8192 x 8192); a side is at most 8192 too.
inline constexpr std::uint64_t kMaxPngPixels = std::uint64_t{8192} * 8192;
inline constexpr const char* kTooManyPixels = "too many pixels: ";

// As readPng, but for callers that put the problem in their own context (a labels.csv line):
// returns false and sets `reason` (what is wrong, without the path) instead of throwing. An
// image of more than maxPixels pixels is refused from its header, before any memory is
// reserved for its pixels (a data set passes what is left of its budget); its reason then
// begins with kTooManyPixels.
bool tryReadPng(const std::string& path, GrayImage& image, std::string& reason,
    std::uint64_t maxPixels = kMaxPngPixels);

// Writes an 8-bit grayscale PNG, through a temporary file renamed into place.
void writePng(const std::string& path, const GrayImage& image);

}  // namespace downhill::core
