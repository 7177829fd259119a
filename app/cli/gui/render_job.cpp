#include "gui/render_job.h"

#include <cctype>
#include <cstdio>
#include <filesystem>

#include <QApplication>
#include <QByteArray>

#include "checks.h"
#include "command.h"
#include "contours.h"
#include "gui/figure.h"
#include "gui/race_run.h"
#include "gui/run_recorder.h"
#include "gui/view_range.h"
#include "interrupt_guard.h"
#include "landscape.h"
#include "landscape_worker.h"
#include "render_command.h"
#include "train_runner.h"

namespace downhill::cli {

namespace {

// The file to write: an image type render knows, in a folder that exists.
std::string imagePath(const CommandLine& cl)
{
    const auto out = cl.text("out");
    if (!out)
        failFlag("out", "required: the image to write (.png, .svg or .pdf)");
    const std::filesystem::path path(*out);
    std::string suffix = path.extension().string();
    for (char& c : suffix)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (suffix != ".png" && suffix != ".svg" && suffix != ".pdf")
        failFlag("out", "unknown image type '" + path.extension().string() + "' in " + *out + " (use .png, .svg or .pdf)");
    std::error_code ec;
    const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(folder, ec))
        failFlag("out", "no such folder: " + folder.string());
    if (std::filesystem::is_directory(path, ec))
        failFlag("out", *out + " is a folder");
    return *out;
}

// --size WxH: even, so that the layout at half the size comes out at exactly WxH pixels.
QSize imageSize(const CommandLine& cl)
{
    const auto text = cl.text("size");
    if (!text)
        return {RenderCommand::kDefaultWidth, RenderCommand::kDefaultHeight};
    const auto x = text->find('x');
    if (x == 0 || x == std::string::npos || x + 1 == text->size() || text->find('x', x + 1) != std::string::npos)
        failFlag("size", "expected WxH in pixels, e.g. 1600x1000, got '" + *text + "'");
    int sides[2] = {0, 0};
    const std::string parts[2] = {text->substr(0, x), text->substr(x + 1)};
    for (int k = 0; k < 2; ++k) {
        const std::int64_t v = CommandLine::parseInteger("size", parts[k]);
        requireBetween("size", v, RenderCommand::kMinSide, RenderCommand::kMaxSide);
        if (v % Figure::kScale != 0)
            failFlag("size", "must be even numbers (the figure is drawn at 2x), got '" + *text + "'");
        sides[k] = static_cast<int>(v);
    }
    return {sides[0], sides[1]};
}

// Qt's own notes (no XDG_RUNTIME_DIR, font fallbacks, ...) would break the promise of one line
// on stderr per error; only its errors get through.
void qtMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "downhill-cli render: Qt: %s\n", qPrintable(message));
}

int interrupted()
{
    std::fputs("downhill-cli render: interrupted; no file written\n", stderr);
    return kExitInterrupted;
}

}  // namespace

RenderJob::RenderJob(const CommandLine& cl)
    : options_(cl)
    , plane_(cl, options_.model(), RenderCommand::kDefaultGrid,
          options_.modelFromBase() ? options_.base().axes : std::nullopt,
          // The file's range belongs to the file's axes.
          options_.modelFromBase() && !cl.has("axes") ? options_.base().range : std::nullopt)
    , race_(cl, options_.base())
    , out_(imagePath(cl))
    , pixels_(imageSize(cl))
    , trajectory_(cl.text("trajectory"))
    , field_(options_.base().gradientField && !cl.has("no-field"))
    // The captions explain the single run's arrows, which a race does not draw.
    , captions_(options_.base().captions && !cl.has("no-captions") && !race_.active())
    , withLoss_(cl.has("with-loss"))
    // One figure, one surface: a file's side-by-side pair draws its training half.
    , on_(cl.text("on", options_.base().surface == "train+val" ? std::string("train") : options_.base().surface))
{
    if (on_ != "train" && on_ != "val" && on_ != "batch")
        failFlag("on", "expected train, val or batch, got '" + on_ + "'");
    if (on_ == "val" && options_.model().objective()->usesData() && options_.data().valFraction() <= 0)
        failFlag("on", "there is no validation set (--val-fraction is 0)");
    if (race_.active()) {
        const std::string why = race_.fromFile() ? " (the --config file has a race; --race none draws its own run)" : "";
        if (trajectory_)
            failFlag("trajectory", "a race has one trajectory per entrant: run train with each entrant's settings" + why);
        if (options_.patience())
            failFlag("patience", "not with a race: every entrant runs to the same limit" + why);
        if (cl.has("on") && on_ == "batch")
            failFlag("on", "batch is one run's batch; a race's entrants each have their own (use train or val)" + why);
        if (on_ == "batch")
            on_ = "train";   // the file's batch surface, for its single run
    }
    const auto& objective = *options_.model().objective();
    std::string title = objective.name() + ", " + options_.settings().optimizer.describe();
    if (race_.active()) {
        int count = 0;
        for (const auto& item : race_.items())
            count += item.preset ? RaceOptions::kPresetEntrants : 1;
        title = objective.name() + ", a race of " + std::to_string(count) + " optimizers from one start";
    }
    title_ = QString::fromStdString(cl.text("title", title));
}

