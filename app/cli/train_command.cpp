#include "app/cli/train_command.h"

#include <optional>

#include "app/cli/csv_writer.h"
#include "app/cli/interrupt_guard.h"
#include "app/cli/params_file.h"
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
        "With --config, the run starts from a settings file saved by the window; flags beside it override it.";
    spec_.groups = TrainOptions::flagGroups();
    spec_.groups.push_back({"Output",
        {{"out", "FILE.csv", "none (summary only)", "write the trajectory here"},
            {"params-out", "FILE.csv", "none",
                "write the final parameters here, name,value, one row per parameter (--params-in reads it back)"}}});
}

int TrainCommand::run(const CommandLine& cl)
{
    const TrainOptions options(cl);
    TrainRunner runner(options, spec_.name);
    if (const auto out = cl.text("out"))
        runner.writeTrajectory(*out, "--out");
    // Made now, so that a bad path fails before any training; an interrupted run leaves none.
    std::optional<CsvWriter> paramsOut;
    if (const auto path = cl.text("params-out"))
        paramsOut.emplace(*path, "--params-out");
    const InterruptGuard interrupt;
    if (!runner.run(interrupt.flag(), paramsOut.has_value()))
        return kExitInterrupted;
    if (paramsOut) {
        // The last finite parameters, also of a run that diverged.
        ParamsFile::write(*paramsOut, runner.trainer().objective(), runner.trainer().params());
        paramsOut->commit();
    }
    return runner.finish(paramsOut ? "parameters: " + paramsOut->path() + "\n" : "");
}

}  // namespace downhill::cli
