#pragma once
// Analytic test landscapes with known minima (they need no data): the classic problems on which
// optimisers are compared.
#include <array>
#include <string>
#include <vector>

#include "core/model/objective.h"

namespace downhill::core {

enum class AnalyticKind { Rosenbrock, Himmelblau, Beale, Saddle, IllConditioned };

class AnalyticObjective final : public Objective {
public:
    explicit AnalyticObjective(AnalyticKind kind);

    std::string name() const override;
    std::vector<std::string> parameterNames() const override { return {"x", "y"}; }
    Vec defaultInit() const override;
    bool usesData() const override { return false; }

    double evaluate(const Vec& w, const Samples& samples, Workspace& ws) const override;
    double evaluateWithGradient(const Vec& w, const Samples& samples, Vec& grad, Workspace& ws) const override;

    AnalyticKind kind() const { return kind_; }
    double value(double x, double y) const;
    std::string formula() const;
    // The known minima (empty for the saddle, which has none; its critical point is (0, 0)).
    std::vector<std::array<double, 2>> knownMinima() const;
    // A view that shows the interesting part: {xmin, xmax, ymin, ymax}.
    std::array<double, 4> defaultRange() const;

    static std::vector<std::string> names();
    // Returns false if name is not an analytic function.
    static bool fromName(const std::string& name, AnalyticKind& kind);

private:
    AnalyticKind kind_;
};

}  // namespace downhill::core
