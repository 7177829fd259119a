#include "window/landscape/landscape_view_3d.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <QComboBox>
#include <QCustom3DItem>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QLinearGradient>
#include <QLogValue3DAxisFormatter>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QSurface3DSeries>
#include <QVBoxLayout>
#include <QValue3DAxis>
#include <QValue3DAxisFormatter>
#include <Q3DCamera>
#include <Q3DScene>
#include <Q3DSurface>
#include <Q3DTheme>

#include "core/base/even_spread.h"
#include "plots/landscape_plot.h"
#include "plots/palette.h"
#include "window/run/surface_area.h"

// The sphere mesh is in the library's resources; a view made without a MainWindow (the tests)
// initialises them itself. Outside any namespace, as Q_INIT_RESOURCE requires.
static void initViewResources()
{
    Q_INIT_RESOURCE(downhill);
}

namespace downhill::ui {

namespace {

constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();
constexpr float kDotRadius = 0.018f;       // scene units: the graph's box is about 2 wide
constexpr float kCurrentRadius = 0.045f;
// Labels are textures scaled with the scene: a large font keeps them sharp.
constexpr double kLabelPoints = 48.0;

// Qt Data Visualization draws every label (tick labels, axis titles, the click read-out)
// 0.05 + points / 500 scene units tall (its Drawer::drawLabel), not in proportion to the point
// size: these points make labels `scale` times as tall as kLabelPoints does.
double labelPointSize(double scale)
{
    return kLabelPoints * scale + 25.0 * (scale - 1.0);
}

QVector3D ballScaling(float radius)
{
    return QVector3D(radius, radius, radius);
}

bool samePoint(QPointF a, QPointF b)
{
    auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    return same(a.x(), b.x()) && same(a.y(), b.y());
}

QLinearGradient heightGradient()
{
    // The same viridis stops as the 2D map; a range gradient runs from the bottom of the
    // height axis (0) to its top (1), on the log scale when the axis is logarithmic.
    QLinearGradient gradient(0, 0, 1, 100);
    const auto stops = palette::lossGradient().colorStops();
    for (auto it = stops.constBegin(); it != stops.constEnd(); ++it)
        gradient.setColorAt(it.key(), it.value());
    return gradient;
}

// A surface graph that times its own drawing (an update request is one frame: data upload,
// render, swap), so the view can draw less often where drawing is slow.
class TimedSurface : public Q3DSurface {
public:
    double lastRenderMs = 0;

protected:
    bool event(QEvent* event) override
    {
        if (event->type() != QEvent::UpdateRequest)
            return Q3DSurface::event(event);
        QElapsedTimer clock;
        clock.start();
        const bool handled = Q3DSurface::event(event);
        lastRenderMs = static_cast<double>(clock.nsecsElapsed()) * 1e-6;
        return handled;
    }
};

}  // namespace

LandscapeView3D::LandscapeView3D(SurfaceArea* area, QWidget* parent)
    : QWidget(parent), area_(area), source_(area->mainPlot()), series_(new QSurface3DSeries(this)),
      theme_(new Q3DTheme(Q3DTheme::ThemeQt, this)), current_(kNaNf, kNaNf, kNaNf),
      currentSource_(std::nan(""), std::nan(""))
{
    initViewResources();
    setObjectName(QStringLiteral("landscapeView3D"));
    series_->setObjectName(QStringLiteral("landscapeSurfaceSeries"));
    series_->setDrawMode(QSurface3DSeries::DrawSurface);
    series_->setFlatShadingEnabled(false);

    // The theme is made here rather than taken from the graph, so that its fonts are set (and
    // can be read) before, or without, an OpenGL context.
    theme_->setObjectName(QStringLiteral("view3dTheme"));
    theme_->setBackgroundEnabled(true);
    theme_->setLabelBorderEnabled(false);
    theme_->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
    theme_->setBaseGradients({heightGradient()});
    theme_->setSingleHighlightColor(palette::accent());
    // The default light leaves a white glare along the valley floors, just where the path runs,
    // and it reads as part of the path: a softer light with more ambient keeps the viridis colours.
    theme_->setLightStrength(3.0f);
    theme_->setAmbientLightStrength(0.7f);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    // What is drawn: the surface (the main plot's title, or side by side a choice of the two
    // plots) and the height. The height axis has no title in the graph: at the left of the box,
    // a narrow dock cut it off.
    auto* headerBox = new QWidget(this);
    auto* header = new QVBoxLayout(headerBox);
    header->setContentsMargins(6, 3, 6, 0);
    header->setSpacing(1);
    titleRow_ = new QHBoxLayout;
    title_ = new QLabel(headerBox);
    title_->setObjectName(QStringLiteral("view3dSurfaceTitle"));
    title_->setTextFormat(Qt::RichText);
    title_->setWordWrap(true);
    choice_ = new QComboBox(headerBox);
    choice_->setObjectName(QStringLiteral("view3dSurfaceChoice"));
    choice_->addItem(tr("Training set"));
    choice_->addItem(tr("Validation set"));
    choice_->setToolTip(tr("The 2D plots show training and validation side by side; the 3D view draws one of them."));
    choice_->hide();
    titleRow_->addWidget(title_, 1);
    titleRow_->addWidget(choice_);
    titleRow_->addStretch(0);
    header->addLayout(titleRow_);
    heightNote_ = new QLabel(headerBox);
    heightNote_->setObjectName(QStringLiteral("view3dHeightNote"));
    header->addWidget(heightNote_);
    restyle();
    layout->addWidget(headerBox);
    connect(choice_, &QComboBox::currentIndexChanged, this, [this] {
        if (isVisible())
            sync();
    });

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("view3dMessage"));
    message_->setWordWrap(true);
    message_->setAlignment(Qt::AlignCenter);
    message_->setMargin(12);
    layout->addWidget(message_, 1);
    message_->setText(tr("The 3D view appears when it is first shown."));
    applyPresentationScale();
    setMinimumSize(240, 240);
    setToolTip(tr("The landscape in 3D: drag with the right button to rotate, scroll to zoom, click to read a point."));
    timer_.setInterval(1000 / kUpdatesPerSecond);
    connect(&timer_, &QTimer::timeout, this, &LandscapeView3D::sync);
}

