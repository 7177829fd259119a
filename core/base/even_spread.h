#pragma once
// Picking a few of many, evenly, always ending on the newest: the frames of an animation among a
// run's steps, what a frame draws of its steps. One rule for all of them. (The 3D view's path
// is spaced by length instead: core/landscape/draped_path.h.)
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

// Calls fn for at most `limit` of the items (dereferenced, if they are pointers), in order: the
// ones at evenSpread(items.size() - 1, limit), so the first and the newest are always among
// them. For what one frame draws of the steps it brings (the window's path and loss curve, a
// race entrant's).
template <typename T, typename Fn>
void forEachShown(const std::vector<T>& items, std::size_t limit, Fn&& fn)
{
    if (items.empty())
        return;
    const auto last = static_cast<std::int64_t>(items.size()) - 1;
    for (const std::int64_t i : evenSpread(last, static_cast<std::int64_t>(std::max<std::size_t>(limit, 1)))) {
        const T& item = items[static_cast<std::size_t>(i)];
        if constexpr (std::is_pointer_v<T>)
            fn(*item);
        else
            fn(item);
    }
}

}  // namespace downhill::core
