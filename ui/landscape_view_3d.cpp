#include "landscape_view_3d.h"

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

#include "landscape_plot.h"
#include "palette.h"
#include "surface_area.h"

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
    : QWidget(parent), m_area(area), m_source(area->mainPlot()), m_series(new QSurface3DSeries(this)),
      m_theme(new Q3DTheme(Q3DTheme::ThemeQt, this)), m_current(kNaNf, kNaNf, kNaNf),
      m_currentSource(std::nan(""), std::nan(""))
{
    initViewResources();
    setObjectName(QStringLiteral("landscapeView3D"));
    m_series->setObjectName(QStringLiteral("landscapeSurfaceSeries"));
    m_series->setDrawMode(QSurface3DSeries::DrawSurface);
    m_series->setFlatShadingEnabled(false);

    // The theme is made here rather than taken from the graph, so that its fonts are set (and
    // can be read) before, or without, an OpenGL context.
    m_theme->setObjectName(QStringLiteral("view3dTheme"));
    m_theme->setBackgroundEnabled(true);
    m_theme->setBackgroundColor(palette::background());
    m_theme->setWindowColor(palette::background());
    m_theme->setLabelTextColor(palette::text());
    m_theme->setLabelBackgroundColor(QColor(255, 255, 255, 200));
    m_theme->setLabelBorderEnabled(false);
    m_theme->setGridLineColor(QColor(0xc8, 0xc8, 0xc8));
    m_theme->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
    m_theme->setBaseGradients({heightGradient()});
    m_theme->setSingleHighlightColor(palette::accent());
    // The default light leaves a white glare along the valley floors, just where the path runs,
    // and it reads as part of the path: a softer light with more ambient keeps the viridis colours.
    m_theme->setLightStrength(3.0f);
    m_theme->setAmbientLightStrength(0.7f);

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
    m_titleRow = new QHBoxLayout;
    m_title = new QLabel(headerBox);
    m_title->setObjectName(QStringLiteral("view3dSurfaceTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_choice = new QComboBox(headerBox);
    m_choice->setObjectName(QStringLiteral("view3dSurfaceChoice"));
    m_choice->addItem(tr("Training set"));
    m_choice->addItem(tr("Validation set"));
    m_choice->setToolTip(tr("The 2D plots show training and validation side by side; the 3D view draws one of them."));
    m_choice->hide();
    m_titleRow->addWidget(m_title, 1);
    m_titleRow->addWidget(m_choice);
    m_titleRow->addStretch(0);
    header->addLayout(m_titleRow);
    m_heightNote = new QLabel(headerBox);
    m_heightNote->setObjectName(QStringLiteral("view3dHeightNote"));
    m_heightNote->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(palette::mutedText().name()));
    header->addWidget(m_heightNote);
    layout->addWidget(headerBox);
    connect(m_choice, &QComboBox::currentIndexChanged, this, [this] {
        if (isVisible())
            sync();
    });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("view3dMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(12);
    layout->addWidget(m_message, 1);
    m_message->setText(tr("The 3D view appears when it is first shown."));
    applyPresentationScale();
    setMinimumSize(240, 240);
    setToolTip(tr("The landscape in 3D: drag with the right button to rotate, scroll to zoom, click to read a point."));
    m_timer.setInterval(1000 / kUpdatesPerSecond);
    connect(&m_timer, &QTimer::timeout, this, &LandscapeView3D::sync);
}

LandscapeView3D::~LandscapeView3D()
{
    // The graph (and with it its custom items and, once added, the series) goes first, while
    // everything it refers to still exists.
    delete m_container;
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
    return m_graph ? static_cast<TimedSurface*>(m_graph)->lastRenderMs : 0.0;
}

QString LandscapeView3D::message() const
{
    return m_graph ? QString() : m_message->text();
}

void LandscapeView3D::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    ensureGraph();
    sync();
    m_timer.start();
}

void LandscapeView3D::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void LandscapeView3D::ensureGraph()
{
    if (m_triedGraph)
        return;
    m_triedGraph = true;
    const QString noGl = tr("No 3D view here: it needs an OpenGL context, which this display does not offer "
                            "(a desktop session or Xvfb with GLX has one; the offscreen platform has none).");
    if (!openGLAvailable()) {
        m_message->setText(noGl);
        return;
    }
    auto* graph = new TimedSurface();
    if (!graph->hasContext()) {
        delete graph;
        m_message->setText(noGl);
        return;
    }
    m_graph = graph;
    m_container = QWidget::createWindowContainer(m_graph, this);
    m_container->setObjectName(QStringLiteral("view3dContainer"));
    m_container->setFocusPolicy(Qt::StrongFocus);
    m_container->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    static_cast<QBoxLayout*>(layout())->addWidget(m_container, 1);
    m_message->hide();

    m_graph->addTheme(m_theme);
    m_graph->setActiveTheme(m_theme);
    m_graph->setShadowQuality(QAbstract3DGraph::ShadowQualityNone);
    m_graph->setSelectionMode(QAbstract3DGraph::SelectionItem);
    // From the corner, high enough to see into valleys, a little closer than the preset.
    m_graph->scene()->activeCamera()->setCameraPreset(Q3DCamera::CameraPresetIsometricRightHigh);
    m_graph->scene()->activeCamera()->setZoomLevel(115.0f);

    m_graph->addSeries(m_series);
    // Adding a series resets its colours to the theme's: set them afterwards.
    m_series->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
    m_series->setBaseGradient(heightGradient());
    m_series->setDrawMode(QSurface3DSeries::DrawSurface);
    m_series->setFlatShadingEnabled(false);

    m_currentItem = makeBall(palette::current(), currentRadius());
    m_currentItem->setVisible(false);
    applyAxes();
    placeItems();
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
    m_graph->addCustomItem(item);
    return item;
}

float LandscapeView3D::dotRadius() const
{
    return kDotRadius * m_markerScale;
}

float LandscapeView3D::currentRadius() const
{
    return kCurrentRadius * m_markerScale;
}

void LandscapeView3D::applyPresentationScale()
{
    m_markerScale = static_cast<float>(palette::presentationScale());
    QFont font = palette::tickLabelFont();
    font.setPointSizeF(labelPointSize(palette::presentationTextScale()));
    m_theme->setFont(font);
    for (QCustom3DItem* dot : std::as_const(m_dotItems))
        dot->setScaling(ballScaling(dotRadius()));
    if (m_currentItem)
        m_currentItem->setScaling(ballScaling(currentRadius()));
}

LandscapePlot* LandscapeView3D::chosenPlot() const
{
    return m_area->sideBySide() && m_choice->currentIndex() == 1 ? m_area->sidePlot() : m_area->mainPlot();
}

void LandscapeView3D::updateHeader()
{
    const bool sideBySide = m_area->sideBySide();
    m_choice->setVisible(sideBySide);
    // One plot: its title across the row. Two: "Showing:" and the choice, on the left.
    m_titleRow->setStretch(0, sideBySide ? 0 : 1);
    m_titleRow->setStretch(2, sideBySide ? 1 : 0);
    const QString title = m_area->mainTitle();
    const QString text = sideBySide ? tr("Showing:") : title.isEmpty() ? QString() : tr("Showing: %1").arg(title);
    if (m_title->text() != text)
        m_title->setText(text);
    m_title->setVisible(!text.isEmpty());
    const QString height = !m_hasGrid ? QString() : m_logHeight ? tr("Height: the loss, on a log scale") : tr("Height: the loss");
    if (m_heightNote->text() != height)
        m_heightNote->setText(height);
    m_heightNote->setVisible(!height.isEmpty());
}

void LandscapeView3D::clearDrawing()
{
    m_hasGrid = false;
    m_series->dataProxy()->resetArray(new QSurfaceDataArray);
    m_dots.clear();
    m_current = QVector3D(kNaNf, kNaNf, kNaNf);
    m_currentSource = QPointF(std::nan(""), std::nan(""));
}

bool LandscapeView3D::sync()
{
    bool changed = false;
    if (LandscapePlot* plot = chosenPlot(); plot != m_source) {
        // Another plot: all of it again, and nothing of the old one while it has no grid yet.
        m_source = plot;
        clearDrawing();
        changed = true;
    }
    if (m_source->hasLandscape()) {
        const bool newGrid = !m_hasGrid || m_source->gridRevision() != m_gridRevision;
        if (newGrid)
            updateSurface();
        const bool newPath = newGrid || m_source->pathRevision() != m_pathRevision;
        if (newPath)
            updatePath();
        const bool newCurrent = newPath || !samePoint(m_source->currentPoint(), m_currentSource);
        if (newCurrent)
            updateCurrent();
        changed = changed || newCurrent;
    }
    updateHeader();
    if (changed) {
        ++m_updates;
        placeItems();
    }
    if (m_graph) {
        // At most kUpdatesPerSecond, and no more than about a quarter of the GUI thread's time:
        // a 256 x 256 surface took 160-230 ms a frame on Mesa's llvmpipe under Xvfb.
        const double renderMs = static_cast<TimedSurface*>(m_graph)->lastRenderMs;
        m_timer.setInterval(std::clamp(static_cast<int>(4.0 * renderMs), 1000 / kUpdatesPerSecond, kSlowestIntervalMs));
    }
    return changed;
}

void LandscapeView3D::updateSurface()
{
    m_hasGrid = true;
    m_gridRevision = m_source->gridRevision();
    const core::LandscapeRequest& rq = m_source->gridRequest();
    const core::Array2D& loss = m_source->lossGrid();
    const QCPRange range = m_source->colorRange();
    m_logHeight = m_source->isLogColorScale();
    m_floor = range.lower;
    m_ceiling = range.upper;
    m_axis1Name = m_source->axis1Name();
    m_axis2Name = m_source->axis2Name();

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
                h = m_ceiling;
            else if (m_logHeight)
                h = std::max(h, m_floor);
            (*row)[i].setPosition(QVector3D(static_cast<float>(rq.value1(i)), static_cast<float>(h), z));
        }
        rows->append(row);
    }
    m_series->dataProxy()->resetArray(rows);
    m_series->setItemLabelFormat(QStringLiteral("%1 @xLabel, %2 @zLabel, loss @yLabel").arg(m_axis1Name, m_axis2Name));
    applyAxes();
}