int RenderJob::run()
{
    // Figures are made where there is no display (scripts, CI, a server): offscreen unless told.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    qInstallMessageHandler(qtMessages);
    int argc = 1;
    char name[] = "downhill-cli";
    char* argv[] = {name, nullptr};
    const QApplication app(argc, argv);

    if (race_.active())
        return runRace();
    const InterruptGuard interrupt;
    TrainRunner runner(options_, "render");
    if (trajectory_)
        runner.writeTrajectory(*trajectory_, "--trajectory");
    Figure figure(pixels_, withLoss_, title_);
    ui::LandscapePlot& plot = figure.landscape();
    RunRecorder recorder(plane_.axis1(), plane_.axis2(), plot, figure.loss());
    runner.addObserver(&recorder);
    if (!runner.run(interrupt.flag(), true))
        return kExitInterrupted;

    const core::Trainer& trainer = runner.trainer();
    const core::Objective& objective = trainer.objective();
    // The surface: the training set, the validation set or the last update's batch (the
    // trainer keeps it as the model saw it).
    const core::Samples& samples = on_ == "val" ? trainer.data().val
        : on_ == "batch" && trainer.lastBatch().size() > 0 ? trainer.lastBatch()
                                                             : trainer.data().train;
    // The held parameters sit where the run ended, so the map is the plane the path ends on.
    const core::Vec& held = trainer.params();
    const auto range = plane_.range() ? *plane_.range()
                                      : automaticRange(objective, samples, plane_.request(held, {0, 1, 0, 1}),
                                            plot.pathPoints(), runner.diverged());
    const core::LandscapeRequest request = plane_.request(held, range);
    const auto grid = core::computeLandscape(objective, samples, request, core::LandscapeMethod::Auto, interrupt.flag());
    if (!grid)
        return interrupted();
    // The window's look: its landscape worker's contour count and field resolution.
    const ui::LandscapeJob look;
    const auto names = objective.parameterNames();
    plot.setLandscape(*grid, core::computeContours(*grid, core::contourLevels(*grid, look.contourCount)),
        QString::fromStdString(names[static_cast<std::size_t>(plane_.axis1())]),
        QString::fromStdString(names[static_cast<std::size_t>(plane_.axis2())]));
    if (field_) {
        core::LandscapeRequest fieldRequest = request;
        fieldRequest.resolution = look.fieldResolution;
        const auto field = core::computeGradientField(objective, samples, fieldRequest, interrupt.flag());
        if (!field)
            return interrupted();
        plot.setGradientField(*field);
    }
    plot.setGradientFieldVisible(field_);
    plot.setCaptionsVisible(captions_);
    if (runner.diverged())
        plot.setDiverged(true, QStringLiteral("Diverged at step %1 \u2014 lower the learning rate").arg(trainer.state().step + 1));
    plot.resetView();

    const auto& last = recorder.lastStep();
    figure.placeCaptions(last ? last->after : recorder.project(held));
    if (last) {
        // As the window draws it: the momentum arrow is the buffer's share of the step.
        QPointF velocity;
        const auto& optimizer = trainer.state().optimizer;
        if (optimizer.hasBuffer && optimizer.buffer.size() == held.size() && trainer.settings().optimizer.momentum > 0)
            velocity = -last->lr * recorder.project(optimizer.buffer);
        plot.setCurrent(last->after, -last->gradient, last->after - last->before, velocity);
    } else {
        plot.setCurrent(recorder.project(held), QPointF(), QPointF(), QPointF());
    }
    if (ui::LossPlot* loss = figure.loss())
        loss->setLogScale(options_.base().logLoss);

    QString error;
    if (!figure.write(QString::fromStdString(out_), &error))
        failFlag("out", error.toStdString());
    return runner.finish("figure: " + out_ + "\n");
}

