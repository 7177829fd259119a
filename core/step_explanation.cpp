#include "step_explanation.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "analytic_objective.h"
#include "data_objective.h"

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
    std::string vec(const Vec& v) const
    {
        std::string out = "(";
        for (Eigen::Index i = 0; i < v.size(); ++i)
            out += (i ? ", " : "") + num(v[i]);
        return out + ")";
    }
    std::ostringstream& out() { return out_; }
    void line(const std::string& text = {}) { out_ << text << '\n'; }

private:
    int digits_;
    std::ostringstream out_;
};

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

    w.line("Model  " + model.formula() + "   at " + w.vec(in.record.before));
    w.line("Loss   " + loss.formula());
    w.line();
    w.line("The batch (" + std::to_string(n) + (n == 1 ? " sample):" : " samples):"));
    std::string header = pad("row", 7) + pad("x", 12) + pad("t", 8) + pad("y = f(x)", 12) + pad("r = y - t", 12)
        + pad("loss", 12) + pad("dL/dy", 12);
    for (const auto& p : names)
        header += pad("dy/d" + p, 12);
    w.line("  " + header);
    const Eigen::Index shown = std::min<Eigen::Index>(n, opt.maxSampleRows);
    for (Eigen::Index i = 0; i < shown; ++i) {
        const int row = i < static_cast<Eigen::Index>(in.batchRows.size()) ? in.batchRows[static_cast<std::size_t>(i)] : static_cast<int>(i);
        std::string line = pad(std::to_string(row), 7) + pad(w.num(batch.x[i]), 12) + pad(w.num(batch.t[i]), 8)
            + pad(w.num(y[i]), 12) + pad(w.num(r[i]), 12) + pad(w.num(loss.value(r[i])), 12) + pad(w.num(d[i]), 12);
        for (Eigen::Index j = 0; j < jac.rows(); ++j)
            line += pad(w.num(jac(j, i)), 12);
        w.line("  " + line);
    }
    if (shown < n)
        w.line("  ... and " + std::to_string(n - shown) + " more samples");
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

void explainUpdate(Writer& w, const StepInputs& in, const std::vector<std::string>& names)
{
    const OptimizerSettings& s = in.settings.optimizer;
    const StepRecord& rec = in.record;
    const OptimizerState& before = in.before.optimizer;
    const double mu = s.momentum;
    w.line();
    w.line("Learning rate for this step: " + w.num(rec.lr) + "  (base " + w.num(s.lr) + ", schedule "
        + in.settings.schedule.spec() + ")");
    w.line("Update: " + s.describe());
    for (std::size_t j = 0; j < names.size(); ++j) {
        const auto jj = static_cast<Eigen::Index>(j);
        const std::string p = names[j];
        const std::string g = w.num(rec.gradient[jj]);
        switch (s.kind) {
        case OptimizerKind::Sgd:
            if (mu > 0) {
                if (before.hasBuffer) {
                    w.line("  b_" + p + " = mu*b + (1 - dampening)*g = " + w.num(mu) + "*" + w.num(before.buffer[jj]) + " + "
                        + w.num(1 - s.dampening) + "*" + g + " = " + w.num(mu * before.buffer[jj] + (1 - s.dampening) * rec.gradient[jj]));
                } else {
                    w.line("  b_" + p + " = g = " + g + "   (the first step starts the buffer)");
                }
                if (s.nesterov)
                    w.line("  nesterov: direction = g + mu*b = " + w.num(rec.update.direction[jj]));
            }
            break;
        case OptimizerKind::Adam:
            w.line("  m_" + p + ", v_" + p + " updated with betas " + w.num(s.beta1) + ", " + w.num(s.beta2)
                + "; direction = m_hat / (sqrt(v_hat) + eps) = " + w.num(rec.update.direction[jj]));
            break;
        case OptimizerKind::RmsProp:
            w.line("  v_" + p + " = alpha*v + (1 - alpha)*g^2; direction = " + std::string(mu > 0 ? "b = mu*b + " : "")
                + "g / (sqrt(v) + eps) = " + w.num(rec.update.direction[jj]));
            break;
        case OptimizerKind::Adagrad:
            w.line("  sum_" + p + " += g^2; direction = g / (sqrt(sum) + eps) = " + w.num(rec.update.direction[jj]));
            break;
        }
        w.line("  " + p + "_new = " + p + " - lr * direction = " + w.num(rec.before[jj]) + " - " + w.num(rec.update.lr) + " * "
            + w.num(rec.update.direction[jj]) + " = " + w.num(rec.after[jj]));
    }
    if (s.kind == OptimizerKind::Sgd && mu > 0) {
        w.line("Momentum convention (PyTorch): the learning rate stays outside the buffer,");
        w.line("b = mu*b + (1 - dampening)*g, then w = w - lr*b; the first buffer is g itself.");
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
    }
    explainUpdate(w, in, names);
    return w.out().str();
}

}  // namespace downhill::core
