// Over the ~600-line guide, for now: besides building the window (actions, menus, layout, docks)
// and wiring its features together, this file still turns settings into a run (rebuild,
// configureRun, onPanelChanged) and holds the file commands (settings, run and data files, the
// animation export), which have no classes of their own yet.
#include "window/shell/main_window.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "window/shell/action_factory.h"
#include "window/shell/presentation_mode.h"
#include "window/run/batch_strip.h"
#include "window/settings/control_panel.h"
#include "window/data/dataset_panel.h"
#include "window/export/export_actions.h"
#include "core/base/error.h"
#include "plots/figure.h"
#include "window/landscape/gradient_check_view.h"
#include "plots/landscape_plot.h"
#ifdef DOWNHILL_HAVE_3D
#include "window/landscape/landscape_view_3d.h"
#endif
#include "session/run/landscape_worker.h"
#include "plots/loss_plot.h"
#include "window/race/race_mode.h"
#include "window/race/race_panel.h"
#include "window/run/readout_panel.h"
#include "window/run/run_presenter.h"
#include "plots/run_animation.h"
#include "session/settings/run_io.h"
#include "session/settings/settings_io.h"
#include "window/run/speed_control.h"
#include "window/run/step_card.h"
#include "window/run/surface_area.h"
#include "window/run/surface_feeder.h"
#include "session/problem/teaching_text.h"
#include "window/run/timeline_bar.h"
#include "session/run/training_controller.h"

// Resources of a static library must be initialised by name, outside any namespace.
static void initDownhillResources()
{
    Q_INIT_RESOURCE(downhill);
}

namespace downhill::ui {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(Options{}, parent) {}

MainWindow::MainWindow(const Options& options, QWidget* parent) : QMainWindow(parent), options_(options)
{
    initDownhillResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Downhill"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/downhill.svg")));

    controller_ = new TrainingController(this);
    landscapeWorker_ = new LandscapeWorker(this);
    viewDebounce_.setSingleShot(true);
    viewDebounce_.setInterval(200);

    buildActions();
    buildLayout();
    buildMenus();
    presentation_ = new PresentationMode(this, presentationAction_, mainSplitter_, plotSplitter_, view3d_);
    surfaceFeeder_ = new SurfaceFeeder(controller_, landscapeWorker_, surfaceArea_, this);
    presenter_ = new RunPresenter(controller_, problem_, settings_,
        {landscape_, lossPlot_, batchStrip_, readouts_, timeline_, stepCard_, gradientCheck_, datasetPanel_, banner_}, this);
    connect(presenter_, &RunPresenter::frameShown, this, &MainWindow::frameShown);
    connect(presenter_, &RunPresenter::diverged, this, [this] { onPlayingChanged(controller_->isPlaying()); });
    connect(presenter_, &RunPresenter::timelineSettings, this, &MainWindow::followTimelineSettings);
    connectSignals();
    connectExports();

    AppSettings start;
    if (options_.persist) {
        const QByteArray last = QSettings().value(QStringLiteral("settings/last")).toByteArray();
        if (!last.isEmpty()) {
            try {
                start = settingsFromJson(last);
            } catch (const core::InputError&) {
                start = AppSettings{};   // an old or damaged entry: start fresh
            }
        }
    }
    QStringList problems;
    if (!options_.settingsFile.isEmpty()) {
        QString error;
        if (auto loaded = loadSettingsFile(options_.settingsFile, &error))
            start = *loaded;
        else
            problems << error;
    }
    if (!options_.dataPath.isEmpty()) {
        start.data.path = options_.dataPath;
        start.range.reset();
    }
    // A remembered data file may have gone: fall back to the built-in set and say so.
    try {
        Problem::build(start);
    } catch (const core::InputError& e) {
        problems << QString::fromStdString(e.what());
        start.data.path.clear();
        start.range.reset();
        try {
            Problem::build(start);
        } catch (const core::InputError&) {
            start = AppSettings{};
        }
    }
    restoreWindow();
    applySettings(start);
    if (!problems.isEmpty()) {
        statusBar()->showMessage(problems.join(QStringLiteral("; ")), 15000);
        if (options_.persist) {
            QTimer::singleShot(0, this, [this, problems] {
                QMessageBox::warning(this, tr("Downhill"), problems.join(QStringLiteral("\n\n")));
            });
        }
    }
}

MainWindow::~MainWindow()
{
    // Stop the threads before the widgets they report to go away.
    delete controller_;
    controller_ = nullptr;
    delete race_;
    race_ = nullptr;
    delete surfaceFeeder_;
    surfaceFeeder_ = nullptr;
    delete landscapeWorker_;
    landscapeWorker_ = nullptr;
}

// ---------------------------------------------------------------------------------------------
// Construction

