#pragma once
// A network's loss over a plane, every cell as the network's own forward pass would give it,
// but without its cost. The first layer's pre-activations are affine in the plane's
// coordinates: (W + a D1 + b D2) X + (c + a e1 + b e2) = P0 + a P1 + b P2 with P0 = W X + c,
// P1 = D1 X + e1, P2 = D2 X + e2 made once per grid (three products over all samples), so a
// cell costs O(samples x first hidden units) for the first layer instead of
// O(samples x inputs x first hidden units); the later layers (small) are evaluated as they are,
// their weights origin + a d1 + b d2 as Plane::at gives them.
#include <atomic>

#include "core/base/types.h"
#include "core/data/dataset.h"

namespace downhill::core {

class MlpObjective;
struct LandscapeRequest;

// Fills loss (G x G, as LandscapeGrid::loss) for a request over a plane (request.plane set and
// validated). Returns false, loss partly written, if cancel became true before the end; cancel
// is looked at every few milliseconds. Uses every core.
bool networkPlaneGrid(const MlpObjective& objective, const Samples& samples, const LandscapeRequest& request,
    Array2D& loss, const std::atomic<bool>* cancel = nullptr);

// tanh of n doubles in place, vectorised (std::tanh and Eigen 3.4's tanh for double are not;
// for AVX-512 and AVX2 too where the CPU has them, with the same bits):
// Cephes' tanh, within 2 ulps of std::tanh (tests/core/test_network_plane_grid). Odd, ±1 for
// ±inf and past about ±19, NaN for NaN. A network's training and its step card use it too
// (mlp_objective.cpp, mlp_trace.cpp): glibc's std::tanh is not the same function on CPUs with
// and without FMA.
void tanhInPlace(double* x, Eigen::Index n);

}  // namespace downhill::core
