#include "session/problem/race_preset.h"

#include <algorithm>
#include <cmath>

#include "session/settings/app_settings.h"

namespace downhill::ui {

namespace {

double twoDigits(double x)
{
    if (!(x > 0) || !std::isfinite(x))
        return x;
    const double scale = std::pow(10.0, std::floor(std::log10(x)) - 1);
    return std::round(x / scale) * scale;
}

double clampRate(double lr)
{
    return std::clamp(twoDigits(lr), kMinLearningRate, kMaxLearningRate);
}

}  // namespace

double largestCurvature(const core::Objective& objective, const core::Samples& samples, const core::Vec& at)
{
    core::Workspace ws;
    core::Vec g0, gPlus, gMinus;
    objective.evaluateWithGradient(at, samples, g0, ws);
    if (!g0.allFinite())
        return std::nan("");
    const double eps = 1e-4 * std::max(1.0, at.cwiseAbs().maxCoeff());
    // Start from a mix of every direction so that no eigenvector is missed by symmetry. Plain
    // loops over v: GCC's maybe-uninitialized analysis trips over Eigen's reductions on a
    // vector with a fixed maximum size.
    const Eigen::Index n = at.size();
    core::Vec v(n);
    double start = 0;
    for (Eigen::Index k = 0; k < n; ++k) {
        v[k] = 1.0 + 0.1 * static_cast<double>(k);
        start += v[k] * v[k];
    }
    for (Eigen::Index k = 0; k < n; ++k)
        v[k] /= std::sqrt(start);
    double lambda = 0;
    for (int iteration = 0; iteration < 40; ++iteration) {
        objective.evaluateWithGradient(at + eps * v, samples, gPlus, ws);
        objective.evaluateWithGradient(at - eps * v, samples, gMinus, ws);
        const core::Vec hv = (gPlus - gMinus) / (2 * eps);
        if (!hv.allFinite())
            return std::nan("");
        const double norm = hv.norm();
        lambda = std::abs(v.dot(hv));
        if (norm < 1e-300)
            return 0.0;
        // The sign flips each time for a negative eigenvalue: compare up to sign.
        double same = 0, flipped = 0;
        for (Eigen::Index k = 0; k < n; ++k) {
            const double next = hv[k] / norm;
            same += (next - v[k]) * (next - v[k]);
            flipped += (next + v[k]) * (next + v[k]);
            v[k] = next;
        }
        if (std::min(same, flipped) < 1e-12)
            break;
    }
    return lambda;
}

std::vector<core::TrainSettings> racePreset(const Problem& problem, const core::Vec& start, int axis1, int axis2,
    const core::TrainSettings& base)
{
    const core::Samples none;
    const core::Samples& samples = problem.usesData() ? problem.data()->train : none;
    const core::Objective& objective = *problem.objective();

    const core::Vec minimum = problem.referenceMinimum(start);
    double curvature = largestCurvature(objective, samples, start);
    double distance = 0;
    if (minimum.size() == start.size()) {
        const double atMinimum = largestCurvature(objective, samples, minimum);
        if (std::isfinite(atMinimum))
            curvature = std::isfinite(curvature) ? std::max(curvature, atMinimum) : atMinimum;
        distance = std::max(std::abs(minimum[axis1] - start[axis1]), std::abs(minimum[axis2] - start[axis2]));
    }
    if (!(distance > 0)) {
        const auto range = problem.defaultRange(axis1, axis2, start);
        distance = 0.25 * std::min(range[1] - range[0], range[3] - range[2]);
    }
    double sgdRate = 0;
    if (std::isfinite(curvature) && curvature > 1e-12) {
        sgdRate = 0.5 / curvature;
    } else {
        // No curvature to go by (a piecewise-linear loss): a first step of D / 50.
        core::Workspace ws;
        core::Vec g;
        objective.evaluateWithGradient(start, samples, g, ws);
        const double norm = g.allFinite() ? g.norm() : 0.0;
        sgdRate = norm > 0 ? distance / (50 * norm) : base.optimizer.lr;
    }

    std::vector<core::TrainSettings> out;
    auto entrant = [&](core::OptimizerKind kind, double lr) {
        core::TrainSettings s = base;
        s.optimizer = core::OptimizerSettings{};
        s.optimizer.kind = kind;
        // Two significant digits: a rate a class can read off the legend, and exactly the one
        // the entrant's card shows and runs with.
        s.optimizer.lr = clampRate(QString::number(lr, 'g', 2).toDouble());
        return s;
    };
    out.push_back(entrant(core::OptimizerKind::Sgd, sgdRate));
    out.push_back(entrant(core::OptimizerKind::Sgd, sgdRate));
    out.back().optimizer.momentum = 0.9;
    out.push_back(entrant(core::OptimizerKind::RmsProp, distance / 200));
    out.push_back(entrant(core::OptimizerKind::Adam, distance / 100));
    return out;
}

QString raceLabel(const core::TrainSettings& settings, bool withBatch, std::int64_t trainSize)
{
    const auto& o = settings.optimizer;
    const QString lr = QString::number(o.lr, 'g', 3);
    QString label;
    switch (o.kind) {
    case core::OptimizerKind::Sgd:
        if (o.momentum > 0)
            label = QStringLiteral("%1 %2 lr %3")
                        .arg(o.nesterov ? QStringLiteral("Nesterov") : QStringLiteral("Momentum"))
                        .arg(o.momentum, 0, 'g', 3)
                        .arg(lr);
        else
            label = QStringLiteral("SGD lr %1").arg(lr);
        break;
    case core::OptimizerKind::RmsProp:
        label = QStringLiteral("RMSprop lr %1").arg(lr);
        if (o.momentum > 0)
            label += QStringLiteral(" mom %1").arg(o.momentum, 0, 'g', 3);
        break;
    case core::OptimizerKind::Adam:
        label = QStringLiteral("Adam lr %1").arg(lr);
        if (o.beta1 != 0.9 || o.beta2 != 0.999)
            label += QStringLiteral(" (%1, %2)").arg(o.beta1, 0, 'g', 3).arg(o.beta2, 0, 'g', 4);
        break;
    case core::OptimizerKind::Adagrad: label = QStringLiteral("Adagrad lr %1").arg(lr); break;
    }
    if (withBatch)
        label += QStringLiteral(", batch %1").arg(std::min<std::int64_t>(settings.batchSize, trainSize));
    return label;
}

}  // namespace downhill::ui
