#include "session/settings/app_settings.h"

#include <limits>
#include <utility>

#include <QLocale>

#include "core/model/analytic_objective.h"
#include "core/model/mlp_objective.h"

namespace downhill::ui {

namespace {
constexpr std::pair<Surface, const char*> kSurfaceNames[] = {
    {Surface::Train, "train"}, {Surface::Batch, "batch"}, {Surface::Validation, "val"}, {Surface::TrainAndVal, "train+val"}};
}  // namespace

QString surfaceName(Surface surface)
{
    for (const auto& [s, name] : kSurfaceNames)
        if (s == surface)
            return QLatin1String(name);
    return {};
}

std::optional<Surface> surfaceFromName(const QString& name)
{
    for (const auto& [s, text] : kSurfaceNames)
        if (name == QLatin1String(text))
            return s;
    return std::nullopt;
}

QStringList surfaceNames()
{
    QStringList names;
    for (const auto& [s, name] : kSurfaceNames)
        names << QLatin1String(name);
    return names;
}

Lesson Lesson::in(const QString& language) const
{
    Lesson shown = *this;
    // "de_AT" first, then "de": the most particular translation of each field wins.
    QStringList candidates{language};
    if (language.contains(QLatin1Char('_')))
        candidates << language.section(QLatin1Char('_'), 0, 0);
    bool hasTitle = false;
    bool hasText = false;
    for (const QString& code : candidates) {
        const auto it = translations.constFind(code);
        if (it == translations.constEnd())
            continue;
        if (!hasTitle && !it->title.trimmed().isEmpty()) {
            shown.title = it->title;
            hasTitle = true;
        }
        if (!hasText && !it->text.trimmed().isEmpty()) {
            shown.text = it->text;
            hasText = true;
        }
    }
    return shown;
}

Lesson Lesson::shown() const
{
    return in(QLocale().name());
}

AppSettings::AppSettings()
{
    // The window starts where a first lesson starts: plain sgd, no momentum, small batches.
    train.optimizer.lr = 0.05;
    train.optimizer.momentum = 0.0;
    train.batchSize = 32;
}

void AppSettings::setModel(const std::string& name)
{
    if (name == model)
        return;
    model = name;
    plane = core::MlpSpec::looksLikeMlp(name) ? PlotPlane::Random : PlotPlane::Axes;
    axis1 = 0;
    axis2 = 1;
    held.clear();
    start.clear();
    range.reset();
}

bool AppSettings::isNetwork() const
{
    return core::MlpSpec::looksLikeMlp(model);
}

void AppSettings::setPlane(PlotPlane kind)
{
    if (kind == plane)
        return;
    plane = kind;
    range.reset();
}

QString plotPlaneName(PlotPlane plane)
{
    switch (plane) {
    case PlotPlane::Axes: return QStringLiteral("axes");
    case PlotPlane::Random: return QStringLiteral("random");
    case PlotPlane::Pca: return QStringLiteral("pca");
    }
    return QStringLiteral("axes");
}

std::optional<PlotPlane> plotPlaneFromName(const QString& name)
{
    for (PlotPlane p : {PlotPlane::Axes, PlotPlane::Random, PlotPlane::Pca})
        if (plotPlaneName(p) == name)
            return p;
    return std::nullopt;
}

void AppSettings::setAxes(int first, int second)
{
    if (first == axis1 && second == axis2 && plane == PlotPlane::Axes)
        return;
    plane = PlotPlane::Axes;
    axis1 = first;
    axis2 = second;
    range.reset();
}

std::vector<core::TrainSettings> AppSettings::raceLineup() const
{
    std::vector<core::TrainSettings> lineup;
    for (const RaceEntrant& e : race) {
        core::TrainSettings s = train;
        s.optimizer = e.optimizer;
        if (e.batchSize)
            s.batchSize = *e.batchSize;
        lineup.push_back(s);
    }
    return lineup;
}

void AppSettings::setRaceLineup(const std::vector<core::TrainSettings>& lineup)
{
    race.clear();
    for (const core::TrainSettings& s : lineup)
        race.push_back({s.optimizer, s.batchSize});
}

bool AppSettings::isAnalytic() const
{
    core::AnalyticKind kind{};
    return core::AnalyticObjective::fromName(model, kind);
}

core::Vec toVec(const std::vector<double>& v)
{
    return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

std::vector<double> fromVec(const core::Vec& v)
{
    return {v.data(), v.data() + v.size()};
}

}  // namespace downhill::ui
