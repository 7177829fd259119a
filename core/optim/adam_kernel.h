#pragma once
// Adam's moments and direction in one pass over the parameters, vectorised with SSE2 or AVX2
// (core/base/kernel_isa.h). Every operation is elementwise and IEEE-exact at any width
// (multiply, add, divide, square root: no reciprocal, no FMA), so both builds give the bits the
// plain expressions give, element by element.
#include "core/base/kernel_isa.h"

namespace downhill::core {

struct AdamCoefficients {
    double beta1 = 0.9, beta2 = 0.999;
    double bias1 = 1.0, bias2 = 1.0;  // 1 - beta1^t, 1 - beta2^t
    double eps = 1e-8;
};

// m <- beta1 m + (1 - beta1) g; v <- beta2 v + (1 - beta2) (g g);
// direction <- (m / bias1) / (sqrt(v / bias2) + eps), for each of the n elements.
void adamMoments(const AdamCoefficients& c, const double* g, double* m, double* v, double* direction, long n,
    KernelIsa isa = bestKernelIsa());

}  // namespace downhill::core
