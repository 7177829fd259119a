#include "window/export/export_actions.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "session/run/path_log.h"

namespace downhill::ui {

namespace {

QString withSuffix(QString path, const QString& selectedFilter, const QString& fallback)
{
    if (!QFileInfo(path).suffix().isEmpty())
        return path;
    for (const char* suffix : {"png", "svg", "pdf", "csv", "json"})
        if (selectedFilter.contains(QStringLiteral("*.%1").arg(QLatin1String(suffix))))
            return path + QLatin1Char('.') + QLatin1String(suffix);
    return path + QLatin1Char('.') + fallback;
}

QString imageFilters()
{
    return ExportActions::tr("PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)");
}

}  // namespace

ExportActions::ExportActions(QMainWindow* window, Sources sources)
    : QObject(window), window_(window), sources_(std::move(sources))
{
    setObjectName(QStringLiteral("exportActions"));
    askPath_ = [this](const QString& title, const QString& defaultName, const QString& filters, QString* selected) {
        return QFileDialog::getSaveFileName(window_, title, defaultName, filters, selected);
    };
}

void ExportActions::saveTo(const Target& target, const Writer& write, const Report& report)
{
    QString filter;
    QString path = askPath_(target.title, target.defaultName, target.filters, &filter);
    if (path.isEmpty())
        return;
    path = withSuffix(path, filter, target.suffix);
    QString error;
    if (!write(path, &error)) {
        QMessageBox::warning(window_, target.title, error);
        return;
    }
    if (const QString said = report(path); !said.isEmpty())
        window_->statusBar()->showMessage(said, 5000);
}

void ExportActions::exportLandscape()
{
    saveTo({tr("Export landscape"), QStringLiteral("landscape.png"), imageFilters(), QStringLiteral("png")},
        [this](const QString& path, QString* error) { return sources_.landscape->exportImage(path, error); },
        [](const QString& path) { return tr("Saved %1").arg(path); });
}

void ExportActions::exportLossPlot()
{
    saveTo({tr("Export loss plot"), QStringLiteral("loss.png"), imageFilters(), QStringLiteral("png")},
        [this](const QString& path, QString* error) { return sources_.lossPlot->exportImage(path, error); },
        [](const QString& path) { return tr("Saved %1").arg(path); });
}

void ExportActions::exportPath()
{
    saveTo({tr("Export path"), QStringLiteral("path.csv"), tr("CSV files (*.csv)"), QStringLiteral("csv")},
        [this](const QString& path, QString* error) {
            return sources_.pathLog->writeCsv(path, sources_.parameterNames(), error);
        },
        [this](const QString& path) { return tr("Saved %1 steps to %2").arg(sources_.pathLog->rows().size()).arg(path); });
}

void ExportActions::exportLossHistory()
{
    saveTo({tr("Export loss history"), QStringLiteral("loss-history.csv"), tr("CSV files (*.csv)"), QStringLiteral("csv")},
        [this](const QString& path, QString* error) { return sources_.pathLog->writeEpochsCsv(path, error); },
        [this](const QString& path) {
            return tr("Saved %1 epochs to %2").arg(sources_.pathLog->epochs().size()).arg(path);
        });
}

void ExportActions::saveSettings()
{
    saveTo({tr("Save settings"), QStringLiteral("downhill.json"), tr("Downhill settings (*.json)"), QStringLiteral("json")},
        sources_.saveSettings, [](const QString& path) { return tr("Saved %1").arg(path); });
}

void ExportActions::saveRun()
{
    // A run file says nothing when saved: the window goes on showing the run it holds.
    saveTo({tr("Save run"), QString(), tr("Downhill runs (*.json)"), QStringLiteral("json")}, sources_.saveRun,
        [](const QString&) { return QString(); });
}

}  // namespace downhill::ui
