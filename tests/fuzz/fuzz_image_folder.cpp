// The image-folder reader with labels.csv (core::loadData on a folder). The input is the
// labels.csv text, then optionally "\n%%png\n" and the bytes of one image, written as a.png;
// b.png is a valid 8 x 8 image that is always there. A data set whose images all have their
// pixels and at least 8 x 8 of them, or an InputError.
#include <cmath>
#include <string_view>

#include "core/base/error.h"
#include "core/data/dataset_io.h"
#include "core/data/png_io.h"
#include "tests/fuzz/fuzz_input.h"

using namespace downhill;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto dir = [] {
        const auto d = fuzz::scratch() / "folder";
        std::filesystem::create_directories(d);
        core::writePng((d / "b.png").string(), core::GrayImage(8, 8, 128));
        return d;
    }();
    const std::string_view input = fuzz::bytesOf(data, size);
    constexpr std::string_view kSeparator = "\n%%png\n";
    const auto cut = input.find(kSeparator);
    fuzz::writeBytes(dir / "labels.csv", input.substr(0, cut));
    std::filesystem::remove(dir / "a.png");
    if (cut != std::string_view::npos)
        fuzz::writeBytes(dir / "a.png", input.substr(cut + kSeparator.size()));
    try {
        const core::Dataset set = core::loadData(dir.string());
        fuzz::require(set.size() > 0, "a data set with no rows");
        fuzz::require(set.images.size() == static_cast<std::size_t>(set.size()), "not one image a row");
        for (const core::GrayImage& image : set.images) {
            fuzz::require(image.width >= 8 && image.height >= 8, "an image below the minimum size");
            fuzz::require(image.pixels.size() == static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height),
                "an image without all its pixels");
        }
        for (Eigen::Index i = 0; i < set.size(); ++i)
            fuzz::require(std::isfinite(set.samples.x[i]) && set.samples.t[i] >= 0
                    && set.samples.t[i] == std::floor(set.samples.t[i]),
                "a feature that is not finite or a count that is not a whole number");
    } catch (const core::InputError& e) {
        fuzz::require(*e.what() != '\0', "an empty message");
    }
    return 0;
}
