// A training step allocates nothing once the run is going: every buffer is sized when the run
// starts (or at the first steps) and reused. This binary replaces the global operator new and
// delete, and also malloc, calloc and realloc (glibc lets an executable interpose them; Eigen
// allocates through malloc, not operator new), and counts the allocations between two points.
// Under AddressSanitizer it counts through the sanitizer allocator's hooks instead.
#include <QtTest>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>

#include "core/data/people_generator.h"
#include "core/model/objective.h"
#include "core/train/trainer.h"
#include "tests/common/sanitizers.h"

#if DOWNHILL_TEST_ASAN
// Under AddressSanitizer its allocator serves every malloc and operator new, and tells hooks of
// each one: the count comes from there, and LeakSanitizer keeps seeing the whole heap (replacing
// malloc with glibc's hid it, so what glibc keeps reachable only through that heap looked leaked).
#include <sanitizer/allocator_interface.h>

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};

void onMalloc(const volatile void*, std::size_t)
{
    if (counting.load(std::memory_order_relaxed))
        allocations.fetch_add(1, std::memory_order_relaxed);
}
void onFree(const volatile void*) {}
[[maybe_unused]] const int hooksInstalled = __sanitizer_install_malloc_and_free_hooks(onMalloc, onFree);
}  // namespace
#else
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void __libc_free(void* p);
}

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};

void noteAllocation()
{
    if (counting.load(std::memory_order_relaxed))
        allocations.fetch_add(1, std::memory_order_relaxed);
}

void* allocate(std::size_t size)
{
    if (void* p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}
}  // namespace

extern "C" {
void* malloc(std::size_t size)
{
    noteAllocation();
    return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size)
{
    noteAllocation();
    return __libc_calloc(count, size);
}
void* realloc(void* p, std::size_t size)
{
    noteAllocation();
    return __libc_realloc(p, size);
}
void free(void* p) { __libc_free(p); }
}

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return std::malloc(size ? size : 1); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return std::malloc(size ? size : 1); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

#endif

using namespace downhill::core;

namespace {

long allocationsIn(Trainer& trainer, int steps, StepRecord* record, bool withTrainLoss = false)
{
    allocations = 0;
    counting = true;
    for (int i = 0; i < steps; ++i) {
        if (!trainer.step(record, withTrainLoss))
            break;
    }
    counting = false;
    return allocations.load();
}

const Dataset& people()
{
    static const Dataset d = [] {
        PeopleSettings s;
        s.count = 400;
        s.seed = 3;
        return generatePeople(s);
    }();
    return d;
}

}  // namespace

class TestStepAllocations : public QObject {
    Q_OBJECT
private slots:
    // The counter itself: a vector that grows is seen.
    void counterSeesEigenAndNew()
    {
        allocations = 0;
        counting = true;
        Eigen::VectorXd v(1000);
        auto* p = new int(3);
        counting = false;
        delete p;
        QVERIFY(v.size() == 1000);
        QCOMPARE(allocations.load(), 2L);
    }

