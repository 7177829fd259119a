#include "core/train/step_explanation.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "core/model/analytic_objective.h"
#include "core/model/data_objective.h"
#include "core/model/mlp_trace.h"

namespace downhill::core {

namespace {

class Writer {
public:
    explicit Writer(int digits) : digits_(digits) {}

    std::string num(double v) const
    {
        std::ostringstream s;
        s << std::setprecision(digits_) << v;
        return s.str();
    }
    // A number to be squared: -2^2 would read as -(2^2). (Built up in place: GCC 12's -Wrestrict
    // misfires on "(" + s at -O2, GCC bug 105329.)
    std::string squared(double v) const
    {
        std::string s = num(v);
        if (v < 0) {
            s.insert(s.begin(), '(');
            s.push_back(')');
        }
        return s.append("^2");
    }
    std::string vec(const Vec& v) const
    {
        std::string out = "(";
        for (Eigen::Index i = 0; i < v.size(); ++i)
            out += (i ? ", " : "") + num(v[i]);
        return out + ")";
    }
    std::ostringstream& out() { return out_; }
    // Columns are padded on the right: trim what would trail, so copied text stays clean.
    void line(const std::string& text = {})
    {
        const auto end = text.find_last_not_of(' ');
        out_ << (end == std::string::npos ? std::string() : text.substr(0, end + 1)) << '\n';
    }

private:
    int digits_;
    std::ostringstream out_;
};

// |r| below this (but not 0) counts as "at the kink" of mae: the residuals are in people, so a
// thousandth of a person is a change of the parameters far smaller than any step.
constexpr double kNearKink = 1e-3;

std::string pad(const std::string& s, std::size_t width)
{
    return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

void explainBatch(Writer& w, const DataObjective& objective, const StepInputs& in, const StepExplanationOptions& opt,
    const std::vector<std::string>& names)
{
    const Model& model = objective.model();
    const Loss& loss = objective.loss();
    const Samples& batch = in.batch;
    const Eigen::Index n = batch.size();
    Array y, r, d;
    Array2D jac;
    model.predict(batch.x, in.record.before, y);
    r = y - batch.t;
    loss.derivatives(r, d);
    model.jacobian(batch.x, in.record.before, jac);
    const bool kinked = loss.kind() == LossKind::Mae;

    w.line("Model  " + model.formula() + "   at " + w.vec(in.record.before));
    w.line("Loss   " + loss.formula());
    w.line();
    w.line("The batch (" + std::to_string(n) + (n == 1 ? " sample):" : " samples):"));
    std::string header = pad("row", 7) + pad("x", 12) + pad("t", 10) + pad("y = f(x)", 12) + pad("r = y - t", 12)
        + pad("loss", 12) + pad("dL/dy", 12);
    for (const auto& p : names)
        header += pad("dy/d" + p, 12);
    w.line("  " + header);
    const Eigen::Index shown = std::min<Eigen::Index>(n, opt.maxSampleRows);
    for (Eigen::Index i = 0; i < shown; ++i) {
        const int row = i < static_cast<Eigen::Index>(in.batchRows.size()) ? in.batchRows[static_cast<std::size_t>(i)] : static_cast<int>(i);
        std::string line = pad(std::to_string(row), 7) + pad(w.num(batch.x[i]), 12) + pad(w.num(batch.t[i]), 10)
            + pad(w.num(y[i]), 12) + pad(w.num(r[i]), 12) + pad(w.num(loss.value(r[i])), 12) + pad(w.num(d[i]), 12);
        for (Eigen::Index j = 0; j < jac.rows(); ++j)
            line += pad(w.num(jac(j, i)), 12);
        if (kinked && r[i] == 0.0)
            line += " * r = 0";
        else if (kinked && std::abs(r[i]) < kNearKink)
            line += " ~ r near 0";
        w.line("  " + line);
    }
    if (shown < n)
        w.line("  ... and " + std::to_string(n - shown) + " more samples");
    if (kinked) {
        const auto exact = (r == 0.0).count();
        const auto near = (r.abs() < kNearKink).count() - exact;
        if (exact > 0 || near > 0) {
            w.line();
            w.line("The kink of mae: |r| has no slope at r = 0.");
            if (exact > 0)
                w.line("  " + std::to_string(exact) + (exact == 1 ? " sample has" : " samples have")
                    + " r = 0 exactly (*): dL/dy = sign(0) = 0 by convention (as PyTorch).");
            if (near > 0)
                w.line("  " + std::to_string(near) + (near == 1 ? " sample has" : " samples have") + " |r| < " + w.num(kNearKink)
                    + " (~): a tiny change of the parameters flips its dL/dy between -1 and +1.");
        }
    }
    w.line();

    w.line("Mean loss  L = (sum of the loss column) / " + std::to_string(n) + " = " + w.num(in.record.batchLoss));
    w.line();
    w.line("Gradient by the chain rule: dL/dw_j = mean over the batch of dL/dy * dy/dw_j");
    for (std::size_t j = 0; j < names.size(); ++j) {
        const auto jj = static_cast<Eigen::Index>(j);
        std::string terms;
        const Eigen::Index termCount = std::min<Eigen::Index>(n, 3);
        for (Eigen::Index i = 0; i < termCount; ++i)
            terms += (i ? " + " : "") + w.num(d[i]) + "*" + w.num(jac(jj, i));
        if (n > termCount)
            terms += " + ...";
        w.line("  dL/d" + names[j] + " = (" + terms + ") / " + std::to_string(n) + " = " + w.num(in.record.gradient[jj]));
    }
}

// One parameter's value in an optimizer buffer before this update (zero when the buffer did not
// exist yet: torch starts them at zero).
double bufferValue(const Vec& buffer, Eigen::Index j)
{
    return j < buffer.size() ? buffer[j] : 0.0;
}

// "b_w, b_b", and a warning when a parameter is itself called b.
std::string bufferNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& p : names) {
        if (!out.empty())
            out += ", ";
        out += "b_";
        out += p;
    }
    if (std::find(names.begin(), names.end(), "b") != names.end())
        out += " (buffers, not the parameter b)";
    return out;
}

void explainUpdate(Writer& w, const StepInputs& in, const std::vector<std::string>& names)
{
    const OptimizerSettings& s = in.settings.optimizer;
    const StepRecord& rec = in.record;
    const OptimizerState& before = in.before.optimizer;
    const double mu = s.momentum;
    const double eps = s.effectiveEps();
    // The optimizer's own step count for this update (bias correction, adagrad's decay).
    const auto t = static_cast<double>(before.t + 1);
    w.line();
    w.line("Learning rate for this step: " + w.num(rec.lr) + "  (base " + w.num(s.lr) + ", schedule "
        + in.settings.schedule.spec() + ")");
    w.line("Update: " + s.describe());
    switch (s.kind) {
    case OptimizerKind::Sgd:
        if (mu == 0.0)
            w.line("  plain sgd: direction = g");
        else
            w.line("  " + bufferNames(names) + ": the momentum buffer of each parameter; direction = "
                + (s.nesterov ? "g + mu*b" : "b"));
        break;
    case OptimizerKind::Adam:
        w.line("  t = " + w.num(t) + "; m and v start at 0, m_hat and v_hat undo that start's bias");
        break;
    case OptimizerKind::RmsProp:
    case OptimizerKind::Adagrad:
        break;
    }
    if (s.kind == OptimizerKind::Adagrad && s.lrDecay != 0.0)
        w.line("  lr = lr / (1 + (t - 1)*lr_decay) = " + w.num(rec.lr) + " / (1 + " + w.num(t - 1) + "*" + w.num(s.lrDecay)
            + ") = " + w.num(rec.update.lr));
    for (std::size_t j = 0; j < names.size(); ++j) {
        const auto jj = static_cast<Eigen::Index>(j);
        const std::string p = names[j];
        const double gv = rec.gradient[jj];
        const std::string g = w.num(gv);
        switch (s.kind) {
        case OptimizerKind::Sgd:
            if (mu > 0) {
                if (before.hasBuffer) {
                    w.line("  b_" + p + " = mu*b + (1 - dampening)*g = " + w.num(mu) + "*" + w.num(before.buffer[jj]) + " + "
                        + w.num(1 - s.dampening) + "*" + g + " = " + w.num(mu * before.buffer[jj] + (1 - s.dampening) * gv));
                } else {
                    w.line("  b_" + p + " = g = " + g + "   (the first step starts the buffer)");
                }
                if (s.nesterov)
                    w.line("  nesterov: direction = g + mu*b = " + w.num(rec.update.direction[jj]));
            }
            break;
        case OptimizerKind::Adam: {
            const double m0 = bufferValue(before.expAvg, jj), v0 = bufferValue(before.expAvgSq, jj);
            const double m = s.beta1 * m0 + (1 - s.beta1) * gv;
            const double v = s.beta2 * v0 + (1 - s.beta2) * gv * gv;
            const double bc1 = 1 - std::pow(s.beta1, t), bc2 = 1 - std::pow(s.beta2, t);
            w.line("  m_" + p + " = beta1*m + (1 - beta1)*g = " + w.num(s.beta1) + "*" + w.num(m0) + " + " + w.num(1 - s.beta1)
                + "*" + g + " = " + w.num(m));
            w.line("  v_" + p + " = beta2*v + (1 - beta2)*g^2 = " + w.num(s.beta2) + "*" + w.num(v0) + " + "
                + w.num(1 - s.beta2) + "*" + w.squared(gv) + " = " + w.num(v));
            w.line("  m_hat = m / (1 - beta1^t) = " + w.num(m) + " / " + w.num(bc1) + " = " + w.num(m / bc1));
            w.line("  v_hat = v / (1 - beta2^t) = " + w.num(v) + " / " + w.num(bc2) + " = " + w.num(v / bc2));
            w.line("  direction = m_hat / (sqrt(v_hat) + eps) = " + w.num(m / bc1) + " / (" + w.num(std::sqrt(v / bc2)) + " + "
                + w.num(eps) + ") = " + w.num(rec.update.direction[jj]));
            break;
        }
        case OptimizerKind::RmsProp: {
            const double v0 = bufferValue(before.expAvgSq, jj);
            const double v = s.alpha * v0 + (1 - s.alpha) * gv * gv;
            w.line("  v_" + p + " = alpha*v + (1 - alpha)*g^2 = " + w.num(s.alpha) + "*" + w.num(v0) + " + " + w.num(1 - s.alpha)
                + "*" + w.squared(gv) + " = " + w.num(v));
            double denominatorSq = v;
            if (s.centered) {
                const double a0 = bufferValue(before.gradAvg, jj);
                const double a = s.alpha * a0 + (1 - s.alpha) * gv;
                denominatorSq = v - a * a;
                w.line("  centered: g_avg = alpha*g_avg + (1 - alpha)*g = " + w.num(a) + ";  v - g_avg^2 = " + w.num(denominatorSq));
            }
            const double scaled = gv / (std::sqrt(denominatorSq) + eps);
            w.line("  g / (sqrt(v) + eps) = " + g + " / (" + w.num(std::sqrt(denominatorSq)) + " + " + w.num(eps) + ") = "
                + w.num(scaled));
            if (mu > 0)
                w.line("  direction = b_" + p + " = mu*b + that = " + w.num(mu) + "*" + w.num(bufferValue(before.buffer, jj)) + " + "
                    + w.num(scaled) + " = " + w.num(rec.update.direction[jj]));
            break;
        }
        case OptimizerKind::Adagrad: {
            const double sum = bufferValue(before.expAvgSq, jj) + gv * gv;
            w.line("  sum_" + p + " = sum + g^2 = " + w.num(bufferValue(before.expAvgSq, jj)) + " + " + w.squared(gv) + " = " + w.num(sum));
            w.line("  direction = g / (sqrt(sum) + eps) = " + g + " / (" + w.num(std::sqrt(sum)) + " + " + w.num(eps) + ") = "
                + w.num(rec.update.direction[jj]));
            break;
        }
        }
        w.line("  " + p + "_new = " + p + " - lr * direction = " + w.num(rec.before[jj]) + " - " + w.num(rec.update.lr) + " * "
            + w.num(rec.update.direction[jj]) + " = " + w.num(rec.after[jj]));
    }
    if ((s.kind == OptimizerKind::Sgd || s.kind == OptimizerKind::RmsProp) && mu > 0) {
        w.line("Momentum convention (PyTorch): the learning rate stays outside the buffer,");
        if (s.kind == OptimizerKind::Sgd)
            w.line("b = mu*b + (1 - dampening)*g, then w = w - lr*b; the first buffer is g itself.");
        else
            w.line("b = mu*b + g/(sqrt(v) + eps), then w = w - lr*b; the buffer starts at 0.");
    }
}


// A network has thousands of parameters: one line each would bury the step. It is written per
// layer instead, following one sample (the batch's first) forwards and back, then each layer's
// share of the update.
constexpr int kListedUnits = 16;

std::string layerName(int l)
{
    // nn.Sequential's module numbers (Linear 0, Act 1, Linear 2, ...): the state_dict prefix.
    return "Linear " + std::to_string(2 * l);
}

std::string shape(const MlpObjective& net, int l)
{
    const auto& widths = net.widths();
    return std::to_string(widths[static_cast<std::size_t>(l)]) + " -> " + std::to_string(widths[static_cast<std::size_t>(l) + 1]);
}

// A vector of any length in two lines: its min and max after the label, then its mean and norm.
void summary(Writer& w, const std::string& label, const Eigen::VectorXd& v, const std::string& indent)
{
    if (v.size() == 0) {
        w.line(indent + label + "(none)");
        return;
    }
    w.line(indent + label + "min " + w.num(v.minCoeff()) + ", max " + w.num(v.maxCoeff()) + ",");
    w.line(indent + "  mean " + w.num(v.mean()) + ", |.| = " + w.num(v.norm()));
}

// Every value when there are few, else the first kListedUnits and how many more: four to a
// line, so that the text fits a side column.
void listed(Writer& w, const Eigen::VectorXd& v, const std::string& indent)
{
    constexpr Eigen::Index kPerLine = 4;
    const Eigen::Index shown = std::min<Eigen::Index>(v.size(), kListedUnits);
    for (Eigen::Index i = 0; i < shown; i += kPerLine) {
        std::string line = indent;
        for (Eigen::Index k = i; k < std::min(shown, i + kPerLine); ++k)
            line += pad(w.num(v[k]), 12);
        w.line(line);
    }
    if (shown < v.size())
        w.line(indent + "... and " + std::to_string(v.size() - shown) + " more");
}

std::string derivativeFormula(const Writer& w, const Loss& loss, double r, double d)
{
    switch (loss.kind()) {
    case LossKind::Mse: return "2r = 2*" + w.num(r) + " = " + w.num(d);
    case LossKind::Mae: return "sign(r) = " + w.num(d) + (r == 0.0 ? "   (0 at r = 0, as PyTorch)" : "");
    case LossKind::Huber:
        return "r clipped to +-delta = clip(" + w.num(r) + ", " + w.num(loss.settings().delta) + ") = " + w.num(d);
    }
    return w.num(d);
}

void explainNetwork(Writer& w, const MlpObjective& net, const StepInputs& in)
{
    const StepRecord& rec = in.record;
    const Samples& batch = in.batch;
    const int layers = net.linearLayers();
    const std::string act(activationName(net.spec().activation));
    std::string widths;
    for (int width : net.widths())
        widths += (widths.empty() ? "" : " -> ") + std::to_string(width);
    w.line("Network  " + net.spec().spelling() + ": " + widths);
    w.line("         " + std::to_string(net.parameterCount()) + " parameters");
    w.line("Loss     " + net.loss().formula());
    w.line("Batch    " + std::to_string(batch.size()) + (batch.size() == 1 ? " sample" : " samples") + ", mean loss L = "
        + w.num(rec.batchLoss));
    if (batch.size() == 0 || batch.inputs.cols() != batch.size() || batch.inputs.rows() != net.widths().front()) {
        w.line();
        w.line("(the batch's pixels are not at hand: no sample to follow)");
        return;
    }
    const int row = in.batchRows.empty() ? 0 : in.batchRows.front();
    const MlpTrace t = traceMlp(net, rec.before, batch.inputs.col(0), batch.t[0]);
    const int n = net.inputSize();

    w.line();
    w.line("Forward pass, sample 0 of the batch");
    w.line("(training row " + std::to_string(row) + "):");
    summary(w, "x: " + std::to_string(n) + " x " + std::to_string(n) + " pixels: ", t.input, "  ");
    for (int l = 0; l + 1 < layers; ++l) {
        const MlpLayerTrace& layer = t.layers[static_cast<std::size_t>(l)];
        w.line("  " + layerName(l) + " (" + shape(net, l) + ")");
        summary(w, "z = W a + b: ", layer.pre, "    ");
        w.line("    a = " + act + "(z), " + std::to_string(layer.act.size()) + " units:");
        listed(w, layer.act, "      ");
    }
    w.line("  " + layerName(layers - 1) + " (" + shape(net, layers - 1) + ")");
    w.line("    y = W a + b = " + w.num(t.output));
    w.line("  t = " + w.num(t.target) + ",  r = y - t = " + w.num(t.residual) + ",  loss = " + w.num(t.loss));

    w.line();
    w.line("Backward pass from the output (this sample):");
    w.line("  dL/dy = " + derivativeFormula(w, net.loss(), t.residual, t.dLdy));
    const auto sampleNorms = layerNorms(net, t.gradient);
    for (int l = layers - 1; l >= 0; --l) {
        const MlpLayerTrace& layer = t.layers[static_cast<std::size_t>(l)];
        const LayerNorm& g = sampleNorms[static_cast<std::size_t>(l)];
        if (l == layers - 1) {
            w.line("  " + layerName(l) + ": delta = dL/dy = " + w.num(layer.delta[0]));
        } else {
            w.line("  " + layerName(l) + ": delta = (W_next^T delta_next) * " + act + "'(z)");
            summary(w, "delta: ", layer.delta, "    ");
        }
        w.line("    |dL/dW| = " + w.num(g.weights) + "   (dL/dW = delta a_prev^T)");
        w.line("    |dL/db| = " + w.num(g.bias) + "   (dL/db = delta)");
    }
    w.line("The update uses the mean of these gradients over");
    w.line("the " + std::to_string(batch.size()) + (batch.size() == 1 ? " sample" : " samples") + " of the batch.");

    w.line();
    w.line("Learning rate for this step: " + w.num(rec.lr));
    w.line("  (base " + w.num(in.settings.optimizer.lr) + ", schedule " + in.settings.schedule.spec() + ")");
    w.line("Update: " + in.settings.optimizer.describe());
    w.line("  every parameter: w_new = w - lr * direction");
    w.line();
    w.line("Each layer's update: g its batch gradient,");
    w.line("step = w_new - w, w its weights and bias:");
    const Vec step = rec.after - rec.before;
    const auto gradNorms = layerNorms(net, rec.gradient);
    const auto stepNorms = layerNorms(net, step);
    const auto weightNorms = layerNorms(net, rec.before);
    w.line("  " + pad("layer", 10) + pad("|g|", 11) + pad("|step|", 11) + pad("|w|", 11) + "|step|/|w|");
    for (int l = 0; l < layers; ++l) {
        const auto i = static_cast<std::size_t>(l);
        const double s = stepNorms[i].total(), weights = weightNorms[i].total();
        w.line("  " + pad(layerName(l), 10) + pad(w.num(gradNorms[i].total()), 11) + pad(w.num(s), 11)
            + pad(w.num(weights), 11) + (weights > 0 ? w.num(s / weights) : std::string("-")));
    }
}

}  // namespace

std::string explainStep(const StepInputs& in, const StepExplanationOptions& options)
{
    Writer w(options.digits);
    const StepRecord& rec = in.record;
    const auto names = in.objective->parameterNames();
    w.line("Step " + std::to_string(rec.step) + "  (epoch " + std::to_string(rec.epoch + 1) + ", batch "
        + std::to_string(rec.batchIndex + 1) + ")");
    w.line();
    if (const auto* data = dynamic_cast<const DataObjective*>(in.objective)) {
        explainBatch(w, *data, in, options, names);
    } else if (const auto* f = dynamic_cast<const AnalyticObjective*>(in.objective)) {
        w.line("Function  " + f->formula() + "   at " + w.vec(rec.before));
        w.line("Value     f = " + w.num(rec.batchLoss));
        w.line("Gradient  (df/dx, df/dy) = " + w.vec(rec.gradient) + "   (exact derivatives of the formula)");
    } else if (const auto* net = dynamic_cast<const MlpObjective*>(in.objective)) {
        explainNetwork(w, *net, in);
        return w.out().str();
    }
    explainUpdate(w, in, names);
    return w.out().str();
}

}  // namespace downhill::core
