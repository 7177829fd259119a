// The CSV data reader, as downhill and downhill-cli call it (core::loadData on a file): a data
// set with x and count finite and count >= 0, or an InputError.
#include <cmath>

#include "core/base/error.h"
#include "core/data/dataset_io.h"
#include "tests/fuzz/fuzz_input.h"

using namespace downhill;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto path = fuzz::scratch() / "data.csv";
    fuzz::writeBytes(path, fuzz::bytesOf(data, size));
    try {
        const core::Dataset set = core::loadData(path.string());
        fuzz::require(set.size() > 0, "a data set with no rows");
        fuzz::require(set.samples.x.size() == set.samples.t.size(), "x and count of different lengths");
        for (Eigen::Index i = 0; i < set.size(); ++i) {
            fuzz::require(std::isfinite(set.samples.x[i]), "a non-finite x");
            fuzz::require(std::isfinite(set.samples.t[i]) && set.samples.t[i] >= 0, "a count that is not finite and >= 0");
        }
    } catch (const core::InputError& e) {
        fuzz::require(*e.what() != '\0', "an empty message");
    }
    return 0;
}
