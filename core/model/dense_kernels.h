#pragma once
// The two products of a network's dense layer on a batch, written out so that their bits are
// the same on every x86-64 CPU: each output is one sum in a fixed order (k = 0, 1, 2, ...,
// from 0.0), the vectors run across independent outputs (units, inputs), never across a
// sum, and nothing is fused (the file compiles without contraction and is never given FMA).
// An SSE2 and an AVX2 build of the same code, chosen once per process, therefore give
// identical results; the AVX2 one does four outputs per instruction instead of two.
// tests/core/test_dense_kernels.cpp compares both with a plain loop, bit for bit.
#include "core/base/kernel_isa.h"

namespace downhill::core {

// pre(u, s) = (sum over k of w(u, k) x(k, s)) + bias(u), the sum from k = 0 up.
// w row-major out x in (nn.Linear's weight), x column-major in x n (a sample per column),
// pre column-major out x n. scratch holds in * ((out + 3) / 4 * 4) doubles (w transposed).
void denseForward(const double* w, const double* bias, const double* x, int in, int out, int n, double* pre,
    double* scratch, KernelIsa isa = bestKernelIsa());

// gw(u, k) = sum over s of delta(u, s) x(k, s), the sum from s = 0 up: dL/dW = delta x^T.
// delta column-major out x n, x column-major in x n, gw row-major out x in.
void denseWeightGradient(const double* delta, const double* x, int in, int out, int n, double* gw,
    KernelIsa isa = bestKernelIsa());

// The doubles denseForward's scratch needs.
inline long denseForwardScratch(int in, int out) { return static_cast<long>(in) * ((out + 3) / 4 * 4); }

}  // namespace downhill::core
