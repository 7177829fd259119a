#include "window/export/animation_export.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTextDocumentFragment>

#include "plots/figure.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "session/settings/settings_store.h"
#include "window/race/race_mode.h"
#include "window/run/run_builder.h"
#include "window/run/run_presenter.h"
#include "window/run/surface_area.h"

namespace downhill::ui {

AnimationExport::AnimationExport(Sources sources, QObject* parent) : QObject(parent), sources_(std::move(sources)) {}

void AnimationExport::openDialog()
{
    if (animation_.target.isEmpty())
        animation_.target = QDir::home().filePath(QStringLiteral("downhill-run.gif"));
    const QSize maps = mapsSize();
    const QSize withLoss(maps.width(), maps.height() + sources_.lossPlot->height());
    AnimationDialog dialog(animation_, lastStep(), maps, withLoss, sources_.window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    animation_ = dialog.settings();
    QString error;
    switch (exportAnimation(animation_, &error)) {
    case ExportResult::Written:
        sources_.statusBar->showMessage(tr("Saved the animation to %1").arg(QDir::toNativeSeparators(animation_.target)), 8000);
        break;
    case ExportResult::Cancelled:
        sources_.statusBar->showMessage(tr("Export cancelled; nothing was written."), 5000);
        break;
    case ExportResult::Failed:
        QMessageBox::warning(sources_.window, tr("Export animation"), error);
        break;
    }
}

QSize AnimationExport::mapsSize() const
{
    // Side by side, the two maps as the window shows them, one beside the other.
    const LandscapePlot* landscape = sources_.landscape;
    if (sources_.surfaceArea->sideBySide())
        return QSize(landscape->width() + sources_.surfaceArea->sidePlot()->width(), landscape->height());
    return landscape->size();
}

std::int64_t AnimationExport::lastStep() const
{
    // The run to the timeline position, and a race beside it to where the race stands.
    return std::max(sources_.presenter->shownStep(), sources_.race->lastStep());
}

ExportResult AnimationExport::exportAnimation(const AnimationSettings& a, QString* error)
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return ExportResult::Failed;
    };
    const RunPresenter& presenter = *sources_.presenter;
    LandscapePlot* landscape = sources_.landscape;
    SurfaceArea* surfaceArea = sources_.surfaceArea;
    const PathLog& pathLog = presenter.pathLog();
    const std::int64_t shownStep = presenter.shownStep();
    if (!sources_.builder->runValid() || pathLog.init().size() != sources_.builder->problem().parameterCount()
        || !landscape->hasLandscape())
        return fail(tr("There is no run to animate yet: wait for the landscape, then try again."));
    if (a.target.trimmed().isEmpty())
        return fail(tr("Choose where to save the animation."));

    // A copy of the run to the timeline position, and of the race: training may go on while
    // the frames are drawn.
    const AppSettings& settings = sources_.settings->value();
    const std::int64_t last = lastStep();
    AnimationRun run;
    run.init = pathLog.init();
    run.rows.assign(pathLog.rows().begin(), pathLog.endOf(shownStep));
    run.entrants = sources_.race->animationEntrants();
    run.projection = presenter.projection();
    core::Vec gradient;
    presenter.startLoss(run.init, gradient);
    run.startNegGradient = -presenter.projectDirection(gradient);
    run.optimizer = settings.train.optimizer;
    run.title = sources_.runLabel->text();
    if (!presenter.divergence().isEmpty() && shownStep == presenter.seenHead())
        run.divergence = presenter.divergence();
    std::vector<core::EpochRecord> epochs;
    for (const core::EpochRecord& e : pathLog.epochs())
        if (e.step <= shownStep)
            epochs.push_back(e);

    // The plot's current size is drawn as on screen; the fixed sizes from 1600 pixels wide up
    // at twice the scale, so that text keeps its size relative to the picture.
    QSize pixels = a.size;
    int scale = pixels.width() >= 1600 ? 2 : 1;
    if (pixels.isEmpty()) {
        const QSize maps = mapsSize();
        pixels = a.withLoss ? QSize(maps.width(), maps.height() + sources_.lossPlot->height()) : maps;
        scale = 1;
        if (pixels.width() < 200 || pixels.height() < 200)   // a window never shown
            pixels = QSize(960, 600);
    }
    pixels = QSize(pixels.width() / scale * scale, pixels.height() / scale * scale);
    // Training | validation is exported as the window shows it: both maps, each with its line.
    const bool sideBySide = surfaceArea->sideBySide();
    Figure figure(pixels, a.withLoss, run.title, scale, sideBySide ? Figure::Maps::SideBySide : Figure::Maps::One);
    figure.landscape().setGround(landscape->ground());
    figure.landscape().setCaptionsVisible(landscape->captionsVisible());
    if (LandscapePlot* side = figure.side()) {
        side->setGround(surfaceArea->sidePlot()->ground());
        side->setOtherMinimum(surfaceArea->sidePlot()->otherMinimum());
        figure.landscape().setOtherMinimum(landscape->otherMinimum());
        const auto plain = [](const QString& html) { return QTextDocumentFragment::fromHtml(html).toPlainText(); };
        figure.setMapTitles(plain(surfaceArea->mainTitle()), plain(surfaceArea->sideTitle()));
    }
    if (LossPlot* loss = figure.loss()) {
        RunAnimation::plotLoss(*loss, run.rows, epochs);
        loss->setLogScale(sources_.lossPlot->logScale());
    }
    RunAnimation animation(figure, std::move(run));

    AnimationOutput output;
    output.format = a.format;
    output.target = a.target.trimmed();
    output.steps = a.steps(last);
    output.fps = a.fps;
    const int total = static_cast<int>(output.steps.size());
    QProgressDialog progress(tr("Drawing the animation\u2026"), tr("Cancel"), 0, total, sources_.window);
    progress.setObjectName(QStringLiteral("animationProgress"));
    progress.setWindowTitle(tr("Export animation"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    const ExportResult result = downhill::ui::exportAnimation(animation, output,
        [&](int done, int frames) {
            progress.setLabelText(done < frames ? tr("Drawing frame %1 of %2\u2026").arg(done + 1).arg(frames)
                                                : tr("Writing %1\u2026").arg(QDir::toNativeSeparators(output.target)));
            progress.setValue(done);
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        },
        error);
    progress.reset();
    return result;
}

}  // namespace downhill::ui
