#include "core/model/loss.h"

#include <algorithm>
#include <cmath>

#include "core/base/error.h"

namespace downhill::core {

void LossSettings::validate() const
{
    if (kind == LossKind::Huber && !(std::isfinite(delta) && delta > 0.0))
        throw InputError("huber delta must be a positive number, got " + std::to_string(delta));
}

LossKind lossKindFromName(std::string_view name)
{
    if (name == "mse")
        return LossKind::Mse;
    if (name == "mae")
        return LossKind::Mae;
    if (name == "huber")
        return LossKind::Huber;
    throw InputError("unknown loss '" + std::string(name) + "' (choose mse, mae or huber)");
}

std::string_view lossName(LossKind kind)
{
    switch (kind) {
    case LossKind::Mse: return "mse";
    case LossKind::Mae: return "mae";
    case LossKind::Huber: return "huber";
    }
    return "mse";
}

std::vector<std::string> lossNames() { return {"mse", "mae", "huber"}; }

Loss::Loss(LossSettings settings) : settings_(settings) { settings_.validate(); }

double Loss::value(double r) const
{
    switch (settings_.kind) {
    case LossKind::Mse: return r * r;
    case LossKind::Mae: return std::abs(r);
    case LossKind::Huber: {
        const double a = std::abs(r);
        const double d = settings_.delta;
        return a < d ? 0.5 * r * r : d * (a - 0.5 * d);
    }
    }
    return 0.0;
}

double Loss::derivative(double r) const
{
    switch (settings_.kind) {
    case LossKind::Mse: return 2.0 * r;
    case LossKind::Mae: return r > 0.0 ? 1.0 : (r < 0.0 ? -1.0 : 0.0);
    case LossKind::Huber: return std::clamp(r, -settings_.delta, settings_.delta);
    }
    return 0.0;
}

double Loss::meanValue(const Eigen::Ref<const Array>& r) const
{
    return r.size() == 0 ? 0.0 : sumOf(r) / static_cast<double>(r.size());
}

void Loss::derivatives(const Eigen::Ref<const Array>& r, Array& out) const
{
    out.resize(r.size());
    switch (settings_.kind) {
    case LossKind::Mse: out = 2.0 * r; break;
    case LossKind::Mae: out = (r > 0.0).cast<double>() - (r < 0.0).cast<double>(); break;
    case LossKind::Huber: out = r.cwiseMax(-settings_.delta).cwiseMin(settings_.delta); break;
    }
}

std::string Loss::formula() const
{
    switch (settings_.kind) {
    case LossKind::Mse: return "L = mean (y - t)^2";
    case LossKind::Mae: return "L = mean |y - t|   (dL/dy = sign(y - t), 0 at y = t)";
    case LossKind::Huber:
        return "L = mean huber(y - t), huber(r) = r^2/2 if |r| < delta, else delta (|r| - delta/2); delta = "
            + std::to_string(settings_.delta);
    }
    return {};
}

}  // namespace downhill::core
