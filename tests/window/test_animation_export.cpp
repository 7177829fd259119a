// File > Export animation in the window: the dialog, a GIF and PNG frames of the run from step 0
// to the timeline position, the live plots left as they were, a cancel from the progress dialog
// and an unwritable target leaving nothing behind. Leaves the GIF's first and last frames in
// screenshots/.
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

#include "window/export/animation_dialog.h"
#include "tests/common/controller_sync.h"
#include "tests/common/image_files.h"
#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "window/shell/main_window.h"
#include "window/run/timeline_bar.h"
#include "session/run/training_controller.h"

using namespace downhill;
using downhill::test::syncWith;
using ui::AnimationFormat;
using ui::AnimationSettings;
using ui::ExportResult;
using ui::MainWindow;

namespace {

constexpr int kSteps = 30;

std::unique_ptr<MainWindow> openWindow()
{
    MainWindow::Options options;
    options.persist = false;
    auto w = std::make_unique<MainWindow>(options);
    w->resize(1280, 800);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    // An analytic landscape: quick to compute, and a path that moves well across it.
    ui::AppSettings s = w->settings();
    s.model = "himmelblau";
    s.start = {0.0, 0.0};
    s.range.reset();
    s.train.optimizer = core::OptimizerSettings();
    s.train.optimizer.lr = 0.004;
    QSignalSpy shown(w.get(), &MainWindow::landscapeShown);
    w->applySettings(s);
    QElapsedTimer t;
    t.start();
    while ((shown.isEmpty() || !shown.last().at(0).toBool()) && t.elapsed() < 20000)
        shown.wait(100);
    if (shown.isEmpty())
        return nullptr;
    if (!syncWith(w->controller()))
        return nullptr;
    for (int k = 0; k < kSteps; ++k) {
        w->findChild<QAction*>(QStringLiteral("stepAction"))->trigger();
        if (!syncWith(w->controller()))
            return nullptr;
    }
    QCoreApplication::processEvents();
    return w;
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

// What the live window shows, to check that an export leaves it alone.
struct LiveState {
    std::int64_t step = 0;
    int pathPoints = 0;
    qint64 appended = 0;
    QLineF gradientArrow;
    QCPRange x, y;
    int lossSteps = 0;
    QImage landscape;

    static LiveState of(MainWindow& w)
    {
        LiveState s;
        s.step = w.controller()->state().step;
        s.pathPoints = w.landscapePlot()->pathPointCount();
        s.appended = w.landscapePlot()->pathAppendedCount();
        s.gradientArrow = w.landscapePlot()->gradientArrow();
        s.x = w.landscapePlot()->xAxis->range();
        s.y = w.landscapePlot()->yAxis->range();
        s.lossSteps = w.lossPlot()->storedStepCount();
        s.landscape = w.landscapePlot()->grab().toImage();
        return s;
    }
    bool operator==(const LiveState& o) const
    {
        return step == o.step && pathPoints == o.pathPoints && appended == o.appended && gradientArrow == o.gradientArrow
            && x == o.x && y == o.y && lossSteps == o.lossSteps && landscape == o.landscape;
    }
    // The window's state once nothing is left to arrive (a finer grid, a last frame): two
    // looks 100 ms apart alike. A slow build (the sanitizers') may still be drawing when the
    // test begins, which is not the export's doing.
    static LiveState settled(MainWindow& w)
    {
        LiveState last = of(w);
        for (int i = 0; i < 50; ++i) {
            QTest::qWait(100);
            LiveState now = of(w);
            if (now == last)
                return now;
            last = std::move(now);
        }
        return last;
    }
};

}  // namespace

class TestAnimationExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void gifOfTheRun();
    void pngFramesAtThePlotsSize();
    void endsAtTheTimelinePosition();
    void cancelFromTheProgressDialog();
    void unwritableTarget();
    void fromTheMenu();
    void cleanupTestCase();

private:
    std::unique_ptr<MainWindow> w_;
    QTemporaryDir dir_;
};

