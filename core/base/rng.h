#pragma once
// A fixed random generator with our own transforms. std:: distributions differ between standard
// libraries, so the same seed would give other images elsewhere; these do not.
#include <cstddef>
#include <cstdint>

namespace downhill::core {

// SplitMix64 finaliser: a good 64-bit mix, also used to derive independent streams from
// (seed, purpose, index) without storing generator state (counter-based randomness makes
// replay and step-back exact for free).
constexpr std::uint64_t mix64(std::uint64_t z) noexcept
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

constexpr std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0) noexcept
{
    return mix64(mix64(mix64(seed) ^ a) ^ (b * 0xd6e8feb86659fd93ULL));
}

// xoshiro256** (Blackman and Vigna), seeded through SplitMix64.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) noexcept;

    std::uint64_t next() noexcept;
    // Uniform in [0, 1) with 53 random bits.
    double uniform() noexcept;
    double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi] (inclusive), unbiased (Lemire's method with rejection).
    int integer(int lo, int hi) noexcept;
    bool chance(double p) noexcept { return uniform() < p; }
    // Standard normal by the Box-Muller transform (one value per call, the pair's second kept).
    double normal() noexcept;
    // n values as n calls of normal() would give them, from the same uniforms in the same order
    // and leaving the same state (a spare kept when n is odd), but the logarithm, sine and cosine
    // computed for all pairs at once by vectorised code of Downhill's own: each value within 8e-15
    // of normal()'s (normal() rounds 2 pi u2 before its sine), and the same on every x86-64 CPU
    // (normal() uses the C library's, which switches to FMA code on CPUs that have it).
    void normals(double* out, std::size_t n);

private:
    std::uint64_t s_[4];
    double spare_ = 0.0;
    bool hasSpare_ = false;
};

}  // namespace downhill::core
