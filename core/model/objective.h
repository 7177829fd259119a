#pragma once
// What the trainer minimises and the landscape draws: a loss as a function of the parameters w,
// evaluated on a set of samples (a batch, the training set, the validation set). Functions
// that need no data (the analytic test landscapes) ignore the samples.
#include <memory>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/model/loss.h"
#include "core/base/types.h"

namespace downhill::core {

// Scratch buffers reused between evaluations so that the hot loop allocates nothing.
// One per thread.
struct Workspace {
    Array y, r, d;
    Array2D jac;
};

class Objective {
public:
    virtual ~Objective() = default;

    virtual std::string name() const = 0;
    virtual std::vector<std::string> parameterNames() const = 0;
    virtual Vec defaultInit() const = 0;
    virtual bool usesData() const = 0;

    // Mean loss over the samples.
    virtual double evaluate(const Vec& w, const Samples& samples, Workspace& ws) const = 0;
    // The same, and its gradient with respect to w (the parameters, not the input).
    virtual double evaluateWithGradient(const Vec& w, const Samples& samples, Vec& grad, Workspace& ws) const = 0;

    int parameterCount() const { return static_cast<int>(parameterNames().size()); }
    int parameterIndex(const std::string& parameterName) const;
};

// The numerical gradient by central differences, (L(w + h e_j) - L(w - h e_j)) / 2h, nudging
// one parameter at a time.
Vec numericGradient(const Objective& objective, const Vec& w, const Samples& samples, double h);

struct GradientCheck {
    Vec analytic;
    Vec numeric;
    Vec absError;        // |analytic - numeric| per parameter
    double maxAbsError = 0;
    double maxRelError = 0;  // |a - n| / max(|a|, |n|, 1e-12)
};
GradientCheck checkGradient(const Objective& objective, const Vec& w, const Samples& samples, double h);

// A data model with a loss ("linear", "lin-exp", "fold") or an analytic function ("rosenbrock",
// ...; the loss is then not used). Throws InputError listing every valid name.
std::shared_ptr<const Objective> makeObjective(const std::string& modelOrFunction, const LossSettings& loss);
// Every name makeObjective() takes: the data models, then the analytic functions.
std::vector<std::string> objectiveNames();

}  // namespace downhill::core
