#pragma once
// One downhill-cli render: every flag read and checked first, then a QApplication (offscreen
// unless QT_QPA_PLATFORM says otherwise), the training as train runs it, the landscape around
// its path, and the figure written.
#include <optional>
#include <string>

#include <QSize>
#include <QString>

#include "command_line.h"
#include "plane_options.h"
#include "race_options.h"
#include "train_options.h"

namespace downhill::cli {

class RenderJob {
public:
    // Bad input throws core::InputError, before anything runs or is written.
    explicit RenderJob(const CommandLine& cl);
    // Returns the exit code.
    int run();

private:
    int runRace();

    TrainOptions options_;
    PlaneOptions plane_;
    RaceOptions race_;
    std::string out_;
    QSize pixels_;
    std::optional<std::string> trajectory_;
    bool field_;
    bool captions_;
    bool withLoss_;
    std::string on_;   // the surface drawn: train | val | batch
    QString title_;
};

}  // namespace downhill::cli