LandscapeView3D::~LandscapeView3D()
{
    // The graph (and with it its custom items and, once added, the series) goes first, while
    // everything it refers to still exists.
    delete container_;
}

bool LandscapeView3D::openGLAvailable()
{
    static const bool available = [] {
        QOpenGLContext context;
        if (!context.create())
            return false;
        QOffscreenSurface surface;
        surface.setFormat(context.format());
        surface.create();
        const bool current = surface.isValid() && context.makeCurrent(&surface);
        if (current)
            context.doneCurrent();
        return current;
    }();
    return available;
}

double LandscapeView3D::lastRenderMs() const
{
    return graph_ ? static_cast<TimedSurface*>(graph_)->lastRenderMs : 0.0;
}

QString LandscapeView3D::message() const
{
    return graph_ ? QString() : message_->text();
}

void LandscapeView3D::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    ensureGraph();
    sync();
    timer_.start();
}

void LandscapeView3D::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    timer_.stop();
}

void LandscapeView3D::ensureGraph()
{
    if (triedGraph_)
        return;
    triedGraph_ = true;
    const QString noGl = tr("No 3D view here: it needs an OpenGL context, which this display does not offer "
                            "(a desktop session or Xvfb with GLX has one; the offscreen platform has none).");
    if (!openGLAvailable()) {
        message_->setText(noGl);
        return;
    }
    auto* graph = new TimedSurface();
    if (!graph->hasContext()) {
        delete graph;
        message_->setText(noGl);
        return;
    }
    graph_ = graph;
    container_ = QWidget::createWindowContainer(graph_, this);
    container_->setObjectName(QStringLiteral("view3dContainer"));
    container_->setFocusPolicy(Qt::StrongFocus);
    container_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    static_cast<QBoxLayout*>(layout())->addWidget(container_, 1);
    message_->hide();

    graph_->addTheme(theme_);
    graph_->setActiveTheme(theme_);
    graph_->setShadowQuality(QAbstract3DGraph::ShadowQualityNone);
    graph_->setSelectionMode(QAbstract3DGraph::SelectionItem);
    // From the corner, high enough to see into valleys, a little closer than the preset.
    graph_->scene()->activeCamera()->setCameraPreset(Q3DCamera::CameraPresetIsometricRightHigh);
    graph_->scene()->activeCamera()->setZoomLevel(115.0f);

    graph_->addSeries(series_);
    // Adding a series resets its colours to the theme's: set them afterwards.
    series_->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
    series_->setBaseGradient(heightGradient());
    series_->setDrawMode(QSurface3DSeries::DrawSurface);
    series_->setFlatShadingEnabled(false);

    currentItem_ = makeBall(palette::current(), currentRadius());
    currentItem_->setVisible(false);
    applyAxes();
    placeItems();
}

void LandscapeView3D::restyle()
{
    const bool dark = palette::theme() == palette::Theme::Dark;
    theme_->setBackgroundColor(palette::background());
    theme_->setWindowColor(palette::background());
    theme_->setLabelTextColor(palette::text());
    QColor labelBox = palette::background();
    labelBox.setAlpha(200);
    theme_->setLabelBackgroundColor(labelBox);
    theme_->setGridLineColor(dark ? QColor(0x5a, 0x5b, 0x60) : QColor(0xc8, 0xc8, 0xc8));
    heightNote_->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(palette::mutedText().name()));
}

