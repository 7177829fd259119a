#pragma once
// Per-sample losses L(y, t) of a prediction y against a target t, as functions of the residual
// r = y - t. The loss of a batch is the mean over its samples (PyTorch's reduction='mean').
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace downhill::core {

enum class LossKind { Mse, Mae, Huber };

struct LossSettings {
    LossKind kind = LossKind::Mse;
    double delta = 1.0;  // Huber's threshold (torch.nn.HuberLoss delta)

    void validate() const;  // throws InputError naming the field
    bool operator==(const LossSettings&) const = default;
};

// "mse", "mae", "huber"; throws InputError listing the valid names.
LossKind lossKindFromName(std::string_view name);
std::string_view lossName(LossKind kind);
std::vector<std::string> lossNames();

class Loss {
public:
    explicit Loss(LossSettings settings = {});

    const LossSettings& settings() const { return settings_; }
    LossKind kind() const { return settings_.kind; }

    // Per-sample loss of residual r:
    //   mse   r^2
    //   mae   |r|
    //   huber 0.5 r^2 if |r| < delta, else delta (|r| - 0.5 delta)
    double value(double r) const;
    // dL/dy for residual r: mse 2r; mae sign(r) with 0 at r = 0 (as PyTorch); huber r clipped
    // to [-delta, delta].
    double derivative(double r) const;

    // Sum of the per-sample losses of any residual expression, evaluated in SIMD packets with
    // no temporary array (the landscape passes u * phi + c unevaluated). Huber is written
    // branch-free: with a = |r| and m = min(a, delta), huber = m (a - m/2).
    template <typename Derived>
    double sumOf(const Eigen::ArrayBase<Derived>& r) const
    {
        switch (settings_.kind) {
        case LossKind::Mse: return r.square().sum();
        case LossKind::Mae: return r.abs().sum();
        case LossKind::Huber: {
            const double d = settings_.delta;
            return (r.abs().min(d) * (r.abs() - 0.5 * r.abs().min(d))).sum();
        }
        }
        return 0.0;
    }

    // Vectorised forms over many residuals.
    double meanValue(const Eigen::Ref<const Array>& r) const;
    void derivatives(const Eigen::Ref<const Array>& r, Array& out) const;
    // Formula in words, for the step card and --help.
    std::string formula() const;

private:
    LossSettings settings_;
};

}  // namespace downhill::core
