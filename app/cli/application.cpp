#include "app/cli/application.h"

#include <cstdio>
#include <filesystem>
#include <new>

#include "app/cli/dataset_command.h"
#include "core/base/error.h"
#include "app/cli/gradcheck_command.h"
#include "app/cli/landscape_command.h"
#include "app/cli/render_command.h"
#include "app/cli/train_command.h"

#ifndef DOWNHILL_VERSION
#define DOWNHILL_VERSION "0.1.0"
#endif

namespace downhill::cli {

namespace {

// "downhill-cli <cmd>: <what>" on one line, whatever the message holds.
void printError(const std::string& command, const std::string& message)
{
    std::string line = "downhill-cli" + (command.empty() ? "" : " " + command) + ": " + message;
    for (char& c : line) {
        if (c == '\n' || c == '\r')
            c = ' ';
    }
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", line.c_str());
}

}  // namespace

Application::Application()
{
    commands_.push_back(std::make_unique<DatasetCommand>());
    commands_.push_back(std::make_unique<TrainCommand>());
    commands_.push_back(std::make_unique<LandscapeCommand>());
    commands_.push_back(std::make_unique<GradcheckCommand>());
    commands_.push_back(std::make_unique<RenderCommand>());
}

Command* Application::find(const std::string& name) const
{
    for (const auto& command : commands_) {
        if (command->spec().name == name)
            return command.get();
    }
    return nullptr;
}

std::string Application::helpText() const
{
    std::string out =
        "usage: downhill-cli <command> [flags]\n"
        "       downhill-cli help [<command>] | --help | --version\n\n"
        "Downhill's command-line twin: make the people data set, train a model on it and record every step,\n"
        "map a loss landscape, check gradients, draw the landscape with the path as an image.\n\nCommands:\n";
    for (const auto& command : commands_) {
        const auto& spec = command->spec();
        out += "  " + spec.name + std::string(12 - spec.name.size(), ' ') + spec.summary + "\n";
    }
    out += "\nExit codes: 0 done, 1 internal error, 2 bad input (one line on stderr says what), 3 the run diverged,\n"
           "130 interrupted.\n";
    for (const auto& command : commands_)
        out += "\n---- downhill-cli " + command->spec().name + "\n\n" + command->spec().helpText();
    return out;
}

int Application::run(const std::vector<std::string>& args)
{
    if (args.empty()) {
        printError("", "missing command (choose dataset, train, landscape, gradcheck or render; see downhill-cli --help)");
        return kExitBadInput;
    }
    const std::string& first = args[0];
    if (first == "--version") {
        std::printf("downhill-cli %s\n", DOWNHILL_VERSION);
        return kExitOk;
    }
    if (first == "--help" || first == "-h" || first == "help") {
        if (args.size() > 1 && first == "help") {
            const Command* command = find(args[1]);
            if (!command || args.size() > 2) {
                printError("help", "unknown command '" + args[1] + "' (choose dataset, train, landscape, gradcheck or render)");
                return kExitBadInput;
            }
            std::fputs(command->spec().helpText().c_str(), stdout);
            return kExitOk;
        }
        std::fputs(helpText().c_str(), stdout);
        return kExitOk;
    }
    Command* command = find(first);
    if (!command) {
        printError("", "unknown command '" + first + "' (choose dataset, train, landscape, gradcheck or render; see downhill-cli --help)");
        return kExitBadInput;
    }
    const std::string& name = command->spec().name;
    try {
        const CommandLine cl = CommandLine::parse(command->spec(), {args.begin() + 1, args.end()});
        if (cl.helpRequested()) {
            std::fputs(command->spec().helpText().c_str(), stdout);
            return kExitOk;
        }
        return command->run(cl);
    } catch (const core::InputError& e) {
        printError(name, e.what());
        return kExitBadInput;
    } catch (const std::filesystem::filesystem_error& e) {
        // A path the user gave that the system refused (no permission, not a folder, ...).
        printError(name, e.what());
        return kExitBadInput;
    } catch (const std::bad_alloc&) {
        printError(name, "out of memory");
        return kExitInternalError;
    } catch (const std::exception& e) {
        printError(name, std::string("internal error: ") + e.what());
        return kExitInternalError;
    }
}

}  // namespace downhill::cli
