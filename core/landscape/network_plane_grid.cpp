#include "core/landscape/network_plane_grid.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <cmath>
#include <vector>

#include "core/base/parallel.h"
#include "core/landscape/landscape.h"
#include "core/model/mlp_objective.h"

namespace downhill::core {

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Samples per block: a block's layer values (16 units x 64 samples = 8 KiB a matrix) stay in
// the L1 cache while every cell of a grid row reuses them.
constexpr Eigen::Index kBlock = 64;

// Cephes' tanh (tanh.c): x + x^3 P(x^2) / Q(x^2) below 0.625, 1 - 2 / (exp(2x) + 1) above.
constexpr double kP0 = -9.64399179425052238628e-1;
constexpr double kP1 = -9.92877231001918586564e1;
constexpr double kP2 = -1.61468768441708447952e3;
constexpr double kQ0 = 1.12811678491632931402e2;
constexpr double kQ1 = 2.23548839060100448583e3;
constexpr double kQ2 = 4.84406305325125486048e3;
// Cephes' e^r = (Q + P) / (Q - P) (exp.c, as Eigen's pexp for double).
constexpr double kExpP0 = 1.26177193074810590878e-4;
constexpr double kExpP1 = 3.02994407707441961300e-2;
constexpr double kExpP2 = 9.99999999999999999910e-1;
constexpr double kExpQ0 = 3.00198505138664455042e-6;
constexpr double kExpQ1 = 2.52448340349684104192e-3;
constexpr double kExpQ2 = 2.27265548208155028766e-1;
constexpr double kExpQ3 = 2.00000000000000000009e0;

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// The training forward pass's activations (mlp_objective.cpp), tanh through tanhInPlace.
void activateInPlace(Activation a, Eigen::Ref<Eigen::MatrixXd> x)
{
    switch (a) {
    case Activation::Tanh: tanhInPlace(x.data(), x.size()); break;
    case Activation::Relu: x = x.cwiseMax(0.0); break;
    case Activation::Sigmoid: x = (1.0 / (1.0 + (-x.array()).exp())).matrix(); break;
    }
}

// One worker's buffers, sized once per grid.
struct Scratch {
    Eigen::MatrixXd tails;    // the later layers' parameters of every cell of the row
    Array sums;               // each cell's loss summed over the blocks so far
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> q;   // P0 + beta P2
    Eigen::MatrixXd pre1, pre2;
    Array y;
};

}  // namespace

// Eight doubles at a time in the compiler's vector types (one AVX-512 register, two AVX2 or four
// SSE2 ones). The lane functions are inlined into
// each clone of tanhInPlace, so that how a vector is passed between functions (what -Wpsabi
// warns about, at the end of the file for the whole file) never matters.
#pragma GCC diagnostic ignored "-Wpsabi"
namespace {

using V = double __attribute__((vector_size(64)));
using M = long long __attribute__((vector_size(64)));
constexpr Eigen::Index kLanes = 8;

[[gnu::always_inline]] inline V splat(double v) { return V{v, v, v, v, v, v, v, v}; }

[[gnu::always_inline]] inline V pick(M mask, V a, V b)
{
    return std::bit_cast<V>((std::bit_cast<M>(a) & mask) | (std::bit_cast<M>(b) & ~mask));
}

[[gnu::always_inline]] inline V tanhLanes(V v)
{
    const M signBit = std::bit_cast<M>(splat(-0.0));
    const V a = std::bit_cast<V>(std::bit_cast<M>(v) & ~signBit);
    const V s = a * a;
    const V smallNum = a * s * ((splat(kP0) * s + splat(kP1)) * s + splat(kP2));
    const V smallDen = ((s + splat(kQ0)) * s + splat(kQ1)) * s + splat(kQ2);
    // 2 / (exp(2a) + 1) for 0.625 < a in one division: exp(2a) = 2^k e^r with
    // k = round(2a / ln 2), r = 2a - k ln 2 in two parts (fdlibm's), |r| <= ln 2 / 2, and e^r =
    // (Q + P) / (Q - P), Cephes' (and Eigen's) Pade form, P = r P'(r^2), Q = Q'(r^2); hence
    // 2 / (exp(2a) + 1) = 2 (Q - P) / (2^k (Q + P) + (Q - P)). 2a is capped at 40, past which
    // tanh rounds to 1 anyway; the lanes of small a (and NaN) are computed too and thrown away.
    const M large = a > splat(0.625);
    const V z = pick(a > splat(20.0), splat(40.0), a + a);
    const V shifter = splat(0x1.8p52);
    const V kShifted = z * splat(1.4426950408889634) + shifter;
    const V k = kShifted - shifter;
    const V r = (z - k * splat(6.93147180369123816490e-01)) - k * splat(1.90821492927058770002e-10);
    const V r2 = r * r;
    const V pr = r * ((splat(kExpP0) * r2 + splat(kExpP1)) * r2 + splat(kExpP2));
    const V qr = ((splat(kExpQ0) * r2 + splat(kExpQ1)) * r2 + splat(kExpQ2)) * r2 + splat(kExpQ3);
    const M kBits = std::bit_cast<M>(kShifted) - std::bit_cast<M>(shifter);
    const V twoToK = std::bit_cast<V>((kBits + 1023) << 52);
    const V qMinusP = qr - pr;
    const V largeNum = splat(2.0) * qMinusP;
    const V largeDen = twoToK * (qr + pr) + qMinusP;
    const V q = pick(large, largeNum, smallNum) / pick(large, largeDen, smallDen);
    const V t = pick(large, splat(1.0) - q, a + q);
    // tanh is odd: v's sign bit on |tanh(v)|, which keeps tanh(-0) = -0.
    return std::bit_cast<V>(std::bit_cast<M>(t) | (std::bit_cast<M>(v) & signBit));
}

}  // namespace

