#pragma once
// Small synthetic data sets for tests, made here so each test knows exactly what it holds.
#include "core/data/dataset.h"
#include "core/base/rng.h"

#include <initializer_list>

namespace downhill::test {

// A parameter vector written out: vec({-1, 7}).
inline core::Vec vec(std::initializer_list<double> values)
{
    core::Vec v(static_cast<Eigen::Index>(values.size()));
    Eigen::Index k = 0;
    for (double x : values)
        v[k++] = x;
    return v;
}

// x uniform in [0, 2], t = slope * x + intercept + Gaussian noise (sigma): a counting-like set
// whose least-squares slope is close to `slope`.
inline core::Samples lineSamples(int n, double slope = 4.5, double intercept = 0.2, double sigma = 0.5,
    std::uint64_t seed = 7)
{
    core::Rng rng(seed);
    core::Samples s;
    s.x.resize(n);
    s.t.resize(n);
    for (int i = 0; i < n; ++i) {
        s.x[i] = rng.uniform(0.0, 2.0);
        s.t[i] = slope * s.x[i] + intercept + sigma * rng.normal();
    }
    return s;
}

// What a network reads: `inputs` pixel values uniform in [0, 1] per sample (Samples::inputs, one
// column each) and counts 0..9, so that every unit sits somewhere in the middle of its
// activation; x is zero (a network does not read it).
inline core::Samples pixelSamples(int inputs, int n, std::uint64_t seed)
{
    core::Rng rng(seed);
    core::Samples s;
    s.x = core::Array::Zero(n);
    s.t.resize(n);
    s.inputs.resize(inputs, n);
    for (int i = 0; i < n; ++i) {
        for (int k = 0; k < inputs; ++k)
            s.inputs(k, i) = rng.uniform();
        s.t[i] = rng.integer(0, 9);
    }
    return s;
}

// Least-squares line t ~ slope * x + intercept, computed from the textbook formulas.
struct LineFit {
    double slope, intercept;
};
inline LineFit leastSquares(const core::Samples& s)
{
    const double n = static_cast<double>(s.size());
    double sx = 0, st = 0, sxx = 0, sxt = 0;
    for (Eigen::Index i = 0; i < s.size(); ++i) {
        sx += s.x[i];
        st += s.t[i];
        sxx += s.x[i] * s.x[i];
        sxt += s.x[i] * s.t[i];
    }
    const double slope = (n * sxt - sx * st) / (n * sxx - sx * sx);
    return {slope, (st - slope * sx) / n};
}

}  // namespace downhill::test
