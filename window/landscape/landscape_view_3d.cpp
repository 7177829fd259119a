// Over the ~600-line guide: one class, the 3D view, whose parts (the surface from the plot's
// grid, the path's beads, the axes and their formatters, the label size model, the fit of the
// camera) all read the same graph, source plot and scene scale. The pieces that stand alone are
// already elsewhere: laying the path on the surface is core::drapePath, the ticks are
// NiceAxisFormatter and DecadeAxisFormatter; what is left would pass the graph back and forth.
#include "window/landscape/landscape_view_3d.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <QComboBox>
#include <QCustom3DItem>
#include <QElapsedTimer>
#include <QEvent>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QLinearGradient>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QSurface3DSeries>
#include <QVBoxLayout>
#include <QValue3DAxis>
#include <QtMath>
#include <Q3DCamera>
#include <Q3DScene>
#include <Q3DSurface>
#include <Q3DTheme>

#include "core/landscape/draped_path.h"
#include "plots/landscape_plot.h"
#include "plots/palette.h"
#include "window/landscape/decade_axis_formatter.h"
#include "window/landscape/nice_axis_formatter.h"
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
// Scene units, in which the graph's box is 4 wide and 2 tall (Qt Data Visualization's default
// aspect ratio, which the view keeps; see boxSize()). At the dock's default size a scene unit is
// about 55 pixels: the beads are about 3.5 pixels across, the current point about 8.
constexpr float kDotRadius = 0.032f;
constexpr float kCurrentRadius = 0.07f;

// The font size for labels whose text is capPixels tall (its cap height) on screen, at the
// middle of the box's depth, in a graph of this size. Qt Data Visualization draws every label
// (tick labels, axis titles, the click read-out) on a square mesh from -1 to 1 scaled to
// 0.05 + points / 500, so 2 x (0.05 + points / 500) scene units tall whatever the font
// (Drawer::drawLabel): the label's texture, its text drawn at 50 pt with 20 pixels of padding
// (Utils::printTextToImage), is stretched to that height. The scene is seen from 6 units away
// through a 45 degree field of view, scaled by the camera's zoom and, in a viewport narrower
// than 16:10, by its width / (1.6 x its height) (Abstract3DRenderer::calculateZoomLevel;
// sceneToPixels). Labels nearer the camera come out taller, farther ones shorter.
double labelPointSize(double capPixels, QSizeF viewport, const QFont& font)
{
    QFont texture = font;
    texture.setPointSize(50);
    const double capShare = QFontMetricsF(texture).capHeight() / (QFontMetrics(texture).height() + 20);
    const double pixels = LandscapeView3D::sceneToPixels(viewport, LandscapeView3D::fittedZoom(viewport));
    const double sceneHeight = capPixels / (capShare * pixels);
    return std::max(1.0, (sceneHeight / 2.0 - 0.05) * 500.0);
}

// Whether the graph, which draws in float, can show an axis from lo to hi: both ends within
// float's range and apart as floats, and above float's smallest normal number on a log axis.
// (A diverging run's view follows it to losses of 1e50 and more, where an axis cast to float
// became infinite and Qt Data Visualization's log formatter crashed.)
bool drawableRange(double lo, double hi, bool log)
{
    constexpr double most = std::numeric_limits<float>::max();
    const auto fits = [](double v) { return std::isfinite(v) && std::abs(v) <= most; };
    return fits(lo) && fits(hi) && static_cast<float>(lo) < static_cast<float>(hi)
        && (!log || lo >= static_cast<double>(std::numeric_limits<float>::min()));
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
    if (outOfRange_)
        return outOfRangeText();
    return graph_ ? QString() : message_->text();
}

QString LandscapeView3D::outOfRangeText() const
{
    return tr("The 3D view cannot draw this landscape: its losses or coordinates are too large, or too finely "
              "spaced, for the graph's single-precision numbers (about seven digits, up to about 3e38). "
              "The 2D plot shows it.");
}