// Cloned for AVX-512 (x86-64-v4) and AVX2 where the CPU has them, as the portable build is SSE2:
// tanh is most of a tanh network's grid, and AVX-512 makes it about 1.5 times as fast as AVX2
// here. The same operations in the same order in every clone (no contraction into fused
// multiply-adds, -ffp-contract=off), so the same bits on any x86-64. GCC 12's AVX-512 trouble
// that keeps DOWNHILL_NATIVE at AVX2 is with vector initialisations elsewhere; these clones are
// checked cell by cell and ulp by ulp in tests/core/test_network_plane_grid on such a CPU.
// Clang (the sanitizer and fuzzing builds) refuses the 64-byte vectors between the inlined lane
// functions in the AVX2 clone ("changes the ABI"): it builds the portable version only.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#endif
void tanhInPlace(double* x, Eigen::Index n)
{
    Eigen::Index k = 0;
    for (; k + kLanes <= n; k += kLanes) {
        V v;
        std::memcpy(&v, x + k, sizeof v);
        v = tanhLanes(v);
        std::memcpy(x + k, &v, sizeof v);
    }
    if (k < n) {
        V v = splat(0.0);
        std::memcpy(&v, x + k, static_cast<std::size_t>(n - k) * sizeof(double));
        v = tanhLanes(v);
        std::memcpy(x + k, &v, static_cast<std::size_t>(n - k) * sizeof(double));
    }
}

namespace {

// kLanes samples (m of them in a tail) of the one hidden layer and the output. Inlined into each
// clone of hiddenToOutput, as tanhLanes.
template <bool Tanh, bool Tail>
[[gnu::always_inline]] inline void outputLanes(int units, Eigen::Index c, Eigen::Index m, const double* q,
    Eigen::Index qStride, const double* p1, Eigen::Index p1Stride, double alpha, const double* v, double bias, double* y)
{
    V sum = splat(0.0);
    for (int u = 0; u < units; ++u) {
        V qu = splat(0.0), pu = splat(0.0);
        if constexpr (Tail) {
            for (Eigen::Index k = 0; k < m; ++k) {
                qu[k] = q[u * qStride + c + k];
                pu[k] = p1[u * p1Stride + c + k];
            }
        } else {
            std::memcpy(&qu, q + u * qStride + c, sizeof qu);
            std::memcpy(&pu, p1 + u * p1Stride + c, sizeof pu);
        }
        const V pre = qu + splat(alpha) * pu;
        V act;
        if constexpr (Tanh)
            act = tanhLanes(pre);
        else
            act = pick(pre > splat(0.0), pre, splat(0.0));
        sum = sum + splat(v[u]) * act;
    }
    sum = sum + splat(bias);
    if constexpr (Tail) {
        for (Eigen::Index k = 0; k < m; ++k)
            y[c + k] = sum[k];
    } else {
        std::memcpy(y + c, &sum, sizeof sum);
    }
}

template <bool Tanh>
[[gnu::always_inline]] inline void outputBlock(int units, Eigen::Index nb, const double* q, Eigen::Index qStride,
    const double* p1, Eigen::Index p1Stride, double alpha, const double* v, double bias, double* y)
{
    Eigen::Index c = 0;
    for (; c + kLanes <= nb; c += kLanes)
        outputLanes<Tanh, false>(units, c, kLanes, q, qStride, p1, p1Stride, alpha, v, bias, y);
    if (c < nb)
        outputLanes<Tanh, true>(units, c, nb - c, q, qStride, p1, p1Stride, alpha, v, bias, y);
}

// The one hidden layer and the output in one pass over a block: y[c] = bias + the sum over
// units u of v[u] act(q[u][c] + alpha p1[u][c]), with q and p1 unit-major (a unit's samples
// side by side, rows qStride and p1Stride apart), so that nothing is written between the
// pre-activation and the sum. tanh or ReLU (sigmoid takes the general path).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)   // as tanhInPlace
__attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#endif
void hiddenToOutput(bool tanh, int units, Eigen::Index nb, const double* q, Eigen::Index qStride, const double* p1,
    Eigen::Index p1Stride, double alpha, const double* v, double bias, double* y)
{
    if (tanh)
        outputBlock<true>(units, nb, q, qStride, p1, p1Stride, alpha, v, bias, y);
    else
        outputBlock<false>(units, nb, q, qStride, p1, p1Stride, alpha, v, bias, y);
}

}  // namespace

