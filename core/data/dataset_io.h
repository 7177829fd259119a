#pragma once
#include <cstdint>
#include <string>

#include "core/base/progress.h"
#include "core/data/dataset.h"

namespace downhill::core {

// A CSV with a header naming columns `x` and `count` (other columns ignored); any one-feature
// regression set. Throws InputError "<path>:<line>: <what>" for missing columns, ragged rows,
// non-numeric / NaN / infinite values, negative counts, or no rows.
// progress (optional): how far the reading has got; Cancelled once it is cancelled. So for all
// three readers.
Dataset loadCsv(const std::string& path, Progress* progress = nullptr);

// The most pixels the images of one data set may hold together (2^27: 128 MiB of gray). Each
// image is checked against what is left of it from its PNG header, before it is decoded.
inline constexpr std::uint64_t kMaxDatasetPixels = std::uint64_t{1} << 27;

// A folder of PNG images with labels.csv (`image,count`); x comes from extractFeature().
// Throws InputError naming labels.csv's line for a missing or corrupt image, or one past the
// data set's pixel budget.
Dataset loadImageFolder(const std::string& dir, Progress* progress = nullptr);

// A directory is an image folder, a file is a CSV. Running out of memory while loading is bad
// input too: an InputError naming the path, never std::bad_alloc.
Dataset loadData(const std::string& path, Progress* progress = nullptr);

// Writes dir/000000.png ... and dir/labels.csv so that loadImageFolder(dir) reads it back.
// The folder is created if needed; every file goes through a temporary renamed into place.
void exportImageFolder(const Dataset& dataset, const std::string& dir);

}  // namespace downhill::core
