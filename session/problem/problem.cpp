#include "session/problem/problem.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/data/dataset_io.h"
#include "core/model/mlp_objective.h"
#include "core/base/error.h"
#include "core/data/people_generator.h"

namespace downhill::ui {

namespace {

// Least-squares line t ~ slope * u + intercept over the samples.
struct Line {
    double slope = 0;
    double intercept = 0;
};
Line fitLine(const core::Array& u, const core::Array& t)
{
    const double mu = u.mean();
    const double mt = t.mean();
    const double var = (u - mu).square().sum();
    Line line;
    line.slope = var > 0 ? ((u - mu) * (t - mt)).sum() / var : 0.0;
    line.intercept = mt - line.slope * mu;
    return line;
}

// The real root of a^3 - 3a = s that the fold model's global minimum sits at: for |s| > 2 it
// is the only one; otherwise the outermost on the side of s.
double foldRoot(double s)
{
    double a = s >= 0 ? 2.0 : -2.0;
    for (int i = 0; i < 60; ++i) {
        const double f = a * a * a - 3.0 * a - s;
        const double df = 3.0 * a * a - 3.0;
        if (std::abs(df) < 1e-12)
            break;
        const double next = a - f / df;
        if (std::abs(next - a) < 1e-14)
            return next;
        a = next;
    }
    return a;
}

}  // namespace

namespace {

std::tuple<QString, int, std::uint64_t> dataKeyOf(const AppSettings& settings)
{
    return settings.data.path.isEmpty() ? std::tuple{QString(), settings.data.count, settings.data.seed}
                                        : std::tuple{settings.data.path, 0, settings.data.seed};
}

}  // namespace

bool Problem::holdsDataFor(const AppSettings& settings) const
{
    return dataset_ && dataKey_ == dataKeyOf(settings);
}

Problem Problem::build(const AppSettings& settings, const Problem* previous, core::Progress* progress)
{
    Problem p;
    settings.loss.validate();
    p.objective_ = core::makeObjective(settings.model, settings.loss, settings.inputSize);
    p.valFraction_ = settings.data.valFraction;
    p.dataKey_ = dataKeyOf(settings);
    if (previous && previous->holdsDataFor(settings)) {
        p.dataset_ = previous->dataset_;
        // A network's samples carry their pixels at its input size: another size needs them anew.
        if (previous->data_ && previous->valFraction_ == p.valFraction_ && previous->data_->train.size() > 0
            && previous->data_->inputSize == p.objective_->inputSize()) {
            p.data_ = previous->data_;
            p.split_ = previous->split_;
        }
    }
    if (!p.objective_->usesData()) {
        // Analytic functions need no data; keep what was loaded for the way back.
        if (!p.data_)
            p.data_ = std::make_shared<core::TrainData>();
        return p;
    }
    if (!p.dataset_) {
        if (settings.data.path.isEmpty()) {
            core::PeopleSettings people;
            people.count = settings.data.count;
            people.seed = settings.data.seed;
            people.validate();
            p.dataset_ = std::make_shared<core::Dataset>(core::generatePeople(people));
        } else {
            p.dataset_ = std::make_shared<core::Dataset>(core::loadData(settings.data.path.toStdString(), progress));
        }
    }
    if (!p.data_ || p.data_->train.size() == 0) {
        p.split_ = core::splitRows(static_cast<int>(p.dataset_->size()), settings.data.valFraction, settings.data.seed);
        p.data_ = std::make_shared<core::TrainData>(
            core::TrainData::fromDataset(*p.dataset_, p.split_, p.objective_->inputSize()));
    }
    if (p.data_->train.size() == 0)
        throw core::InputError("the data set has no training rows");
    return p;
}

core::Vec Problem::defaultStart(std::uint64_t seed) const
{
    if (const auto* mlp = dynamic_cast<const core::MlpObjective*>(objective_.get()))
        return mlp->initialParameters(seed);
    return objective_->defaultInit();
}

const core::MlpObjective* Problem::network() const
{
    return dynamic_cast<const core::MlpObjective*>(objective_.get());
}

std::shared_ptr<const core::Samples> Problem::landscapeSamples() const
{
    if (!data_ || !usesData())
        return nullptr;
    return {data_, &data_->train};
}

const core::DataObjective* Problem::dataObjective() const
{
    return dynamic_cast<const core::DataObjective*>(objective_.get());
}

const core::AnalyticObjective* Problem::analytic() const
{
    return dynamic_cast<const core::AnalyticObjective*>(objective_.get());
}

std::vector<std::string> Problem::parameterNames() const
{
    return objective_ ? objective_->parameterNames() : std::vector<std::string>{};
}

int Problem::parameterCount() const
{
    return objective_ ? objective_->parameterCount() : 0;
}

std::int64_t Problem::trainSize() const
{
    if (!usesData())
        return 1;
    return data_ ? data_->train.size() : 0;
}

QString Problem::dataSource() const
{
    if (!dataset_)
        return {};
    return QString::fromStdString(dataset_->source);
}

Problem Problem::fromRun(std::shared_ptr<const core::Objective> objective, std::shared_ptr<const core::TrainData> data)
{
    Problem p;
    p.objective_ = std::move(objective);
    if (p.objective_ && p.objective_->usesData())
        p.data_ = std::move(data);
    return p;
}

core::Vec Problem::referenceMinimum(const core::Vec& at) const
{
    if (const auto* a = analytic()) {
        const auto minima = a->knownMinima();
        if (minima.empty())
            return {};
        auto best = minima.front();
        double bestDistance = std::numeric_limits<double>::infinity();
        for (const auto& m : minima) {
            const double d = std::hypot(m[0] - at[0], m[1] - at[1]);
            if (d < bestDistance) {
                bestDistance = d;
                best = m;
            }
        }
        return core::Vec{{best[0], best[1]}};
    }
    const auto* d = dataObjective();
    if (!d || !data_ || data_->train.size() < 2)
        return {};
    const auto& x = data_->train.x;
    const auto& t = data_->train.t;
    const auto name = d->model().name();
    core::Vec w = at;
    if (name == "linear") {
        const Line line = fitLine(x, t);
        w[0] = line.slope;
        w[1] = line.intercept;
    } else if (name == "fold") {
        const Line line = fitLine(x, t);
        w[0] = foldRoot(line.slope);
        w[1] = line.intercept;
    } else if (name == "lin-exp") {
        // a + b x fits t - exp(c x) with c held where it is.
        const core::Array rest = t - (at[2] * x).exp();
        const Line line = fitLine(x, rest);
        w[0] = line.intercept;
        w[1] = line.slope;
    } else {
        return {};
    }
    return w.allFinite() ? w : core::Vec{};
}

std::array<double, 4> Problem::defaultRange(int axis1, int axis2, const core::Vec& start) const
{
    if (const auto* a = analytic())
        return a->defaultRange();
    const core::Vec minimum = referenceMinimum(start);
    std::array<double, 4> r{};
    const int axes[2] = {axis1, axis2};
    for (int k = 0; k < 2; ++k) {
        const int p = axes[k];
        double lo = start[p];
        double hi = start[p];
        if (minimum.size() == start.size()) {
            lo = std::min(lo, minimum[p]);
            hi = std::max(hi, minimum[p]);
        }
        const double centre = (lo + hi) / 2;
        const double span = hi - lo;
        // A third of the span on each side, and never a sliver around a single point.
        const double margin = std::max(0.35 * span, 0.5 + 0.1 * std::abs(centre));
        r[static_cast<std::size_t>(2 * k)] = lo - margin;
        r[static_cast<std::size_t>(2 * k + 1)] = hi + margin;
    }
    return r;
}

std::unique_ptr<core::Trainer> Problem::makeTrainer(const core::TrainSettings& settings, const core::Vec& init) const
{
    return std::make_unique<core::Trainer>(objective_, data_ ? *data_ : core::TrainData{}, settings, init);
}

}  // namespace downhill::ui
