#pragma once
// Picking a few of many, evenly: the frames of an animation among a run's steps, the dots of
// the 3D view among a path's points.
#include <cstdint>
#include <vector>

namespace downhill::core {

// `count` distinct values from 0 to last, both included, spread evenly (rounded, so the gaps
// differ by at most one); fewer when there are fewer than `count` values (all of them). With
// count <= 1, or last <= 0, just the last one, max(last, 0): it always ends on the newest.
std::vector<std::int64_t> evenSpread(std::int64_t last, std::int64_t count);

}  // namespace downhill::core