void LandscapeView3D::showGraphOrMessage()
{
    if (!graph_)
        return;   // the message says why there is no graph
    container_->setVisible(!outOfRange_);
    message_->setVisible(outOfRange_);
    if (outOfRange_)
        message_->setText(outOfRangeText());
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
    // From the corner, high enough to see into valleys; the zoom fits the graph's size
    // (applyLabelSize).
    graph_->scene()->activeCamera()->setCameraPreset(Q3DCamera::CameraPresetIsometricRightHigh);
    graph_->scene()->activeCamera()->setZoomLevel(kZoomLevel);
    fittedZoom_ = kZoomLevel;
    // Looking a little below the box's middle lifts the box in the view: from above, the labels
    // and titles at its front corner hang below it, and the dock's graph is wider than tall.
    graph_->scene()->activeCamera()->setTarget(QVector3D(0.0f, -0.3f, 0.0f));
    // Round ticks on the horizontal axes (the height's follow the scale in applyAxes).
    graph_->axisX()->setFormatter(new NiceAxisFormatter);
    graph_->axisZ()->setFormatter(new NiceAxisFormatter);
    // The labels' size and the ticks' number follow the graph's size (see applyLabelSize).
    container_->installEventFilter(this);

    graph_->addSeries(series_);
    // Adding a series resets its colours to the theme's: set them afterwards.
    series_->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
    series_->setBaseGradient(heightGradient());
    series_->setDrawMode(QSurface3DSeries::DrawSurface);
    series_->setFlatShadingEnabled(false);

    currentItem_ = makeBall(palette::current(), currentRadius());
    currentItem_->setVisible(false);
    applyAxes();
    applyLabelSize();
    placeItems();
    showGraphOrMessage();
}

bool LandscapeView3D::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == container_ && event->type() == QEvent::Resize)
        applyLabelSize();
    return QWidget::eventFilter(watched, event);
}

void LandscapeView3D::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (!container_)   // the graph's own resizes are the container's (eventFilter)
        applyLabelSize();
}

double LandscapeView3D::fittedZoom(QSizeF viewport)
{
    // Qt Data Visualization shrinks the scene by width / (1.6 x height) in a graph narrower than
    // 16:10 and fits it to the height in a wider one, where from above the box, with the labels
    // and titles at its front corner, then reaches below the graph: no larger than in a 4:3 one.
    const double w = std::max(viewport.width(), 1.0);
    const double h = std::max(viewport.height(), 1.0);
    const double shrunk = std::min(1.0, w / (1.6 * h));
    return kZoomLevel * std::min(1.0, kWideFit / shrunk);
}

double LandscapeView3D::sceneToPixels(QSizeF viewport, double zoomPercent)
{
    const double w = std::max(viewport.width(), 1.0);
    const double h = std::max(viewport.height(), 1.0);
    return zoomPercent / 100.0 * std::min(1.0, w / (1.6 * h)) * h / (12.0 * std::tan(qDegreesToRadians(22.5)));
}

QSizeF LandscapeView3D::viewportSize() const
{
    return container_ ? QSizeF(container_->size()) : QSizeF(size());
}

double LandscapeView3D::labelCapPixels() const
{
    return kLabelTextScale * QFontMetricsF(palette::tickLabelFont()).capHeight() * palette::presentationTextScale();
}

QVector3D LandscapeView3D::boxSize() const
{
    // Qt Data Visualization's box for its default aspect ratios: the longer horizontal axis 4
    // scene units, the other in proportion to the two ranges, the height 2.
    if (!hasGrid_)
        return QVector3D(4.0f, 2.0f, 4.0f);
    const core::LandscapeRequest& rq = source_->gridRequest();
    const double w1 = rq.max1 - rq.min1, w2 = rq.max2 - rq.min2;
    const double longer = std::max(w1, w2);
    return QVector3D(static_cast<float>(4.0 * w1 / longer), 2.0f, static_cast<float>(4.0 * w2 / longer));
}

float LandscapeView3D::dotSpacing() const
{
    return 2.0f * kDotRadius;
}