void LandscapeView3D::updatePath()
{
    m_pathRevision = m_source->pathRevision();
    const core::LandscapeRequest& rq = m_source->gridRequest();
    const core::Array2D& loss = m_source->lossGrid();
    QVector<QVector3D> onGrid;
    const QVector<QPointF> path = m_source->pathPoints();
    onGrid.reserve(path.size());
    for (const QPointF& p : path) {
        const double h = core::bilinearLoss(rq, loss, p.x(), p.y());
        if (std::isfinite(h))   // off the grid there is no ground to put the dot on
            onGrid.push_back(QVector3D(static_cast<float>(p.x()), static_cast<float>(m_logHeight ? std::max(h, m_floor) : h),
                static_cast<float>(p.y())));
    }
    const auto n = onGrid.size();
    if (n <= kMaxPathDots) {
        m_dots = std::move(onGrid);
        return;
    }
    m_dots.resize(kMaxPathDots);
    for (int k = 0; k < kMaxPathDots; ++k) {
        const auto index = static_cast<qsizetype>(std::llround(static_cast<double>(k) * static_cast<double>(n - 1) / (kMaxPathDots - 1)));
        m_dots[k] = onGrid[index];
    }
}

void LandscapeView3D::updateCurrent()
{
    m_currentSource = m_source->currentPoint();
    const QPointF p = m_currentSource;
    const double h = core::bilinearLoss(m_source->gridRequest(), m_source->lossGrid(), p.x(), p.y());
    if (!std::isfinite(h)) {
        m_current = QVector3D(kNaNf, kNaNf, kNaNf);
        return;
    }
    m_current = QVector3D(static_cast<float>(p.x()), static_cast<float>(m_logHeight ? std::max(h, m_floor) : h),
        static_cast<float>(p.y()));
}