int RenderJob::runRace()
{
    const InterruptGuard interrupt;
    const std::unique_ptr<core::Trainer> model = makeTrainer(options_);
    RaceRun race(*model, race_.items(), plane_.axis1(), plane_.axis2());
    if (!race.run(options_.limits(), interrupt.flag()))
        return interrupted();

    const core::Objective& objective = model->objective();
    const core::Samples& samples = on_ == "val" ? model->data().val : model->data().train;
    // The plane through the start, where every entrant set out (as the window's race is drawn
    // on the main run's plane).
    const core::Vec& held = model->params();
    std::array<double, 4> range{};
    if (plane_.range()) {
        range = *plane_.range();
    } else {
        // Every path and the minimum: the union of what each entrant's own figure would show.
        bool first = true;
        for (const auto& e : race.entrants()) {
            const auto r = automaticRange(objective, samples, plane_.request(held, {0, 1, 0, 1}), e.path,
                e.result.reason == core::StopReason::Diverged);
            range = first ? r : std::array<double, 4>{std::min(range[0], r[0]), std::max(range[1], r[1]),
                                    std::min(range[2], r[2]), std::max(range[3], r[3])};
            first = false;
        }
    }
    const core::LandscapeRequest request = plane_.request(held, range);
    const auto grid = core::computeLandscape(objective, samples, request, core::LandscapeMethod::Auto, interrupt.flag());
    if (!grid)
        return interrupted();

    Figure figure(pixels_, withLoss_, title_);
    ui::LandscapePlot& plot = figure.landscape();
    const ui::LandscapeJob look;
    const auto names = objective.parameterNames();
    plot.setLandscape(*grid, core::computeContours(*grid, core::contourLevels(*grid, look.contourCount)),
        QString::fromStdString(names[static_cast<std::size_t>(plane_.axis1())]),
        QString::fromStdString(names[static_cast<std::size_t>(plane_.axis2())]));
    if (field_) {
        core::LandscapeRequest fieldRequest = request;
        fieldRequest.resolution = look.fieldResolution;
        const auto field = core::computeGradientField(objective, samples, fieldRequest, interrupt.flag());
        if (!field)
            return interrupted();
        plot.setGradientField(*field);
    }
    plot.setGradientFieldVisible(field_);
    plot.setCaptionsVisible(false);
    race.draw(plot, figure.loss());
    plot.resetView();
    if (ui::LossPlot* loss = figure.loss()) {
        loss->setLogScale(options_.base().logLoss);
        if (const auto view = race.lossView(options_.base().logLoss))
            loss->yAxis->setRange((*view)[0], (*view)[1]);
    }
    figure.finishRace();

    QString error;
    if (!figure.write(QString::fromStdString(out_), &error))
        failFlag("out", error.toStdString());

    std::string summary = "model: " + objective.name() + "\n" + race.summary() + "figure: " + out_ + "\n";
    std::fputs(summary.c_str(), stdout);
    if (!race.anyDiverged())
        return kExitOk;
    std::fflush(stdout);
    for (std::size_t i = 0; i < race.entrants().size(); ++i) {
        const auto& e = race.entrants()[i];
        if (e.result.reason == core::StopReason::Diverged) {
            std::fprintf(stderr, "downhill-cli render: entrant %zu (%s): %s; the others ran on\n", i + 1,
                e.settings.optimizer.describe().c_str(), e.result.message.c_str());
        }
    }
    return kExitDiverged;
}

}  // namespace downhill::cli
