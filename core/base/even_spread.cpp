#include "core/base/even_spread.h"

#include <algorithm>
#include <cmath>

namespace downhill::core {

std::vector<std::int64_t> evenSpread(std::int64_t last, std::int64_t count)
{
    last = std::max<std::int64_t>(last, 0);
    const std::int64_t n = std::min(count, last + 1);
    if (n <= 1)
        return {last};
    std::vector<std::int64_t> out;
    out.reserve(static_cast<std::size_t>(n));
    for (std::int64_t k = 0; k < n; ++k) {
        // Rounded, not truncated; with n <= last + 1 the gaps are at least one, so the values
        // are distinct.
        out.push_back(static_cast<std::int64_t>(std::llround(static_cast<double>(k) * static_cast<double>(last) / static_cast<double>(n - 1))));
    }
    return out;
}

}  // namespace downhill::core
