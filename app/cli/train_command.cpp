#include "app/cli/train_command.h"

#include "app/cli/interrupt_guard.h"
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
    spec_.groups.push_back({"Output", {{"out", "FILE.csv", "none (summary only)", "write the trajectory here"}}});
}

int TrainCommand::run(const CommandLine& cl)
{
    const TrainOptions options(cl);
    TrainRunner runner(options, spec_.name);
    if (const auto out = cl.text("out"))
        runner.writeTrajectory(*out, "--out");
    const InterruptGuard interrupt;
    if (!runner.run(interrupt.flag(), false))
        return kExitInterrupted;
    return runner.finish("");
}

}  // namespace downhill::cli
