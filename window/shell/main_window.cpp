// Builds the window (tool bar, side panel, plots, right column, docks, menus) and wires its
// features together, each of which is a class of its own: the settings -> run half is
// RunBuilder, the run -> screen half RunPresenter, the commands MainActions, the transport
// Transport, the file commands FileCommands, the exports ExportActions and AnimationExport, the
// views for a class ViewModes. Over the ~600-line guide: the layout of some twenty widgets in a
// splitter and eight docks (which tab with which, their widths at each window size), with
// their names and tooltips, is most of it, and is read best in one place; what each feature
// does lives in its own class.
#include "window/shell/main_window.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "window/shell/presentation_mode.h"
#include "window/run/batch_strip.h"
#include "window/settings/control_panel.h"
#include "window/data/dataset_panel.h"
#include "window/export/animation_export.h"
#include "window/export/export_actions.h"
#include "window/shell/file_commands.h"
#include "window/shell/user_guide_dialog.h"
#include "window/shell/view_modes.h"
#include "core/base/error.h"
#include "window/landscape/gradient_check_view.h"
#include "window/network/network_panel.h"
#include "plots/landscape_plot.h"
#ifdef DOWNHILL_HAVE_3D
#include "window/landscape/landscape_view_3d.h"
#endif
#include "session/run/landscape_worker.h"
#include "plots/loss_plot.h"
#include "window/race/race_mode.h"
#include "window/race/race_panel.h"
#include "window/run/readout_panel.h"
#include "window/run/run_builder.h"
#include "window/run/run_presenter.h"
#include "session/settings/lesson_library.h"
#include "session/settings/run_io.h"
#include "session/settings/settings_io.h"
#include "session/settings/settings_store.h"
#include "window/run/speed_control.h"
#include "window/run/step_card.h"
#include "window/run/surface_area.h"
#include "window/run/surface_feeder.h"
#include "window/run/timeline_bar.h"
#include "window/run/transport.h"
#include "session/run/training_controller.h"

// Resources of a static library must be initialised by name, outside any namespace.
static void initDownhillResources()
{
    Q_INIT_RESOURCE(downhill);
}

namespace downhill::ui {

namespace {

// The right column's width at 1280 x 800: with the control panel's, what leaves the landscape
// half the window.
constexpr int kRightColumnWidth = 270;

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

    store_ = new SettingsStore(this);
    controller_ = new TrainingController(this);
    landscapeWorker_ = new LandscapeWorker(this);

    actions_ = MainActions::create(this);
    buildLayout();
    viewModes_ = new ViewModes(this, {panel_, landscape_, [this] { builder_->requestVisible(); }});
    if (options_.persist) {
        const QString theme = QSettings().value(QStringLiteral("view/theme")).toString();
        if (!theme.isEmpty())
            viewModes_->setTheme(themeChoiceFromName(theme));
        connect(viewModes_, &ViewModes::themeChanged, this,
            [](ThemeChoice choice) { QSettings().setValue(QStringLiteral("view/theme"), themeChoiceName(choice)); });
    }
    buildMenus();
    presentation_ = new PresentationMode(this, actions_.presentation, view3d_);
    surfaceFeeder_ = new SurfaceFeeder(controller_, landscapeWorker_, surfaceArea_, this);
    builder_ = new RunBuilder(store_, controller_, race_, surfaceFeeder_,
        {panel_, readouts_, batchStrip_, datasetPanel_, landscape_, caption_, runLabel_, timeline_, statusBar(),
            {actions_.play, actions_.step, actions_.epoch, actions_.back, actions_.epochBack}},
        this);
    presenter_ = new RunPresenter(controller_, builder_->problem(), builder_->projection(), store_->value(),
        {landscape_, lossPlot_, batchStrip_, readouts_, timeline_, stepCard_, gradientCheck_, datasetPanel_, banner_,
            networkPanel_},
        this);
    builder_->setPathSource([this] { return presenter_->pathPoints(); });
    connect(builder_, &RunBuilder::projectionChanged, presenter_, &RunPresenter::reproject);
    connect(presenter_, &RunPresenter::frameShown, viewModes_, &ViewModes::followPoint);
    connect(presenter_, &RunPresenter::frameShown, this, &MainWindow::frameShown);
    files_ = new FileCommands({this, store_, builder_, controller_, race_, statusBar(),
                                  [this](const AppSettings& settings) { applySettings(settings); }},
        this);
    transport_ = new Transport({&actions_, controller_, builder_, race_, timeline_, speed_, store_,
                                   findChild<QToolButton*>(QStringLiteral("playButton")), statusBar()}, this);
    connect(presenter_, &RunPresenter::diverged, transport_, &Transport::showPlaying);
    connect(presenter_, &RunPresenter::timelineSettings, builder_, &RunBuilder::followTimelineSettings);
    connect(builder_, &RunBuilder::landscapeShown, this, &MainWindow::landscapeShown);
    animationExport_ = new AnimationExport(
        {this, store_, builder_, presenter_, race_, landscape_, surfaceArea_, lossPlot_, runLabel_, statusBar()}, this);
    connectSignals();
    connectExports();

