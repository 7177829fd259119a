#include "app/cli/render/render_job.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include <QApplication>
#include <QByteArray>

#include "app/cli/checks.h"
#include "app/cli/command.h"
#include "core/geometry/contours.h"
#include "plots/figure.h"
#include "app/cli/render/race_run.h"
#include "app/cli/render/run_recorder.h"
#include "app/cli/render/view_range.h"
#include "app/cli/interrupt_guard.h"
#include "core/landscape/landscape.h"
#include "session/run/landscape_worker.h"
#include "app/cli/render_command.h"
#include "plots/run_animation.h"
#include "app/cli/train_runner.h"
#include "app/cli/number_format.h"
#include "app/cli/run_plane.h"
#include "core/landscape/projection.h"

namespace downhill::cli {

namespace {

std::string lowerSuffix(const std::string& path)
{
    std::string suffix = std::filesystem::path(path).extension().string();
    for (char& c : suffix)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return suffix;
}

// The file to write: an image type render knows, in a folder that exists.
std::string imagePath(const std::string& out)
{
    const std::filesystem::path path(out);
    const std::string suffix = lowerSuffix(out);
    if (suffix != ".png" && suffix != ".svg" && suffix != ".pdf" && suffix != ".gif")
        failFlag("out", "unknown image type '" + path.extension().string() + "' in " + out
                + " (use .png, .svg, .pdf, .gif for an animation, or DIR/ for PNG frames)");
    std::error_code ec;
    const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    if (!std::filesystem::is_directory(folder, ec))
        failFlag("out", "no such folder: " + folder.string());
    if (std::filesystem::is_directory(path, ec))
        failFlag("out", out + " is a folder");
    return out;
}

// The folder for PNG frames: new, empty, or holding only an earlier set of frames (which the
// new set replaces whole).
std::string framesFolder(const std::string& flag, const std::string& dir)
{
    std::error_code ec;
    const std::filesystem::path path(dir);
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_directory(path, ec))
        failFlag(flag, dir + " is a file, not a folder");
    if (std::filesystem::is_directory(path, ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
            const std::string name = entry.path().filename().string();
            const bool frame = name.size() >= 14 && name.rfind("frame_", 0) == 0 && name.substr(name.size() - 4) == ".png"
                && std::all_of(name.begin() + 6, name.end() - 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
            if (!frame)
                failFlag(flag, dir + " holds other files (" + name + "); choose an empty or new folder");
        }
    }
    return dir;
}

// --size WxH: even, so that the layout at half the size comes out at exactly WxH pixels.
QSize imageSize(const CommandLine& cl, bool animation)
{
    const auto text = cl.text("size");
    if (!text)
        return animation ? QSize(RenderCommand::kDefaultAnimationWidth, RenderCommand::kDefaultAnimationHeight)
                         : QSize(RenderCommand::kDefaultWidth, RenderCommand::kDefaultHeight);
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

// The window's side by side: the training set's map and the validation set's.
constexpr const char* kTrainAndVal = "train+val";

// The summary's plane line, as train prints it.
std::string planeSummary(const PlaneChoice& choice, const core::Plane& plane, bool atStart, const core::Vec* end)
{
    std::string line = "plane: " + choice.describe() + " through the run's " + (atStart ? "start" : "end");
    if (plane.kind == core::PlaneKind::Pca)
        line += ", explaining " + formatNumber(plane.explained[0]) + " and " + formatNumber(plane.explained[1]) + " of its variance";
    line += "\n";
    if (end) {
        const core::PlaneCoordinates at = core::projectOntoPlane(plane, *end);
        line += "end on the plane: alpha " + formatNumber(at.alpha) + ", beta " + formatNumber(at.beta) + ", off it "
            + formatNumber(at.offPlane) + "\n";
    }
    if (choice.directionsPath())
        line += "directions: " + *choice.directionsPath() + "\n";
    return line;
}

int interrupted()
{
    std::fputs("downhill-cli render: interrupted; no file written\n", stderr);
    return kExitInterrupted;
}

}  // namespace

RenderJob::Output RenderJob::outputKind(const CommandLine& cl)
{
    if (cl.has("frames-dir"))
        return Output::Frames;
    const auto out = cl.text("out");
    if (out && out->ends_with('/'))
        return Output::Frames;
    return out && lowerSuffix(*out) == ".gif" ? Output::Gif : Output::Image;
}

RenderJob::RenderJob(const CommandLine& cl)
    : options_(cl)
    , plane_(cl, options_.model(), RenderCommand::kDefaultGrid,
          options_.modelFromBase() ? options_.base().axes : std::nullopt,
          // The file's range belongs to the file's axes or plane.
          options_.modelFromBase() && !cl.has("axes") && !cl.has("plane") && !cl.has("directions") ? options_.base().range
                                                                                                   : std::nullopt)
    , choice_(cl, *options_.model().objective(), true, basePlane(options_))
    , race_(cl, options_.base())
    , output_(outputKind(cl))
    , pixels_(imageSize(cl, output_ != Output::Image))
    , trajectory_(cl.text("trajectory"))
    , field_(options_.base().gradientField && !cl.has("no-field"))
    // The captions explain the single run's arrows, which a race does not draw.
    , captions_(options_.base().captions && !cl.has("no-captions") && !race_.active())
    , withLoss_(cl.has("with-loss"))
    , on_(cl.text("on", options_.base().surface))
{
    const auto out = cl.text("out");
    const auto framesDir = cl.text("frames-dir");
    if (out && framesDir)
        failFlag("frames-dir", "give --out or --frames-dir, not both");
    if (!out && !framesDir)
        failFlag("out", "required: the image to write (.png, .svg or .pdf), an animation (.gif) or DIR/ for PNG frames");
    outFlag_ = framesDir ? "frames-dir" : "out";
    out_ = output_ == Output::Frames ? framesFolder(outFlag_, framesDir ? *framesDir : *out) : imagePath(*out);
    if (output_ == Output::Image) {
        for (const char* flag : {"frames", "fps"})
            if (cl.has(flag))
                failFlag(flag, "only for an animation: --out FILE.gif, --out DIR/ or --frames-dir DIR");
    } else {
        const std::int64_t frames = cl.integer("frames", RenderCommand::kDefaultFrames);
        requireBetween("frames", frames, 2, RenderCommand::kMaxFrames);
        frames_ = static_cast<int>(frames);
        fps_ = cl.number("fps", RenderCommand::kDefaultFps);
        if (fps_ < 1 || fps_ > 50)
            failFlag("fps", "must be from 1 to 50 frames a second, got " + cl.text("fps", ""));
        if (output_ == Output::Frames && cl.has("fps"))
            failFlag("fps", "only for a GIF: PNG frames have no speed");
    }
    if (on_ != "train" && on_ != "val" && on_ != "batch" && on_ != kTrainAndVal)
        failFlag("on", "expected train, val, batch or train+val, got '" + on_ + "'");
    const bool usesData = options_.model().objective()->usesData();
    if ((on_ == "val" || on_ == kTrainAndVal) && usesData && options_.data().valFraction() <= 0)
        failFlag("on", "there is no validation set (--val-fraction is 0)");
    if (on_ == kTrainAndVal && !usesData) {
        if (cl.has("on"))
            failFlag("on", "train+val needs data: " + options_.model().objective()->name() + " is a function, with no samples");
        on_ = "train";
    }
    // The PCA plane is the path's, so through its end (Li et al.); any other plane goes through
    // the start by default, as the window draws it.
    planeAtStart_ = choice_.originAtStart(cl, !choice_.needsPath());
    if (race_.active() && choice_.any() && (choice_.needsPath() || !planeAtStart_))
        failFlag(choice_.needsPath() ? "plane" : "plane-origin",
            "a race is drawn on a plane through the start, where every entrant sets out: the PCA plane and a "
            "plane through the end belong to one run's path");
    if (race_.active()) {
        const std::string why = race_.fromFile() ? " (the --config file has a race; --race none draws its own run)" : "";
        if (trajectory_)
            failFlag("trajectory", "a race has one trajectory per entrant: run train with each entrant's settings" + why);
        if (options_.patience())
            failFlag("patience", "not with a race: every entrant runs to the same limit" + why);
        if (cl.has("on") && on_ == "batch")
            failFlag("on", "batch is one run's batch; a race's entrants each have their own (use train or val)" + why);
        if (cl.has("on") && on_ == kTrainAndVal)
            failFlag("on", "a race is drawn on one map (use train or val)" + why);
        if (on_ == "batch" || on_ == kTrainAndVal)
            on_ = "train";   // the file's surface, for its single run
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
    const RunPlane found = findRunPlane(choice_, options_, planeAtStart_, "render", interrupt.flag());
    if (found.interrupted)
        return kExitInterrupted;
    const std::shared_ptr<const core::Plane> plane = found.plane ? std::make_shared<const core::Plane>(*found.plane) : nullptr;
    TrainRunner runner(options_, "render");
    if (trajectory_)
        runner.writeTrajectory(*trajectory_, "--trajectory");
    // Animations are for slides and GIFs are heavy: 960 pixels wide is drawn at 1x, and from
    // 1600 pixels up at 2x, like the window's export; a single image always at 2x.
    const int scale = output_ == Output::Image || pixels_.width() >= 1600 ? ui::Figure::kScale : 1;
    const bool sideBySide = on_ == kTrainAndVal;
    ui::Figure figure(pixels_, withLoss_, title_, scale, sideBySide ? ui::Figure::Maps::SideBySide : ui::Figure::Maps::One);
    ui::LandscapePlot& plot = figure.landscape();
    ui::PathLog rows;
    // On two axes the held values do not move a point on the plot: the start's will do while
    // the run is recorded; the map is drawn through the end (below).
    RunRecorder recorder(plane ? core::Projection::onPlane(plane) : core::Projection::axes(plane_.axis1(), plane_.axis2(), options_.model().point()),
        plot, figure.loss(), output_ == Output::Image ? nullptr : &rows);
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
    const core::Projection projection = plane ? core::Projection::onPlane(plane) : core::Projection::axes(plane_.axis1(), plane_.axis2(), held);
    const auto request = [&](const std::array<double, 4>& r) { return projection.request(r, plane_.grid()); };
    auto autoRange = [&](const core::Samples& set) {
        if (plane && plane->kind != core::PlaneKind::Pca)
            return planeRange(plot.pathPoints(), runner.diverged());
        return automaticRange(objective, set, request({0, 1, 0, 1}), plot.pathPoints(), runner.diverged());
    };
    std::array<double, 4> range = plane_.range() ? *plane_.range() : autoRange(samples);
    if (sideBySide && !plane_.range()) {
        // Both minima in view, so that a drift between them shows.
        const auto val = autoRange(trainer.data().val);
        range = {std::min(range[0], val[0]), std::max(range[1], val[1]), std::min(range[2], val[2]), std::max(range[3], val[3])};
    }
    if (!drawMap(plot, objective, samples, request(range), interrupt.flag()))
        return interrupted();
    if (ui::LandscapePlot* side = figure.side()) {
        if (!drawMap(*side, objective, trainer.data().val, request(range), interrupt.flag()))
            return interrupted();
        // Each map marks its own minimum and, hollow, the other's, as the window does.
        plot.setOtherMinimum(side->minimumPosition());
        side->setOtherMinimum(plot.minimumPosition());
        const auto count = [](Eigen::Index n) { return n == 1 ? std::string("1 sample") : std::to_string(n) + " samples"; };
        figure.setMapTitles(QString::fromStdString("Training set, " + count(trainer.data().train.size()) + " \u00b7 \u2606 val min"),
            QString::fromStdString("Validation set, " + count(trainer.data().val.size()) + " \u00b7 \u2606 train min"));
        side->resetView();
    }
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
            velocity = -last->lr * recorder.projectDirection(optimizer.buffer);
        plot.setCurrent(last->after, -last->gradient, last->after - last->before, velocity);
    } else {
        plot.setCurrent(recorder.project(held), QPointF(), QPointF(), QPointF());
    }
    if (ui::LossPlot* loss = figure.loss())
        loss->setLogScale(options_.base().logLoss);

    std::string planeLine;
    if (plane) {
        choice_.writeDirections(*plane);
        planeLine = planeSummary(choice_, *plane, planeAtStart_, &held);
    }
    if (output_ == Output::Image) {
        QString error;
        if (!figure.write(QString::fromStdString(out_), &error))
            failFlag("out", error.toStdString());
        return runner.finish(planeLine + "figure: " + out_ + "\n");
    }

    ui::AnimationRun run;
    run.init = rows.init();
    run.rows = rows.rows();
    run.projection = projection;
    core::Vec gradient;
    core::Workspace ws;
    objective.evaluateWithGradient(run.init, trainer.data().train, gradient, ws);
    run.startNegGradient = -recorder.projectDirection(gradient);
    run.optimizer = trainer.settings().optimizer;
    run.title = title_;
    if (runner.diverged())
        run.divergence = QStringLiteral("Diverged at step %1 \u2014 lower the learning rate").arg(trainer.state().step + 1);
    ui::RunAnimation animation(figure, std::move(run));
    const auto written = writeAnimation(animation, interrupt.flag());
    if (!written)
        return interrupted();
    return runner.finish(planeLine + *written);
}

std::optional<std::string> RenderJob::writeAnimation(ui::RunAnimation& animation, const std::atomic<bool>* stop) const
{
    ui::AnimationOutput output;
    output.format = output_ == Output::Gif ? ui::AnimationFormat::Gif : ui::AnimationFormat::PngFrames;
    output.target = QString::fromStdString(out_);
    output.steps = ui::evenFrameSteps(animation.lastStep(), frames_);
    output.fps = fps_;
    QString error;
    const auto result = ui::exportAnimation(animation, output, [stop](int, int) { return !stop->load(); }, &error);
    if (result == ui::ExportResult::Cancelled)
        return std::nullopt;
    if (result == ui::ExportResult::Failed)
        failFlag(outFlag_, error.toStdString());
    return (output_ == Output::Gif ? "animation: " : "frames: ") + out_ + " (" + std::to_string(output.steps.size()) + " frames)\n";
}

bool RenderJob::drawMap(ui::LandscapePlot& plot, const core::Objective& objective, const core::Samples& samples,
    const core::LandscapeRequest& request, const std::atomic<bool>* cancel) const
{
    const auto grid = core::computeLandscape(objective, samples, request, core::LandscapeMethod::Auto, cancel);
    if (!grid)
        return false;
    // The window's look: its landscape worker's contour count and field resolution.
    const ui::LandscapeJob look;
    const auto names = request.axisNames(objective.parameterNames());
    plot.setLandscape(*grid, core::computeContours(*grid, core::contourLevels(*grid, look.contourCount)),
        QString::fromStdString(names[0]), QString::fromStdString(names[1]));
    if (field_) {
        core::LandscapeRequest fieldRequest = request;
        fieldRequest.resolution = look.fieldResolution;
        const auto field = core::computeGradientField(objective, samples, fieldRequest, cancel);
        if (!field)
            return false;
        plot.setGradientField(*field);
    }
    plot.setGradientFieldVisible(field_);
    return true;
}

int RenderJob::runRace()
{
    const InterruptGuard interrupt;
    const std::unique_ptr<core::Trainer> model = makeTrainer(options_);
    // The plane through the start, where every entrant set out (as the window's race is drawn
    // on the main run's plane).
    const core::Vec& held = model->params();
    const std::shared_ptr<const core::Plane> plane = choice_.any() ? std::make_shared<const core::Plane>(choice_.make(held, nullptr)) : nullptr;
    const core::Projection projection = plane ? core::Projection::onPlane(plane) : core::Projection::axes(plane_.axis1(), plane_.axis2(), held);
    const auto request = [&](const std::array<double, 4>& r) { return projection.request(r, plane_.grid()); };
    RaceRun race(*model, race_.items(), projection);
    if (!race.run(options_.limits(), interrupt.flag()))
        return interrupted();

    const core::Objective& objective = model->objective();
    const core::Samples& samples = on_ == "val" ? model->data().val : model->data().train;
    std::vector<ui::AnimationEntrant> lanes = race.lanes();
    std::array<double, 4> range{};
    if (plane_.range()) {
        range = *plane_.range();
    } else {
        // Every path and the minimum: the union of what each entrant's own figure would show.
        bool first = true;
        for (const ui::AnimationEntrant& lane : lanes) {
            QVector<QPointF> path;
            for (const ui::TrackPoint& p : lane.track)
                path.push_back(p.at);
            const auto r = plane ? planeRange(path, lane.divergedAt > 0)
                                 : automaticRange(objective, samples, request({0, 1, 0, 1}), path, lane.divergedAt > 0);
            range = first ? r : std::array<double, 4>{std::min(range[0], r[0]), std::max(range[1], r[1]),
                                    std::min(range[2], r[2]), std::max(range[3], r[3])};
            first = false;
        }
    }
    // As for one run: an animation 960 pixels wide is drawn at 1x, from 1600 pixels up at 2x.
    const int scale = output_ == Output::Image || pixels_.width() >= 1600 ? ui::Figure::kScale : 1;
    ui::Figure figure(pixels_, withLoss_, title_, scale);
    ui::LandscapePlot& plot = figure.landscape();
    if (!drawMap(plot, objective, samples, request(range), interrupt.flag()))
        return interrupted();
    plot.setCaptionsVisible(false);
    plot.resetView();
    if (ui::LossPlot* loss = figure.loss())
        loss->setLogScale(options_.base().logLoss);

    ui::AnimationRun run;
    run.projection = projection;
    run.entrants = std::move(lanes);
    if (output_ != Output::Image)
        run.title = title_;
    ui::RunAnimation animation(figure, std::move(run));
    std::string written;
    if (output_ == Output::Image) {
        QString error;
        animation.show(animation.lastStep());
        if (ui::LossPlot* loss = figure.loss())
            loss->setCurrentStep(std::nan(""));   // a still figure shows every curve whole: no "now"
        if (!figure.write(QString::fromStdString(out_), &error))
            failFlag("out", error.toStdString());
        written = "figure: " + out_ + "\n";
    } else {
        const auto frames = writeAnimation(animation, interrupt.flag());
        if (!frames)
            return interrupted();
        written = *frames;
    }

    if (plane)
        choice_.writeDirections(*plane);
    const std::string planeLine = plane ? planeSummary(choice_, *plane, true, nullptr) : "";
    std::string summary = "model: " + objective.name() + "\n" + race.summary() + planeLine + written;
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
