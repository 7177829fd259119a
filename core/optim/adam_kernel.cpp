#include "core/optim/adam_kernel.h"

#include <cmath>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace downhill::core {

namespace {

// The element the vector loops do two or four at a time, in the same order of operations.
inline void adamOne(const AdamCoefficients& c, double oneMinusBeta1, double oneMinusBeta2, double g, double& m, double& v,
    double& direction)
{
    m = c.beta1 * m + oneMinusBeta1 * g;
    v = c.beta2 * v + oneMinusBeta2 * (g * g);
    direction = (m / c.bias1) / (std::sqrt(v / c.bias2) + c.eps);
}

#if defined(__x86_64__)
// Divide1 / Divide2 false when bias1 / bias2 is exactly 1 (1 - beta1^t rounds to 1 from step 356
// on with beta1 = 0.9, 1 - beta2^t from step 37,412 with beta2 = 0.999): x / 1 is x, bit for
// bit, and a division is the dearest operation here.
template <bool Divide1, bool Divide2>
void adamSse2(const AdamCoefficients& c, const double* g, double* m, double* v, double* direction, long n)
{
    const double c1 = 1.0 - c.beta1, c2 = 1.0 - c.beta2;
    const __m128d b1 = _mm_set1_pd(c.beta1), b2 = _mm_set1_pd(c.beta2), k1 = _mm_set1_pd(c1), k2 = _mm_set1_pd(c2);
    const __m128d bias1 = _mm_set1_pd(c.bias1), bias2 = _mm_set1_pd(c.bias2), eps = _mm_set1_pd(c.eps);
    long i = 0;
    for (; i + 2 <= n; i += 2) {
        const __m128d gv = _mm_loadu_pd(g + i);
        const __m128d mv = _mm_add_pd(_mm_mul_pd(b1, _mm_loadu_pd(m + i)), _mm_mul_pd(k1, gv));
        const __m128d vv = _mm_add_pd(_mm_mul_pd(b2, _mm_loadu_pd(v + i)), _mm_mul_pd(k2, _mm_mul_pd(gv, gv)));
        _mm_storeu_pd(m + i, mv);
        _mm_storeu_pd(v + i, vv);
        const __m128d denominator = _mm_add_pd(_mm_sqrt_pd(Divide2 ? _mm_div_pd(vv, bias2) : vv), eps);
        _mm_storeu_pd(direction + i, _mm_div_pd(Divide1 ? _mm_div_pd(mv, bias1) : mv, denominator));
    }
    for (; i < n; ++i)
        adamOne(c, c1, c2, g[i], m[i], v[i], direction[i]);
}

// AVX2 only, never "fma" (which would let the compiler fuse the multiply-adds).
template <bool Divide1, bool Divide2>
__attribute__((target("avx2"))) void adamAvx2(const AdamCoefficients& c, const double* g, double* m, double* v,
    double* direction, long n)
{
    const double c1 = 1.0 - c.beta1, c2 = 1.0 - c.beta2;
    const __m256d b1 = _mm256_set1_pd(c.beta1), b2 = _mm256_set1_pd(c.beta2), k1 = _mm256_set1_pd(c1),
                  k2 = _mm256_set1_pd(c2);
    const __m256d bias1 = _mm256_set1_pd(c.bias1), bias2 = _mm256_set1_pd(c.bias2), eps = _mm256_set1_pd(c.eps);
    long i = 0;
    for (; i + 4 <= n; i += 4) {
        const __m256d gv = _mm256_loadu_pd(g + i);
        const __m256d mv = _mm256_add_pd(_mm256_mul_pd(b1, _mm256_loadu_pd(m + i)), _mm256_mul_pd(k1, gv));
        const __m256d vv =
            _mm256_add_pd(_mm256_mul_pd(b2, _mm256_loadu_pd(v + i)), _mm256_mul_pd(k2, _mm256_mul_pd(gv, gv)));
        _mm256_storeu_pd(m + i, mv);
        _mm256_storeu_pd(v + i, vv);
        const __m256d denominator = _mm256_add_pd(_mm256_sqrt_pd(Divide2 ? _mm256_div_pd(vv, bias2) : vv), eps);
        _mm256_storeu_pd(direction + i, _mm256_div_pd(Divide1 ? _mm256_div_pd(mv, bias1) : mv, denominator));
    }
    for (; i < n; ++i)
        adamOne(c, c1, c2, g[i], m[i], v[i], direction[i]);
}

template <bool Divide1, bool Divide2>
void adamOn(KernelIsa isa, const AdamCoefficients& c, const double* g, double* m, double* v, double* direction, long n)
{
    if (isa == KernelIsa::Avx2 && kernelIsaAvailable(KernelIsa::Avx2))
        adamAvx2<Divide1, Divide2>(c, g, m, v, direction, n);
    else
        adamSse2<Divide1, Divide2>(c, g, m, v, direction, n);
}
#endif

}  // namespace

void adamMoments(const AdamCoefficients& c, const double* g, double* m, double* v, double* direction, long n,
    KernelIsa isa)
{
#if defined(__x86_64__)
    const bool divide1 = c.bias1 != 1.0, divide2 = c.bias2 != 1.0;
    if (divide1 && divide2)
        adamOn<true, true>(isa, c, g, m, v, direction, n);
    else if (divide2)
        adamOn<false, true>(isa, c, g, m, v, direction, n);
    else if (divide1)
        adamOn<true, false>(isa, c, g, m, v, direction, n);
    else
        adamOn<false, false>(isa, c, g, m, v, direction, n);
#else
    (void)isa;
    const double c1 = 1.0 - c.beta1, c2 = 1.0 - c.beta2;
    for (long i = 0; i < n; ++i)
        adamOne(c, c1, c2, g[i], m[i], v[i], direction[i]);
#endif
}

}  // namespace downhill::core