void TestAnimationExport::initTestCase()
{
    QVERIFY(dir_.isValid());
    w_ = openWindow();
    QVERIFY(w_);
    QCOMPARE(w_->controller()->state().step, kSteps);
}

void TestAnimationExport::cleanupTestCase()
{
    w_.reset();
}

void TestAnimationExport::gifOfTheRun()
{
    const LiveState before = LiveState::settled(*w_);
    AnimationSettings a;
    a.target = dir_.filePath("run.gif");
    a.frames = 7;
    a.fps = 10;
    a.size = QSize(960, 600);
    QString error;
    QCOMPARE(w_->exportAnimation(a, &error), ExportResult::Written);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCoreApplication::processEvents();
    QVERIFY(LiveState::of(*w_) == before);

    QFile file(a.target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(6), QByteArray("GIF89a"));
    QImageReader reader(a.target);
    QCOMPARE(reader.imageCount(), 7);
    QCOMPARE(reader.size(), QSize(960, 600));
    QImage first, last;
    QVERIFY(reader.read(&first));
    for (int k = 1; k < 7; ++k)
        QVERIFY(reader.read(&last));   // Qt's GIF reader cannot jump
    QCOMPARE(first.size(), QSize(960, 600));
    QCOMPARE(last.size(), QSize(960, 600));
    QVERIFY(first != last);
    // For a look: the first and last frames of the window's GIF.
    const QString shots = QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots");
    QDir().mkpath(shots);
    first.save(shots + "/animation-first.png");
    last.save(shots + "/animation-last.png");
}

void TestAnimationExport::pngFramesAtThePlotsSize()
{
    AnimationSettings a;
    a.format = AnimationFormat::PngFrames;
    a.target = dir_.filePath("frames");
    a.everyK = true;
    a.every = 4;   // 0, 4, ..., 28, 30
    a.size = QSize();
    a.withLoss = true;
    QString error;
    QCOMPARE(w_->exportAnimation(a, &error), ExportResult::Written);
    const QSize expected(w_->landscapePlot()->width(), w_->landscapePlot()->height() + w_->lossPlot()->height());
    const QStringList names = entries(a.target);
    QCOMPARE(names.size(), 9);
    for (int k = 0; k < names.size(); ++k) {
        QCOMPARE(names[k], QString("frame_%1.png").arg(k, 4, 10, QChar('0')));
        QFile f(QDir(a.target).filePath(names[k]));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(8), downhill::test::kPngSignature);
        QCOMPARE(QImage(f.fileName()).size(), expected);
    }
    QVERIFY(QImage(QDir(a.target).filePath(names.first())) != QImage(QDir(a.target).filePath(names.last())));
    QImage(QDir(a.target).filePath(names[4])).save(QStringLiteral(DOWNHILL_BINARY_DIR "/screenshots/animation-middle-with-loss.png"));
}

void TestAnimationExport::endsAtTheTimelinePosition()
{
    // Back to step 12 on the timeline: the animation ends there, and its last frame is the
    // same as that of an animation of a run that stopped at step 12 (frames 0, 6, 12).
    w_->timeline()->seekRequested(12);
    QVERIFY(syncWith(w_->controller()));
    QCoreApplication::processEvents();
    QCOMPARE(w_->controller()->state().step, 12);
    AnimationSettings a;
    a.format = AnimationFormat::PngFrames;
    a.target = dir_.filePath("to12");
    a.frames = 100;   // more than the steps: one frame per step
    a.size = QSize(640, 400);
    QString error;
    QCOMPARE(w_->exportAnimation(a, &error), ExportResult::Written);
    QCOMPARE(entries(a.target).size(), 13);
    a.target = dir_.filePath("to12-3");
    a.frames = 3;
    QCOMPARE(w_->exportAnimation(a, &error), ExportResult::Written);
    QCOMPARE(entries(a.target).size(), 3);
    QCOMPARE(QImage(dir_.filePath("to12-3/frame_0002.png")), QImage(dir_.filePath("to12/frame_0012.png")));
    QCOMPARE(QImage(dir_.filePath("to12-3/frame_0001.png")), QImage(dir_.filePath("to12/frame_0006.png")));
    QVERIFY(QImage(dir_.filePath("to12/frame_0012.png")) != QImage(dir_.filePath("to12/frame_0011.png")));
    // Forward again, for the tests after this one.
    w_->timeline()->seekRequested(kSteps);
    QVERIFY(syncWith(w_->controller()));
    QCoreApplication::processEvents();
}