void MainWindow::buildActions()
{
    auto make = [this](const QString& text, const char* name, const QKeySequence& key, const QString& tip) {
        QAction* a = makeAction(this, text, name, key, tip);
        addAction(a);   // shortcuts work even while the menu bar is hidden
        return a;
    };
    playAction_ = make(tr("Play"), "playAction", QKeySequence(Qt::Key_Space), tr("Train continuously at the chosen speed, or pause"));
    playAction_->setIcon(QIcon(QStringLiteral(":/icons/play.svg")));
    stepAction_ = make(tr("Step"), "stepAction", QKeySequence(Qt::Key_Right), tr("Take exactly one update (one batch)"));
    stepAction_->setIcon(QIcon(QStringLiteral(":/icons/step.svg")));
    epochAction_ = make(tr("Epoch"), "epochAction", QKeySequence(Qt::SHIFT | Qt::Key_Right),
        tr("Take updates until the current epoch ends (one pass over the training set)"));
    epochAction_->setIcon(QIcon(QStringLiteral(":/icons/epoch.svg")));
    backAction_ = make(tr("Back"), "backAction", QKeySequence(Qt::Key_Left),
        tr("Go back one update, exactly: parameters, optimizer state, schedule and batch as they were"));
    backAction_->setIcon(QIcon(QStringLiteral(":/icons/step-back.svg")));
    epochBackAction_ = make(tr("Epoch back"), "epochBackAction", QKeySequence(Qt::SHIFT | Qt::Key_Left),
        tr("Go back to the start of this epoch (or of the one before, when at its start)"));
    epochBackAction_->setIcon(QIcon(QStringLiteral(":/icons/epoch-back.svg")));
    resetAction_ = make(tr("Reset"), "resetAction", QKeySequence(Qt::Key_R), tr("Go back to the starting point: step 0, fresh optimizer state"));
    resetAction_->setIcon(QIcon(QStringLiteral(":/icons/reset.svg")));

    openSettingsAction_ = make(tr("Open settings\u2026"), "openSettingsAction", QKeySequence::Open,
        tr("Load every setting from a JSON file"));
    saveSettingsAction_ = make(tr("Save settings\u2026"), "saveSettingsAction", QKeySequence::Save,
        tr("Save every setting to a JSON file"));
    saveRunAction_ = make(tr("Save run\u2026"), "saveRunAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        tr("Save the whole run (settings, start and every change of settings) so that it can be reopened and replayed exactly"));
    openRunAction_ = make(tr("Open run\u2026"), "openRunAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
        tr("Reopen a saved run: it is replayed step for step to where it was saved"));
    openDataFileAction_ = make(tr("Open data file (CSV)\u2026"), "openDataFileAction", QKeySequence(Qt::CTRL | Qt::Key_D),
        tr("Train on a CSV file with columns x and count"));
    openDataFolderAction_ = make(tr("Open image folder\u2026"), "openDataFolderAction", QKeySequence(),
        tr("Train on a folder of PNG images with a labels.csv (image,count)"));
    builtInDataAction_ = make(tr("Use built-in data"), "builtInDataAction", QKeySequence(),
        tr("Go back to the built-in people-counting images"));
    exportLandscapeAction_ = make(tr("Export landscape\u2026"), "exportLandscapeAction", QKeySequence(),
        tr("Save the landscape plot as PNG, SVG or PDF"));
    exportLossAction_ = make(tr("Export loss plot\u2026"), "exportLossAction", QKeySequence(),
        tr("Save the loss plot as PNG, SVG or PDF"));
    exportPathAction_ = make(tr("Export path as CSV\u2026"), "exportPathAction", QKeySequence(Qt::CTRL | Qt::Key_E),
        tr("Save every recorded step (thinned evenly on very long runs) as CSV"));
    exportHistoryAction_ = make(tr("Export loss history as CSV\u2026"), "exportHistoryAction", QKeySequence(),
        tr("Save each epoch's training and validation loss as CSV"));
    exportAnimationAction_ = make(tr("Export animation\u2026"), "exportAnimationAction", QKeySequence(),
        tr("Save the run from step 0 to the timeline position as an animated GIF or numbered PNG frames, for slides"));
    quitAction_ = make(tr("Quit"), "quitAction", QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Close Downhill"));
    quitAction_->setMenuRole(QAction::QuitRole);

    gradientFieldAction_ = make(tr("Gradient field"), "gradientFieldAction", QKeySequence(Qt::Key_G),
        tr("Show small arrows of minus the gradient all over the landscape"));
    gradientFieldAction_->setCheckable(true);
    captionsAction_ = make(tr("Teaching captions"), "captionsAction", QKeySequence(Qt::Key_C),
        tr("Show the short explanations beside and on the plots"));
    captionsAction_->setCheckable(true);
    logLossAction_ = make(tr("Log loss scale"), "logLossAction", QKeySequence(Qt::Key_L),
        tr("Logarithmic loss axis in the loss plot"));
    logLossAction_->setCheckable(true);
    fitPathAction_ = make(tr("Fit to path"), "fitPathAction", QKeySequence(Qt::Key_F), tr("Zoom the landscape to the path so far"));
    fitMinimumAction_ = make(tr("Fit to minimum"), "fitMinimumAction", QKeySequence(Qt::Key_M),
        tr("Zoom the landscape around its lowest point"));
    resetViewAction_ = make(tr("Reset view"), "resetViewAction", QKeySequence(Qt::Key_0),
        tr("Show the start point and the minimum with a margin"));
    aboutAction_ = make(tr("About Downhill"), "aboutAction", QKeySequence(), tr("What Downhill is"));
    aboutAction_->setMenuRole(QAction::AboutRole);
    presentationAction_ = make(tr("Presentation mode"), "presentationAction", QKeySequence(Qt::Key_F5),
        tr("Larger text and thicker lines for a projector; press again for the normal sizes"));
    presentationAction_->setCheckable(true);
    shortcutsAction_ = make(tr("Keyboard shortcuts"), "shortcutsAction", QKeySequence(Qt::Key_F1), tr("List the keys"));
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(openSettingsAction_);
    file->addAction(saveSettingsAction_);
    QMenu* lessons = file->addMenu(tr("Lessons"));
    lessons->setObjectName(QStringLiteral("lessonsMenu"));
    const QDir lessonDir(QStringLiteral(":/lessons"));
    for (const QString& name : lessonDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = lessonDir.filePath(name);
        // Every bundled lesson parses (tests/ui/test_lessons.cpp); the title is read from the file.
        const auto lesson = loadSettingsFile(path, nullptr);
        if (!lesson || !lesson->lesson)
            continue;
        QAction* a = lessons->addAction(lesson->lesson->title);
        a->setData(path);
        a->setStatusTip(tr("Load the settings of this lesson and show what to watch for"));
        connect(a, &QAction::triggered, this, [this, path] { openLesson(path); });
    }
    file->addAction(openRunAction_);
    file->addAction(saveRunAction_);
    file->addSeparator();
    file->addAction(openDataFileAction_);
    file->addAction(openDataFolderAction_);
    file->addAction(builtInDataAction_);
    file->addSeparator();
    file->addAction(exportLandscapeAction_);
    file->addAction(exportLossAction_);
    file->addAction(exportPathAction_);
    file->addAction(exportHistoryAction_);
    file->addAction(exportAnimationAction_);
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu* run = menuBar()->addMenu(tr("&Training"));
    run->addAction(playAction_);
    run->addAction(stepAction_);
    run->addAction(epochAction_);
    run->addAction(backAction_);
    run->addAction(epochBackAction_);
    run->addAction(resetAction_);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(gradientFieldAction_);
    view->addAction(captionsAction_);
    view->addAction(logLossAction_);
    view->addAction(presentationAction_);
    view->addSeparator();
    view->addAction(fitPathAction_);
    view->addAction(fitMinimumAction_);
    view->addAction(resetViewAction_);
    view->addSeparator();
    for (QDockWidget* d : {stepCardDock_, gradientCheckDock_, datasetDock_, raceDock_})
        view->addAction(d->toggleViewAction());
    view->addAction(view3dAction_);

    QMenu* race = menuBar()->addMenu(tr("Ra&ce"));
    race->setObjectName(QStringLiteral("raceMenu"));
    race->addActions(race_->actions());
    race->addSeparator();
    race->addAction(raceDock_->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(shortcutsAction_);
    help->addAction(aboutAction_);

    auto* dataMenu = new QMenu(this);
    dataMenu->addAction(openDataFileAction_);
    dataMenu->addAction(openDataFolderAction_);
    panel_->setDataMenu(dataMenu);
}

void MainWindow::buildLayout()
{
    auto* transport = addToolBar(tr("Transport"));
    transport->setObjectName(QStringLiteral("transportBar"));
    transport->setMovable(false);
    transport->setFloatable(false);
    transport->setIconSize(QSize(28, 28));
    transport->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    transport->addAction(epochBackAction_);
    transport->addAction(backAction_);
    transport->addAction(playAction_);
    transport->addAction(stepAction_);
    transport->addAction(epochAction_);
    transport->addAction(resetAction_);
    const std::pair<QAction*, const char*> buttons[] = {
        {playAction_, "playButton"}, {stepAction_, "stepButton"}, {epochAction_, "epochButton"}, {resetAction_, "resetButton"},
        {backAction_, "backButton"}, {epochBackAction_, "epochBackButton"}};
    for (const auto& [action, name] : buttons) {
        auto* button = qobject_cast<QToolButton*>(transport->widgetForAction(action));
        button->setObjectName(QLatin1String(name));
        button->setFocusPolicy(Qt::NoFocus);   // Space and arrows belong to the shortcuts
    }
    // Going back is the rarer move: icons only, so the forward controls keep their words.
    for (QAction* back : {backAction_, epochBackAction_})
        qobject_cast<QToolButton*>(transport->widgetForAction(back))->setToolButtonStyle(Qt::ToolButtonIconOnly);
    QWidget* play = transport->widgetForAction(playAction_);
    play->setMinimumWidth(play->fontMetrics().horizontalAdvance(tr("Pause")) + 64);
    play->setStyleSheet(QStringLiteral("QToolButton { font-size: 13pt; font-weight: bold; padding: 3px 10px; }"));
    transport->addSeparator();
    speed_ = new SpeedControl(this);
    speed_->setMaximumWidth(360);
    transport->addWidget(speed_);

    panel_ = new ControlPanel(this);

    banner_ = new QLabel(this);
    banner_->setObjectName(QStringLiteral("divergenceBanner"));
    banner_->setToolTip(tr("The run stopped: a step produced a loss or parameters that are not finite numbers."));
    banner_->setWordWrap(true);
    banner_->setStyleSheet(QStringLiteral(
        "QLabel { background: #b3261e; color: white; font-weight: bold; padding: 6px 10px; border-radius: 4px; }"));
    banner_->hide();

    landscape_ = new LandscapePlot(this);
    landscape_->setObjectName(QStringLiteral("landscapePlot"));
    landscape_->setToolTip(tr("The loss over two parameters. Click or drag to choose the starting point; "
                              "scroll to zoom; drag with the right button to pan."));
    landscape_->setMinimumSize(360, 260);
    lossPlot_ = new LossPlot(this);
    lossPlot_->setObjectName(QStringLiteral("lossPlot"));
    lossPlot_->setToolTip(tr("Loss during training: every step's batch loss, each epoch's training and validation "
                             "loss, and the learning rate. Double-click to follow the data again."));
    lossPlot_->setMinimumHeight(120);
    batchStrip_ = new BatchStrip(this);
    batchStrip_->setObjectName(QStringLiteral("batchStrip"));
    batchStrip_->setToolTip(tr("The images of the current batch with their true count and the model's prediction "
                               "(with the parameters the step started from)."));

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->setSpacing(2);
    lowerLayout->addWidget(lossPlot_, 1);
    lowerLayout->addWidget(batchStrip_);

    plotSplitter_ = new QSplitter(Qt::Vertical, this);
    plotSplitter_->setObjectName(QStringLiteral("plotSplitter"));
    surfaceArea_ = new SurfaceArea(landscape_, this);
    plotSplitter_->addWidget(surfaceArea_);
    plotSplitter_->addWidget(lower);
    plotSplitter_->setStretchFactor(0, 3);
    plotSplitter_->setStretchFactor(1, 2);
    plotSplitter_->setChildrenCollapsible(false);
    plotSplitter_->setSizes({550, 450});   // the landscape is the picture; scaled to the height

    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(4);
    centreLayout->addWidget(banner_);
    centreLayout->addWidget(plotSplitter_, 1);
    timeline_ = new TimelineBar(this);
    timeline_->setObjectName(QStringLiteral("timeline"));
    centreLayout->addWidget(timeline_);

    readouts_ = new ReadoutPanel(this);
    auto* readoutBox = new QGroupBox(tr("Now"), this);
    readoutBox->setObjectName(QStringLiteral("readoutGroup"));
    readoutBox->setToolTip(tr("Every number of the last step."));
    auto* readoutLayout = new QVBoxLayout(readoutBox);
    readoutLayout->setContentsMargins(2, 4, 2, 2);
    readoutLayout->addWidget(readouts_);

    auto* captionGroup = new QGroupBox(tr("What you see"), this);
    captionGroup->setObjectName(QStringLiteral("captionGroup"));
    captionGroup->setToolTip(tr("A short explanation of the picture under the current settings (View \u2192 Teaching captions)."));
    caption_ = new QLabel(this);
    caption_->setObjectName(QStringLiteral("teachingCaption"));
    caption_->setWordWrap(true);
    caption_->setTextFormat(Qt::RichText);
    caption_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    caption_->setContentsMargins(4, 2, 4, 2);
    auto* captionScroll = new QScrollArea(this);
    captionScroll->setWidget(caption_);
    captionScroll->setWidgetResizable(true);
    captionScroll->setFrameShape(QFrame::NoFrame);
    captionScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* captionLayout = new QVBoxLayout(captionGroup);
    captionLayout->setContentsMargins(2, 4, 2, 2);
    captionLayout->addWidget(captionScroll);
    captionBox_ = captionGroup;

    auto* right = new QWidget(this);
    right->setObjectName(QStringLiteral("rightColumn"));
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(6);
    rightLayout->addWidget(readoutBox);
    rightLayout->addWidget(captionGroup, 1);
    rightLayout->addStretch(0);
    right->setMinimumWidth(230);

    mainSplitter_ = new QSplitter(Qt::Horizontal, this);
    mainSplitter_->setObjectName(QStringLiteral("mainSplitter"));
    mainSplitter_->addWidget(panel_);
    mainSplitter_->addWidget(centre);
    mainSplitter_->addWidget(right);
    mainSplitter_->setStretchFactor(0, 0);
    mainSplitter_->setStretchFactor(1, 1);
    mainSplitter_->setStretchFactor(2, 0);
    mainSplitter_->setChildrenCollapsible(false);
    mainSplitter_->setSizes({330, 700, 250});
    setCentralWidget(mainSplitter_);

    runLabel_ = new QLabel(this);
    runLabel_->setObjectName(QStringLiteral("runLabel"));
    runLabel_->setToolTip(tr("The objective and the update rule of the current run."));
    statusBar()->addPermanentWidget(runLabel_);
    buildDocks();
}

void MainWindow::buildDocks()
{
    auto dock = [this](QWidget* content, bool scroll, const QString& title, const char* name, const QString& tip) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(QLatin1String(name));
        if (scroll) {
            // Wider than a side column at 1280 x 720: scroll inside the dock rather than grow the window.
            auto* area = new QScrollArea(d);
            area->setWidget(content);
            area->setWidgetResizable(true);
            area->setFrameShape(QFrame::NoFrame);
            d->setWidget(area);
        } else {
            d->setWidget(content);
        }
        d->toggleViewAction()->setObjectName(QLatin1String(name) + QStringLiteral("Action"));
        d->toggleViewAction()->setStatusTip(tip);
        addDockWidget(Qt::RightDockWidgetArea, d);
        return d;
    };
    stepCard_ = new StepCard(this);
    gradientCheck_ = new GradientCheckView(this);
    gradientCheck_->setObjectName(QStringLiteral("gradientCheckView"));
    datasetPanel_ = new DatasetPanel(this);
    datasetPanel_->setObjectName(QStringLiteral("datasetPanel"));
    stepCardDock_ = dock(stepCard_, false, tr("Step card"), "stepCardDock",
        tr("Show the arithmetic of the last update with its real numbers"));
    gradientCheckDock_ = dock(gradientCheck_, true, tr("Gradient check"), "gradientCheckDock",
        tr("Show the analytic gradient beside the numeric one at the current point"));
    datasetDock_ = dock(datasetPanel_, true, tr("Data"), "datasetDock",
        tr("Show the images, the split, the model's curve over the data and the augmentations"));
    // All three start closed (View menu): at 1280 pixels a dock column would leave the
    // landscape, the heart of the window, a third of its width.
    stepCardDock_->hide();
    gradientCheckDock_->hide();
    datasetDock_->hide();
    race_ = new RaceMode(landscape_, lossPlot_, this);
    raceDock_ = dock(race_->panel(), true, tr("Race"), "raceDock",
        tr("Race several optimizers from the same start on this landscape"));
    raceDock_->hide();
    raceDock_->toggleViewAction()->setText(tr("Race panel"));
    // The preset from the Race menu shows the line-up it made.
    connect(race_->presetAction(), &QAction::triggered, this, [this] {
        if (!raceDock_->isVisible())
            raceDock_->toggleViewAction()->trigger();
    });
#ifdef DOWNHILL_HAVE_3D
    // It mirrors the landscape plots by itself (see LandscapeView3D): no hook in onFrame or
    // onLandscape, and nothing at all while the dock is closed.
    view3d_ = new LandscapeView3D(surfaceArea_, this);
    view3dDock_ = dock(view3d_, false, tr("3D view"), "view3dDock",
        tr("Show the landscape as a surface in 3D with the path on it (right drag rotates, the wheel zooms)"));
    view3dDock_->hide();
    view3dAction_ = view3dDock_->toggleViewAction();
#else
    view3dAction_ = new QAction(tr("3D view (unavailable: built without Qt Data Visualization)"), this);
    view3dAction_->setObjectName(QStringLiteral("view3dDockAction"));
    view3dAction_->setEnabled(false);
    view3dAction_->setStatusTip(tr("Install qt6-datavisualization-dev (./setup.sh does) and build again for the 3D view"));
#endif
    resizeDocks({stepCardDock_}, {340}, Qt::Horizontal);
    resizeDocks({raceDock_}, {290}, Qt::Horizontal);
    // Opened, a dock joins the step card as a tab: at 1280 x 720 there is no room for a second
    // column, nor height for a stack. Tabified only then: hidden tabs leave Qt's unused tab bar behind.
    std::vector<QDockWidget*> joining = {gradientCheckDock_, datasetDock_, raceDock_};
    if (view3dDock_)
        joining.push_back(view3dDock_);
    for (QDockWidget* d : joining) {
        connect(d->toggleViewAction(), &QAction::triggered, this, [this, d](bool on) {
            if (!on || d->isFloating() || dockWidgetArea(d) != dockWidgetArea(stepCardDock_) || !stepCardDock_->isVisible()
                || tabifiedDockWidgets(stepCardDock_).contains(d))
                return;
            tabifyDockWidget(stepCardDock_, d);
            d->raise();
        });
    }
    if (view3dDock_) {
        // A 3D box needs more width than the side column the other docks are sized for.
        connect(view3dAction_, &QAction::triggered, this, [this](bool on) {
            if (on && !view3dDock_->isFloating() && view3dDock_->width() < 440)
                resizeDocks({view3dDock_}, {440}, Qt::Horizontal);
        });
    }
}

void MainWindow::connectSignals()
{
    connect(controller_, &TrainingController::playingChanged, this, &MainWindow::onPlayingChanged);
    connect(controller_, &TrainingController::commandFailed, this, [this](const QString& message) {
        panel_->setProblem(message);
    });
    connect(landscapeWorker_, &LandscapeWorker::landscapeReady, this, &MainWindow::onLandscape);
    connect(landscapeWorker_, &LandscapeWorker::landscapeFailed, this, [this](quint64, const QString& message) {
        landscape_->setLandscapeStale(false);
        statusBar()->showMessage(tr("Landscape: %1").arg(message), 10000);
    });

    connect(playAction_, &QAction::triggered, this, [this] {
        if (runValid_)
            controller_->togglePlay();
    });
    connect(stepAction_, &QAction::triggered, this, [this] {
        if (runValid_)
            controller_->stepOnce();
    });
    connect(epochAction_, &QAction::triggered, this, [this] {
        if (runValid_)
            controller_->stepEpoch();
    });
    connect(openRunAction_, &QAction::triggered, this, &MainWindow::openRunDialog);
    connect(controller_, &TrainingController::timelineLoaded, this, [this](bool exact) {
        if (exact)
            statusBar()->showMessage(tr("The run was replayed exactly to where it was saved."), 8000);
        else
            QMessageBox::warning(this, tr("Open run"),
                tr("The replayed run does not end where the saved one did: the data, or this version of Downhill, "
                   "differ from when it was saved. What you see is the replay."));
    });
    connect(backAction_, &QAction::triggered, this, [this] {
        if (runValid_)
            controller_->stepBack();
    });
    connect(epochBackAction_, &QAction::triggered, this, [this] {
        if (runValid_)
            controller_->epochBack();
    });
    connect(timeline_, &TimelineBar::seekRequested, this, [this](std::int64_t step) {
        if (runValid_)
            controller_->seek(step);
    });
    connect(resetAction_, &QAction::triggered, this, [this] {
        if (runValid_)
            controller_->reset();
        else
            configureRun();
    });
    connect(speed_, &SpeedControl::speedEdited, this, [this](double v) {
        settings_.speed = v;
        controller_->setSpeed(v);
        race_->setSpeed(v);
    });

    connect(panel_, &ControlPanel::changed, this, [this](ControlPanel::Change change) { onPanelChanged(static_cast<int>(change)); });
    connect(panel_, &ControlPanel::builtInDataRequested, this, &MainWindow::useBuiltInData);
    connect(datasetPanel_, &DatasetPanel::augmentationChanged, this, &MainWindow::onDatasetAugmentation);

    connect(landscape_, &LandscapePlot::startPointRequested, this, &MainWindow::setStartPoint);
    connect(landscape_, &LandscapePlot::hoverInfo, this, [this](QPointF p, double loss) {
        if (std::isnan(p.x())) {
            statusBar()->clearMessage();
            return;
        }
        const auto names = problem_.parameterNames();
        statusBar()->showMessage(QStringLiteral("%1 = %2   %3 = %4   loss %5")
                .arg(qs(names[static_cast<std::size_t>(settings_.axis1)]))
                .arg(p.x(), 0, 'f', 4)
                .arg(qs(names[static_cast<std::size_t>(settings_.axis2)]))
                .arg(p.y(), 0, 'f', 4)
                .arg(ReadoutPanel::number(loss)));
    });
    connect(landscape_, &LandscapePlot::viewChanged, this, [this](double min1, double max1, double min2, double max2) {
        pendingView_ = std::array<double, 4>{min1, max1, min2, max2};
        viewDebounce_.start();
    });
    connect(&viewDebounce_, &QTimer::timeout, this, [this] {
        if (!pendingView_ || !problem_.valid())
            return;
        const auto view = *pendingView_;
        pendingView_.reset();
        if (settings_.range) {
            const auto& r = *settings_.range;
            const double tol = 1e-9 * std::max(r[1] - r[0], r[3] - r[2]);
            bool same = true;
            for (std::size_t i = 0; i < 4; ++i)
                same = same && std::abs(r[i] - view[i]) <= tol;
            if (same)
                return;
        }
        // A finer grid for the part now on screen.
        settings_.range = view;
        requestLandscape(false);
    });
    connect(lossPlot_, &LossPlot::hoverInfo, this, [this](double step, double loss) {
        if (std::isnan(step)) {
            statusBar()->clearMessage();
            return;
        }
        statusBar()->showMessage(tr("step %1   loss %2").arg(static_cast<qlonglong>(std::llround(step))).arg(ReadoutPanel::number(loss)));
    });

    connect(openSettingsAction_, &QAction::triggered, this, &MainWindow::openSettingsDialog);
    connect(openDataFileAction_, &QAction::triggered, this, [this] { openDataDialog(false); });
    connect(openDataFolderAction_, &QAction::triggered, this, [this] { openDataDialog(true); });
    connect(builtInDataAction_, &QAction::triggered, this, &MainWindow::useBuiltInData);
    connect(exportAnimationAction_, &QAction::triggered, this, &MainWindow::openAnimationDialog);
    connect(quitAction_, &QAction::triggered, this, &MainWindow::close);
    connect(gradientFieldAction_, &QAction::toggled, this, [this](bool on) {
        settings_.gradientField = on;
        landscape_->setGradientFieldVisible(on);
        landscape_->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(captionsAction_, &QAction::toggled, this, [this](bool on) {
        settings_.captions = on;
        landscape_->setCaptionsVisible(on);
        captionBox_->setVisible(on);
        landscape_->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(logLossAction_, &QAction::toggled, this, [this](bool on) {
        settings_.logLoss = on;
        lossPlot_->setLogScale(on);
        lossPlot_->replot(QCustomPlot::rpQueuedReplot);
    });
    auto requestVisible = [this] {
        // Zoomed by a command: compute the grid for what is now on screen.
        settings_.range = std::array<double, 4>{landscape_->xAxis->range().lower, landscape_->xAxis->range().upper,
            landscape_->yAxis->range().lower, landscape_->yAxis->range().upper};
        requestLandscape(false);
        landscape_->replot(QCustomPlot::rpQueuedReplot);
    };
    connect(fitPathAction_, &QAction::triggered, this, [this, requestVisible] {
        landscape_->fitToPath();
        requestVisible();
    });
    connect(fitMinimumAction_, &QAction::triggered, this, [this, requestVisible] {
        landscape_->fitToMinimum();
        requestVisible();
    });
    connect(resetViewAction_, &QAction::triggered, this, &MainWindow::resetView);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
    connect(shortcutsAction_, &QAction::triggered, this, &MainWindow::showShortcuts);
}

void MainWindow::connectExports()
{
    ExportActions::Sources sources;
    sources.landscape = landscape_;
    sources.lossPlot = lossPlot_;
    sources.pathLog = &presenter_->pathLog();
    sources.parameterNames = [this] { return problem_.parameterNames(); };
    sources.saveSettings = [this](const QString& path, QString* error) { return saveSettings(path, error); };
    sources.saveRun = [this](const QString& path, QString* error) { return saveRun(path, error); };
    auto* exports = new ExportActions(this, std::move(sources));
    connect(exportLandscapeAction_, &QAction::triggered, exports, &ExportActions::exportLandscape);
    connect(exportLossAction_, &QAction::triggered, exports, &ExportActions::exportLossPlot);
    connect(exportPathAction_, &QAction::triggered, exports, &ExportActions::exportPath);
    connect(exportHistoryAction_, &QAction::triggered, exports, &ExportActions::exportLossHistory);
    connect(saveSettingsAction_, &QAction::triggered, exports, &ExportActions::saveSettings);
    connect(saveRunAction_, &QAction::triggered, exports, &ExportActions::saveRun);
}

void MainWindow::restoreWindow()
{
    bool restored = false;
    if (options_.persist) {
        QSettings s;
        restored = restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
        restoreState(s.value(QStringLiteral("window/state")).toByteArray());
        mainSplitter_->restoreState(s.value(QStringLiteral("window/mainSplitter")).toByteArray());
        plotSplitter_->restoreState(s.value(QStringLiteral("window/plotSplitter")).toByteArray());
    }
    if (!restored) {
        QSize size(1280, 800);
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize());
        resize(size);
    }
}

void MainWindow::saveWindow() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/mainSplitter"), mainSplitter_->saveState());
    s.setValue(QStringLiteral("window/plotSplitter"), plotSplitter_->saveState());
    try {
        s.setValue(QStringLiteral("settings/last"), settingsToJson(currentSettings()));
    } catch (const core::InputError&) {
        // Settings that cannot be written are not worth remembering.
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    controller_->pause();
    if (options_.persist)
        saveWindow();
    QMainWindow::closeEvent(event);
}

// ---------------------------------------------------------------------------------------------
// Settings -> run

void MainWindow::applySettings(const AppSettings& settings)
{
    settings_ = settings;
    // The file's line-up goes to the Race panel, not started (an empty one ends a race); from
    // here on the panel holds it. The race restarts once more on the new problem below.
    race_->setLineup(settings_.raceLineup());
    settings_.race.clear();
    {
        const QSignalBlocker b1(gradientFieldAction_), b2(captionsAction_), b3(logLossAction_);
        gradientFieldAction_->setChecked(settings_.gradientField);
        captionsAction_->setChecked(settings_.captions);
        logLossAction_->setChecked(settings_.logLoss);
    }
    landscape_->setGradientFieldVisible(settings_.gradientField);
    landscape_->setCaptionsVisible(settings_.captions);
    captionBox_->setVisible(settings_.captions);
    lossPlot_->setLogScale(settings_.logLoss);
    speed_->setSpeed(settings_.speed);
    settings_.speed = speed_->speed();
    controller_->setSpeed(settings_.speed);
    race_->setSpeed(settings_.speed);
    rebuild(false);
}

void MainWindow::rebuild(bool resetRange)
{
    try {
        // Generating or loading a data set can take a noticeable moment (20,000 images: ~0.5 s).
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const auto restoreCursor = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
        problem_ = Problem::build(settings_, &problem_);
    } catch (const core::InputError& e) {
        // Keep the run that works; put the panel back to its settings and say why.
        const QString message = QString::fromStdString(e.what());
        statusBar()->showMessage(message, 15000);
        if (problem_.valid()) {
            settings_ = panelBaseline_;
            panel_->setSettings(settings_, panelContext());
        }
        panel_->setProblem(message);
        return;
    }
    if (resetRange)
        settings_.range.reset();
    normaliseSettings();
    panel_->setSettings(settings_, panelContext());
    panelBaseline_ = settings_;
    readouts_->setParameterNames(problem_.parameterNames());
    batchStrip_->setVisible(problem_.showsImages());
    showDataset();
    datasetPanel_->setAugmentation(settings_.train.augmentation);
    configureRun();
    requestLandscape(true);
    updateCaptions();
    updateTitle();
}

ControlPanel::Context MainWindow::panelContext() const
{
    ControlPanel::Context c;
    c.parameterNames = problem_.parameterNames();
    if (problem_.valid()) {
        const core::Vec init = problem_.objective()->defaultInit();
        c.defaults = fromVec(init);
    }
    c.trainSize = problem_.trainSize();
    c.usesData = problem_.usesData();
    c.hasImages = problem_.dataset() && problem_.dataset()->hasImages();
    c.hasValidation = problem_.data() && problem_.data()->val.size() > 0;
    c.dataSource = settings_.data.path.isEmpty() ? QString() : problem_.dataSource();
    if (const auto* d = problem_.dataObjective())
        c.formula = qs(d->model().formula());
    else if (const auto* a = problem_.analytic())
        c.formula = qs(a->formula());
    return c;
}

void MainWindow::normaliseSettings()
{
    const int n = problem_.parameterCount();
    auto& s = settings_;
    if (s.axis1 < 0 || s.axis1 >= n || s.axis2 < 0 || s.axis2 >= n || s.axis1 == s.axis2) {
        s.axis1 = 0;
        s.axis2 = 1;
    }
    if (static_cast<int>(s.start.size()) != n || !toVec(s.start).allFinite())
        s.start = fromVec(problem_.objective()->defaultInit());
    // The start point lies on the plotted plane: held values and start agree.
    if (static_cast<int>(s.held.size()) == n) {
        for (int k = 0; k < n; ++k)
            if (k != s.axis1 && k != s.axis2)
                s.start[static_cast<std::size_t>(k)] = s.held[static_cast<std::size_t>(k)];
    }
    s.held = s.start;
    if (!s.range)
        s.range = problem_.defaultRange(s.axis1, s.axis2, toVec(s.start));
}

void MainWindow::configureRun()
{
    try {
        controller_->configure(problem_.makeTrainer(settings_.trainSettings(), toVec(settings_.start)));
        runValid_ = true;
        panel_->setProblem({});
    } catch (const core::InputError& e) {
        runValid_ = false;
        controller_->pause();
        panel_->setProblem(QString::fromStdString(e.what()));
    }
    // The race starts over from the main run's start, on its landscape.
    race_->setBaseSettings(settings_.trainSettings());
    race_->setProblem(problem_, toVec(settings_.start), settings_.axis1, settings_.axis2);
    // Without a valid run there is nothing to play; Reset tries to build one again.
    for (QAction* a : {playAction_, stepAction_, epochAction_, backAction_, epochBackAction_})
        a->setEnabled(runValid_);
    timeline_->setEnabled(runValid_);
}

void MainWindow::applyTraining()
{
    const core::TrainSettings ts = settings_.trainSettings();
    try {
        ts.validate();
    } catch (const core::InputError& e) {
        panel_->setProblem(QString::fromStdString(e.what()));
        return;
    }
    panel_->setProblem({});
    panelBaseline_ = settings_;
    race_->setBaseSettings(ts);
    datasetPanel_->setAugmentation(settings_.train.augmentation);
    if (!runValid_)
        configureRun();
    else
        controller_->setSettings(ts);
    updateCaptions();
    updateTitle();
}

void MainWindow::onPanelChanged(int change)
{
    const AppSettings& edited = panel_->settings();
    switch (static_cast<ControlPanel::Change>(change)) {
    case ControlPanel::Change::Training:
        settings_.train = edited.train;
        settings_.fullBatch = edited.fullBatch;
        applyTraining();
        break;
    case ControlPanel::Change::Problem: {
        const bool newModel = edited.model != settings_.model;
        settings_.model = edited.model;
        settings_.loss = edited.loss;
        if (newModel) {
            settings_.axis1 = 0;
            settings_.axis2 = 1;
            settings_.held.clear();
            settings_.start.clear();
            settings_.range.reset();
        }
        rebuild(false);
        break;
    }
    case ControlPanel::Change::Data:
        settings_.data = edited.data;
        rebuild(true);
        break;
    case ControlPanel::Change::Surface:
        // Only the ground under the run changes: the run goes on.
        settings_.surface = edited.surface;
        requestLandscape(false);
        updateCaptions();
        break;
    case ControlPanel::Change::Plane: {
        const bool newAxes = edited.axis1 != settings_.axis1 || edited.axis2 != settings_.axis2;
        settings_.axis1 = edited.axis1;
        settings_.axis2 = edited.axis2;
        if (edited.held.size() == settings_.held.size())
            settings_.held = edited.held;
        if (newAxes)
            settings_.range.reset();
        normaliseSettings();
        panelBaseline_ = settings_;
        configureRun();
        requestLandscape(newAxes);
        updateCaptions();
        break;
    }
    }
}

void MainWindow::requestLandscape(bool resetView)
{
    if (!problem_.valid() || !settings_.range)
        return;
    LandscapeJob job;
    job.objective = problem_.objective();
    job.request.axis1 = settings_.axis1;
    job.request.axis2 = settings_.axis2;
    job.request.origin = toVec(settings_.held);
    const auto& r = *settings_.range;
    job.request.min1 = r[0];
    job.request.max1 = r[1];
    job.request.min2 = r[2];
    job.request.max2 = r[3];
    surfaceFeeder_->request(job, problem_, settings_.surface);
    landscape_->setLandscapeStale(true);
    landscape_->replot(QCustomPlot::rpQueuedReplot);
    resetViewOnGrid_ = resetViewOnGrid_ || resetView;
}

void MainWindow::setStartPoint(QPointF point)
{
    if (!problem_.valid() || !std::isfinite(point.x()) || !std::isfinite(point.y()))
        return;
    settings_.start[static_cast<std::size_t>(settings_.axis1)] = point.x();
    settings_.start[static_cast<std::size_t>(settings_.axis2)] = point.y();
    settings_.held = settings_.start;
    panelBaseline_ = settings_;
    panel_->setHeldValues(settings_.held);
    if (runValid_) {
        controller_->setStartPoint(toVec(settings_.start));
        race_->setProblem(problem_, toVec(settings_.start), settings_.axis1, settings_.axis2);
    } else {
        configureRun();
    }
}

void MainWindow::resetView()
{
    if (!problem_.valid())
        return;
    settings_.range = problem_.defaultRange(settings_.axis1, settings_.axis2, toVec(settings_.start));
    requestLandscape(true);
}

void MainWindow::updateCaptions()
{
    QString text = teachingText(settings_, problem_);
    // A lesson's paragraph is what the class should read first; the captions follow below it.
    if (settings_.lesson) {
        text = QStringLiteral("<p style=\"font-size: large;\"><b>%1</b></p><p>%2</p><hr/>")
                   .arg(settings_.lesson->title.toHtmlEscaped(), settings_.lesson->text.toHtmlEscaped())
            + text;
    }
    caption_->setText(text);
}

void MainWindow::updateTitle()
{
    QString what;
    if (const auto* d = problem_.dataObjective())
        what = QStringLiteral("%1 \u00b7 %2").arg(qs(std::string(d->model().name())), qs(std::string(core::lossName(d->loss().kind()))));
    else if (problem_.valid())
        what = qs(problem_.objective()->name());
    runLabel_->setText(QStringLiteral("%1 \u00b7 %2").arg(what, qs(settings_.train.optimizer.describe())));
}

// ---------------------------------------------------------------------------------------------
// Run -> screen

void MainWindow::followTimelineSettings(const core::TrainSettings& ts)
{
    // Back before a change of settings: the panel shows the settings of that moment, so that
    // what it says is what the next step will use.
    if (ts == settings_.trainSettings())
        return;
    const int batchSize = settings_.train.batchSize;
    settings_.fullBatch = ts.batchSize == std::numeric_limits<int>::max();
    settings_.train = ts;
    if (settings_.fullBatch)
        settings_.train.batchSize = batchSize;
    panel_->setSettings(settings_, panelContext());
    panelBaseline_ = settings_;
    datasetPanel_->setAugmentation(settings_.train.augmentation);
    updateCaptions();
    updateTitle();
    statusBar()->showMessage(tr("The settings are back to what they were at this step."), 6000);
}

void MainWindow::showDataset()
{
    // An analytic function keeps the data loaded for the way back, but has none to show.
    const auto shown = problem_.usesData() ? problem_.data() : nullptr;
    if (shown == shownData_)
        return;
    shownData_ = shown;
    if (shown && problem_.dataset())
        datasetPanel_->setDataset(*problem_.dataset(), problem_.split());
    else
        datasetPanel_->setDataset(core::Dataset(), core::Split());
}

void MainWindow::onDatasetAugmentation(const core::AugmentationSettings& augmentation)
{
    settings_.train.augmentation = augmentation;
    // setSettings is silent: the panel's check boxes follow without answering back.
    panel_->setSettings(settings_, panelContext());
    applyTraining();
}

void MainWindow::onLandscape(const LandscapeResult& result)
{
    const auto names = problem_.parameterNames();
    const int a1 = result.grid.request.axis1;
    const int a2 = result.grid.request.axis2;
    if (a1 >= static_cast<int>(names.size()) || a2 >= static_cast<int>(names.size()))
        return;
    landscape_->setLandscape(result.grid, result.contours, qs(names[static_cast<std::size_t>(a1)]),
        qs(names[static_cast<std::size_t>(a2)]));
    if (result.field)
        landscape_->setGradientField(*result.field);
    landscape_->setGradientFieldVisible(settings_.gradientField);
    landscape_->setLandscapeStale(false);
    if (resetViewOnGrid_) {
        landscape_->resetView();
        if (result.fine)
            resetViewOnGrid_ = false;
    }
    landscape_->replot(QCustomPlot::rpQueuedReplot);
    emit landscapeShown(result.fine);
}

void MainWindow::onPlayingChanged(bool playing)
{
    playAction_->setText(playing ? tr("Pause") : tr("Play"));
    playAction_->setIcon(QIcon(playing ? QStringLiteral(":/icons/pause.svg") : QStringLiteral(":/icons/play.svg")));
}

// ---------------------------------------------------------------------------------------------
// Files

bool MainWindow::loadSettings(const QString& path, QString* error)
{
    auto loaded = loadSettingsFile(path, error);
    if (!loaded)
        return false;
    try {
        Problem::build(*loaded, &problem_);
    } catch (const core::InputError& e) {
        if (error)
            *error = path + QStringLiteral(": ") + QString::fromStdString(e.what());
        return false;
    }
    applySettings(*loaded);
    return true;
}

bool MainWindow::saveSettings(const QString& path, QString* error) const
{
    return saveSettingsFile(path, currentSettings(), error);
}

AppSettings MainWindow::currentSettings() const
{
    AppSettings s = settings_;
    s.setRaceLineup(race_->lineup());
    return s;
}

const PathLog& MainWindow::pathLog() const
{
    return presenter_->pathLog();
}

bool MainWindow::openData(const QString& path, QString* error)
{
    AppSettings next = settings_;
    next.data.path = path;
    if (next.isAnalytic())
        next.model = "linear";   // data is for data models
    try {
        Problem::build(next, &problem_);
    } catch (const core::InputError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    const bool newModel = next.model != settings_.model;
    settings_ = next;
    if (newModel) {
        settings_.start.clear();
        settings_.held.clear();
        settings_.axis1 = 0;
        settings_.axis2 = 1;
    }
    rebuild(true);
    return true;
}

void MainWindow::openSettingsDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open settings"), QString(), tr("Downhill settings (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!loadSettings(path, &error))
        QMessageBox::warning(this, tr("Open settings"), error);
    else
        statusBar()->showMessage(tr("Loaded %1").arg(path), 5000);
}

void MainWindow::openLesson(const QString& path)
{
    QString error;
    if (!loadSettings(path, &error)) {
        QMessageBox::warning(this, tr("Lessons"), error);
        return;
    }
    if (settings_.lesson)
        statusBar()->showMessage(tr("Lesson: %1").arg(settings_.lesson->title), 5000);
}

bool MainWindow::saveRun(const QString& path, QString* error)
{
    const auto timeline = runValid_ ? controller_->saveTimeline() : std::nullopt;
    if (!timeline) {
        if (error)
            *error = tr("There is no run to save: the settings do not make a working run.");
        return false;
    }
    RunFile run;
    run.settings = settings_;
    run.timeline = *timeline;
    if (problem_.usesData())
        run.dataFingerprint = dataFingerprint(*problem_.data());
    return saveRunFile(path, run, error);
}

bool MainWindow::openRun(const QString& path, QString* error)
{
    auto run = loadRunFile(path, error);
    if (!run)
        return false;
    // Checked before anything changes: a bad file leaves the current run as it is.
    if (run->settings.start.size() != static_cast<std::size_t>(run->timeline.changes.front().state.params.size())) {
        if (error)
            *error = path + QStringLiteral(": ") + tr("settings.start has %1 values, the run's states %2")
                .arg(run->settings.start.size()).arg(run->timeline.changes.front().state.params.size());
        return false;
    }
    applySettings(run->settings);
    if (!runValid_) {
        if (error)
            *error = path + QStringLiteral(": ") + tr("its settings do not make a working run here");
        return false;
    }
    if (problem_.usesData() && !run->dataFingerprint.isEmpty() && run->dataFingerprint != dataFingerprint(*problem_.data()))
        statusBar()->showMessage(tr("The data differ from those the run was saved with: the replay will not be the same run."), 15000);
    const core::TrainState& start = run->timeline.changes.front().state;
    if (start.params.size() != problem_.parameterCount()) {
        if (error)
            *error = path + QStringLiteral(": ") + tr("the run has %1 parameters, the model %2").arg(start.params.size()).arg(problem_.parameterCount());
        return false;
    }
    controller_->loadTimeline(run->timeline.changes, run->timeline.head, run->timeline.headState, run->timeline.position);
    return true;
}

void MainWindow::openRunDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open run"), QString(), tr("Downhill runs (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openRun(path, &error))
        QMessageBox::warning(this, tr("Open run"), error);
}

void MainWindow::openDataDialog(bool folder)
{
    const QString path = folder
        ? QFileDialog::getExistingDirectory(this, tr("Open image folder (PNG images + labels.csv)"))
        : QFileDialog::getOpenFileName(this, tr("Open data"), QString(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openData(path, &error))
        QMessageBox::warning(this, tr("Open data"), error);
    else
        statusBar()->showMessage(tr("Training on %1").arg(path), 5000);
}

void MainWindow::useBuiltInData()
{
    if (settings_.data.path.isEmpty())
        return;
    settings_.data.path.clear();
    rebuild(true);
}

void MainWindow::openAnimationDialog()
{
    if (animation_.target.isEmpty())
        animation_.target = QDir::home().filePath(QStringLiteral("downhill-run.gif"));
    const QSize maps = mapsSize();
    const QSize withLoss(maps.width(), maps.height() + lossPlot_->height());
    AnimationDialog dialog(animation_, animationLastStep(), maps, withLoss, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    animation_ = dialog.settings();
    QString error;
    switch (exportAnimation(animation_, &error)) {
    case ExportResult::Written:
        statusBar()->showMessage(tr("Saved the animation to %1").arg(QDir::toNativeSeparators(animation_.target)), 8000);
        break;
    case ExportResult::Cancelled:
        statusBar()->showMessage(tr("Export cancelled; nothing was written."), 5000);
        break;
    case ExportResult::Failed:
        QMessageBox::warning(this, tr("Export animation"), error);
        break;
    }
}

QSize MainWindow::mapsSize() const
{
    // Side by side, the two maps as the window shows them, one beside the other.
    if (surfaceArea_->sideBySide())
        return QSize(landscape_->width() + surfaceArea_->sidePlot()->width(), landscape_->height());
    return landscape_->size();
}

std::int64_t MainWindow::animationLastStep() const
{
    // The run to the timeline position, and a race beside it to where the race stands.
    return std::max(presenter_->shownStep(), race_->lastStep());
}

ExportResult MainWindow::exportAnimation(const AnimationSettings& a, QString* error)
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return ExportResult::Failed;
    };
    const PathLog& pathLog = presenter_->pathLog();
    const std::int64_t shownStep = presenter_->shownStep();
    if (!runValid_ || pathLog.init().size() != problem_.parameterCount() || !landscape_->hasLandscape())
        return fail(tr("There is no run to animate yet: wait for the landscape, then try again."));
    if (a.target.trimmed().isEmpty())
        return fail(tr("Choose where to save the animation."));

    // A copy of the run to the timeline position, and of the race: training may go on while
    // the frames are drawn.
    const std::int64_t last = animationLastStep();
    AnimationRun run;
    run.init = pathLog.init();
    run.rows.assign(pathLog.rows().begin(), pathLog.endOf(shownStep));
    run.entrants = race_->animationEntrants();
    run.axis1 = settings_.axis1;
    run.axis2 = settings_.axis2;
    core::Vec gradient;
    presenter_->startLoss(run.init, gradient);
    run.startNegGradient = -presenter_->project(gradient);
    run.optimizer = settings_.train.optimizer;
    run.title = runLabel_->text();
    if (!presenter_->divergence().isEmpty() && shownStep == presenter_->seenHead())
        run.divergence = presenter_->divergence();
    std::vector<core::EpochRecord> epochs;
    for (const core::EpochRecord& e : pathLog.epochs())
        if (e.step <= shownStep)
            epochs.push_back(e);

    // The plot's current size is drawn as on screen; the fixed sizes from 1600 pixels wide up
    // at twice the scale, so that text keeps its size relative to the picture.
    QSize pixels = a.size;
    int scale = pixels.width() >= 1600 ? 2 : 1;
    if (pixels.isEmpty()) {
        const QSize maps = mapsSize();
        pixels = a.withLoss ? QSize(maps.width(), maps.height() + lossPlot_->height()) : maps;
        scale = 1;
        if (pixels.width() < 200 || pixels.height() < 200)   // a window never shown
            pixels = QSize(960, 600);
    }
    pixels = QSize(pixels.width() / scale * scale, pixels.height() / scale * scale);
    // Training | validation is exported as the window shows it: both maps, each with its line.
    const bool sideBySide = surfaceArea_->sideBySide();
    Figure figure(pixels, a.withLoss, run.title, scale, sideBySide ? Figure::Maps::SideBySide : Figure::Maps::One);
    figure.landscape().setGround(landscape_->ground());
    figure.landscape().setCaptionsVisible(landscape_->captionsVisible());
    if (LandscapePlot* side = figure.side()) {
        side->setGround(surfaceArea_->sidePlot()->ground());
        side->setOtherMinimum(surfaceArea_->sidePlot()->otherMinimum());
        figure.landscape().setOtherMinimum(landscape_->otherMinimum());
        const auto plain = [](const QString& html) { return QTextDocumentFragment::fromHtml(html).toPlainText(); };
        figure.setMapTitles(plain(surfaceArea_->mainTitle()), plain(surfaceArea_->sideTitle()));
    }
    if (LossPlot* loss = figure.loss()) {
        RunAnimation::plotLoss(*loss, run.rows, epochs);
        loss->setLogScale(lossPlot_->logScale());
    }
    RunAnimation animation(figure, std::move(run));

    AnimationOutput output;
    output.format = a.format;
    output.target = a.target.trimmed();
    output.steps = a.steps(last);
    output.fps = a.fps;
    const int total = static_cast<int>(output.steps.size());
    QProgressDialog progress(tr("Drawing the animation\u2026"), tr("Cancel"), 0, total, this);
    progress.setObjectName(QStringLiteral("animationProgress"));
    progress.setWindowTitle(tr("Export animation"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    const ExportResult result = downhill::ui::exportAnimation(animation, output,
        [&](int done, int frames) {
            progress.setLabelText(done < frames ? tr("Drawing frame %1 of %2\u2026").arg(done + 1).arg(frames)
                                                : tr("Writing %1\u2026").arg(QDir::toNativeSeparators(output.target)));
            progress.setValue(done);
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        },
        error);
    progress.reset();
    return result;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Downhill"),
        tr("<h3>Downhill %1</h3>"
           "<p>Gradient descent at work: a small model learns to count the people in tiny images, and "
           "Downhill draws its loss as a landscape over two parameters, with the point where training "
           "stands, the gradient, the step taken and the path so far.</p>"
           "<p>Update rules follow PyTorch's documented semantics.</p>"
           "<p>License: GPL-3.0-or-later. Plots by QCustomPlot (GPL-3.0); linear algebra by Eigen.</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::setPresentationMode(bool on)
{
    presentation_->setOn(on);
}

bool MainWindow::presentationMode() const
{
    return presentation_->isOn();
}

void MainWindow::showShortcuts()
{
    QString rows;
    const QAction* actions[] = {playAction_, stepAction_, epochAction_, backAction_, epochBackAction_, resetAction_,
        gradientFieldAction_, captionsAction_, logLossAction_, presentationAction_, fitPathAction_, fitMinimumAction_, resetViewAction_, openSettingsAction_, saveSettingsAction_,
        openDataFileAction_, exportPathAction_, quitAction_};
    for (const QAction* a : actions)
        rows += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                    .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(), a->statusTip().toHtmlEscaped());
    QMessageBox box(this);
    box.setWindowTitle(tr("Keyboard shortcuts"));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<table>%1</table><p>On the landscape: click or drag to set the start point, scroll to zoom, "
                   "drag with the right button to pan.</p>").arg(rows));
    box.exec();
}

}  // namespace downhill::ui
