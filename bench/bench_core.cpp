// Engine benchmarks (Google Benchmark): landscape grids of 256 x 256 on 2,000 training samples
// for every model and loss, and training steps (the small models', and a network's on pixels). Run through bench/run_all.sh, which also times
// the same grids in numpy and prints the ratios.
//   bench_core --write-data FILE   writes the benchmark's data set as CSV (x,count) and exits
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

#include "core/data/augmentation.h"
#include "core/data/feature_extractor.h"
#include "core/geometry/contours.h"
#include "core/model/data_objective.h"
#include "core/landscape/landscape.h"
#include "core/landscape/plane.h"
#include "core/data/people_generator.h"
#include "core/train/run_history.h"
#include "core/train/trainer.h"

using namespace downhill::core;

namespace {

constexpr int kSamples = 2000;
constexpr int kGrid = 256;

const Dataset& data()
{
    static const Dataset d = [] {
        PeopleSettings s;
        s.count = kSamples;
        s.seed = 1;
        return generatePeople(s);
    }();
    return d;
}

// The plotted planes: linear (w, b); lin-exp (b, c) with a held (c is the axis whose exp cannot
// be avoided); fold (a, b).
struct Plane {
    const char* model;
    int axis1, axis2;
    double min1, max1, min2, max2;
};
constexpr Plane kPlanes[] = {
    {"linear", 0, 1, -2.0, 10.0, -6.0, 6.0},
    {"lin-exp", 1, 2, -2.0, 8.0, -1.0, 1.5},
    {"fold", 0, 1, -2.5, 2.5, -6.0, 8.0},
};

void landscape(benchmark::State& state, const Plane& plane, LossKind loss, LandscapeMethod method)
{
    const auto objective = makeObjective(plane.model, {loss, 1.0});
    LandscapeRequest rq;
    rq.axis1 = plane.axis1;
    rq.axis2 = plane.axis2;
    rq.origin = objective->defaultInit();
    rq.min1 = plane.min1;
    rq.max1 = plane.max1;
    rq.min2 = plane.min2;
    rq.max2 = plane.max2;
    rq.resolution = kGrid;
    const Samples& s = data().samples;
    for (auto _ : state) {
        auto grid = computeLandscape(*objective, s, rq, method);
        benchmark::DoNotOptimize(grid->minLoss);
    }
    state.counters["cells_per_s"] = benchmark::Counter(static_cast<double>(kGrid) * kGrid * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}

// withHistory: each step also recorded in a RunHistory, as the window's training thread does.
void step(benchmark::State& state, const char* model, OptimizerKind optimizer, bool withHistory = false)
{
    const auto objective = makeObjective(model, {});
    TrainData d;
    d.train = data().samples;
    TrainSettings settings;
    settings.batchSize = 32;
    settings.optimizer.kind = optimizer;
    settings.optimizer.lr = 1e-4;  // small enough never to diverge over millions of steps
    settings.optimizer.momentum = optimizer == OptimizerKind::Sgd ? 0.9 : 0.0;
    Trainer trainer(objective, d, settings, objective->defaultInit());
    RunHistory history;
    history.begin(trainer.state(), trainer.settings());
    for (auto _ : state) {
        if (!trainer.step())
            trainer.reset(objective->defaultInit());
        else if (withHistory)
            history.recordStep(trainer.state(), trainer.settings());
    }
    state.counters["steps_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// The network: mlp:16 on 12 x 12 pixels (2,337 parameters) trained on the 1,600
// training images of the default split, batches of 32.
TrainData networkData(int inputSize)
{
    return TrainData::fromDataset(data(), splitRows(static_cast<int>(data().size()), 0.2, 1), inputSize);
}
void networkStep(benchmark::State& state, const char* model, OptimizerKind optimizer)
{
    const auto objective = makeObjective(model, {}, 12);
    TrainSettings settings;
    settings.batchSize = 32;
    settings.optimizer.kind = optimizer;
    settings.optimizer.lr = 1e-4;
    settings.optimizer.momentum = optimizer == OptimizerKind::Sgd ? 0.9 : 0.0;
    Trainer trainer(objective, networkData(12), settings, objective->defaultInit());
    for (auto _ : state) {
        if (!trainer.step())
            trainer.reset(objective->defaultInit());
    }
    state.counters["params"] = static_cast<double>(objective->parameterCount());
}
// The network's loss on the whole training set (1,600 images), as the loss plot asks for it.
void networkTrainingLoss(benchmark::State& state, const char* model)
{
    const auto objective = makeObjective(model, {}, 12);
    Trainer trainer(objective, networkData(12), TrainSettings{}, objective->defaultInit());
    for (auto _ : state)
        benchmark::DoNotOptimize(trainer.trainingLoss());
}
// The network's landscape: a 64 x 64 grid over a random plane (seed 3, alpha and beta
// in [-1, 1], as downhill-cli landscape --plane random:3 --grid 64) through the default
// initialisation, on the 1,600 training images.
void networkPlaneGrid(benchmark::State& state, const char* model)
{
    const auto objective = makeObjective(model, {}, 12);
    const TrainData d = networkData(12);
    LandscapeRequest rq;
    rq.plane = std::make_shared<const downhill::core::Plane>(randomPlane(*objective, objective->defaultInit(), 3));
    rq.resolution = 64;
    for (auto _ : state) {
        auto grid = computeLandscape(*objective, d.train, rq);
        benchmark::DoNotOptimize(grid->minLoss);
    }
    state.counters["cells_per_s"] = benchmark::Counter(64.0 * 64.0 * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}
// A seek along a run of a million steps (the timeline slider, the Left key): restore the
// checkpoint before the target and replay up to it.
void seek(benchmark::State& state)
{
    const auto objective = makeObjective("linear", {});
    TrainData d;
    d.train = data().samples;
    TrainSettings settings;
    settings.optimizer.lr = 1e-4;
    settings.optimizer.momentum = 0.9;
    Trainer trainer(objective, d, settings, objective->defaultInit());
    RunHistory history;
    history.begin(trainer.state(), trainer.settings());
    constexpr std::int64_t kSteps = 1'000'000;
    for (std::int64_t k = 0; k < kSteps; ++k) {
        trainer.step();
        history.recordStep(trainer.state(), trainer.settings());
    }
    std::uint64_t x = 12345;
    for (auto _ : state) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;   // the targets spread over the run
        benchmark::DoNotOptimize(history.seek(trainer, static_cast<std::int64_t>((x >> 11) % kSteps)));
    }
    state.counters["spacing"] = static_cast<double>(history.spacing());
    state.counters["checkpoints"] = static_cast<double>(history.checkpointCount());
}

// One job of the window's batch surface (ui/surface_feeder): the grid over a batch of 32 at the
// given resolution, its contour lines (14 levels) and the 20 x 20 gradient field, as
// LandscapeWorker computes them for each new batch.
void batchSurface(benchmark::State& state, LossKind loss, int resolution)
{
    const auto objective = makeObjective("linear", {loss, 1.0});
    std::vector<int> rows(32);
    for (int i = 0; i < 32; ++i)
        rows[static_cast<std::size_t>(i)] = 61 * i;
    const Samples batch = data().samples.gather(rows);
    LandscapeRequest rq;
    rq.origin = objective->defaultInit();
    rq.min1 = -2.0;
    rq.max1 = 10.0;
    rq.min2 = -6.0;
    rq.max2 = 6.0;
    for (auto _ : state) {
        rq.resolution = resolution;
        auto grid = computeLandscape(*objective, batch, rq);
        auto contours = computeContours(*grid, contourLevels(*grid, 14));
        rq.resolution = 20;
        auto field = computeGradientField(*objective, batch, rq);
        benchmark::DoNotOptimize(contours.size());
        benchmark::DoNotOptimize(field->d1(0, 0));
    }
}

// The batch strip with augmentation on: the images of one frame (up to 24) redrawn from
// (seed, epoch, row), brightness, flip and noise.
void stripImages(benchmark::State& state)
{
    AugmentationSettings all;
    all.brightness = all.flip = all.noise = true;
    std::int64_t epoch = 0;
    for (auto _ : state) {
        for (int i = 0; i < 24; ++i) {
            const GrayImage seen = augment(data().images[static_cast<std::size_t>(i)], all, sampleAugmentationSeed(1, epoch, i));
            benchmark::DoNotOptimize(seen.pixels.data());
        }
        ++epoch;
    }
}

// Training with every augmentation on: each sample of each batch is redrawn (flip, offset,
// noise) and its feature extracted again, which is the whole cost of the step.
void augmentedStep(benchmark::State& state)
{
    const auto objective = makeObjective("linear", {});
    TrainSettings settings;
    settings.batchSize = 32;
    settings.optimizer.lr = 1e-4;
    settings.augmentation.brightness = settings.augmentation.flip = settings.augmentation.noise = true;
    Trainer trainer(objective, TrainData::fromDataset(data(), splitRows(static_cast<int>(data().size()), 0.2, 1)), settings,
        objective->defaultInit());
    for (auto _ : state) {
        if (!trainer.step())
            trainer.reset(objective->defaultInit());
    }
    state.counters["steps_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Its two parts, one image at a time: the redraw, and the feature of the redrawn image.
void augmentOne(benchmark::State& state)
{
    AugmentationSettings all;
    all.brightness = all.flip = all.noise = true;
    GrayImage out;
    std::uint64_t seed = 0;
    for (auto _ : state) {
        augmentInto(data().images[seed % 64], all, sampleAugmentationSeed(1, 0, static_cast<int>(seed)), out);
        benchmark::DoNotOptimize(out.pixels.data());
        ++seed;
    }
}
void featureOfAugmented(benchmark::State& state)
{
    AugmentationSettings all;
    all.brightness = all.flip = all.noise = true;
    std::vector<GrayImage> images;
    for (int i = 0; i < 64; ++i)
        images.push_back(augment(data().images[static_cast<std::size_t>(i)], all, sampleAugmentationSeed(1, 0, i)));
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(extractFeature(images[i % images.size()]));
        ++i;
    }
}

void registerAll()
{
    for (const auto& [name, kind] : {std::pair{"mse", LossKind::Mse}, std::pair{"mae", LossKind::Mae}}) {
        for (int g : {64, 256}) {
            benchmark::RegisterBenchmark((std::string("batch-surface/linear/") + name + "/" + std::to_string(g)).c_str(),
                [kind = kind, g](benchmark::State& st) { batchSurface(st, kind, g); })
                ->Unit(benchmark::kMillisecond)
                ->UseRealTime();
        }
    }
    benchmark::RegisterBenchmark("strip/augment-24-images", stripImages)->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RegisterBenchmark("step/linear/sgd/batch32/augmented", augmentedStep)->Unit(benchmark::kMicrosecond)->UseRealTime();
    benchmark::RegisterBenchmark("augment/one-image", augmentOne)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("feature/one-augmented-image", featureOfAugmented)->Unit(benchmark::kMicrosecond);

    const std::pair<const char*, LossKind> losses[] = {{"mse", LossKind::Mse}, {"mae", LossKind::Mae}, {"huber", LossKind::Huber}};
    for (const auto& plane : kPlanes) {
        for (const auto& [name, kind] : losses) {
            benchmark::RegisterBenchmark((std::string("landscape/") + plane.model + "/" + name).c_str(),
                [&plane, kind = kind](benchmark::State& st) { landscape(st, plane, kind, LandscapeMethod::Auto); })
                ->Unit(benchmark::kMillisecond)
                ->UseRealTime();
        }
        // Every per-sample loss at every point: what the shortcuts are measured against.
        for (const auto& [name, kind] : losses) {
            benchmark::RegisterBenchmark((std::string("landscape/") + plane.model + "/" + name + "-general").c_str(),
                [&plane, kind = kind](benchmark::State& st) { landscape(st, plane, kind, LandscapeMethod::General); })
                ->Unit(benchmark::kMillisecond)
                ->UseRealTime();
        }
    }
    const std::pair<const char*, OptimizerKind> optimizers[] = {{"sgd", OptimizerKind::Sgd}, {"adam", OptimizerKind::Adam}};
    for (const char* model : {"linear", "lin-exp", "fold"}) {
        for (const auto& [name, kind] : optimizers) {
            benchmark::RegisterBenchmark((std::string("step/") + model + "/" + name + "/batch32").c_str(),
                [model, kind = kind](benchmark::State& st) { step(st, model, kind); })
                ->Unit(benchmark::kNanosecond);
        }
    }
    for (const char* model : {"mlp:16", "mlp:16:relu"}) {
        for (const auto& [name, kind] : optimizers) {
            benchmark::RegisterBenchmark((std::string("step/") + model + "/" + name + "/batch32").c_str(),
                [model, kind = kind](benchmark::State& st) { networkStep(st, model, kind); })
                ->Unit(benchmark::kMicrosecond);
        }
        benchmark::RegisterBenchmark((std::string("loss/") + model + "/train-1600").c_str(),
            [model](benchmark::State& st) { networkTrainingLoss(st, model); })
            ->Unit(benchmark::kMicrosecond);
    }
    for (const char* model : {"mlp:16", "mlp:16:relu"}) {
        benchmark::RegisterBenchmark((std::string("landscape/") + model + "/random-plane-64").c_str(),
            [model](benchmark::State& st) { networkPlaneGrid(st, model); })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
    }
    benchmark::RegisterBenchmark("step/linear/sgd/batch32/with-history",
        [](benchmark::State& st) { step(st, "linear", OptimizerKind::Sgd, true); })
        ->Unit(benchmark::kNanosecond);
    benchmark::RegisterBenchmark("history/seek/linear-1M-steps", seek)->Unit(benchmark::kMicrosecond)->UseRealTime();
}

int writeData(const char* path)
{
    std::ofstream out(path);
    out.precision(17);
    out << "x,count\n";
    const auto& s = data().samples;
    for (Eigen::Index i = 0; i < s.size(); ++i)
        out << s.x[i] << ',' << s.t[i] << '\n';
    return out ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--write-data") == 0)
        return writeData(argv[2]);
    registerAll();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
