#include "core/optim/optimizer.h"

#include <cmath>
#include <sstream>

#include "core/base/error.h"
#include "core/optim/adam_kernel.h"

namespace downhill::core {

OptimizerKind optimizerKindFromName(std::string_view name)
{
    if (name == "sgd")
        return OptimizerKind::Sgd;
    if (name == "adam")
        return OptimizerKind::Adam;
    if (name == "rmsprop")
        return OptimizerKind::RmsProp;
    if (name == "adagrad")
        return OptimizerKind::Adagrad;
    throw InputError("unknown optimizer '" + std::string(name) + "' (choose sgd, adam, rmsprop or adagrad)");
}

std::string_view optimizerName(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Sgd: return "sgd";
    case OptimizerKind::Adam: return "adam";
    case OptimizerKind::RmsProp: return "rmsprop";
    case OptimizerKind::Adagrad: return "adagrad";
    }
    return "sgd";
}

std::vector<std::string> optimizerNames() { return {"sgd", "adam", "rmsprop", "adagrad"}; }

double OptimizerSettings::effectiveEps() const
{
    if (eps)
        return *eps;
    return kind == OptimizerKind::Adagrad ? 1e-10 : 1e-8;
}

namespace {
std::string num(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

void requireIn(const char* field, double v, double lo, bool loOpen, double hi, bool hiOpen)
{
    const bool ok = std::isfinite(v) && (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
    if (!ok) {
        throw InputError(std::string(field) + " must be in " + (loOpen ? "(" : "[") + num(lo) + ", " + num(hi)
            + (hiOpen ? ")" : "]") + ", got " + num(v));
    }
}
}  // namespace

void OptimizerSettings::validate() const
{
    if (!(std::isfinite(lr) && lr > 0.0))
        throw InputError("learning rate must be a positive number, got " + num(lr));
    requireIn("momentum", momentum, 0.0, false, 1.0, true);
    requireIn("dampening", dampening, 0.0, false, 1.0, false);
    if (kind == OptimizerKind::Sgd && nesterov && (momentum <= 0.0 || dampening != 0.0))
        throw InputError("nesterov momentum requires a momentum > 0 and zero dampening");
    requireIn("beta1", beta1, 0.0, false, 1.0, true);
    requireIn("beta2", beta2, 0.0, false, 1.0, true);
    requireIn("alpha", alpha, 0.0, false, 1.0, true);
    if (!(std::isfinite(lrDecay) && lrDecay >= 0.0))
        throw InputError("lr-decay must be >= 0, got " + num(lrDecay));
    if (eps && !(std::isfinite(*eps) && *eps > 0.0))
        throw InputError("eps must be a positive number, got " + num(*eps));
}

std::string OptimizerSettings::describe() const
{
    std::ostringstream s;
    s << optimizerName(kind) << " lr=" << lr;
    switch (kind) {
    case OptimizerKind::Sgd:
        if (momentum > 0)
            s << " momentum=" << momentum;
        if (dampening > 0)
            s << " dampening=" << dampening;
        if (nesterov)
            s << " nesterov";
        break;
    case OptimizerKind::Adam: s << " betas=" << beta1 << "," << beta2 << " eps=" << effectiveEps(); break;
    case OptimizerKind::RmsProp:
        s << " alpha=" << alpha << " eps=" << effectiveEps();
        if (momentum > 0)
            s << " momentum=" << momentum;
        if (centered)
            s << " centered";
        break;
    case OptimizerKind::Adagrad: s << " lr_decay=" << lrDecay << " eps=" << effectiveEps(); break;
    }
    return s.str();
}

void OptimizerState::reset(Eigen::Index parameterCount)
{
    t = 0;
    hasBuffer = false;
    buffer.setZero(parameterCount);
    expAvg.setZero(parameterCount);
    expAvgSq.setZero(parameterCount);
    gradAvg.setZero(parameterCount);
}

bool OptimizerState::operator==(const OptimizerState& o) const
{
    return t == o.t && hasBuffer == o.hasBuffer && buffer == o.buffer && expAvg == o.expAvg
        && expAvgSq == o.expAvgSq && gradAvg == o.gradAvg;
}

void copyUpdatedParts(const OptimizerSettings& s, const OptimizerState& from, OptimizerState& to)
{
    const Eigen::Index n = from.buffer.size();
    if (to.buffer.size() != n || to.expAvg.size() != from.expAvg.size() || to.expAvgSq.size() != from.expAvgSq.size()
        || to.gradAvg.size() != from.gradAvg.size()) {
        to = from;
        return;
    }
    to.t = from.t;
    to.hasBuffer = from.hasBuffer;
    switch (s.kind) {
    case OptimizerKind::Sgd:
        if (s.momentum != 0.0)
            to.buffer = from.buffer;
        break;
    case OptimizerKind::Adam:
        to.expAvg = from.expAvg;
        to.expAvgSq = from.expAvgSq;
        break;
    case OptimizerKind::RmsProp:
        to.expAvgSq = from.expAvgSq;
        if (s.centered)
            to.gradAvg = from.gradAvg;
        if (s.momentum > 0.0)
            to.buffer = from.buffer;
        break;
    case OptimizerKind::Adagrad: to.expAvgSq = from.expAvgSq; break;
    }
}

void optimizerStep(const OptimizerSettings& s, double lr, OptimizerState& st, Vec& w, const Vec& grad,
    UpdateDetail* detail, OptimizerScratch* scratch)
{
    // Sized lazily so that a state made for another parameter count cannot be misused.
    if (st.buffer.size() != w.size())
        st.reset(w.size());
    OptimizerScratch local;
    OptimizerScratch& sc = scratch ? *scratch : local;
    st.t += 1;
    const double eps = s.effectiveEps();
    double rate = lr;
    Vec& direction = sc.direction;
    direction.resize(w.size());

    switch (s.kind) {
    case OptimizerKind::Sgd:
        // torch.optim.SGD: b_1 = g_1; b_t = mu b_{t-1} + (1 - tau) g_t; g = g + mu b_t (nesterov)
        // or b_t; w = w - lr g.
        if (s.momentum != 0.0) {
            if (!st.hasBuffer) {
                st.buffer = grad;
                st.hasBuffer = true;
            } else {
                st.buffer = s.momentum * st.buffer + (1.0 - s.dampening) * grad;
            }
            if (s.nesterov)
                direction = grad + s.momentum * st.buffer;
            else
                direction = st.buffer;
        } else {
            direction = grad;
        }
        break;
    case OptimizerKind::Adam: {
        // torch.optim.Adam: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
        // w = w - lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps).
        // In one vectorised pass (core/optim/adam_kernel.h): a network's thousands of
        // parameters cost three divisions and a square root each.
        AdamCoefficients c;
        c.beta1 = s.beta1;
        c.beta2 = s.beta2;
        c.bias1 = 1.0 - std::pow(s.beta1, static_cast<double>(st.t));
        c.bias2 = 1.0 - std::pow(s.beta2, static_cast<double>(st.t));
        c.eps = eps;
        adamMoments(c, grad.data(), st.expAvg.data(), st.expAvgSq.data(), direction.data(), w.size());
        break;
    }
    case OptimizerKind::RmsProp: {
        // torch.optim.RMSprop: v = alpha v + (1-alpha) g^2; centered: g_avg = alpha g_avg +
        // (1-alpha) g, v~ = v - g_avg^2; momentum: b = mu b + g / (sqrt(v~) + eps), w = w - lr b;
        // else w = w - lr g / (sqrt(v~) + eps).
        st.expAvgSq = s.alpha * st.expAvgSq + (1.0 - s.alpha) * grad.cwiseProduct(grad);
        Eigen::ArrayXd& avg = sc.avg;
        avg = st.expAvgSq.array();
        if (s.centered) {
            st.gradAvg = s.alpha * st.gradAvg + (1.0 - s.alpha) * grad;
            avg -= st.gradAvg.array().square();
        }
        Eigen::ArrayXd& scaled = sc.scaled;
        scaled = grad.array() / (avg.sqrt() + eps);
        if (s.momentum > 0.0) {
            st.buffer = s.momentum * st.buffer + scaled.matrix();
            st.hasBuffer = true;
            direction = st.buffer;
        } else {
            direction = scaled.matrix();
        }
        break;
    }
    case OptimizerKind::Adagrad:
        // torch.optim.Adagrad: clr = lr / (1 + (t-1) lr_decay); sum += g^2;
        // w = w - clr g / (sqrt(sum) + eps).
        rate = lr / (1.0 + static_cast<double>(st.t - 1) * s.lrDecay);
        st.expAvgSq += grad.cwiseProduct(grad);
        direction = grad.array() / (st.expAvgSq.array().sqrt() + eps);
        break;
    }

    if (detail) {
        sc.before = w;
        w -= rate * direction;
        detail->lr = rate;
        detail->direction = direction;
        detail->update = w - sc.before;
    } else {
        w -= rate * direction;
    }
}

}  // namespace downhill::core
