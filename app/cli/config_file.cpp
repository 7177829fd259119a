#include "app/cli/config_file.h"

#include <QString>

#include "core/base/error.h"
#include "session/settings/settings_io.h"

namespace downhill::cli {

RunConfig loadConfigFile(const std::string& path)
{
    QString error;
    const auto settings = ui::loadSettingsFile(QString::fromStdString(path), &error);
    if (!settings)
        throw core::InputError(error.toStdString());
    const ui::AppSettings& s = *settings;
    RunConfig c;
    c.model = s.model;
    c.loss = s.loss;
    c.start = s.start;
    c.dataPath = s.data.path.toStdString();
    c.people.count = s.data.count;
    c.people.seed = s.data.seed;
    c.valFraction = s.data.valFraction;
    c.train = s.train;
    c.axes = std::array<int, 2>{s.axis1, s.axis2};
    c.range = s.range;
    if (s.isNetwork())
        c.inputSize = s.inputSize;
    if (s.plane == ui::PlotPlane::Random)
        c.plane = "random:" + std::to_string(s.planeSeed);
    else if (s.plane == ui::PlotPlane::Pca)
        c.plane = "pca";
    c.gradientField = s.gradientField;
    c.captions = s.captions;
    c.logLoss = s.logLoss;
    c.surface = ui::surfaceName(s.surface).toStdString();
    c.race = s.race;
    return c;
}

}  // namespace downhill::cli
