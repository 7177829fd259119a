#pragma once
// Update rules with torch.optim's documented semantics, exactly (lr outside the momentum
// buffer). One call is one update; the learning rate comes from the schedule for this step.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace downhill::core {

enum class OptimizerKind { Sgd, Adam, RmsProp, Adagrad };

OptimizerKind optimizerKindFromName(std::string_view name);  // throws InputError
std::string_view optimizerName(OptimizerKind kind);
std::vector<std::string> optimizerNames();

struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Sgd;
    double lr = 0.05;         // the base rate; the schedule scales it step by step
    double momentum = 0.0;    // sgd, rmsprop
    double dampening = 0.0;   // sgd
    bool nesterov = false;    // sgd
    double beta1 = 0.9;       // adam
    double beta2 = 0.999;     // adam
    double alpha = 0.99;      // rmsprop smoothing
    bool centered = false;    // rmsprop
    double lrDecay = 0.0;     // adagrad
    std::optional<double> eps;  // unset: torch's default for the optimizer (1e-8; adagrad 1e-10)

    double effectiveEps() const;
    // Throws InputError naming the field: lr <= 0, momentum outside [0, 1), nesterov with
    // dampening or without momentum, betas outside [0, 1), ...
    void validate() const;
    // One line, e.g. "sgd lr=0.05 momentum=0.9 nesterov".
    std::string describe() const;
    bool operator==(const OptimizerSettings&) const = default;
};

// Per-run state, sized when the run starts. A value: copy it to step back.
struct OptimizerState {
    std::int64_t t = 0;  // updates this optimizer has made
    bool hasBuffer = false;  // sgd: the momentum buffer exists after the first step
    Vec buffer;          // sgd/rmsprop momentum buffer b
    Vec expAvg;          // adam m
    Vec expAvgSq;        // adam v, rmsprop square_avg, adagrad sum
    Vec gradAvg;         // rmsprop centered: g_avg

    void reset(Eigen::Index parameterCount);
    bool operator==(const OptimizerState&) const;
};

// What one update did, for the step card.
struct UpdateDetail {
    double lr = 0;        // the rate that multiplied the direction (adagrad: lr / (1 + (t-1) lr_decay))
    Vec direction;        // the vector multiplied by lr: g, b, g + mu b, m_hat / (sqrt(v_hat) + eps), ...
    Vec update;           // w_new - w_old
};

// Copies into `to` the parts of `from` that one update with these settings changes, and leaves
// the rest of `to` as it is: the trainer's snapshot for putting back an update that went
// non-finite, a few vectors less to copy per step than the whole state (a network's state is
// four vectors of thousands). States of different sizes are copied whole.
void copyUpdatedParts(const OptimizerSettings& settings, const OptimizerState& from, OptimizerState& to);

// Scratch vectors of one update. Not part of the run's state: a caller that steps often keeps
// one and passes it to every update, so that an update allocates nothing once it is sized.
struct OptimizerScratch {
    Vec direction;
    Vec before;
    Eigen::ArrayXd avg;     // rmsprop: the (centred) second moment
    Eigen::ArrayXd scaled;  // rmsprop: g / (sqrt(avg) + eps)
};

// w <- w - lr * direction(grad, state). `lr` is this step's scheduled rate. Without scratch, a
// temporary one is used.
void optimizerStep(const OptimizerSettings& settings, double lr, OptimizerState& state, Vec& w, const Vec& grad,
    UpdateDetail* detail = nullptr, OptimizerScratch* scratch = nullptr);

}  // namespace downhill::core
