#pragma once
// Small synthetic data sets for tests, made here so each test knows exactly what it holds.
#include "core/data/dataset.h"
#include "core/base/rng.h"

namespace downhill::test {

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
