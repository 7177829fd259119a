#include "app/cli/train_command.h"

#include <optional>
#include <vector>

#include "app/cli/csv_writer.h"
#include "app/cli/interrupt_guard.h"
#include "app/cli/number_format.h"
#include "app/cli/params_file.h"
#include "app/cli/plane_choice.h"
#include "app/cli/run_plane.h"
#include "app/cli/train_options.h"
#include "app/cli/train_runner.h"

namespace downhill::cli {

TrainCommand::TrainCommand()
{
    spec_.name = "train";
    spec_.summary = "run gradient descent and write its trajectory as CSV";
    spec_.usage = "[--config FILE] [--data PATH] [--model M] [--optimizer O] [--lr X] [--steps N] [--out FILE.csv] [flags]";
    spec_.description =
        "Trains a model (or walks an analytic function) with mini-batch gradient descent. With --out, every\n"
        "update is streamed to a CSV file (written to a temporary, renamed into place at the end). A summary\n"
        "goes to stdout. A run that diverges keeps the trajectory up to the last finite step and exits with 3.\n"
        "With --config, the run starts from a settings file saved by the window; flags beside it override it.\n"
        "With --plane or --directions, each trajectory row also gets alpha,beta,off_plane: where the run projects\n"
        "onto that plane and how far off it it is. A plane through the run's end (the default) or of its path\n"
        "(pca) is found by a first run; the run is then replayed, bit for bit, to write the rows.";
    spec_.groups = TrainOptions::flagGroups();
    auto planeFlags = PlaneChoice::flags(true);
    planeFlags.push_back({"plane-origin", "start|end", "end", "the point the plane goes through: the run's start or its end"});
    spec_.groups.push_back({"Plane through every parameter", planeFlags});
    spec_.groups.push_back({"Output",
        {{"out", "FILE.csv", "none (summary only)", "write the trajectory here"},
            {"params-out", "FILE.csv", "none",
                "write the final parameters here, name,value, one row per parameter (--params-in reads it back)"}}});
}

int TrainCommand::run(const CommandLine& cl)
{
    const TrainOptions options(cl);
    PlaneChoice choice(cl, *options.model().objective(), true, basePlane(options));
    const std::string origin = choice.originAtStart(cl, false) ? "start" : "end";

    const InterruptGuard interrupt;
    const RunPlane found = findRunPlane(choice, options, origin == "start", spec_.name, interrupt.flag());
    if (found.interrupted)
        return kExitInterrupted;
    const std::optional<core::Plane>& plane = found.plane;

    TrainRunner runner(options, spec_.name);
    if (const auto out = cl.text("out"))
        runner.writeTrajectory(*out, "--out", plane ? &*plane : nullptr);
    // Made now, so that a bad path fails before any training; an interrupted run leaves none.
    std::optional<CsvWriter> paramsOut;
    if (const auto path = cl.text("params-out"))
        paramsOut.emplace(*path, "--params-out");
    if (!runner.run(interrupt.flag(), paramsOut.has_value() || plane))
        return kExitInterrupted;
    std::string extra;
    if (paramsOut) {
        // The last finite parameters, also of a run that diverged.
        ParamsFile::write(*paramsOut, runner.trainer().objective(), runner.trainer().params());
        paramsOut->commit();
        extra += "parameters: " + paramsOut->path() + "\n";
    }
    if (plane) {
        choice.writeDirections(*plane);
        extra += "plane: " + choice.describe() + " through the run's " + origin;
        if (plane->kind == core::PlaneKind::Pca)
            extra += ", explaining " + formatNumber(plane->explained[0]) + " and " + formatNumber(plane->explained[1])
                + " of its variance";
        const core::PlaneCoordinates end = core::projectOntoPlane(*plane, runner.trainer().params());
        extra += "\nend on the plane: alpha " + formatNumber(end.alpha) + ", beta " + formatNumber(end.beta) + ", off it "
            + formatNumber(end.offPlane) + "\n";
        if (choice.directionsPath())
            extra += "directions: " + *choice.directionsPath() + "\n";
    }
    return runner.finish(extra);
}

}  // namespace downhill::cli
