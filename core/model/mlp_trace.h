#pragma once
// Backpropagation for one sample, every intermediate kept: what the step card writes out and
// the network panel draws. MlpObjective computes the same over a whole batch as matrix products
// and keeps nothing; this is the same arithmetic for a single column, layer by layer, so a
// reader can follow one image through the network and back.
#include <vector>

#include "core/base/types.h"
#include "core/model/mlp_objective.h"

namespace downhill::core {

// One linear layer l (0 = the first) on the sample: z = W a_prev + b, a = act(z) (the output
// layer has no activation: a = z = y), and its share of the backward pass.
struct MlpLayerTrace {
    Eigen::VectorXd pre;              // z, widths[l+1] values
    Eigen::VectorXd act;              // a = act(z); the output layer's: y
    Eigen::VectorXd delta;            // dL/dz; the output layer's: dL/dy
    Eigen::MatrixXd weightGradient;   // dL/dW = delta a_prev^T, widths[l+1] x widths[l]
    Eigen::VectorXd biasGradient;     // dL/db = delta
};

struct MlpTrace {
    Eigen::VectorXd input;            // the n x n pixels, row-major
    std::vector<MlpLayerTrace> layers;   // linearLayers() of them, the output layer last
    double output = 0;                // y
    double target = 0;                // t
    double residual = 0;              // r = y - t
    double loss = 0;                  // L(r) of this sample alone
    double dLdy = 0;                  // L'(r): the backward pass starts here
    Vec gradient;                     // every layer's gradient in parameter order (a batch of one)
};

// The forward and backward pass of the objective's network at w for the sample with pixels x
// and target y. Throws InputError when w or x have the wrong size.
MlpTrace traceMlp(const MlpObjective& objective, const Vec& w, const Eigen::VectorXd& x, double y);

// A parameter-sized vector's norm per linear layer: its weights' block and its bias' block.
struct LayerNorm {
    double weights = 0;
    double bias = 0;
    double total() const;   // sqrt(weights^2 + bias^2)
};
// For the weights themselves, a gradient or a step. Throws InputError for the wrong size.
std::vector<LayerNorm> layerNorms(const MlpObjective& objective, const Vec& v);

}  // namespace downhill::core