void LandscapeView3D::applyLabelSize()
{
    const QSizeF viewport = viewportSize();
    const double capPixels = labelCapPixels();
    QFont font = palette::tickLabelFont();
    font.setPointSizeF(labelPointSize(capPixels, viewport, font));
    if (theme_->font() != font)
        theme_->setFont(font);
    if (!graph_)
        return;
    // The zoom for this size; the user's own (the wheel) is kept, relative to the fitted one.
    const double zoom = fittedZoom(viewport);
    Q3DCamera* camera = graph_->scene()->activeCamera();
    if (zoom != fittedZoom_) {
        camera->setZoomLevel(static_cast<float>(camera->zoomLevel() * zoom / fittedZoom_));
        fittedZoom_ = zoom;
    }
    // As many ticks as fit: a label is a few characters wide, and along the box's edges (seen
    // at an angle) three cap heights keep them clear of each other; the height's labels are
    // stacked, three cap heights apart at least.
    const double unit = sceneToPixels(viewport, zoom);
    const QVector3D box = boxSize();
    const auto ticksAlong = [&](double length, double perTick, int most) {
        return std::clamp(static_cast<int>(length * unit / (perTick * capPixels)), 2, most);
    };
    for (QValue3DAxis* axis : {graph_->axisX(), graph_->axisZ()}) {
        if (auto* nice = qobject_cast<NiceAxisFormatter*>(axis->formatter()))
            nice->setTargetTickCount(ticksAlong(axis == graph_->axisX() ? box.x() : box.z(), 3.0, 6));
    }
    const int heightTicks = ticksAlong(box.y(), 3.0, 6);
    if (auto* nice = qobject_cast<NiceAxisFormatter*>(graph_->axisY()->formatter()))
        nice->setTargetTickCount(heightTicks);
    if (auto* decades = qobject_cast<DecadeAxisFormatter*>(graph_->axisY()->formatter()))
        decades->setTargetLabelCount(heightTicks);
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
    applyLabelSize();
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
    outOfRange_ = false;
    showGraphOrMessage();
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
    outOfRange_ = !drawableRange(rq.min1, rq.max1, false) || !drawableRange(rq.min2, rq.max2, false)
        || !drawableRange(floor_, ceiling_, logHeight_);
    showGraphOrMessage();
    if (outOfRange_) {
        series_->dataProxy()->resetArray(new QSurfaceDataArray);
        return;
    }

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
            // In the colour scale's range, as the 2D map's colours are.
            const double h = std::isfinite(loss(i, j)) ? std::clamp(loss(i, j), floor_, ceiling_) : ceiling_;
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
    const QVector<QPointF> path = source_->pathPoints();
    std::vector<core::PlanePoint> points;
    points.reserve(static_cast<std::size_t>(path.size()));
    for (const QPointF& p : path)
        points.push_back({p.x(), p.y()});
    const QVector3D box = boxSize();
    core::DrapeSpace space;
    space.lengthX = box.x();
    space.lengthY = box.y();
    space.lengthZ = box.z();
    space.floor = floor_;
    space.ceiling = ceiling_;
    space.logHeight = logHeight_;
    dots_.clear();
    if (outOfRange_)
        return;
    for (const core::DrapedPoint& d : core::drapePath(source_->gridRequest(), source_->lossGrid(), points, space,
             static_cast<double>(dotSpacing()), kMaxPathDots))
        dots_.push_back(
            QVector3D(static_cast<float>(d.value1), static_cast<float>(d.loss), static_cast<float>(d.value2)));
}

void LandscapeView3D::updateCurrent()
{
    currentSource_ = source_->currentPoint();
    const QPointF p = currentSource_;
    const double h = core::bilinearLoss(source_->gridRequest(), source_->lossGrid(), p.x(), p.y());
    if (outOfRange_ || !std::isfinite(h)) {
        current_ = QVector3D(kNaNf, kNaNf, kNaNf);
        return;
    }
    current_ = QVector3D(static_cast<float>(p.x()), static_cast<float>(logHeight_ ? std::max(h, floor_) : h),
        static_cast<float>(p.y()));
}

void LandscapeView3D::applyAxes()
{
    if (!graph_ || !hasGrid_ || outOfRange_)
        return;
    const core::LandscapeRequest& rq = source_->gridRequest();
    QValue3DAxis* x = graph_->axisX();
    QValue3DAxis* y = graph_->axisY();
    QValue3DAxis* z = graph_->axisZ();
    x->setTitle(axis1Name_);
    z->setTitle(axis2Name_);
    for (QValue3DAxis* axis : {x, y, z}) {
        axis->setTitleVisible(axis != y);   // the header says what the height is
        axis->setLabelFormat(QStringLiteral("%.3g"));   // the click read-out's and the log axis's labels
        axis->setAutoAdjustRange(false);
        // Upright, facing the camera, rather than lying in the box's walls: read at a glance.
        axis->setLabelAutoRotation(90.0f);
    }
    x->setRange(static_cast<float>(rq.min1), static_cast<float>(rq.max1));
    z->setRange(static_cast<float>(rq.min2), static_cast<float>(rq.max2));
    if (logHeight_ && !qobject_cast<DecadeAxisFormatter*>(y->formatter()))
        y->setFormatter(new DecadeAxisFormatter);
    else if (!logHeight_ && !qobject_cast<NiceAxisFormatter*>(y->formatter()))
        y->setFormatter(new NiceAxisFormatter);
    // The same range as the 2D map's colour scale, so a colour means the same loss in both.
    y->setRange(static_cast<float>(floor_), static_cast<float>(ceiling_));
    applyLabelSize();   // the ticks' number: the box's proportions follow the ranges
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