QCustom3DItem* LandscapeView3D::makeBall(const QColor& color, float radius)
{
    auto* item = new QCustom3DItem();
    item->setMeshFile(QStringLiteral(":/meshes/sphere.obj"));
    QImage texture(2, 2, QImage::Format_RGB32);
    texture.fill(color);
    item->setTextureImage(texture);
    item->setScaling(ballScaling(radius));
    item->setScalingAbsolute(true);
    item->setShadowCasting(false);
    graph_->addCustomItem(item);
    return item;
}

float LandscapeView3D::dotRadius() const
{
    return kDotRadius * markerScale_;
}

float LandscapeView3D::currentRadius() const
{
    return kCurrentRadius * markerScale_;
}

void LandscapeView3D::applyPresentationScale()
{
    markerScale_ = static_cast<float>(palette::presentationScale());
    QFont font = palette::tickLabelFont();
    font.setPointSizeF(labelPointSize(palette::presentationTextScale()));
    theme_->setFont(font);
    for (QCustom3DItem* dot : std::as_const(dotItems_))
        dot->setScaling(ballScaling(dotRadius()));
    if (currentItem_)
        currentItem_->setScaling(ballScaling(currentRadius()));
}

LandscapePlot* LandscapeView3D::chosenPlot() const
{
    return area_->sideBySide() && choice_->currentIndex() == 1 ? area_->sidePlot() : area_->mainPlot();
}

void LandscapeView3D::updateHeader()
{
    const bool sideBySide = area_->sideBySide();
    choice_->setVisible(sideBySide);
    // One plot: its title across the row. Two: "Showing:" and the choice, on the left.
    titleRow_->setStretch(0, sideBySide ? 0 : 1);
    titleRow_->setStretch(2, sideBySide ? 1 : 0);
    const QString title = area_->mainTitle();
    const QString text = sideBySide ? tr("Showing:") : title.isEmpty() ? QString() : tr("Showing: %1").arg(title);
    if (title_->text() != text)
        title_->setText(text);
    title_->setVisible(!text.isEmpty());
    const QString height = !hasGrid_ ? QString() : logHeight_ ? tr("Height: the loss, on a log scale") : tr("Height: the loss");
    if (heightNote_->text() != height)
        heightNote_->setText(height);
    heightNote_->setVisible(!height.isEmpty());
}

void LandscapeView3D::clearDrawing()
{
    hasGrid_ = false;
    series_->dataProxy()->resetArray(new QSurfaceDataArray);
    dots_.clear();
    current_ = QVector3D(kNaNf, kNaNf, kNaNf);
    currentSource_ = QPointF(std::nan(""), std::nan(""));
}

bool LandscapeView3D::sync()
{
    bool changed = false;
    if (LandscapePlot* plot = chosenPlot(); plot != source_) {
        // Another plot: all of it again, and nothing of the old one while it has no grid yet.
        source_ = plot;
        clearDrawing();
        changed = true;
    }
    if (source_->hasLandscape()) {
        const bool newGrid = !hasGrid_ || source_->gridRevision() != gridRevision_;
        if (newGrid)
            updateSurface();
        const bool newPath = newGrid || source_->pathRevision() != pathRevision_;
        if (newPath)
            updatePath();
        const bool newCurrent = newPath || !samePoint(source_->currentPoint(), currentSource_);
        if (newCurrent)
            updateCurrent();
        changed = changed || newCurrent;
    }
    updateHeader();
    if (changed) {
        ++updates_;
        placeItems();
    }
    if (graph_) {
        // At most kUpdatesPerSecond, and no more than about a quarter of the GUI thread's time:
        // a 256 x 256 surface took 160-230 ms a frame on Mesa's llvmpipe under Xvfb.
        const double renderMs = static_cast<TimedSurface*>(graph_)->lastRenderMs;
        timer_.setInterval(std::clamp(static_cast<int>(4.0 * renderMs), 1000 / kUpdatesPerSecond, kSlowestIntervalMs));
    }
    return changed;
}