    void stepAllocatesNothing_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("optimizer");
        QTest::addColumn<int>("loss");
        QTest::addColumn<bool>("withRecord");
        for (const char* model : {"linear", "lin-exp", "fold", "rosenbrock"}) {
            for (const auto& [name, kind] : {std::pair{"sgd", OptimizerKind::Sgd}, std::pair{"adam", OptimizerKind::Adam},
                     std::pair{"rmsprop", OptimizerKind::RmsProp}, std::pair{"adagrad", OptimizerKind::Adagrad}}) {
                for (bool withRecord : {false, true}) {
                    QTest::addRow("%s %s %s", model, name, withRecord ? "record" : "no record")
                        << QString(model) << int(kind) << int(LossKind::Mse) << withRecord;
                }
            }
        }
        QTest::addRow("linear huber sgd record") << "linear" << int(OptimizerKind::Sgd) << int(LossKind::Huber) << true;
        QTest::addRow("fold mae adam record") << "fold" << int(OptimizerKind::Adam) << int(LossKind::Mae) << true;
        // Networks: one and two hidden layers, every activation, with and without a record.
        for (const char* model : {"mlp:16", "mlp:8,4:relu", "mlp:6:sigmoid"}) {
            for (const auto& [name, kind] : {std::pair{"sgd", OptimizerKind::Sgd}, std::pair{"adam", OptimizerKind::Adam},
                     std::pair{"rmsprop", OptimizerKind::RmsProp}}) {
                for (bool withRecord : {false, true}) {
                    QTest::addRow("%s %s %s", model, name, withRecord ? "record" : "no record")
                        << QString(model) << int(kind) << int(LossKind::Mse) << withRecord;
                }
            }
        }
        QTest::addRow("mlp:16 huber adam record") << "mlp:16" << int(OptimizerKind::Adam) << int(LossKind::Huber) << true;
    }
    void stepAllocatesNothing()
    {
        QFETCH(QString, model);
        QFETCH(int, optimizer);
        QFETCH(int, loss);
        QFETCH(bool, withRecord);
        const auto objective = makeObjective(model.toStdString(), {static_cast<LossKind>(loss), 1.0}, 12);
        TrainSettings settings;
        settings.optimizer.kind = static_cast<OptimizerKind>(optimizer);
        settings.optimizer.lr = 1e-3;
        settings.optimizer.momentum = settings.optimizer.kind == OptimizerKind::Adam ? 0.0 : 0.9;
        settings.optimizer.centered = true;
        settings.batchSize = 32;  // 320 training rows: every batch is full
        const Split split = splitRows(static_cast<int>(people().size()), 0.2, 1);
        Trainer trainer(objective, TrainData::fromDataset(people(), split, objective->inputSize()), settings,
            objective->defaultInit());
        StepRecord record;
        StepRecord* r = withRecord ? &record : nullptr;
        // The first steps size the buffers (and the record's vectors).
        QVERIFY(trainer.step(r));
        QVERIFY(trainer.step(r));
        const long counted = allocationsIn(trainer, 100, r);
        QCOMPARE(trainer.state().step, 102);
        QCOMPARE(counted, 0L);
    }

    // A network also sees augmented pixels without allocating: each image is redrawn into a
    // reused buffer and shrunk into the batch's column. (The small models re-extract their
    // feature x from the redrawn image, and that extraction allocates its working images.)
    void augmentedNetworkStepAllocatesNothing()
    {
        const auto objective = makeObjective("mlp:16", {}, 12);
        TrainSettings settings;
        settings.optimizer.kind = OptimizerKind::Adam;
        settings.optimizer.lr = 1e-3;
        settings.augmentation.flip = settings.augmentation.brightness = settings.augmentation.noise = true;
        const Split split = splitRows(static_cast<int>(people().size()), 0.2, 1);
        Trainer trainer(objective, TrainData::fromDataset(people(), split, 12), settings, objective->defaultInit());
        StepRecord record;
        QVERIFY(trainer.step(&record));
        QCOMPARE(allocationsIn(trainer, 100, &record), 0L);
        QCOMPARE(trainer.state().step, 101);
    }

    // With the training loss after every update, as downhill-cli's trajectory records it: the
    // whole-set evaluation has buffers of its own, so the batch's are not resized each step.
    void stepWithTrainingLossAllocatesNothing_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("linear") << "linear";
        QTest::newRow("lin-exp") << "lin-exp";
        QTest::newRow("mlp:16") << "mlp:16";
        QTest::newRow("mlp:8,4:relu") << "mlp:8,4:relu";
    }
    void stepWithTrainingLossAllocatesNothing()
    {
        QFETCH(QString, model);
        const auto objective = makeObjective(model.toStdString(), {}, 12);
        TrainSettings settings;
        settings.optimizer.lr = 1e-3;
        const Split split = splitRows(static_cast<int>(people().size()), 0.2, 1);
        Trainer trainer(objective, TrainData::fromDataset(people(), split, objective->inputSize()), settings,
            objective->defaultInit());
        StepRecord record;
        QVERIFY(trainer.step(&record, true));
        QCOMPARE(allocationsIn(trainer, 30, &record, true), 0L);
        QVERIFY(std::isfinite(record.trainLoss));
    }
};

QTEST_APPLESS_MAIN(TestStepAllocations)
#include "test_step_allocations.moc"
