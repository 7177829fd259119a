#include "core/base/rng.h"

#include <cmath>
#include <numbers>

#include "core/base/types.h"

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

namespace {

// Cephes' sin.c on [-pi/4, pi/4]: sin x = x + x^3 S(x^2), cos x = 1 - x^2 / 2 + x^4 C(x^2).
constexpr double kSin[] = {1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
    -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1};
constexpr double kCos[] = {-1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
    2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2};

// The scratch of normals(), per thread, kept: no allocation once it has held the largest count.
struct NormalScratch {
    Array u1, u2, radius, quarter, x, z, sine, cosine;
};

// c[0] z^5 + ... + c[5] into out, by Horner's rule (written into out: no temporary array).
void polynomial(const double (&c)[6], const Array& z, Array& out)
{
    out = ((((c[0] * z + c[1]) * z + c[2]) * z + c[3]) * z + c[4]) * z + c[5];
}

}  // namespace

void Rng::normals(double* out, std::size_t n)
{
    std::size_t done = 0;
    if (hasSpare_ && n > 0) {
        out[done++] = spare_;
        hasSpare_ = false;
    }
    const std::size_t pairs = (n - done + 1) / 2;
    if (pairs == 0)
        return;
    thread_local NormalScratch s;
    const auto m = static_cast<Eigen::Index>(pairs);
    s.u1.resize(m);
    s.u2.resize(m);
    for (Eigen::Index k = 0; k < m; ++k) {
        double u1 = uniform();
        while (u1 <= 0.0)
            u1 = uniform();
        s.u1[k] = u1;
        s.u2[k] = uniform();
    }
    s.radius = (-2.0 * s.u1.log()).sqrt();
    // theta = 2 pi u2 = quarter pi/2 + x with |x| <= pi/4: u2 - quarter/4 is exact (u2 has 53
    // bits below 1), so the reduction loses nothing.
    s.quarter = (4.0 * s.u2 + 0.5).floor();
    s.x = (s.u2 - 0.25 * s.quarter) * (2.0 * std::numbers::pi);
    s.z = s.x * s.x;
    polynomial(kSin, s.z, s.sine);
    s.sine = s.x + (s.x * s.z) * s.sine;
    polynomial(kCos, s.z, s.cosine);
    s.cosine = (1.0 - 0.5 * s.z) + (s.z * s.z) * s.cosine;
    // theta's sine and cosine from x's by the quarter: (sin, cos) = (s, c), (c, -s), (-s, -c),
    // (-c, s). By table, not by branch: the quarters come in random order.
    static constexpr double sinFromSin[4] = {1, 0, -1, 0}, sinFromCos[4] = {0, 1, 0, -1};
    static constexpr double cosFromCos[4] = {1, 0, -1, 0}, cosFromSin[4] = {0, -1, 0, 1};
    for (Eigen::Index k = 0; k < m; ++k) {
        const double sn = s.sine[k], cs = s.cosine[k];
        const auto q = static_cast<std::size_t>(static_cast<int>(s.quarter[k]) & 3);
        const double sinTheta = sinFromSin[q] * sn + sinFromCos[q] * cs;
        const double cosTheta = cosFromCos[q] * cs + cosFromSin[q] * sn;
        const double r = s.radius[k];
        out[done++] = r * cosTheta;
        if (done < n) {
            out[done++] = r * sinTheta;
        } else {
            spare_ = r * sinTheta;
            hasSpare_ = true;
        }
    }
}

}  // namespace downhill::core
