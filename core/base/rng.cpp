#include "core/base/rng.h"

#include <cmath>
#include <numbers>

namespace downhill::core {

namespace {
constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
}  // namespace

Rng::Rng(std::uint64_t seed) noexcept
{
    std::uint64_t z = seed;
    for (auto& s : s_) {
        s = mix64(z);
        z += 0x9e3779b97f4a7c15ULL;
    }
}

std::uint64_t Rng::next() noexcept
{
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double Rng::uniform() noexcept
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

int Rng::integer(int lo, int hi) noexcept
{
    const auto range = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo) + 1;
    // Lemire: multiply-shift, rejecting the small biased zone.
    std::uint64_t m = (next() >> 32) * range;  // 32 x 32 bits: fits in 64
    auto low = static_cast<std::uint64_t>(m) & 0xffffffffULL;
    if (low < range) {
        const std::uint64_t threshold = (0x100000000ULL - range) % range;
        while (low < threshold) {
            m = (next() >> 32) * range;
            low = static_cast<std::uint64_t>(m) & 0xffffffffULL;
        }
    }
    return static_cast<int>(lo + static_cast<std::int64_t>(m >> 32));
}

double Rng::normal() noexcept
{
    if (hasSpare_) {
        hasSpare_ = false;
        return spare_;
    }
    double u1 = uniform();
    while (u1 <= 0.0)
        u1 = uniform();
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double theta = 2.0 * std::numbers::pi * u2;
    spare_ = r * std::sin(theta);
    hasSpare_ = true;
    return r * std::cos(theta);
}

}  // namespace downhill::core