void TestAnimationExport::cancelFromTheProgressDialog()
{
    for (const AnimationFormat format : {AnimationFormat::Gif, AnimationFormat::PngFrames}) {
        QTemporaryDir dir;
        AnimationSettings a;
        a.format = format;
        a.target = dir.filePath(format == AnimationFormat::Gif ? "run.gif" : "frames");
        a.frames = 31;
        a.size = QSize(960, 600);
        int framesAtCancel = -1;
        QTimer poke;
        poke.setInterval(5);
        connect(&poke, &QTimer::timeout, this, [&] {
            auto* progress = w_->findChild<QProgressDialog*>(QStringLiteral("animationProgress"));
            if (progress && progress->value() >= 3 && framesAtCancel < 0) {
                framesAtCancel = progress->value();
                progress->cancel();
            }
        });
        poke.start();
        QString error;
        const ExportResult result = w_->exportAnimation(a, &error);
        poke.stop();
        QCOMPARE(result, ExportResult::Cancelled);
        QVERIFY2(framesAtCancel >= 3 && framesAtCancel < 31, qPrintable(QString::number(framesAtCancel)));
        QCOMPARE(entries(dir.path()), QStringList());
        QVERIFY(!w_->findChild<QProgressDialog*>(QStringLiteral("animationProgress")));
    }
}

void TestAnimationExport::unwritableTarget()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("not-a-folder");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    for (const AnimationFormat format : {AnimationFormat::Gif, AnimationFormat::PngFrames}) {
        AnimationSettings a;
        a.format = format;
        a.target = QDir(file).filePath(format == AnimationFormat::Gif ? "run.gif" : "frames");
        a.frames = 4;
        QString error;
        QCOMPARE(w_->exportAnimation(a, &error), ExportResult::Failed);
        QVERIFY2(error.contains(QDir::toNativeSeparators(a.target)), qPrintable(error));
        QCOMPARE(entries(dir.path()), QStringList{"not-a-folder"});
    }
}

void TestAnimationExport::fromTheMenu()
{
    const QString target = dir_.filePath("menu.gif");
    QString summary;
    bool found = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = w_->findChild<ui::AnimationDialog*>(QStringLiteral("animationDialog"));
        if (!dialog)
            return;
        found = true;
        dialog->findChild<QLineEdit*>(QStringLiteral("animationTarget"))->setText(target);
        dialog->findChild<QSpinBox*>(QStringLiteral("animationFrames"))->setValue(5);
        auto* size = dialog->findChild<QComboBox*>(QStringLiteral("animationSize"));
        size->setCurrentIndex(size->findData(QSize(960, 600)));
        summary = dialog->findChild<QLabel*>(QStringLiteral("animationSummary"))->text();
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
    w_->findChild<QAction*>(QStringLiteral("exportAnimationAction"))->trigger();
    QVERIFY(found);
    QVERIFY2(summary.startsWith(QStringLiteral("5 frames of 960 \u00d7 600, steps 0 to %1").arg(kSteps)), qPrintable(summary));
    QVERIFY2(summary.contains("spread evenly"), qPrintable(summary));
    QImageReader reader(target);
    QCOMPARE(reader.imageCount(), 5);
    QCOMPARE(reader.size(), QSize(960, 600));
}

QTEST_MAIN(TestAnimationExport)
#include "test_animation_export.moc"
