#include "app/cli/render_command.h"

#include "app/cli/plane_choice.h"
#include "app/cli/plane_options.h"
#include "app/cli/race_options.h"
#include "app/cli/train_options.h"
#if DOWNHILL_HAVE_RENDER
#include "app/cli/render/render_job.h"
#else
#include "core/base/error.h"
#endif

namespace downhill::cli {

RenderCommand::RenderCommand()
{
    spec_.name = "render";
    spec_.summary = "draw the landscape and the training path to PNG, SVG or PDF, or animate the run as a GIF, without a window";
#if !DOWNHILL_HAVE_RENDER
    spec_.summary += " (not in this build)";
#endif
    spec_.usage = "--out FILE.png|.svg|.pdf|.gif|DIR/ [--frames N] [--fps F] [--size WxH] [--axes P1,P2 | --plane random[:SEED]|pca | --directions FILE.csv] [--range A:B,C:D] [--race SPEC]... [train's flags]";
    spec_.description =
        "Runs the training exactly as train does (the same flags, the same path for the same seed), then draws\n"
        "the figure the window shows: the loss landscape over two parameters (the others held at the run's\n"
        "final values) with contour lines, the gradient field, the grid minimum, the path, the current point\n"
        "and the last update's arrows. A diverged run is drawn up to its last finite point, with a banner, and\n"
        "exits with 3. No display is needed: without QT_QPA_PLATFORM, Qt's offscreen platform is used.\n"
        "With --race (or a --config file with a race), several optimizers set out from the same start on the same\n"
        "data, each run exactly as train would run it alone, and each gets its colour, path and legend entry (and\n"
        "its loss curve with --with-loss). A diverging entrant stops alone; the figure is written and the exit\n"
        "code is 3.\n"
        "With --out FILE.gif it draws an animation of the run instead (the window's File > Export animation):\n"
        "--frames frames spread evenly from step 0 to the last step, the path growing, the point, its arrows and\n"
        "the loss marker moving (in a race, every entrant's path and point, each entrant standing still once it\n"
        "has stopped); with --out DIR/ or --frames-dir DIR the same frames as numbered PNGs\n"
        "(frame_0000.png, ...). A cancelled (Ctrl+C) or failed animation leaves no file or folder behind.\n"
        "With --plane or --directions (or a --config file's plane) the map is a plane through every parameter,\n"
        "as the window draws a network's: alpha and beta along its two directions, the path and arrows projected\n"
        "onto it (the summary says how far off it the run ends). A random plane or given directions go through\n"
        "the start by default, the PCA plane of the path through its end (a first run finds the path); a race is\n"
        "drawn on a plane through the start.";
    spec_.groups = TrainOptions::flagGroups();
    spec_.groups.push_back({"Figure",
        {
            PlaneOptions::axesFlag("the --config file's, else the model's first two parameters"),
            PlaneOptions::rangeFlag("automatic: the whole path and the minimum with a 10% margin; analytic functions: "
                                    "their usual view, widened to the path"),
            PlaneOptions::gridFlag(kDefaultGrid),
            {"no-field", "", "", "leave out the gradient field (the small arrows on the map)"},
            {"no-captions", "", "", "leave out the teaching captions"},
            {"title", "TEXT", "<model>, <optimizer and its settings>", "the title above the plot; '' for none"},
            {"with-loss", "", "", "add the loss over training below the landscape (38% of the height)"},
            {"on", "SET", "the --config file's surface, else train",
                "train | val | batch | train+val: the samples the landscape averages the loss over; batch is the last "
                "update's batch (as the model saw it, augmented if on); train+val draws the training and the validation "
                "maps side by side, the same path on both, each marking its own minimum and the other's"},
        }});
    auto planeFlags = PlaneChoice::flags(true);
    planeFlags.push_back({"plane-origin", "start|end", "start; the PCA plane: end", "the point the plane goes through: the run's start or its end"});
    spec_.groups.push_back({"Plane through every parameter", planeFlags});
    spec_.groups.push_back({"Race", {RaceOptions::flag()}});
    spec_.groups.push_back({"Output",
        {
            {"out", "FILE", "required (or --frames-dir)",
                "the image: .png, .svg or .pdf; .gif: an animation of the run; DIR/ (a trailing slash): its frames as PNGs"},
            {"frames-dir", "DIR", "none", "the animation's frames as DIR/frame_0000.png, ... (the same as --out DIR/); DIR "
                                          "must be new, empty or hold only earlier frames, which are replaced"},
            {"frames", "N", std::to_string(kDefaultFrames),
                "animations: N frames (2 to " + std::to_string(kMaxFrames) + ") spread evenly over the steps; fewer when "
                "the run has fewer steps"},
            {"fps", "F", "15", "GIF: frames a second, 1 to 50 (the last frame is held 1.5 s)"},
            {"size", "WxH", std::to_string(kDefaultWidth) + "x" + std::to_string(kDefaultHeight) + " (animations "
                    + std::to_string(kDefaultAnimationWidth) + "x" + std::to_string(kDefaultAnimationHeight) + ")",
                "the PNG's size in pixels, even numbers from " + std::to_string(kMinSide) + " to "
                    + std::to_string(kMaxSide) + "; the figure is laid out at half of it and drawn at 2x "
                    "(SVG and PDF: W/2 x H/2 points); animations narrower than 1600 are drawn at 1x"},
            {"trajectory", "FILE.csv", "none", "also write the trajectory, as train --out does"},
        }});
}

int RenderCommand::run([[maybe_unused]] const CommandLine& cl)
{
#if DOWNHILL_HAVE_RENDER
    return RenderJob(cl).run();
#else
    throw core::InputError("downhill-cli was built without the window; render is not available");
#endif
}

}  // namespace downhill::cli
