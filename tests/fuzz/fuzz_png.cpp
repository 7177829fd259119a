// The PNG decoder as the data readers call it (core::tryReadPng): an image with all its pixels,
// or false with a reason; never more than the pixel limit.
#include "core/data/png_io.h"
#include "tests/fuzz/fuzz_input.h"

using namespace downhill;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::scratch() / "image.png";
    fuzz::writeBytes(path, fuzz::bytesOf(data, size));
    core::GrayImage image;
    std::string reason;
    // The budget of a data set with a few images in it already: the limit is part of the test.
    constexpr std::uint64_t kBudget = std::uint64_t{1} << 22;
    if (core::tryReadPng(path.string(), image, reason, kBudget)) {
        fuzz::require(image.width > 0 && image.height > 0, "an empty image");
        fuzz::require(image.pixels.size() == static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height),
            "an image without all its pixels");
        fuzz::require(image.pixels.size() <= kBudget, "an image past the pixel budget");
    } else {
        fuzz::require(!reason.empty(), "a refusal without a reason");
        fuzz::require(image.empty(), "a refused image that changed the output");
    }
    return 0;
}
