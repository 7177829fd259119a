#include "app/cli/checks.h"

#include <cmath>
#include <limits>

#include "app/cli/command_line.h"
#include "app/cli/number_format.h"

namespace downhill::cli {

void requirePositive(const std::string& flag, double v)
{
    if (!(std::isfinite(v) && v > 0.0))
        failFlag(flag, "must be a positive number, got " + formatNumber(v));
}

void requireNonNegative(const std::string& flag, double v)
{
    if (!(std::isfinite(v) && v >= 0.0))
        failFlag(flag, "must be a number >= 0, got " + formatNumber(v));
}

void requireUnitInterval(const std::string& flag, double v, bool hiIncluded)
{
    if (!(v >= 0.0 && (hiIncluded ? v <= 1.0 : v < 1.0)))
        failFlag(flag, std::string("must be in [0, 1") + (hiIncluded ? "]" : ")") + ", got " + formatNumber(v));
}

void requireBetween(const std::string& flag, std::int64_t v, std::int64_t lo, std::int64_t hi)
{
    if (v >= lo && v <= hi)
        return;
    // An upper bound that is only the type's limit is not worth showing.
    if (hi >= std::numeric_limits<int>::max())
        failFlag(flag, "must be at least " + std::to_string(lo) + ", got " + std::to_string(v));
    failFlag(flag, "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + std::to_string(v));
}

}  // namespace downhill::cli