    QStringList problems;
    const AppSettings start = files_->startingSettings(options_.persist, options_.settingsFile, options_.dataPath, &problems);
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

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(actions_.openSettings);
    file->addAction(actions_.saveSettings);
    QMenu* lessons = file->addMenu(tr("Lessons"));
    lessons->setObjectName(QStringLiteral("lessonsMenu"));
    // The installed lessons, the source tree's or the built-in copy (LessonLibrary says which).
    for (const LessonLibrary::Entry& entry : LessonLibrary::list()) {
        const QString path = entry.path;
        // Every bundled lesson parses (tests/window/test_lessons.cpp); the title is read from the
        // file. One on disk that does not parse is left out of the menu.
        const auto lesson = loadSettingsFile(path, nullptr);
        if (!lesson || !lesson->lesson)
            continue;
        const QString title = lesson->lesson->shown().title;
        const QString number = entry.number();
        QAction* a = lessons->addAction(number.isEmpty() ? title
            : tr("%1  %2", "Lessons menu: the lesson's number (from its file name), then its title").arg(number, title));
        a->setData(path);
        a->setStatusTip(tr("Load the settings of this lesson and show what to watch for"));
        connect(a, &QAction::triggered, this, [this, path] { openLesson(path); });
    }
    file->addAction(actions_.openRun);
    file->addAction(actions_.saveRun);
    file->addSeparator();
    file->addAction(actions_.openDataFile);
    file->addAction(actions_.openDataFolder);
    file->addAction(actions_.builtInData);
    file->addSeparator();
    file->addAction(actions_.exportLandscape);
    file->addAction(actions_.exportLoss);
    file->addAction(actions_.exportPath);
    file->addAction(actions_.exportHistory);
    file->addAction(actions_.exportAnimation);
    file->addSeparator();
    file->addAction(actions_.quit);

    QMenu* run = menuBar()->addMenu(tr("&Training"));
    run->addAction(actions_.play);
    run->addAction(actions_.step);
    run->addAction(actions_.epoch);
    run->addAction(actions_.back);
    run->addAction(actions_.epochBack);
    run->addAction(actions_.reset);
    run->addAction(actions_.undoReset);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(actions_.gradientField);
    view->addAction(actions_.captions);
    view->addAction(actions_.logLoss);
    view->addAction(actions_.presentation);
    view->addAction(viewModes_->plotOnlyAction());
    view->addAction(viewModes_->fullScreenAction());
    view->addAction(viewModes_->controlPanelAction());
    QMenu* theme = view->addMenu(tr("Theme"));
    theme->setObjectName(QStringLiteral("themeMenu"));
    theme->addActions(viewModes_->themeActions());
    view->addSeparator();
    view->addAction(actions_.fitPath);
    view->addAction(actions_.fitMinimum);
    view->addAction(actions_.resetView);
    view->addAction(viewModes_->followAction());
    view->addSeparator();
    for (QDockWidget* d : {nowDock_, lossDock_, stepCardDock_, networkDock_, gradientCheckDock_, datasetDock_, raceDock_})
        view->addAction(d->toggleViewAction());
    view->addAction(view3dAction_);