void LandscapeView3D::updateSurface()
{
    hasGrid_ = true;
    gridRevision_ = source_->gridRevision();
    const core::LandscapeRequest& rq = source_->gridRequest();
    const core::Array2D& loss = source_->lossGrid();
    const QCPRange range = source_->colorRange();
    logHeight_ = source_->isLogColorScale();
    floor_ = range.lower;
    ceiling_ = range.upper;
    axis1Name_ = source_->axis1Name();
    axis2Name_ = source_->axis2Name();

    // Rows run along axis2 (the graph's z), columns along axis1 (x), as the 2D map's y and x.
    // On a log axis the cells below the floor (an exact fit's zeros) sit on the floor, as they
    // take its colour in the 2D map; a non-finite cell (overflow) is drawn at the ceiling.
    const int g = rq.resolution;
    auto* rows = new QSurfaceDataArray;
    rows->reserve(g);
    for (int j = 0; j < g; ++j) {
        auto* row = new QSurfaceDataRow(g);
        const auto z = static_cast<float>(rq.value2(j));
        for (int i = 0; i < g; ++i) {
            double h = loss(i, j);
            if (!std::isfinite(h))
                h = ceiling_;
            else if (logHeight_)
                h = std::max(h, floor_);
            (*row)[i].setPosition(QVector3D(static_cast<float>(rq.value1(i)), static_cast<float>(h), z));
        }
        rows->append(row);
    }
    series_->dataProxy()->resetArray(rows);
    series_->setItemLabelFormat(tr("%1 @xLabel, %2 @zLabel, loss @yLabel").arg(axis1Name_, axis2Name_));
    applyAxes();
}

void LandscapeView3D::updatePath()
{
    pathRevision_ = source_->pathRevision();
    const core::LandscapeRequest& rq = source_->gridRequest();
    const core::Array2D& loss = source_->lossGrid();
    QVector<QVector3D> onGrid;
    const QVector<QPointF> path = source_->pathPoints();
    onGrid.reserve(path.size());
    for (const QPointF& p : path) {
        const double h = core::bilinearLoss(rq, loss, p.x(), p.y());
        if (std::isfinite(h))   // off the grid there is no ground to put the dot on
            onGrid.push_back(QVector3D(static_cast<float>(p.x()), static_cast<float>(logHeight_ ? std::max(h, floor_) : h),
                static_cast<float>(p.y())));
    }
    const auto n = onGrid.size();
    if (n <= kMaxPathDots) {
        dots_ = std::move(onGrid);
        return;
    }
    dots_.clear();
    for (const std::int64_t index : core::evenSpread(n - 1, kMaxPathDots))
        dots_.push_back(onGrid[static_cast<qsizetype>(index)]);
}

void LandscapeView3D::updateCurrent()
{
    currentSource_ = source_->currentPoint();
    const QPointF p = currentSource_;
    const double h = core::bilinearLoss(source_->gridRequest(), source_->lossGrid(), p.x(), p.y());
    if (!std::isfinite(h)) {
        current_ = QVector3D(kNaNf, kNaNf, kNaNf);
        return;
    }
    current_ = QVector3D(static_cast<float>(p.x()), static_cast<float>(logHeight_ ? std::max(h, floor_) : h),
        static_cast<float>(p.y()));
}

void LandscapeView3D::applyAxes()
{
    if (!graph_ || !hasGrid_)
        return;
    const core::LandscapeRequest& rq = source_->gridRequest();
    QValue3DAxis* x = graph_->axisX();
    QValue3DAxis* y = graph_->axisY();
    QValue3DAxis* z = graph_->axisZ();
    x->setTitle(axis1Name_);
    z->setTitle(axis2Name_);
    for (QValue3DAxis* axis : {x, y, z}) {
        axis->setTitleVisible(axis != y);   // the header says what the height is
        axis->setLabelFormat(QStringLiteral("%.3g"));
        axis->setAutoAdjustRange(false);
    }
    x->setRange(static_cast<float>(rq.min1), static_cast<float>(rq.max1));
    z->setRange(static_cast<float>(rq.min2), static_cast<float>(rq.max2));
    const bool logAxis = qobject_cast<QLogValue3DAxisFormatter*>(y->formatter()) != nullptr;
    if (logHeight_ && !logAxis) {
        auto* log = new QLogValue3DAxisFormatter;
        log->setAutoSubGrid(false);   // a line per decade: sub-grids clutter a small box
        log->setShowEdgeLabels(false);   // the floor's label sat on top of the first decade's
        y->setFormatter(log);
    } else if (!logHeight_ && logAxis) {
        y->setFormatter(new QValue3DAxisFormatter);
    }
    // The same range as the 2D map's colour scale, so a colour means the same loss in both.
    y->setRange(static_cast<float>(floor_), static_cast<float>(ceiling_));
}

void LandscapeView3D::placeItems()
{
    if (!graph_)
        return;
    while (dotItems_.size() < dots_.size())
        dotItems_.push_back(makeBall(palette::path(), dotRadius()));
    for (qsizetype k = 0; k < dotItems_.size(); ++k) {
        const bool shown = k < dots_.size();
        if (shown)
            dotItems_[k]->setPosition(dots_[k]);
        dotItems_[k]->setVisible(shown);
    }
    const bool hasCurrent = !std::isnan(current_.x());
    if (hasCurrent)
        currentItem_->setPosition(current_);
    currentItem_->setVisible(hasCurrent);
}

}  // namespace downhill::ui
