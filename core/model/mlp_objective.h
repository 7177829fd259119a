#pragma once
// A real network on the pixels: PyTorch's nn.Sequential(Linear, Act, [Linear, Act,] Linear) in
// float64, reading the image shrunk to n x n (pixel_inputs.h) and giving one number, the count.
// Its gradient comes by backpropagation, from the output layer backwards, as matrix products
// over the whole batch: a Jacobian of thousands of parameters by the samples would be wasteful.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/loss.h"
#include "core/model/objective.h"

namespace downhill::core {

enum class Activation { Tanh, Relu, Sigmoid };

std::string_view activationName(Activation activation);

// "mlp:H1[,H2][:tanh|relu|sigmoid]", the activation tanh when not given.
struct MlpSpec {
    std::vector<int> hidden;     // units per hidden layer, one or two layers
    Activation activation = Activation::Tanh;

    static constexpr int kMaxHiddenUnits = 4096;
    // True for names meant as a network ("mlp", "mlp:..."), valid or not.
    static bool looksLikeMlp(std::string_view name);
    // Throws InputError saying what is wrong and what is allowed.
    static MlpSpec parse(std::string_view name);
    // The canonical spelling, the activation always given: "mlp:16:tanh".
    std::string spelling() const;
    // The network as a formula in its parameters' names, for n x n inputs:
    // "y = W2*tanh(W0*x + b0) + b2" and, on a line of its own, "x: the 12 x 12 image / 255".
    std::string formula(int inputSize) const;
    bool operator==(const MlpSpec&) const = default;
};

class MlpObjective final : public Objective {
public:
    // A network reads at most kMaxInputSize x kMaxInputSize pixels and has at most kMaxParameters
    // parameters: beyond that its parameter vector, names and history outgrow what a step, a
    // landscape and a settings file can handle interactively (each name is a string).
    static constexpr int kMaxInputSize = 1024;
    static constexpr std::int64_t kMaxParameters = 500'000;
    // The parameter count of spec reading n x n pixels (n up to kMaxInputSize), in 64 bits.
    static std::int64_t countParameters(const MlpSpec& spec, std::int64_t inputSize);
    // Throws the InputError the constructor would for spec reading n x n pixels, building nothing.
    static void checkShape(const MlpSpec& spec, int inputSize);

    // inputSize n: the network reads n * n pixels. Throws InputError for n outside 1..kMaxInputSize
    // or more than kMaxParameters parameters, saying which.
    MlpObjective(MlpSpec spec, int inputSize, Loss loss);

    std::string name() const override;
    // PyTorch's state_dict keys with row-major indices, in state_dict order: 0.weight[i][j]
    // (shape [out, in]), 0.bias[i], 2.weight[i][j], 2.bias[i], (4.weight[0][j], 4.bias[0]).
    std::vector<std::string> parameterNames() const override { return names_; }
    int parameterCount() const override { return static_cast<int>(names_.size()); }
    std::string parameterName(int index) const override { return names_[static_cast<std::size_t>(index)]; }
    int parameterIndex(const std::string& parameterName) const override;
    // initialParameters(1).
    Vec defaultInit() const override;
    bool usesData() const override { return true; }
    int inputSize() const override { return inputSize_; }

    double evaluate(const Vec& w, const Samples& samples, Workspace& ws) const override;
    double evaluateWithGradient(const Vec& w, const Samples& samples, Vec& grad, Workspace& ws) const override;

    // nn.Linear's default initialisation, drawn from the engine's own generator: every weight
    // and bias of a layer uniform in +-1/sqrt(fan_in), in state_dict order.
    Vec initialParameters(std::uint64_t seed) const;

    const MlpSpec& spec() const { return spec_; }
    const Loss& loss() const { return loss_; }
    // Units per layer, input first, output (1) last: {144, 16, 1}.
    const std::vector<int>& widths() const { return widths_; }
    int linearLayers() const { return static_cast<int>(widths_.size()) - 1; }
    // Where linear layer l's weights (row-major, widths[l+1] x widths[l]) and bias start in w.
    Eigen::Index weightOffset(int l) const { return offsets_[static_cast<std::size_t>(l)]; }
    Eigen::Index biasOffset(int l) const;
    // Throws InputError unless the samples carry the n x n pixels the network reads (also for
    // the plane grid of core/landscape/network_plane_grid, which reads them without forward()).
    void checkSamples(const Samples& samples) const;

private:
    // The forward pass on the batch into ws; returns the mean loss, leaves the residuals in ws.r.
    double forward(const Vec& w, const Samples& samples, Workspace& ws) const;

    MlpSpec spec_;
    int inputSize_;
    Loss loss_;
    std::vector<int> widths_;
    std::vector<Eigen::Index> offsets_;
    std::vector<std::string> names_;
    Eigen::Index forwardScratch_ = 0;  // the doubles denseForward needs for the widest layer
};

}  // namespace downhill::core
