#include "core/model/mlp_objective.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/base/error.h"
#include "core/base/rng.h"
#include "core/landscape/network_plane_grid.h"
#include "core/model/dense_kernels.h"

namespace downhill::core {

namespace {

// The initialisation's stream of the seed (the trainer's shuffling and the augmentations have
// others).
constexpr std::uint64_t kInitStream = 0x1417;
constexpr const char* kForm = "mlp:H1[,H2][:tanh|relu|sigmoid]";

[[noreturn]] void bad(std::string_view name, const std::string& what)
{
    throw InputError("model '" + std::string(name) + "': " + what + "; a network is " + kForm
        + ", e.g. mlp:16 or mlp:32,16:relu");
}

std::vector<std::string_view> split(std::string_view text, char sep)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(sep, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

// PyTorch's forms: tanh' = 1 - tanh^2 and sigmoid' = s (1 - s) from the output, relu' from the
// sign of the input with relu'(0) = 0.
void activate(Activation a, const Eigen::MatrixXd& pre, Eigen::MatrixXd& out)
{
    switch (a) {
    case Activation::Tanh:
        // The landscape grid's vectorised tanh, the same bits on every x86-64 (std::tanh is
        // neither vectorised nor that: glibc's differs on CPUs with and without FMA).
        out = pre;
        tanhInPlace(out.data(), out.size());
        break;
    case Activation::Relu: out = pre.cwiseMax(0.0); break;
    case Activation::Sigmoid: out = (1.0 / (1.0 + (-pre.array()).exp())).matrix(); break;
    }
}

// delta <- delta * act'(pre), with out = act(pre).
void multiplyByDerivative(Activation a, const Eigen::MatrixXd& pre, const Eigen::MatrixXd& out, Eigen::MatrixXd& delta)
{
    switch (a) {
    case Activation::Tanh: delta.array() *= 1.0 - out.array().square(); break;
    case Activation::Relu: delta.array() *= (pre.array() > 0.0).cast<double>(); break;
    case Activation::Sigmoid: delta.array() *= out.array() * (1.0 - out.array()); break;
    }
}

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

}  // namespace

std::string_view activationName(Activation activation)
{
    switch (activation) {
    case Activation::Tanh: return "tanh";
    case Activation::Relu: return "relu";
    case Activation::Sigmoid: return "sigmoid";
    }
    return "tanh";
}

bool MlpSpec::looksLikeMlp(std::string_view name)
{
    return name == "mlp" || name.substr(0, 4) == "mlp:";
}

MlpSpec MlpSpec::parse(std::string_view name)
{
    if (!looksLikeMlp(name))
        bad(name, "not a network");
    const auto parts = split(name, ':');
    if (parts.size() < 2 || parts[1].empty())
        bad(name, "the hidden units are missing");
    if (parts.size() > 3)
        bad(name, "too many ':' parts");
    MlpSpec spec;
    const auto layers = split(parts[1], ',');
    if (layers.size() > 2)
        bad(name, std::to_string(layers.size()) + " hidden layers given, 1 or 2 allowed");
    for (std::string_view layer : layers) {
        int units = 0;
        const auto [end, error] = std::from_chars(layer.data(), layer.data() + layer.size(), units);
        if (layer.empty() || error != std::errc() || end != layer.data() + layer.size() || units < 1
            || units > kMaxHiddenUnits) {
            bad(name, "hidden units must be whole numbers from 1 to " + std::to_string(kMaxHiddenUnits) + ", got '"
                    + std::string(layer) + "'");
        }
        spec.hidden.push_back(units);
    }
    if (parts.size() == 3) {
        if (parts[2] == "tanh")
            spec.activation = Activation::Tanh;
        else if (parts[2] == "relu")
            spec.activation = Activation::Relu;
        else if (parts[2] == "sigmoid")
            spec.activation = Activation::Sigmoid;
        else
            bad(name, "unknown activation '" + std::string(parts[2]) + "' (choose tanh, relu or sigmoid)");
    }
    return spec;
}

std::string MlpSpec::spelling() const
{
    std::string s = "mlp:";
    for (std::size_t i = 0; i < hidden.size(); ++i) {
        if (i > 0)
            s += ',';
        s += std::to_string(hidden[i]);
    }
    s += ':';
    s += activationName(activation);
    return s;
}

std::string MlpSpec::formula(int inputSize) const
{
    // Layer k's weights and bias are "2k.weight" and "2k.bias" (the activations sit between).
    const std::string act(activationName(activation));
    std::string inner = "x";
    int layer = 0;
    for (std::size_t i = 0; i < hidden.size(); ++i, layer += 2)
        inner = act + "(W" + std::to_string(layer) + "*" + inner + " + b" + std::to_string(layer) + ")";
    const std::string n = std::to_string(inputSize);
    return "y = W" + std::to_string(layer) + "*" + inner + " + b" + std::to_string(layer) + "\nx: the " + n + " x " + n
        + " image / 255";
}

std::int64_t MlpObjective::countParameters(const MlpSpec& spec, std::int64_t inputSize)
{
    std::int64_t in = inputSize * inputSize, count = 0;
    for (const int out : spec.hidden) {
        count += static_cast<std::int64_t>(out) * (in + 1);
        in = out;
    }
    return count + in + 1;
}

void MlpObjective::checkShape(const MlpSpec& spec, int inputSize)
{
    if (inputSize < 1 || inputSize > kMaxInputSize)
        throw InputError("--input-size must be from 1 to " + std::to_string(kMaxInputSize) + ", got " + std::to_string(inputSize));
    if (spec.hidden.empty() || spec.hidden.size() > 2)
        throw InputError("a network has 1 or 2 hidden layers");
    const std::int64_t count = countParameters(spec, inputSize);
    if (count > kMaxParameters) {
        const std::string n = std::to_string(inputSize);
        throw InputError(spec.spelling() + " reading " + n + " x " + n + " pixels would have " + std::to_string(count)
            + " parameters; a network has at most " + std::to_string(kMaxParameters)
            + " (fewer hidden units or a smaller --input-size)");
    }
}

MlpObjective::MlpObjective(MlpSpec spec, int inputSize, Loss loss)
    : spec_(std::move(spec)), inputSize_(inputSize), loss_(loss)
{
    checkShape(spec_, inputSize_);
    const std::int64_t count = countParameters(spec_, inputSize_);
    widths_.push_back(inputSize_ * inputSize_);
    for (int h : spec_.hidden)
        widths_.push_back(h);
    widths_.push_back(1);
    names_.reserve(static_cast<std::size_t>(count));
    Eigen::Index offset = 0;
    for (int l = 0; l < linearLayers(); ++l) {
        offsets_.push_back(offset);
        const int in = widths_[static_cast<std::size_t>(l)];
        const int out = widths_[static_cast<std::size_t>(l) + 1];
        // nn.Sequential numbers its modules: Linear 0, Act 1, Linear 2, Act 3, Linear 4.
        // Each name built in place, one string with no temporaries: a network may have 500,000.
        const std::string layer = std::to_string(2 * l);
        const auto name = [&](std::string_view kind, int i, int j) {
            char digits[12];
            std::string text;
            text.reserve(layer.size() + kind.size() + 16);
            text.append(layer).append(kind);
            text.append(digits, std::to_chars(digits, digits + sizeof digits, i).ptr);
            if (j >= 0) {
                text.append("][");
                text.append(digits, std::to_chars(digits, digits + sizeof digits, j).ptr);
            }
            text.push_back(']');
            names_.push_back(std::move(text));
        };
        for (int i = 0; i < out; ++i) {
            for (int j = 0; j < in; ++j)
                name(".weight[", i, j);
        }
        for (int i = 0; i < out; ++i)
            name(".bias[", i, -1);
        offset += static_cast<Eigen::Index>(out) * (in + 1);
        forwardScratch_ = std::max<Eigen::Index>(forwardScratch_, denseForwardScratch(in, out));
    }
}

int MlpObjective::parameterIndex(const std::string& parameterName) const
{
    const auto it = std::find(names_.begin(), names_.end(), parameterName);
    return it == names_.end() ? -1 : static_cast<int>(it - names_.begin());
}

Eigen::Index MlpObjective::biasOffset(int l) const
{
    return weightOffset(l) + static_cast<Eigen::Index>(widths_[static_cast<std::size_t>(l) + 1]) * widths_[static_cast<std::size_t>(l)];
}

std::string MlpObjective::name() const
{
    return spec_.spelling() + " + " + std::string(lossName(loss_.kind()));
}

Vec MlpObjective::defaultInit() const { return initialParameters(1); }

Vec MlpObjective::initialParameters(std::uint64_t seed) const
{
    Vec w(static_cast<Eigen::Index>(names_.size()));
    Rng rng(deriveSeed(seed, kInitStream));
    Eigen::Index k = 0;
    for (int l = 0; l < linearLayers(); ++l) {
        const int in = widths_[static_cast<std::size_t>(l)];
        const int out = widths_[static_cast<std::size_t>(l) + 1];
        // kaiming_uniform_(a = sqrt(5)) on the weights gives the same bound as the bias's.
        const double bound = 1.0 / std::sqrt(static_cast<double>(in));
        for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(out) * (in + 1); ++i)
            w[k++] = rng.uniform(-bound, bound);
    }
    return w;
}

void MlpObjective::checkSamples(const Samples& samples) const
{
    if (samples.inputs.rows() != widths_.front() || samples.inputs.cols() != samples.size()) {
        throw InputError(name() + " reads " + std::to_string(inputSize_) + " x " + std::to_string(inputSize_)
            + " pixels per sample, and these samples do not carry them");
    }
}

double MlpObjective::forward(const Vec& w, const Samples& samples, Workspace& ws) const
{
    checkSamples(samples);
    const int hidden = linearLayers() - 1;
    const Eigen::MatrixXd* input = &samples.inputs;
    for (int l = 0; l < hidden; ++l) {
        const int in = widths_[static_cast<std::size_t>(l)];
        const int out = widths_[static_cast<std::size_t>(l) + 1];
        Eigen::MatrixXd& pre = ws.pre[l];
        pre.resize(out, samples.size());
        // One size for every layer (the largest's): resizing between layers would allocate.
        if (ws.scratch.size() < forwardScratch_)
            ws.scratch.resize(forwardScratch_);
        denseForward(w.data() + weightOffset(l), w.data() + biasOffset(l), input->data(), in, out,
            static_cast<int>(samples.size()), pre.data(), ws.scratch.data());
        activate(spec_.activation, pre, ws.act[l]);
        input = &ws.act[l];
    }
    const int last = hidden;
    const Eigen::Map<const Eigen::VectorXd> weight(w.data() + weightOffset(last), widths_[static_cast<std::size_t>(last)]);
    const double bias = w[biasOffset(last)];
    ws.y.resize(samples.size());
    ws.y.matrix().noalias() = input->transpose() * weight;
    ws.y += bias;
    ws.r = ws.y - samples.t;
    return loss_.meanValue(ws.r);
}

double MlpObjective::evaluate(const Vec& w, const Samples& samples, Workspace& ws) const
{
    if (samples.size() == 0)
        return 0.0;
    return forward(w, samples, ws);
}

double MlpObjective::evaluateWithGradient(const Vec& w, const Samples& samples, Vec& grad, Workspace& ws) const
{
    grad.setZero(w.size());
    const Eigen::Index n = samples.size();
    if (n == 0)
        return 0.0;
    const double loss = forward(w, samples, ws);
    // dL/dy per sample, with the mean's 1/n: the output layer's delta.
    loss_.derivatives(ws.r, ws.d);
    ws.d /= static_cast<double>(n);

    const int last = linearLayers() - 1;
    const Eigen::MatrixXd& lastInput = last > 0 ? ws.act[last - 1] : samples.inputs;
    const int lastIn = widths_[static_cast<std::size_t>(last)];
    grad.segment(weightOffset(last), lastIn).noalias() = lastInput * ws.d.matrix();
    grad[biasOffset(last)] = ws.d.sum();
    if (last == 0)
        return loss;

    // Backwards from the output: delta_l = (W_{l+1}^T delta_{l+1}) * act'(pre_l), then
    // dL/dW_l = delta_l input_l^T and dL/db_l = the sum of delta_l over the batch.
    const Eigen::Map<const Eigen::VectorXd> outWeight(w.data() + weightOffset(last), lastIn);
    for (int l = last - 1; l >= 0; --l) {
        Eigen::MatrixXd& delta = ws.delta[l];
        const int in = widths_[static_cast<std::size_t>(l)];
        const int out = widths_[static_cast<std::size_t>(l) + 1];
        delta.resize(out, n);
        if (l == last - 1) {
            delta.noalias() = outWeight * ws.d.matrix().transpose();
        } else {
            const int next = widths_[static_cast<std::size_t>(l) + 2];
            const Eigen::Map<const RowMajor> nextWeight(w.data() + weightOffset(l + 1), next, out);
            delta.noalias() = nextWeight.transpose() * ws.delta[l + 1];
        }
        multiplyByDerivative(spec_.activation, ws.pre[l], ws.act[l], delta);
        const Eigen::MatrixXd& input = l > 0 ? ws.act[l - 1] : samples.inputs;
        denseWeightGradient(delta.data(), input.data(), in, out, static_cast<int>(n), grad.data() + weightOffset(l));
        grad.segment(biasOffset(l), out) = delta.rowwise().sum();
    }
    return loss;
}

}  // namespace downhill::core
