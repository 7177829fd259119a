#pragma once
// One downhill-cli render: every flag read and checked first, then a QApplication (offscreen
// unless QT_QPA_PLATFORM says otherwise), the training as train runs it, the landscape around
// its path, and the figure written: one image, or an animation of the run (a GIF, or numbered
// PNG frames in a folder) drawn by ui::RunAnimation as the window's File > Export animation is.
#include <atomic>
#include <optional>
#include <string>

#include <QSize>
#include <QString>

#include "app/cli/command_line.h"
#include "core/landscape/landscape.h"
#include "core/model/objective.h"
#include "app/cli/plane_choice.h"
#include "app/cli/plane_options.h"
#include "app/cli/race_options.h"
#include "app/cli/train_options.h"

namespace downhill::ui {
class LandscapePlot;
class RunAnimation;
}

namespace downhill::cli {

class RenderJob {
public:
    // Bad input throws core::InputError, before anything runs or is written.
    explicit RenderJob(const CommandLine& cl);
    // Returns the exit code.
    int run();

private:
    int runRace();
    // The animation's frames, written as --out or --frames-dir asks: the summary line, or
    // nothing when interrupted (nothing is left behind). A failed write throws.
    std::optional<std::string> writeAnimation(ui::RunAnimation& animation, const std::atomic<bool>* stop) const;
    // The map under the path: the grid over the plane, its contour lines and (unless
    // --no-field) the gradient field, as the window draws them. False when interrupted.
    bool drawMap(ui::LandscapePlot& plot, const core::Objective& objective, const core::Samples& samples,
        const core::LandscapeRequest& request, const std::atomic<bool>* cancel) const;

    TrainOptions options_;
    PlaneOptions plane_;
    PlaneChoice choice_;       // a plane through every parameter, if any (else plane_'s axes)
    bool planeAtStart_ = true;
    RaceOptions race_;
    enum class Output { Image, Gif, Frames };
    static Output outputKind(const CommandLine& cl);

    Output output_ = Output::Image;
    std::string outFlag_;            // out or frames-dir, for messages
    std::string out_;                // the image, the GIF or the frames' folder
    int frames_ = 0;                 // animations only
    double fps_ = 0;
    QSize pixels_;
    std::optional<std::string> trajectory_;
    bool field_;
    bool captions_;
    bool withLoss_;
    std::string on_;   // the surface drawn: train | val | batch
    QString title_;
};

}  // namespace downhill::cli
