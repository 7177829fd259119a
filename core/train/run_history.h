#pragma once
// The run so far as a timeline of steps 0..head, any of which can be brought back exactly.
// It stores checkpoints, not every state: (state, settings) every `spacing` steps and at every
// settings change; any other step is replayed from the checkpoint before it, which is bit-exact
// because a step depends on nothing but the TrainState and the settings. Bounded: when the
// periodic checkpoints pass a cap the spacing doubles and every other one goes, so a run of a
// billion steps costs the same memory as one of a million, and a seek replays at most about
// `spacing` steps. The cap is also one of memory: the periodic checkpoints of a run hold at most
// about kBudgetBytes (a network's state is tens of kilobytes: mlp:16 on 12 x 12 pixels with its
// optimizer's buffers, about 94 KB, so it keeps about 360 where a small model keeps 4,096), and
// never fewer than kMinCheckpoints.
//
// Branching: settings changed at a step before the head start a new future from there; the old
// one is dropped (recordSettings says so, and the GUI keeps the old path as a ghost).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/train/trainer.h"

namespace downhill::core {

class RunHistory {
public:
    explicit RunHistory(std::size_t maxCheckpoints = 4096, std::int64_t spacing = 64);

    static constexpr std::size_t kBudgetBytes = std::size_t{32} << 20;
    static constexpr std::size_t kMinCheckpoints = 64;
    // What one checkpoint of this state holds, its object and its vectors.
    static std::size_t checkpointBytes(const TrainState& state);
    // How many periodic checkpoints this timeline keeps before it thins them (set by begin()).
    std::size_t checkpointCap() const { return cap_; }

    // A new timeline that starts at `start` (step 0 of the run, normally) with these settings.
    void begin(const TrainState& start, const TrainSettings& settings);
    bool empty() const { return checkpoints_.empty(); }

    // After every successful update of the trainer this history follows. Steps at or before the
    // head are replays of the timeline (same settings, so the same states) and change nothing.
    void recordStep(const TrainState& state, const TrainSettings& settings);
    // The settings changed after `state` (the trainer's state once the change took effect; a
    // new optimizer resets its buffers). Returns true when state.step < head(): the future after
    // it is dropped and this is a branch. Settings equal to the timeline's at that step change
    // nothing and return false.
    bool recordSettings(const TrainState& state, const TrainSettings& settings);

    std::int64_t first() const;   // the step the timeline begins at
    std::int64_t head() const { return head_; }
    std::int64_t spacing() const { return spacing_; }
    std::size_t checkpointCount() const { return checkpoints_.size(); }

    // The settings in effect for the update after `step`.
    const TrainSettings& settingsAt(std::int64_t step) const;
    // Puts the trainer at `step` (clamped to first()..head()) exactly as it was: state and
    // settings. Returns the step reached.
    std::int64_t seek(Trainer& trainer, std::int64_t step) const;
    // Puts the trainer at the first step of `epoch` (clamped to the timeline's epochs) and
    // returns that step.
    std::int64_t seekEpochStart(Trainer& trainer, std::int64_t epoch) const;
    // Drops everything after `step`.
    void truncate(std::int64_t step);

    // What a saved run needs to be replayed exactly: the start and every change of settings,
    // each with the state right after it (a new optimizer's reset buffers included), in order.
    struct Change {
        TrainState state;
        TrainSettings settings;
    };
    std::vector<Change> changes() const;
    // Everything a saved run needs. Visits the head with the trainer to read its state there,
    // and puts the trainer back where it was.
    struct Saved {
        std::vector<Change> changes;
        std::int64_t head = 0;
        std::int64_t position = 0;     // where the trainer stood
        TrainState headState;
    };
    Saved save(Trainer& trainer) const;

    // A saved run's head beyond this many steps is refused: at a few hundred thousand steps a
    // second its replay would take months, and step arithmetic near 2^63 overflows.
    static constexpr std::int64_t kMaxSavedHead = std::int64_t{1} << 40;
    // What is wrong with a saved timeline's head for a training set of trainSize samples (1 for
    // an analytic function), or "" if nothing: the head within kMaxSavedHead, and the head
    // state's epoch and cursor the ones the last change's state reaches after head - its step
    // updates of its batch size. A file whose head its own history cannot reach is refused
    // before a replay starts towards it.
    static std::string headProblem(const Saved& saved, std::int64_t trainSize);

private:
    struct Checkpoint {
        TrainState state;
        TrainSettings settings;
        bool pinned = false;    // a settings change: needed for replay, never thinned away
    };
    // The last checkpoint at or before `step`.
    const Checkpoint& checkpointAt(std::int64_t step) const;
    std::int64_t replay(Trainer& trainer, const Checkpoint& from, std::int64_t step) const;
    void thin();

    std::size_t maxCheckpoints_;
    std::size_t cap_;   // maxCheckpoints_, or fewer for a large state (kBudgetBytes)
    std::int64_t spacing_;
    std::int64_t initialSpacing_;
    std::vector<Checkpoint> checkpoints_;   // ordered by step
    std::size_t periodic_ = 0;              // checkpoints that are not pinned
    std::int64_t head_ = 0;
};

}  // namespace downhill::core
