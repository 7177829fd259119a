#pragma once
// Numbers as text, exactly and without locale: std::to_chars gives the shortest string that
// reads back to the same double, so a trajectory file replays bit for bit.
#include <cstdint>
#include <string>

namespace downhill::cli {

// Longest text appendNumber() writes: a shortest round-trip double needs at most 24 chars.
inline constexpr int kMaxNumberChars = 32;

// Writes v at out (room for kMaxNumberChars assumed) and returns the end of what it wrote.
char* appendNumber(char* out, double v);
char* appendNumber(char* out, std::int64_t v);

std::string formatNumber(double v);

}  // namespace downhill::cli