    QMenu* race = menuBar()->addMenu(tr("Ra&ce"));
    race->setObjectName(QStringLiteral("raceMenu"));
    race->addActions(race_->actions());
    race->addSeparator();
    race->addAction(raceDock_->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(actions_.userGuide);
    help->addAction(actions_.shortcuts);
    help->addAction(actions_.about);

    auto* dataMenu = new QMenu(this);
    dataMenu->addAction(actions_.openDataFile);
    dataMenu->addAction(actions_.openDataFolder);
    panel_->setDataMenu(dataMenu);
}

void MainWindow::buildLayout()
{
    auto* transport = addToolBar(tr("Transport"));
    transport->setObjectName(QStringLiteral("transportBar"));
    transport->setMovable(false);
    transport->setFloatable(false);
    transport->setIconSize(QSize(22, 22));
    transport->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    transport->addAction(actions_.epochBack);
    transport->addAction(actions_.back);
    transport->addAction(actions_.play);
    transport->addAction(actions_.step);
    transport->addAction(actions_.epoch);
    transport->addAction(actions_.reset);
    const std::pair<QAction*, const char*> buttons[] = {
        {actions_.play, "playButton"}, {actions_.step, "stepButton"}, {actions_.epoch, "epochButton"}, {actions_.reset, "resetButton"},
        {actions_.back, "backButton"}, {actions_.epochBack, "epochBackButton"}};
    for (const auto& [action, name] : buttons) {
        auto* button = qobject_cast<QToolButton*>(transport->widgetForAction(action));
        button->setObjectName(QLatin1String(name));
        button->setFocusPolicy(Qt::NoFocus);   // Space and arrows belong to the shortcuts
    }
    // Going back is the rarer move: icons only, so the forward controls keep their words.
    for (QAction* back : {actions_.back, actions_.epochBack})
        qobject_cast<QToolButton*>(transport->widgetForAction(back))->setToolButtonStyle(Qt::ToolButtonIconOnly);
    QWidget* play = transport->widgetForAction(actions_.play);
    play->setMinimumWidth(play->fontMetrics().horizontalAdvance(tr("Pause")) + 64);
    play->setStyleSheet(QStringLiteral("QToolButton { font-size: 12pt; font-weight: bold; padding: 2px 10px; }"));
    transport->addSeparator();
    speed_ = new SpeedControl(this);
    speed_->setMaximumWidth(360);
    transport->addWidget(speed_);
    // The timeline rides on the transport bar, beside the controls that move along it: a row of
    // its own would take its height from the landscape.
    transport->addSeparator();
    timeline_ = new TimelineBar(this);
    timeline_->setObjectName(QStringLiteral("timeline"));
    timeline_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    timeline_->setMinimumWidth(160);
    transport->addWidget(timeline_);

    panel_ = new ControlPanel(store_, this);

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
    landscape_->setBannerShown(false);   // banner_ above says it, once
    lossPlot_ = new LossPlot(this);
    lossPlot_->setObjectName(QStringLiteral("lossPlot"));
    lossPlot_->setToolTip(tr("Loss during training: every step's batch loss (grey), each epoch's training (blue) and "
                             "validation (orange) loss, and the learning rate (green, dashed). Double-click to follow the "
                             "data again."));
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
    lowerPlots_ = lower;

    // The centre is the landscape alone (with the divergence banner over it when a run
    // diverges): at 1280 x 800 it is half the window. The loss plot and the batch strip are the
    // Loss dock, the readouts and the caption the Now dock, on the right (buildDocks).
    surfaceArea_ = new SurfaceArea(landscape_, this);
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(4);
    centreLayout->addWidget(banner_);
    centreLayout->addWidget(surfaceArea_, 1);

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
    right->setMinimumWidth(220);
    rightColumn_ = right;

    mainSplitter_ = new QSplitter(Qt::Horizontal, this);
    mainSplitter_->setObjectName(QStringLiteral("mainSplitter"));
    mainSplitter_->addWidget(panel_);
    mainSplitter_->addWidget(centre);
    mainSplitter_->setStretchFactor(0, 0);
    mainSplitter_->setStretchFactor(1, 1);
    mainSplitter_->setChildrenCollapsible(false);
    mainSplitter_->setSizes({panel_->sizeHint().width(), 1000});
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
        d->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
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
    // The two that are open from the start: every number of the step over the loss plot, one
    // column beside the landscape. Every other dock opens as a tab beside Now, so that the
    // column never grows a second one.
    nowDock_ = dock(rightColumn_, true, tr("Now"), "nowDock", tr("Show every number of the last step and what the picture means"));
    lossDock_ = dock(lowerPlots_, false, tr("Loss"), "lossDock",
        tr("Show the loss during training and the images of the current batch"));
    splitDockWidget(nowDock_, lossDock_, Qt::Vertical);
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
    networkPanel_ = new NetworkPanel(this);
    networkDock_ = dock(networkPanel_, false, tr("Network"), "networkDock",
        tr("Show a network's layers: each first-layer unit's weights as an image, live, and each layer's gradient norm"));
    networkDock_->toggleViewAction()->setShortcut(QKeySequence(Qt::Key_N));
    // These four start closed (View menu); opened, each is a tab beside Now.
    stepCardDock_->hide();
    gradientCheckDock_->hide();
    datasetDock_->hide();
    networkDock_->hide();
    race_ = new RaceMode(store_, landscape_, lossPlot_, this);
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
    resizeDocks({nowDock_}, {kRightColumnWidth}, Qt::Horizontal);
    resizeDocks({nowDock_, lossDock_}, {420, 300}, Qt::Vertical);
    // Opened, a dock joins Now as a tab (or, with Now closed, the Loss dock): at 1280 x 800 there
    // is no room for a second column beside the landscape, nor height for a stack. Tabified only
    // then: hidden tabs leave Qt's unused tab bar behind.
    std::vector<QDockWidget*> joining = {stepCardDock_, networkDock_, gradientCheckDock_, datasetDock_, raceDock_};
    if (view3dDock_)
        joining.push_back(view3dDock_);
    for (QDockWidget* d : joining) {
        connect(d->toggleViewAction(), &QAction::triggered, this, [this, d](bool on) {
            if (!on || d->isFloating())
                return;
            for (QDockWidget* host : {nowDock_, lossDock_}) {
                if (!host->isVisible() || host->isFloating() || dockWidgetArea(host) != dockWidgetArea(d))
                    continue;
                if (!tabifiedDockWidgets(host).contains(d))
                    tabifyDockWidget(host, d);
                d->raise();
                return;
            }
        });
    }
    // The 3D view takes the column's width as it is (its graph fits any): widening the column
    // for it took the landscape's room.
}

void MainWindow::connectSignals()
{
    connect(controller_, &TrainingController::commandFailed, this, [this](const QString& message) {
        panel_->setProblem(message);
    });
    connect(landscapeWorker_, &LandscapeWorker::landscapeReady, builder_, &RunBuilder::showLandscape);
    connect(landscapeWorker_, &LandscapeWorker::landscapeFailed, this, [this](quint64, const QString& message) {
        landscape_->setLandscapeStale(false);
        statusBar()->showMessage(tr("Landscape: %1").arg(message), 10000);
    });

    connect(actions_.openRun, &QAction::triggered, files_, &FileCommands::openRunDialog);

    connect(panel_, &ControlPanel::builtInDataRequested, files_, &FileCommands::useBuiltInData);
    connect(panel_, &ControlPanel::recentreRequested, this, &MainWindow::recentrePlane);
    connect(datasetPanel_, &DatasetPanel::augmentationChanged, this, [this](const core::AugmentationSettings& augmentation) {
        store_->edit(SettingsStore::Change::Training, [&](AppSettings& s) { s.train.augmentation = augmentation; });
        panel_->refresh();   // its check boxes follow, silently
    });

    connect(landscape_, &LandscapePlot::startPointRequested, builder_, &RunBuilder::setStartPoint);
    connect(landscape_, &LandscapePlot::hoverInfo, this, [this](QPointF p, double loss) {
        if (std::isnan(p.x())) {
            statusBar()->clearMessage();
            return;
        }
        const auto names = problem().parameterNames();
        statusBar()->showMessage(tr("%1 = %2   %3 = %4   loss %5")
                .arg(qs(names[static_cast<std::size_t>(settings().axis1)]))
                .arg(p.x(), 0, 'f', 4)
                .arg(qs(names[static_cast<std::size_t>(settings().axis2)]))
                .arg(p.y(), 0, 'f', 4)
                .arg(ReadoutPanel::number(loss)));
    });
    connect(landscape_, &LandscapePlot::viewChanged, builder_, &RunBuilder::viewChanged);
    connect(lossPlot_, &LossPlot::hoverInfo, this, [this](double step, double loss) {
        if (std::isnan(step)) {
            statusBar()->clearMessage();
            return;
        }
        statusBar()->showMessage(tr("step %1   loss %2").arg(static_cast<qlonglong>(std::llround(step))).arg(ReadoutPanel::number(loss)));
    });

    connect(actions_.openSettings, &QAction::triggered, files_, &FileCommands::openSettingsDialog);
    connect(actions_.openDataFile, &QAction::triggered, files_, [this] { files_->openDataDialog(false); });
    connect(actions_.openDataFolder, &QAction::triggered, files_, [this] { files_->openDataDialog(true); });
    connect(actions_.builtInData, &QAction::triggered, files_, &FileCommands::useBuiltInData);
    connect(actions_.exportAnimation, &QAction::triggered, animationExport_, &AnimationExport::openDialog);
    connect(actions_.quit, &QAction::triggered, this, &MainWindow::close);
    connect(actions_.gradientField, &QAction::toggled, this, [this](bool on) {
        store_->update([on](AppSettings& s) { s.gradientField = on; });
        landscape_->setGradientFieldVisible(on);
        landscape_->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(actions_.captions, &QAction::toggled, this, [this](bool on) {
        store_->update([on](AppSettings& s) { s.captions = on; });
        landscape_->setCaptionsVisible(on);
        captionBox_->setVisible(on);
        landscape_->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(actions_.logLoss, &QAction::toggled, this, [this](bool on) {
        store_->update([on](AppSettings& s) { s.logLoss = on; });
        lossPlot_->setLogScale(on);
        lossPlot_->replot(QCustomPlot::rpQueuedReplot);
    });
    // Zoomed by a command: a grid for what is now on screen.
    connect(actions_.fitPath, &QAction::triggered, this, [this] {
        landscape_->fitToPath();
        builder_->requestVisible();
    });
    connect(actions_.fitMinimum, &QAction::triggered, this, [this] {
        landscape_->fitToMinimum();
        builder_->requestVisible();
    });
    connect(actions_.resetView, &QAction::triggered, builder_, &RunBuilder::resetView);
    connect(actions_.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(actions_.shortcuts, &QAction::triggered, this, [this] { MainActions::showShortcuts(this); });
    connect(actions_.userGuide, &QAction::triggered, this, &MainWindow::showUserGuide);
}

void MainWindow::connectExports()
{
    ExportActions::Sources sources;
    sources.landscape = landscape_;
    sources.lossPlot = lossPlot_;
    sources.pathLog = &presenter_->pathLog();
    sources.parameterNames = [this] { return problem().parameterNames(); };
    sources.saveSettings = [this](const QString& path, QString* error) { return saveSettings(path, error); };
    sources.saveRun = [this](const QString& path, QString* error) { return saveRun(path, error); };
    auto* exports = new ExportActions(this, std::move(sources));
    connect(actions_.exportLandscape, &QAction::triggered, exports, &ExportActions::exportLandscape);
    connect(actions_.exportLoss, &QAction::triggered, exports, &ExportActions::exportLossPlot);
    connect(actions_.exportPath, &QAction::triggered, exports, &ExportActions::exportPath);
    connect(actions_.exportHistory, &QAction::triggered, exports, &ExportActions::exportLossHistory);
    connect(actions_.saveSettings, &QAction::triggered, exports, &ExportActions::saveSettings);
    connect(actions_.saveRun, &QAction::triggered, exports, &ExportActions::saveRun);
}

void MainWindow::restoreWindow()
{
    bool restored = false;
    if (options_.persist) {
        QSettings s;
        restored = restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
        restoredLayout_ = restoreState(s.value(QStringLiteral("window/state")).toByteArray());
        mainSplitter_->restoreState(s.value(QStringLiteral("window/mainSplitter")).toByteArray());
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
    try {
        s.setValue(QStringLiteral("settings/last"), settingsToJson(currentSettings()));
    } catch (const core::InputError&) {
        // Settings that cannot be written are not worth remembering.
    }
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    // Once, at the size the window first shows at (a restored layout keeps its own): the right
    // column as wide as the window allows it, from 270 px at 1280 to 400 at 1920.
    if (columnSized_ || restoredLayout_)
        return;
    columnSized_ = true;
    const int column = std::clamp(width() * 21 / 100, kRightColumnWidth, 480);
    resizeDocks({nowDock_}, {column}, Qt::Horizontal);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    controller_->pause();
    if (options_.persist)
        saveWindow();
    QMainWindow::closeEvent(event);
}

// ---------------------------------------------------------------------------------------------
// Settings

void MainWindow::applySettings(const AppSettings& settings)
{
    store_->replace(settings);
    // The file's line-up goes to the Race panel, not started (an empty one ends a race); from
    // here on the panel holds it. The race restarts once more on the new problem below.
    race_->setLineup(settings.raceLineup());
    store_->update([](AppSettings& s) { s.race.clear(); });
    {
        const QSignalBlocker b1(actions_.gradientField), b2(actions_.captions), b3(actions_.logLoss);
        actions_.gradientField->setChecked(settings.gradientField);
        actions_.captions->setChecked(settings.captions);
        actions_.logLoss->setChecked(settings.logLoss);
    }
    landscape_->setGradientFieldVisible(settings.gradientField);
    landscape_->setCaptionsVisible(settings.captions);
    captionBox_->setVisible(settings.captions);
    lossPlot_->setLogScale(settings.logLoss);
    transport_->applySpeed();
    builder_->rebuild(false);
}

const AppSettings& MainWindow::settings() const
{
    return store_->value();
}

const Problem& MainWindow::problem() const
{
    return builder_->problem();
}

// ---------------------------------------------------------------------------------------------
// Files: FileCommands

bool MainWindow::loadSettings(const QString& path, QString* error)
{
    return files_->loadSettings(path, error);
}

bool MainWindow::saveSettings(const QString& path, QString* error) const
{
    return files_->saveSettings(path, error);
}

AppSettings MainWindow::currentSettings() const
{
    return files_->currentSettings();
}

bool MainWindow::openData(const QString& path, QString* error)
{
    return files_->openData(path, error);
}

void MainWindow::openLesson(const QString& path)
{
    files_->openLesson(path);
}

bool MainWindow::saveRun(const QString& path, QString* error)
{
    return files_->saveRun(path, error);
}

bool MainWindow::openRun(const QString& path, QString* error)
{
    return files_->openRun(path, error);
}

const PathLog& MainWindow::pathLog() const
{
    return presenter_->pathLog();
}

const core::Projection& MainWindow::projection() const
{
    return builder_->projection();
}

void MainWindow::recentrePlane()
{
    builder_->recentrePlane(presenter_->currentPoint());
}

void MainWindow::showUserGuide()
{
    // One guide window, kept: reopening it finds the page where the reader left it.
    if (!userGuide_)
        userGuide_ = new UserGuideDialog(this);
    userGuide_->show();
    userGuide_->raise();
    userGuide_->activateWindow();
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

ExportResult MainWindow::exportAnimation(const AnimationSettings& animation, QString* error)
{
    return animationExport_->exportAnimation(animation, error);
}

std::int64_t MainWindow::animationLastStep() const
{
    return animationExport_->lastStep();
}

QSize MainWindow::mapsSize() const
{
    return animationExport_->mapsSize();
}

void MainWindow::setPresentationMode(bool on)
{
    presentation_->setOn(on);
}

bool MainWindow::presentationMode() const
{
    return presentation_->isOn();
}

}  // namespace downhill::ui
