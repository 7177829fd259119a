#pragma once
// render --race: a race of optimizers from one start, drawn in one figure. Each --race value is
// one entrant, OPTIMIZER[:KEY=VALUE,...] ("adam:lr=0.05", "sgd:lr=0.1,momentum=0.9,batch=8"),
// or "preset" for the window's four ("SGD vs momentum vs RMSprop vs Adam", rates worked out
// for the problem once its data is loaded), or "none" to draw the --config file's own run
// instead of its line-up. Without --race, a --config file's line-up is the race.
#include <string>
#include <vector>

#include "app/cli/command_line.h"
#include "app/cli/command_spec.h"
#include "app/cli/run_config.h"

namespace downhill::cli {

class RaceOptions {
public:
    static constexpr int kMaxEntrants = 8;   // the window's
    static constexpr int kPresetEntrants = 4;

    // One place in the line-up: an entrant, or the preset's four.
    struct Item {
        bool preset = false;
        RaceEntrant entrant;   // unless preset
        std::string spec;      // as the user wrote it, for messages; empty from a file
    };

    static FlagSpec flag();
    // Bad specs, too many entrants and flags that a race cannot take (the single run's
    // optimizer flags) throw core::InputError naming the flag and the spec.
    RaceOptions(const CommandLine& cl, const RunConfig& base);

    bool active() const { return !items_.empty(); }
    bool fromFile() const { return fromFile_; }
    const std::vector<Item>& items() const { return items_; }

    // One spec, "adam:lr=0.05,beta1=0.8": the optimizer's defaults with the keys given.
    static RaceEntrant parseSpec(const std::string& spec);

private:
    std::vector<Item> items_;
    bool fromFile_ = false;
};

}  // namespace downhill::cli
