#pragma once
// Picking a few of many, evenly: the frames of an animation among a run's steps, the dots of
// the 3D view among a path's points.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace downhill::core {

// `count` distinct values from 0 to last, both included, spread evenly (rounded, so the gaps
// differ by at most one); fewer when there are fewer than `count` values (all of them). With
// count <= 1, or last <= 0, just the last one, max(last, 0): it always ends on the newest.
std::vector<std::int64_t> evenSpread(std::int64_t last, std::int64_t count);

// Calls fn for at most `limit` of the items (dereferenced, if they are pointers): every
// stride-th one counted back from the newest, the stride the smallest whole number that keeps
// within the limit, so the newest is always among them. For what one frame draws of the steps
// it brings (the window's path and loss curve, a race entrant's).
template <typename T, typename Fn>
void forEachShown(const std::vector<T>& items, std::size_t limit, Fn&& fn)
{
    const std::size_t n = items.size();
    const std::size_t stride = std::max<std::size_t>(1, (n + std::max<std::size_t>(limit, 1) - 1) / std::max<std::size_t>(limit, 1));
    for (std::size_t i = 0; i < n; ++i) {
        if ((n - 1 - i) % stride != 0)
            continue;
        if constexpr (std::is_pointer_v<T>)
            fn(*items[i]);
        else
            fn(items[i]);
    }
}

}  // namespace downhill::core
