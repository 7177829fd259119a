#pragma once
#include "app/cli/command.h"

namespace downhill::cli {

// downhill-cli render: runs the training as train does and draws the landscape with the path
// on it, without a window, to PNG, SVG or PDF, or as an animation of the run (GIF or PNG frames). Needs the window's library (DOWNHILL_BUILD_GUI).
class RenderCommand final : public Command {
public:
    static constexpr int kDefaultWidth = 1600;
    static constexpr int kDefaultHeight = 1000;
    static constexpr int kMinSide = 200;
    static constexpr int kMaxSide = 8000;
    static constexpr int kDefaultGrid = 256;
    static constexpr int kDefaultAnimationWidth = 960;
    static constexpr int kDefaultAnimationHeight = 600;
    static constexpr int kDefaultFrames = 100;
    static constexpr int kMaxFrames = 1000;
    static constexpr double kDefaultFps = 15;

    RenderCommand();
    const CommandSpec& spec() const override { return spec_; }
    int run(const CommandLine& cl) override;

private:
    CommandSpec spec_;
};

}  // namespace downhill::cli
