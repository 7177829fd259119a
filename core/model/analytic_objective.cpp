#include "core/model/analytic_objective.h"

#include <cmath>

namespace downhill::core {

namespace {
// The ill-conditioned quadratic's curvature ratio: a long narrow canyon along x.
constexpr double kCondition = 50.0;
}  // namespace

AnalyticObjective::AnalyticObjective(AnalyticKind kind) : kind_(kind) {}

std::vector<std::string> AnalyticObjective::names()
{
    return {"rosenbrock", "himmelblau", "beale", "saddle", "ill-conditioned"};
}

bool AnalyticObjective::fromName(const std::string& name, AnalyticKind& kind)
{
    static const std::pair<const char*, AnalyticKind> table[] = {
        {"rosenbrock", AnalyticKind::Rosenbrock}, {"himmelblau", AnalyticKind::Himmelblau},
        {"beale", AnalyticKind::Beale}, {"saddle", AnalyticKind::Saddle},
        {"ill-conditioned", AnalyticKind::IllConditioned}};
    for (const auto& [n, k] : table) {
        if (name == n) {
            kind = k;
            return true;
        }
    }
    return false;
}

std::string AnalyticObjective::name() const
{
    return names()[static_cast<std::size_t>(kind_)];
}

std::string AnalyticObjective::formula() const
{
    switch (kind_) {
    case AnalyticKind::Rosenbrock: return "f = (1 - x)^2 + 100 (y - x^2)^2";
    case AnalyticKind::Himmelblau: return "f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2";
    case AnalyticKind::Beale: return "f = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2";
    case AnalyticKind::Saddle: return "f = x^2 - y^2";
    case AnalyticKind::IllConditioned: return "f = (x^2 + 50 y^2) / 2";
    }
    return {};
}

Vec AnalyticObjective::defaultInit() const
{
    switch (kind_) {
    case AnalyticKind::Rosenbrock: return Vec{{-1.5, 2.0}};
    case AnalyticKind::Himmelblau: return Vec{{0.0, 0.0}};
    case AnalyticKind::Beale: return Vec{{1.0, 1.4}};
    case AnalyticKind::Saddle: return Vec{{1.5, 0.05}};
    case AnalyticKind::IllConditioned: return Vec{{-9.0, 2.0}};
    }
    return Vec::Zero(2);
}

std::vector<std::array<double, 2>> AnalyticObjective::knownMinima() const
{
    switch (kind_) {
    case AnalyticKind::Rosenbrock: return {{1.0, 1.0}};
    case AnalyticKind::Himmelblau:
        return {{3.0, 2.0}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
    case AnalyticKind::Beale: return {{3.0, 0.5}};
    case AnalyticKind::Saddle: return {};
    case AnalyticKind::IllConditioned: return {{0.0, 0.0}};
    }
    return {};
}

std::array<double, 4> AnalyticObjective::defaultRange() const
{
    switch (kind_) {
    case AnalyticKind::Rosenbrock: return {-2.0, 2.0, -1.0, 3.0};
    case AnalyticKind::Himmelblau: return {-5.0, 5.0, -5.0, 5.0};
    case AnalyticKind::Beale: return {-4.5, 4.5, -4.5, 4.5};
    case AnalyticKind::Saddle: return {-2.0, 2.0, -2.0, 2.0};
    case AnalyticKind::IllConditioned: return {-10.0, 10.0, -4.0, 4.0};
    }
    return {-1.0, 1.0, -1.0, 1.0};
}

double AnalyticObjective::value(double x, double y) const
{
    switch (kind_) {
    case AnalyticKind::Rosenbrock: return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    case AnalyticKind::Himmelblau: {
        const double u = x * x + y - 11;
        const double v = x + y * y - 7;
        return u * u + v * v;
    }
    case AnalyticKind::Beale: {
        const double u = 1.5 - x + x * y;
        const double v = 2.25 - x + x * y * y;
        const double s = 2.625 - x + x * y * y * y;
        return u * u + v * v + s * s;
    }
    case AnalyticKind::Saddle: return x * x - y * y;
    case AnalyticKind::IllConditioned: return 0.5 * (x * x + kCondition * y * y);
    }
    return 0.0;
}

double AnalyticObjective::evaluate(const Vec& w, const Samples&, Workspace&) const
{
    return value(w[0], w[1]);
}

double AnalyticObjective::evaluateWithGradient(const Vec& w, const Samples&, Vec& grad, Workspace&) const
{
    const double x = w[0];
    const double y = w[1];
    grad.resize(2);
    switch (kind_) {
    case AnalyticKind::Rosenbrock:
        grad[0] = -2 * (1 - x) - 400 * x * (y - x * x);
        grad[1] = 200 * (y - x * x);
        break;
    case AnalyticKind::Himmelblau: {
        const double u = x * x + y - 11;
        const double v = x + y * y - 7;
        grad[0] = 4 * x * u + 2 * v;
        grad[1] = 2 * u + 4 * y * v;
        break;
    }
    case AnalyticKind::Beale: {
        const double u = 1.5 - x + x * y;
        const double v = 2.25 - x + x * y * y;
        const double s = 2.625 - x + x * y * y * y;
        grad[0] = 2 * u * (y - 1) + 2 * v * (y * y - 1) + 2 * s * (y * y * y - 1);
        grad[1] = 2 * u * x + 2 * v * 2 * x * y + 2 * s * 3 * x * y * y;
        break;
    }
    case AnalyticKind::Saddle:
        grad[0] = 2 * x;
        grad[1] = -2 * y;
        break;
    case AnalyticKind::IllConditioned:
        grad[0] = x;
        grad[1] = kCondition * y;
        break;
    }
    return value(x, y);
}

}  // namespace downhill::core
