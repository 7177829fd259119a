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
    // A network's layers on the batch (units x samples): pre-activations, activations, and the
    // backward pass's deltas.
    Eigen::MatrixXd pre[2], act[2], delta[2];
    Vec scratch;  // the dense kernels' (core/model/dense_kernels.h)
};

class Objective {
public:
    virtual ~Objective() = default;

    virtual std::string name() const = 0;
    virtual std::vector<std::string> parameterNames() const = 0;
    virtual Vec defaultInit() const = 0;
    virtual bool usesData() const = 0;
    // n when the objective reads the samples' pixels shrunk to n x n (Samples::inputs, a
    // network), 0 when it reads the feature x or no data at all.
    virtual int inputSize() const { return 0; }

    // Mean loss over the samples.
    virtual double evaluate(const Vec& w, const Samples& samples, Workspace& ws) const = 0;
    // The same, and its gradient with respect to w (the parameters, not the input).
    virtual double evaluateWithGradient(const Vec& w, const Samples& samples, Vec& grad, Workspace& ws) const = 0;

    // The count, one name, and the index of a name (-1: none). A network overrides them to read
    // its names where they are kept: parameterNames() copies them all.
    virtual int parameterCount() const { return static_cast<int>(parameterNames().size()); }
    virtual std::string parameterName(int index) const { return parameterNames()[static_cast<std::size_t>(index)]; }
    virtual int parameterIndex(const std::string& parameterName) const;
};

// The numerical gradient by central differences, (L(w + h e_j) - L(w - h e_j)) / 2h, nudging
// one parameter at a time.
Vec numericGradient(const Objective& objective, const Vec& w, const Samples& samples, double h);

struct GradientCheck {
    std::vector<Eigen::Index> checked;   // the parameters compared, in the order asked
    Vec analytic;        // every parameter's
    Vec numeric;         // the checked ones'; NaN for the others
    Vec absError;        // |analytic - numeric| per checked parameter; NaN for the others
    double maxAbsError = 0;
    double maxRelError = 0;  // |a - n| / max(|a|, |n|, 1e-12), over the checked ones
};
// Every parameter.
GradientCheck checkGradient(const Objective& objective, const Vec& w, const Samples& samples, double h);
// Only these (a network has thousands: two evaluations each would take seconds). Throws
// InputError for an index out of range.
GradientCheck checkGradient(const Objective& objective, const Vec& w, const Samples& samples, double h,
    const std::vector<Eigen::Index>& which);
// The k parameters with the largest |gradient| at w, largest first (ties: the lower index).
std::vector<Eigen::Index> largestGradients(const Vec& gradient, int k);

// A network reads the image shrunk to this many pixels a side unless told otherwise.
inline constexpr int kDefaultInputSize = 12;

// A data model with a loss ("linear", "lin-exp", "fold"), a network with a loss
// ("mlp:H1[,H2][:tanh|relu|sigmoid]", reading inputSize x inputSize pixels; the one place the
// input size enters, every other part asks the objective's inputSize()) or an analytic
// function ("rosenbrock", ...; the loss is then not used). Throws InputError listing every
// valid name.
std::shared_ptr<const Objective> makeObjective(const std::string& modelOrFunction, const LossSettings& loss,
    int inputSize = kDefaultInputSize);
// Throws the InputError makeObjective() would for these arguments, building nothing: a
// network's half a million parameter names take a while, a settings reader checks first.
void checkObjective(const std::string& modelOrFunction, int inputSize = kDefaultInputSize);
// Every name makeObjective() takes: the data models, then the analytic functions.
std::vector<std::string> objectiveNames();

}  // namespace downhill::core
