#include "core/data/dataset.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/base/error.h"
#include "core/base/rng.h"

namespace downhill::core {

Samples Samples::gather(const std::vector<int>& rows) const
{
    Samples out;
    out.x.resize(static_cast<Eigen::Index>(rows.size()));
    out.t.resize(static_cast<Eigen::Index>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.x[static_cast<Eigen::Index>(i)] = x[rows[i]];
        out.t[static_cast<Eigen::Index>(i)] = t[rows[i]];
    }
    if (hasInputs()) {
        out.inputs.resize(inputs.rows(), static_cast<Eigen::Index>(rows.size()));
        for (std::size_t i = 0; i < rows.size(); ++i)
            out.inputs.col(static_cast<Eigen::Index>(i)) = inputs.col(rows[i]);
    }
    return out;
}

Split splitRows(int n, double valFraction, std::uint64_t seed)
{
    if (!(valFraction >= 0.0 && valFraction < 1.0))
        throw InputError("validation fraction must be in [0, 1), got " + std::to_string(valFraction));
    if (n < 0)
        throw InputError("cannot split " + std::to_string(n) + " rows");
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    Rng rng(deriveSeed(seed, 0x5B117));
    // Fisher-Yates with our own integer draw: the same permutation on every platform.
    for (int i = n - 1; i > 0; --i)
        std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(rng.integer(0, i))]);
    // A single row is for training: a model cannot learn from none.
    auto nVal = n < 2 ? 0 : static_cast<int>(std::lround(n * valFraction));
    if (valFraction > 0.0 && n >= 2)
        nVal = std::clamp(nVal, 1, n - 1);
    Split split;
    split.val.assign(order.begin(), order.begin() + nVal);
    split.train.assign(order.begin() + nVal, order.end());
    std::sort(split.val.begin(), split.val.end());
    std::sort(split.train.begin(), split.train.end());
    return split;
}

}  // namespace downhill::core
