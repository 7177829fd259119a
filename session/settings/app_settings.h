#pragma once
// Everything a user can set in the window, as one value: what the settings JSON holds, what the
// control panel edits and what the window builds a run from.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <QMap>
#include <QString>
#include <QStringList>

#include "core/model/loss.h"
#include "core/model/objective.h"
#include "core/train/trainer.h"

namespace downhill::ui {

struct DataSettings {
    QString path;                 // empty: the built-in people set
    int count = 2000;             // built-in set: number of images
    std::uint64_t seed = 1;       // built-in set: generator seed; also seeds the train/validation split
    double valFraction = 0.2;     // share of the rows held out for validation
};

// A ready-made situation with its explanation: settings that show one idea, and the paragraph
// that says what to watch for. The title and text are English; a file may add them in other
// languages ("translations": {"de": {"title", "text"}}), each field falling back to English.
struct Lesson {
    struct Translation {
        QString title;  // empty: the English one
        QString text;
    };
    QString title;
    QString text;
    QMap<QString, Translation> translations;  // by language code: "de", "de_AT"

    // The title and text in `language` ("de", or a locale name such as "de_AT", which falls back
    // to "de"), each field in English where the file has none.
    Lesson in(const QString& language) const;
    // in() the default locale's language: QLocale(), which the window sets to the language it
    // shows (downhill-cli never shows a lesson's text).
    Lesson shown() const;
};

// What the landscape shows: the loss averaged over which samples. Analytic functions have no
// samples; for them every choice shows the function itself.
enum class Surface {
    Train,        // the whole training set
    Batch,        // the batch of the last update, redrawn at every step
    Validation,   // the validation set (needs one)
    TrainAndVal,  // training and validation side by side, views linked
};
// "train", "batch", "val", "train+val": the words of the settings file and of downhill-cli.
QString surfaceName(Surface surface);
// nullopt for any other word.
std::optional<Surface> surfaceFromName(const QString& name);
QStringList surfaceNames();

// One entrant of the Race panel's line-up as a settings file keeps it: its update rule with all
// its parameters and its batch size. Everything else it trains with (schedule, seed, shuffling,
// augmentation) is the main run's, as when the panel made it.
struct RaceEntrant {
    core::OptimizerSettings optimizer;
    std::optional<int> batchSize;   // unset: the main run's

    bool operator==(const RaceEntrant&) const = default;
};
inline constexpr int kMaxRaceEntrants = 8;

// What the landscape's two coordinates are: two parameters with the others held, or a plane
// through all of them (a network's thousands) with the held values as its origin.
enum class PlotPlane {
    Axes,     // axis1 and axis2
    Random,   // two filter-normalised random directions (Li et al. 2018), seeded by planeSeed
    Pca,      // the first two principal components of the path so far
};
// "axes", "random", "pca": the words of the settings file.
QString plotPlaneName(PlotPlane plane);
std::optional<PlotPlane> plotPlaneFromName(const QString& name);

struct AppSettings {
    std::string model = "linear";     // a data model or an analytic function (core::objectiveNames())
    core::LossSettings loss;
    int inputSize = core::kDefaultInputSize;   // a network reads the image shrunk to this n x n
    core::TrainSettings train;        // optimizer, schedule, batch size (or kFullBatch), shuffle, seed,
                                      // augmentation: what the trainer gets
    DataSettings data;

    PlotPlane plane = PlotPlane::Axes;   // a network starts on a random plane
    std::uint64_t planeSeed = 1;      // the random plane's directions
    int axis1 = 0;                    // parameter on the horizontal axis (PlotPlane::Axes)
    int axis2 = 1;                    // parameter on the vertical axis
    std::vector<double> held;         // every parameter's value on the plotted plane (the axes' own
                                      // entries are unused), or a plane's origin; empty: the start
    std::vector<double> start;        // the starting point; empty: the model's default start
    std::optional<std::array<double, 4>> range;  // {min1, max1, min2, max2}; unset: automatic
    double speed = 20;                // steps per second; 0: as fast as the engine runs

    Surface surface = Surface::Train;
    bool gradientField = true;
    bool captions = true;
    bool logLoss = true;

    std::optional<Lesson> lesson;     // set when these settings are a lesson
    std::vector<RaceEntrant> race;    // the Race panel's line-up (at most kMaxRaceEntrants); empty: none

    AppSettings();

    bool isAnalytic() const;
    bool isNetwork() const;
    // Another model (or function): the plane, the start and the view were the old model's, so
    // they go back to the new one's defaults (a network's is a random plane). The same name
    // changes nothing.
    void setModel(const std::string& name);
    // Other plotted axes: the view was of the old plane, so it goes back to automatic.
    void setAxes(int first, int second);
    // Another kind of plane (its origin stays): the view goes back to automatic.
    void setPlane(PlotPlane kind);
    // The race's entrants as the panel and the race run them: train with each entrant's
    // optimizer and batch size.
    std::vector<core::TrainSettings> raceLineup() const;
    // The other way: what a settings file keeps of a line-up.
    void setRaceLineup(const std::vector<core::TrainSettings>& lineup);
};

inline constexpr double kMinLearningRate = 1e-4;
inline constexpr double kMaxLearningRate = 10.0;
inline constexpr double kMaxMomentum = 0.99;
inline constexpr double kMaxSpeed = 1000.0;  // the fastest paced speed; above it, "max" (0)
inline constexpr int kMinDatasetCount = 50;
inline constexpr int kMaxDatasetCount = 20000;

// AppSettings keeps points (start, held) as plain vectors; the engine takes core::Vec.
core::Vec toVec(const std::vector<double>& v);
std::vector<double> fromVec(const core::Vec& v);

}  // namespace downhill::ui