bool networkPlaneGrid(const MlpObjective& objective, const Samples& samples, const LandscapeRequest& rq,
    Array2D& loss, const std::atomic<bool>* cancel)
{
    objective.checkSamples(samples);
    const Plane& plane = *rq.plane;
    const auto& widths = objective.widths();
    const int layers = objective.linearLayers();
    const int in = widths[0];
    const int h1 = widths[1];
    const Eigen::Index n = samples.size();
    const int g = rq.resolution;
    const Activation activation = objective.spec().activation;

    // P0, P1, P2: the first layer of the origin and of each direction on every sample, unit-major
    // for hiddenToOutput.
    RowMajor p[3];
    const Vec* vectors[3] = {&plane.origin, &plane.d1, &plane.d2};
    parallelFor(3, [&](int k, int) {
        const Eigen::Map<const RowMajor> weight(vectors[k]->data() + objective.weightOffset(0), h1, in);
        p[k].resize(h1, n);
        p[k].noalias() = weight * samples.inputs;
        p[k].colwise() += vectors[k]->segment(objective.biasOffset(0), h1);
    });
    if (cancelled(cancel))
        return false;

    // The later layers' parameters, from the second layer's weights to the end, in Plane::at's
    // arithmetic: those cells' weights are the pointwise evaluation's, bit for bit.
    const Eigen::Index tailStart = objective.weightOffset(1);
    const Eigen::Index tailSize = plane.origin.size() - tailStart;
    const int lastLayer = layers - 1;
    const int lastIn = widths[static_cast<std::size_t>(lastLayer)];
    const Eigen::Index lastWeight = objective.weightOffset(lastLayer) - tailStart;
    const Eigen::Index lastBias = objective.biasOffset(lastLayer) - tailStart;
    const int h2 = layers == 3 ? widths[2] : 0;
    const bool fused = layers == 2 && activation != Activation::Sigmoid;

    std::vector<Scratch> scratch(static_cast<std::size_t>(workerCount()));
    parallelFor(g, [&](int j, int worker) {
        if (cancelled(cancel))
            return;
        Scratch& s = scratch[static_cast<std::size_t>(worker)];
        s.tails.resize(tailSize, g);
        s.sums.setZero(g);
        s.q.resize(h1, kBlock);
        s.pre1.resize(h1, kBlock);
        s.pre2.resize(h2, kBlock);
        s.y.resize(kBlock);
        const double beta = rq.value2(j);
        for (int i = 0; i < g; ++i) {
            s.tails.col(i) = plane.origin.tail(tailSize) + rq.value1(i) * plane.d1.tail(tailSize)
                + beta * plane.d2.tail(tailSize);
        }
        for (Eigen::Index start = 0; start < n; start += kBlock) {
            if (cancelled(cancel))
                return;
            const Eigen::Index nb = std::min(kBlock, n - start);
            auto q = s.q.leftCols(nb);
            q = p[0].middleCols(start, nb) + beta * p[2].middleCols(start, nb);
            const auto p1 = p[1].middleCols(start, nb);
            const auto t = samples.t.segment(start, nb);
            for (int i = 0; i < g; ++i) {
                const auto tail = s.tails.col(i);
                auto y = s.y.head(nb);
                if (fused) {
                    hiddenToOutput(activation == Activation::Tanh, h1, nb, s.q.data(), kBlock, p[1].data() + start, n,
                        rq.value1(i), tail.data() + lastWeight, tail[lastBias], y.data());
                    s.sums[i] += objective.loss().sumOf(y - t);
                    continue;
                }
                auto pre1 = s.pre1.leftCols(nb);
                pre1 = q + rq.value1(i) * p1;
                activateInPlace(activation, pre1);
                auto pre2 = s.pre2.leftCols(nb);
                const auto* last = &pre1;
                if (layers == 3) {
                    const Eigen::Map<const RowMajor> weight(tail.data(), h2, h1);
                    pre2.noalias() = weight * pre1;
                    pre2.colwise() += tail.segment(static_cast<Eigen::Index>(h2) * h1, h2);
                    activateInPlace(activation, pre2);
                    last = &pre2;
                }
                y.matrix().noalias() = last->transpose() * tail.segment(lastWeight, lastIn);
                y += tail[lastBias];
                s.sums[i] += objective.loss().sumOf(y - t);
            }
        }
        for (int i = 0; i < g; ++i)
            loss(i, j) = s.sums[i] / static_cast<double>(n);
    });
    return !cancelled(cancel);
}

}  // namespace downhill::core
