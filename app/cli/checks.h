#pragma once
// Range checks for flag values. Each throws core::InputError "--<flag>: must be ..., got <v>"
// so that a bad value is reported by the flag the user typed, before the engine sees it.
#include <cstdint>
#include <string>

namespace downhill::cli {

void requirePositive(const std::string& flag, double v);
void requireNonNegative(const std::string& flag, double v);
// v in [lo, hi) or [lo, hi].
void requireUnitInterval(const std::string& flag, double v, bool hiIncluded);
void requireBetween(const std::string& flag, std::int64_t v, std::int64_t lo, std::int64_t hi);

}  // namespace downhill::cli
