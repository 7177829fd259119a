#pragma once
#include <cstdint>
#include <vector>

namespace downhill::core {

// An 8-bit grayscale image, row-major, 0 = black.
struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // width * height

    GrayImage() = default;
    GrayImage(int w, int h, std::uint8_t fill = 0)
        : width(w), height(h), pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), fill) {}

    std::uint8_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; }
    std::uint8_t& at(int x, int y) { return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; }
    bool empty() const { return pixels.empty(); }
    bool operator==(const GrayImage&) const = default;
};

}  // namespace downhill::core