void LandscapeView3D::applyAxes()
{
    if (!m_graph || !m_hasGrid)
        return;
    const core::LandscapeRequest& rq = m_source->gridRequest();
    QValue3DAxis* x = m_graph->axisX();
    QValue3DAxis* y = m_graph->axisY();
    QValue3DAxis* z = m_graph->axisZ();
    x->setTitle(m_axis1Name);
    z->setTitle(m_axis2Name);
    for (QValue3DAxis* axis : {x, y, z}) {
        axis->setTitleVisible(axis != y);   // the header says what the height is
        axis->setLabelFormat(QStringLiteral("%.3g"));
        axis->setAutoAdjustRange(false);
    }
    x->setRange(static_cast<float>(rq.min1), static_cast<float>(rq.max1));
    z->setRange(static_cast<float>(rq.min2), static_cast<float>(rq.max2));
    const bool logAxis = qobject_cast<QLogValue3DAxisFormatter*>(y->formatter()) != nullptr;
    if (m_logHeight && !logAxis) {
        auto* log = new QLogValue3DAxisFormatter;
        log->setAutoSubGrid(false);   // a line per decade: sub-grids clutter a small box
        log->setShowEdgeLabels(false);   // the floor's label sat on top of the first decade's
        y->setFormatter(log);
    } else if (!m_logHeight && logAxis) {
        y->setFormatter(new QValue3DAxisFormatter);
    }
    // The same range as the 2D map's colour scale, so a colour means the same loss in both.
    y->setRange(static_cast<float>(m_floor), static_cast<float>(m_ceiling));
}

void LandscapeView3D::placeItems()
{
    if (!m_graph)
        return;
    while (m_dotItems.size() < m_dots.size())
        m_dotItems.push_back(makeBall(palette::path(), dotRadius()));
    for (qsizetype k = 0; k < m_dotItems.size(); ++k) {
        const bool shown = k < m_dots.size();
        if (shown)
            m_dotItems[k]->setPosition(m_dots[k]);
        m_dotItems[k]->setVisible(shown);
    }
    const bool hasCurrent = !std::isnan(m_current.x());
    if (hasCurrent)
        m_currentItem->setPosition(m_current);
    m_currentItem->setVisible(hasCurrent);
}

}  // namespace downhill::ui
