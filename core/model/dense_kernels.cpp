#include "core/model/dense_kernels.h"

// Why the bits cannot depend on the build below: C++ without -ffast-math lets the compiler
// neither reassociate a sum nor (with -ffp-contract=off, set on this file in CMake) fuse a
// multiply into an add. The kernels spell out each output's sum as acc = acc + a * b, k in
// order; a vector only holds several such sums side by side. Whether GCC carries four of them
// in a ymm register, two in an xmm one, or one in a scalar, every output sees the same
// roundings in the same order.

namespace downhill::core {

namespace {

// Two or four doubles: an SSE2 or an AVX2 register. (A template argument loses a typedef's
// alignment attribute, so loads and stores go through memcpy, which makes them unaligned.)
typedef double V2 __attribute__((vector_size(16)));
typedef double V4 __attribute__((vector_size(32)));
template <typename V>
constexpr int kLanes = static_cast<int>(sizeof(V) / sizeof(double));

#define DOWNHILL_INLINE inline __attribute__((always_inline))

// wt (in x outP, row-major) = w (out x in, row-major) transposed, the units past out zero. In
// blocks of L x L by shuffles: copied one double at a time it took a quarter of the forward
// product's time (1.1 of 4.6 us for mlp:16 on 12 x 12, batch 32).
template <typename V>
DOWNHILL_INLINE void transpose(const double* w, int in, int out, int outP, double* wt)
{
    constexpr int L = kLanes<V>;
    int u0 = 0;
    for (; u0 + L <= out; u0 += L) {
        int k0 = 0;
        for (; k0 + L <= in; k0 += L) {
            V r[L], c[L];
#pragma GCC unroll 4
            for (int i = 0; i < L; ++i)
                __builtin_memcpy(&r[i], w + static_cast<long>(u0 + i) * in + k0, sizeof(V));
            if constexpr (L == 2) {
                c[0] = __builtin_shufflevector(r[0], r[1], 0, 2);
                c[1] = __builtin_shufflevector(r[0], r[1], 1, 3);
            } else {
                const V t0 = __builtin_shufflevector(r[0], r[1], 0, 4, 2, 6);
                const V t1 = __builtin_shufflevector(r[0], r[1], 1, 5, 3, 7);
                const V t2 = __builtin_shufflevector(r[2], r[3], 0, 4, 2, 6);
                const V t3 = __builtin_shufflevector(r[2], r[3], 1, 5, 3, 7);
                c[0] = __builtin_shufflevector(t0, t2, 0, 1, 4, 5);
                c[1] = __builtin_shufflevector(t1, t3, 0, 1, 4, 5);
                c[2] = __builtin_shufflevector(t0, t2, 2, 3, 6, 7);
                c[3] = __builtin_shufflevector(t1, t3, 2, 3, 6, 7);
            }
#pragma GCC unroll 4
            for (int j = 0; j < L; ++j)
                __builtin_memcpy(wt + static_cast<long>(k0 + j) * outP + u0, &c[j], sizeof(V));
        }
        for (; k0 < in; ++k0) {
            for (int i = 0; i < L; ++i)
                wt[static_cast<long>(k0) * outP + u0 + i] = w[static_cast<long>(u0 + i) * in + k0];
        }
    }
    for (int k = 0; k < in; ++k) {
        double* row = wt + static_cast<long>(k) * outP;
        for (int u = u0; u < out; ++u)
            row[u] = w[static_cast<long>(u) * in + k];
        for (int u = out; u < outP; ++u)
            row[u] = 0.0;
    }
}

// Samples s0 .. s0+S-1, units u0 .. u0+L*UV-1 of the padded transpose wt (in x outP).
template <typename V, int S, int UV>
DOWNHILL_INLINE void forwardBlock(const double* wt, int outP, const double* bias, const double* x, int in, int out,
    int s0, int u0, double* pre)
{
    V acc[S][UV];
#pragma GCC unroll 8
    for (int j = 0; j < S; ++j) {
#pragma GCC unroll 8
        for (int v = 0; v < UV; ++v)
            acc[j][v] = V{};
    }
    const double* xs = x + static_cast<long>(s0) * in;
    for (int k = 0; k < in; ++k) {
        const double* row = wt + static_cast<long>(k) * outP + u0;
        V wv[UV];
#pragma GCC unroll 8
        for (int v = 0; v < UV; ++v)
            __builtin_memcpy(&wv[v], row + kLanes<V> * v, sizeof(V));
#pragma GCC unroll 8
        for (int j = 0; j < S; ++j) {
            // A vector times a scalar: the scalar in every lane as it is (-0.0 too), one
            // vbroadcastsd.
            const double xk = xs[static_cast<long>(j) * in + k];
#pragma GCC unroll 8
            for (int v = 0; v < UV; ++v)
                acc[j][v] = acc[j][v] + wv[v] * xk;
        }
    }
#pragma GCC unroll 8
    for (int j = 0; j < S; ++j) {
        double* column = pre + static_cast<long>(s0 + j) * out;
#pragma GCC unroll 8
        for (int v = 0; v < UV; ++v) {
            const int u = u0 + kLanes<V> * v;
            if (u + kLanes<V> <= out) {
                V b;
                __builtin_memcpy(&b, bias + u, sizeof(V));
                const V sum = acc[j][v] + b;
                __builtin_memcpy(column + u, &sum, sizeof(V));
            } else {
                for (int lane = 0; lane < kLanes<V> && u + lane < out; ++lane)
                    column[u + lane] = acc[j][v][lane] + bias[u + lane];
            }
        }
    }
}

template <typename V>
DOWNHILL_INLINE void forwardImpl(const double* w, const double* bias, const double* x, int in, int out, int n,
    double* pre, double* wt)
{
    const int outP = (out + 3) / 4 * 4;
    transpose<V>(w, in, out, outP, wt);
    // Blocks of 4 samples by 2 vectors of units: 8 sums in flight, 11 of the 16 registers.
    constexpr int L = kLanes<V>;
    int u0 = 0;
    for (; u0 + 2 * L <= outP; u0 += 2 * L) {
        int s0 = 0;
        for (; s0 + 4 <= n; s0 += 4)
            forwardBlock<V, 4, 2>(wt, outP, bias, x, in, out, s0, u0, pre);
        for (; s0 < n; ++s0)
            forwardBlock<V, 1, 2>(wt, outP, bias, x, in, out, s0, u0, pre);
    }
    for (; u0 < outP; u0 += L) {
        int s0 = 0;
        for (; s0 + 4 <= n; s0 += 4)
            forwardBlock<V, 4, 1>(wt, outP, bias, x, in, out, s0, u0, pre);
        for (; s0 < n; ++s0)
            forwardBlock<V, 1, 1>(wt, outP, bias, x, in, out, s0, u0, pre);
    }
}

// Units u0 .. u0+U-1, inputs k0 .. k0+4*KV-1.
template <typename V, int U, int KV>
DOWNHILL_INLINE void gradientBlock(const double* delta, const double* x, int in, int out, int n, int u0, int k0, double* gw)
{
    V acc[U][KV];
#pragma GCC unroll 8
    for (int i = 0; i < U; ++i) {
#pragma GCC unroll 8
        for (int v = 0; v < KV; ++v)
            acc[i][v] = V{};
    }
    for (int s = 0; s < n; ++s) {
        const double* xs = x + static_cast<long>(s) * in + k0;
        const double* ds = delta + static_cast<long>(s) * out + u0;
        V xv[KV];
#pragma GCC unroll 8
        for (int v = 0; v < KV; ++v)
            __builtin_memcpy(&xv[v], xs + kLanes<V> * v, sizeof(V));
#pragma GCC unroll 8
        for (int i = 0; i < U; ++i) {
            const double d = ds[i];
#pragma GCC unroll 8
            for (int v = 0; v < KV; ++v)
                acc[i][v] = acc[i][v] + d * xv[v];
        }
    }
#pragma GCC unroll 8
    for (int i = 0; i < U; ++i) {
#pragma GCC unroll 8
        for (int v = 0; v < KV; ++v)
            __builtin_memcpy(gw + static_cast<long>(u0 + i) * in + k0 + kLanes<V> * v, &acc[i][v], sizeof(V));
    }
}

template <typename V, int U>
DOWNHILL_INLINE void gradientUnits(const double* delta, const double* x, int in, int out, int n, int u0, double* gw)
{
    constexpr int L = kLanes<V>;
    int k0 = 0;
    for (; k0 + 2 * L <= in; k0 += 2 * L)
        gradientBlock<V, U, 2>(delta, x, in, out, n, u0, k0, gw);
    for (; k0 + L <= in; k0 += L)
        gradientBlock<V, U, 1>(delta, x, in, out, n, u0, k0, gw);
    for (; k0 < in; ++k0) {
        for (int i = 0; i < U; ++i) {
            double acc = 0.0;
            for (int s = 0; s < n; ++s)
                acc = acc + delta[static_cast<long>(s) * out + u0 + i] * x[static_cast<long>(s) * in + k0];
            gw[static_cast<long>(u0 + i) * in + k0] = acc;
        }
    }
}

template <typename V>
DOWNHILL_INLINE void gradientImpl(const double* delta, const double* x, int in, int out, int n, double* gw)
{
    int u0 = 0;
    for (; u0 + 4 <= out; u0 += 4)
        gradientUnits<V, 4>(delta, x, in, out, n, u0, gw);
    for (; u0 < out; ++u0)
        gradientUnits<V, 1>(delta, x, in, out, n, u0, gw);
}

void forwardGeneric(const double* w, const double* bias, const double* x, int in, int out, int n, double* pre, double* wt)
{
    forwardImpl<V2>(w, bias, x, in, out, n, pre, wt);
}
void gradientGeneric(const double* delta, const double* x, int in, int out, int n, double* gw)
{
    gradientImpl<V2>(delta, x, in, out, n, gw);
}

#if defined(__x86_64__)
// AVX2 and nothing more: "fma" is never named, so no instruction here can fuse.
__attribute__((target("avx2"))) void forwardAvx2(const double* w, const double* bias, const double* x, int in, int out,
    int n, double* pre, double* wt)
{
    forwardImpl<V4>(w, bias, x, in, out, n, pre, wt);
}
__attribute__((target("avx2"))) void gradientAvx2(const double* delta, const double* x, int in, int out, int n, double* gw)
{
    gradientImpl<V4>(delta, x, in, out, n, gw);
}
#endif

}  // namespace

void denseForward(const double* w, const double* bias, const double* x, int in, int out, int n, double* pre,
    double* scratch, KernelIsa isa)
{
#if defined(__x86_64__)
    if (isa == KernelIsa::Avx2 && kernelIsaAvailable(KernelIsa::Avx2)) {
        forwardAvx2(w, bias, x, in, out, n, pre, scratch);
        return;
    }
#endif
    forwardGeneric(w, bias, x, in, out, n, pre, scratch);
}

void denseWeightGradient(const double* delta, const double* x, int in, int out, int n, double* gw, KernelIsa isa)
{
#if defined(__x86_64__)
    if (isa == KernelIsa::Avx2 && kernelIsaAvailable(KernelIsa::Avx2)) {
        gradientAvx2(delta, x, in, out, n, gw);
        return;
    }
#endif
    gradientGeneric(delta, x, in, out, n, gw);
}

}  // namespace downhill::core
