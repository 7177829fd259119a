#include "core/model/mlp_trace.h"

#include <cmath>
#include <string>

#include "core/base/error.h"
#include "core/landscape/network_plane_grid.h"

namespace downhill::core {

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

double activate(Activation a, double z)
{
    switch (a) {
    case Activation::Tanh: tanhInPlace(&z, 1); return z;   // the training's tanh (mlp_objective.cpp)
    case Activation::Relu: return z > 0.0 ? z : 0.0;
    case Activation::Sigmoid: return 1.0 / (1.0 + std::exp(-z));
    }
    return z;
}

// act'(z) in PyTorch's forms, from the output a = act(z) where it can (relu'(0) = 0).
double slope(Activation act, double z, double a)
{
    switch (act) {
    case Activation::Tanh: return 1.0 - a * a;
    case Activation::Relu: return z > 0.0 ? 1.0 : 0.0;
    case Activation::Sigmoid: return a * (1.0 - a);
    }
    return 1.0;
}

void checkSize(const MlpObjective& objective, const Vec& v, const char* what)
{
    if (v.size() != objective.parameterCount()) {
        throw InputError(std::string(what) + " has " + std::to_string(v.size()) + " values, " + objective.name() + " has "
            + std::to_string(objective.parameterCount()) + " parameters");
    }
}

}  // namespace

double LayerNorm::total() const
{
    return std::sqrt(weights * weights + bias * bias);
}

MlpTrace traceMlp(const MlpObjective& objective, const Vec& w, const Eigen::VectorXd& x, double y)
{
    checkSize(objective, w, "the parameter vector");
    const auto& widths = objective.widths();
    if (x.size() != widths.front()) {
        throw InputError(objective.name() + " reads " + std::to_string(widths.front()) + " pixels, the sample has "
            + std::to_string(x.size()));
    }
    const Activation act = objective.spec().activation;
    const int layers = objective.linearLayers();
    MlpTrace t;
    t.input = x;
    t.target = y;
    t.layers.resize(static_cast<std::size_t>(layers));

    const Eigen::VectorXd* input = &t.input;
    for (int l = 0; l < layers; ++l) {
        const int in = widths[static_cast<std::size_t>(l)];
        const int out = widths[static_cast<std::size_t>(l) + 1];
        const Eigen::Map<const RowMajor> weight(w.data() + objective.weightOffset(l), out, in);
        const Eigen::Map<const Eigen::VectorXd> bias(w.data() + objective.biasOffset(l), out);
        MlpLayerTrace& layer = t.layers[static_cast<std::size_t>(l)];
        layer.pre = weight * *input + bias;
        if (l + 1 < layers)
            layer.act = layer.pre.unaryExpr([act](double z) { return activate(act, z); });
        else
            layer.act = layer.pre;
        input = &layer.act;
    }
    t.output = t.layers.back().act[0];
    t.residual = t.output - y;
    t.loss = objective.loss().value(t.residual);
    t.dLdy = objective.loss().derivative(t.residual);

    // Backwards from the output: delta_out = dL/dy; delta_l = (W_{l+1}^T delta_{l+1}) * act'(z_l);
    // dL/dW_l = delta_l a_{l-1}^T, dL/db_l = delta_l.
    t.gradient = Vec::Zero(w.size());
    for (int l = layers - 1; l >= 0; --l) {
        MlpLayerTrace& layer = t.layers[static_cast<std::size_t>(l)];
        const int in = widths[static_cast<std::size_t>(l)];
        const int out = widths[static_cast<std::size_t>(l) + 1];
        if (l == layers - 1) {
            layer.delta = Eigen::VectorXd::Constant(1, t.dLdy);
        } else {
            const MlpLayerTrace& next = t.layers[static_cast<std::size_t>(l) + 1];
            const int nextOut = widths[static_cast<std::size_t>(l) + 2];
            const Eigen::Map<const RowMajor> nextWeight(w.data() + objective.weightOffset(l + 1), nextOut, out);
            layer.delta = nextWeight.transpose() * next.delta;
            for (Eigen::Index i = 0; i < layer.delta.size(); ++i)
                layer.delta[i] *= slope(act, layer.pre[i], layer.act[i]);
        }
        const Eigen::VectorXd& previous = l > 0 ? t.layers[static_cast<std::size_t>(l) - 1].act : t.input;
        layer.weightGradient = layer.delta * previous.transpose();
        layer.biasGradient = layer.delta;
        Eigen::Map<RowMajor>(t.gradient.data() + objective.weightOffset(l), out, in) = layer.weightGradient;
        t.gradient.segment(objective.biasOffset(l), out) = layer.biasGradient;
    }
    return t;
}

std::vector<LayerNorm> layerNorms(const MlpObjective& objective, const Vec& v)
{
    checkSize(objective, v, "the vector");
    const auto& widths = objective.widths();
    std::vector<LayerNorm> norms;
    for (int l = 0; l < objective.linearLayers(); ++l) {
        const Eigen::Index out = widths[static_cast<std::size_t>(l) + 1];
        const Eigen::Index weights = out * widths[static_cast<std::size_t>(l)];
        norms.push_back({v.segment(objective.weightOffset(l), weights).norm(), v.segment(objective.biasOffset(l), out).norm()});
    }
    return norms;
}

}  // namespace downhill::core
