#include "gui/render_job.h"

#include <cctype>
#include <cstdio>
#include <filesystem>

#include <QApplication>
#include <QByteArray>

#include "checks.h"
#include "command.h"
#include "contours.h"
#include "figure.h"
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
        if (v % ui::Figure::kScale != 0)
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
    , out_(imagePath(cl))
    , pixels_(imageSize(cl))
    , trajectory_(cl.text("trajectory"))
    , field_(options_.base().gradientField && !cl.has("no-field"))
    , captions_(options_.base().captions && !cl.has("no-captions"))
    , withLoss_(cl.has("with-loss"))
    // One figure, one surface: a file's side-by-side pair draws its training half.
    , on_(cl.text("on", options_.base().surface == "train+val" ? std::string("train") : options_.base().surface))
{
    if (on_ != "train" && on_ != "val" && on_ != "batch")
        failFlag("on", "expected train, val or batch, got '" + on_ + "'");
    if (on_ == "val" && options_.model().objective()->usesData() && options_.data().valFraction() <= 0)
        failFlag("on", "there is no validation set (--val-fraction is 0)");
    const auto& objective = *options_.model().objective();
    const std::string title = cl.text("title", objective.name() + ", " + options_.settings().optimizer.describe());
    title_ = QString::fromStdString(title);
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

    const InterruptGuard interrupt;
    TrainRunner runner(options_, "render");
    if (trajectory_)
        runner.writeTrajectory(*trajectory_, "--trajectory");
    ui::Figure figure(pixels_, withLoss_, title_);
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

}  // namespace downhill::cli
