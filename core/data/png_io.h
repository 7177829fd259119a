#pragma once
#include <string>

#include "core/data/gray_image.h"

namespace downhill::core {

// Reads any PNG (gray, RGB, palette, alpha, 8 or 16 bit) as 8-bit gray. Throws InputError
// "<path>: <what is wrong>" for a missing, unreadable or corrupt file.
GrayImage readPng(const std::string& path);

// As readPng, but for callers that put the problem in their own context (a labels.csv line):
// returns false and sets `reason` (what is wrong, without the path) instead of throwing.
bool tryReadPng(const std::string& path, GrayImage& image, std::string& reason);

// Writes an 8-bit grayscale PNG, through a temporary file renamed into place.
void writePng(const std::string& path, const GrayImage& image);

}  // namespace downhill::core
