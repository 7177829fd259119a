// Just over the ~600-line guide: what is left here is the widget itself (view, mouse, hover,
// banner, captions, legend corner) and one-line forwarders of its public API to the layers in
// plots/landscape/, kept so that the window, figures and tests did not have to change.
#include "plots/landscape_plot.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "plots/fitted_label.h"
#include "plots/fitted_ticker.h"
#include "plots/landscape/arrow_layer.h"
#include "plots/landscape/label_placer.h"
#include "plots/landscape/layer_common.h"
#include "plots/landscape/map_layer.h"
#include "plots/landscape/path_layer.h"
#include "plots/palette.h"
#include "plots/plot_export.h"

namespace downhill::ui {

static_assert(LandscapePlot::kMaxPathPoints == PathLayer::kMaxPathPoints);

// The parts are made in drawing order: on each layer, what is made later is drawn on top.
LandscapePlot::LandscapePlot(QWidget* parent) : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("landscapePlot"));
    setMouseTracking(true);
    setAutoAddPlottableToLegend(false);
    setInteractions(QCP::iRangeZoom);  // panning is ours: a left drag sets the start point
    setNoAntialiasingOnDrag(true);
    styleFrame();
    xAxis2->setVisible(false);
    yAxis2->setVisible(false);
    // Labels that never run together, even at a diverged run's 1e82.
    FittedTicker::install(xAxis);
    FittedTicker::install(yAxis);

    addLayer(mapLayerName(), layer(QStringLiteral("grid")), limAbove);
    addLayer(liveLayerName(), layer(QStringLiteral("legend")), limAbove);
    liveLayer_ = layer(liveLayerName());
    liveLayer_->setMode(QCPLayer::lmBuffered);
    layer(overlayLayerName())->setMode(QCPLayer::lmBuffered);

    map_ = std::make_unique<MapLayer>(*this);
    paths_ = std::make_unique<PathLayer>(*this);
    arrows_ = std::make_unique<ArrowLayer>(*this);
    textBoxes_ = std::make_unique<TextBoxes>();
    // Everything on the live layer but the ghost stays above the overlay paths added later
    // (the minimum's label came before the ghost: above it now).
    QList<QCPLayerable*> onTop = liveLayer_->children();
    onTop.removeOne(paths_->ghostCurve());
    paths_->keepOnTop(onTop);

    // The legend names the overlay paths; it sits with the captions, above the live layer.
    legend->setLayer(overlayLayerName());
    legend->setVisible(false);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    // Overlay layer: divergence banner, captions, hover read-out.
    banner_ = makeTextItem(this, overlayLayerName(), QStringLiteral("divergedBanner"));
    banner_->position->setType(QCPItemPosition::ptAxisRectRatio);
    banner_->position->setCoords(0.5, 0.03);
    banner_->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
    QFont bannerFont = palette::axisLabelFont();
    bannerFont.setBold(true);
    banner_->setFont(bannerFont);
    banner_->setPen(QPen(palette::bad(), 2));
    banner_->setBrush(QColor(255, 255, 255, 240));
    banner_->setColor(palette::bad().darker(130));
    banner_->setPadding(QMargins(12, 6, 12, 6));
    banner_->setVisible(false);

    captions_ = makeTextItem(this, overlayLayerName(), QStringLiteral("captions"));
    captions_->position->setType(QCPItemPosition::ptAxisRectRatio);
    captions_->position->setCoords(0.012, 0.985);
    captions_->setProperty("dhFixedFont", true);   // sized to fit the plot (below), not scaled
    captions_->setPositionAlignment(Qt::AlignBottom | Qt::AlignLeft);
    captions_->setTextAlignment(Qt::AlignLeft);
    captions_->setBrush(QColor(255, 255, 255, 215));
    captions_->setPen(QPen(QColor(0, 0, 0, 40), 1));
    captions_->setText(tr("The -grad arrow points down the steepest slope: minus the gradient.\n"
                                       "The step is lr × minus the gradient (plus momentum)."));

    hoverText_ = makeTextItem(this, overlayLayerName(), QStringLiteral("hoverText"));
    hoverText_->position->setType(QCPItemPosition::ptAbsolute);
    hoverText_->setBrush(QColor(255, 255, 255, 225));
    hoverText_->setPen(QPen(QColor(0, 0, 0, 60), 1));
    hoverText_->setClipToAxisRect(false);
    hoverText_->setVisible(false);

    viewChangedTimer_.setSingleShot(true);
    viewChangedTimer_.setInterval(150);  // one signal per burst of wheel steps
    connect(&viewChangedTimer_, &QTimer::timeout, this, &LandscapePlot::emitViewChanged);

    // Arrow lengths, the field's arrows and the paths' thinning are in screen proportions:
    // recompute when the view moves or the axis rect changes size.
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &LandscapePlot::onViewOrSizeChanged);
    connect(yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &LandscapePlot::onViewOrSizeChanged);
    connect(this, &QCustomPlot::afterLayout, this, [this] {
        // On a small plot the captions would cover much of the map: a smaller font there.
        QFont captionFont = palette::annotationFont();
        if (axisRect()->width() < 700)
            captionFont.setPointSizeF(8.5);
        if (captions_->font() != captionFont)
            captions_->setFont(captionFont);
        if (QSizeF(axisRect()->size()) != geometrySize_)
            onViewOrSizeChanged();
    });

    FittedLabel::set(xAxis, map_->axis1Name());
    FittedLabel::set(yAxis, map_->axis2Name());
    setView(-1, 1, -1, 1);
}

LandscapePlot::~LandscapePlot() = default;

void LandscapePlot::onViewOrSizeChanged()
{
    updateLiveGeometry();
    map_->updateFieldGeometry();
    paths_->updateForView();
    updateLegend();
}

// ---------------------------------------------------------------------------------------------
// Grid and field

void LandscapePlot::setLandscape(const core::LandscapeGrid& grid, const std::vector<core::ContourLevel>& contours,
    const QString& axis1Name, const QString& axis2Name)
{
    bool reset = false;
    if (!map_->setLandscape(grid, contours, axis1Name, axis2Name, &reset))
        return;
    if (reset)
        resetView();
    setLandscapeStale(false);
    updateLiveGeometry();
}

void LandscapePlot::setLandscapeStale(bool stale)
{
    map_->setStale(stale);
}

void LandscapePlot::setGradientField(const core::GradientField& field)
{
    map_->setGradientField(field);
}

void LandscapePlot::setGradientFieldVisible(bool visible)
{
    map_->setGradientFieldVisible(visible);
    if (follower_)
        follower_->setGradientFieldVisible(visible);
}

void LandscapePlot::setOtherMinimum(QPointF point)
{
    map_->setOtherMinimum(point);
}

QPointF LandscapePlot::otherMinimum() const
{
    return map_->otherMinimum();
}

// ---------------------------------------------------------------------------------------------
// Paths

void LandscapePlot::appendPath(const QVector<QPointF>& points)
{
    paths_->appendPath(points);
    if (follower_)
        follower_->appendPath(points);
}

void LandscapePlot::clearPath()
{
    paths_->clearPath();
    if (follower_)
        follower_->clearPath();
}

int LandscapePlot::addOverlayPath(const QString& label, const QColor& color)
{
    const int id = paths_->addOverlay(label, color);
    if (palette::presentationScale() != 1.0)
        palette::applyPresentationScale(this);
    updateLegend();
    return id;
}

void LandscapePlot::appendOverlayPath(int id, const QVector<QPointF>& points)
{
    if (paths_->appendOverlay(id, points))
        updateLegend();
}

void LandscapePlot::setOverlayCurrent(int id, QPointF point)
{
    paths_->setOverlayCurrent(id, point);
}

void LandscapePlot::setMainPathLabel(const QString& label)
{
    paths_->setPathLabel(label);
    updateLegend();
}

void LandscapePlot::setOverlayDiverged(int id, bool diverged)
{
    paths_->setOverlayDiverged(id, diverged);
}

void LandscapePlot::resetOverlayPath(int id)
{
    paths_->resetOverlay(id);
}

void LandscapePlot::removeOverlayPath(int id)
{
    if (id < 0 || id >= paths_->overlayCount())
        return;
    paths_->removeOverlay(id);
    updateLegend();
}

void LandscapePlot::clearOverlayPaths()
{
    paths_->clearOverlays();
    updateLegend();
}

void LandscapePlot::setGhostPath(const QVector<QPointF>& points, const QString& label)
{
    if (follower_)
        follower_->setGhostPath(points, label);
    paths_->setGhost(points, label);
    updateLegend();
}

void LandscapePlot::clearGhostPath()
{
    setGhostPath({});
}

// ---------------------------------------------------------------------------------------------
// Current point, arrows and labels

void LandscapePlot::setCurrent(QPointF point, QPointF negGradient, QPointF step, QPointF velocity)
{
    arrows_->setCurrent(point, negGradient, step, velocity);
    updateLiveGeometry();
    if (follower_)
        follower_->setCurrent(point, negGradient, step, velocity);
}

void LandscapePlot::updateLiveGeometry()
{
    geometrySize_ = QSizeF(axisRect()->size());
    arrows_->update(map_->typicalSlope());
    placeLabels();
}

void LandscapePlot::placeLabels()
{
    LabelPlacer placer(*this, *textBoxes_);
    for (const ArrowLayer::Arrow* arrow : arrows_->labelOrder())
        if (arrow->core->visible())
            placer.avoidShaft(ArrowLayer::line(*arrow));
    // The captions and the banner sit above the live layer: keep the labels from under them.
    placer.avoidItem(captions_);
    placer.avoidItem(banner_);
    const QPointF minimum = map_->minimumPosition();
    const bool minimumShown = map_->minimumShown() && placer.inView(minimum);
    const qsizetype star = minimumShown ? placer.avoidMarker(minimum, 18) : -1;
    if (arrows_->hasCurrent())
        placer.avoidMarker(arrows_->current(), 16);
    for (const ArrowLayer::Arrow* arrow : arrows_->labelOrder())
        if (arrow->core->visible())
            placer.placeAtHead(arrow->label, ArrowLayer::line(*arrow));
    bool minimumLabelShown = false;
    if (minimumShown) {
        placer.stopAvoiding(star);  // the label goes beside the star itself
        minimumLabelShown = placer.placeBeside(map_->minimumLabel(), minimum);
    }
    map_->minimumLabel()->setVisible(minimumLabelShown);
}

void LandscapePlot::styleFrame()
{
    palette::stylePlot(this);
    for (QCPAxis* axis : {xAxis, yAxis})
        axis->grid()->setVisible(false);  // the map covers the whole rect
    axisRect()->setBackground(QBrush(palette::panel()));
}

void LandscapePlot::restyle()
{
    styleFrame();
    palette::styleAxis(colorScale()->axis());
    applyPresentationScale();
}

void LandscapePlot::applyPresentationScale()
{
    palette::applyPresentationScale(this);
    // Arrow heads and path dots are sized where they are placed.
    updateLiveGeometry();
    paths_->updateAll();
    updateLegend();
    replot(rpQueuedReplot);
}

void LandscapePlot::replotLive()
{
    if (QSizeF(axisRect()->size()) != geometrySize_)
        updateLiveGeometry();
    liveLayer_->replot();
    if (follower_ && follower_->isVisible())
        follower_->replotLive();
}

// The legend takes the corner of the plot with the fewest path points under it (the lower left
// only while the captions are off), so that it hides as little of the runs as it can. It moves
// when the view changes or a path starts, not at every step, so it does not dance while the
// runs go on.
void LandscapePlot::updateLegend()
{
    legend->setVisible(legend->itemCount() > 0);
    // New items are made on the "legend" layer, under the live one: they go with their legend.
    for (int k = 0; k < legend->itemCount(); ++k)
        legend->item(k)->setLayer(overlayLayerName());
    if (!legend->visible())
        return;
    const QSize size = legend->minimumOuterSizeHint();
    const QRectF r = axisRect()->rect();
    struct Corner {
        Qt::Alignment alignment;
        QRectF rect;
        int points = 0;
    };
    QVector<Corner> corners{{Qt::AlignTop | Qt::AlignLeft, QRectF(r.topLeft(), size)},
        {Qt::AlignTop | Qt::AlignRight, QRectF(QPointF(r.right() - size.width(), r.top()), size)},
        {Qt::AlignBottom | Qt::AlignRight, QRectF(QPointF(r.right() - size.width(), r.bottom() - size.height()), size)}};
    if (!captions_->visible())
        corners.push_back({Qt::AlignBottom | Qt::AlignLeft, QRectF(QPointF(r.left(), r.bottom() - size.height()), size)});
    if (captionsVisible_) {
        // On a narrow plot the captions reach the right-hand corner too: keep clear of them there.
        const QRectF captions = QRectF(captions_->topLeft->pixelPosition(), captions_->bottomRight->pixelPosition()).normalized();
        QVector<Corner> clear;
        for (const Corner& corner : std::as_const(corners))
            if (!corner.rect.intersects(captions))
                clear.push_back(corner);
        if (!clear.isEmpty())
            corners = clear;
    }
    paths_->forEachPoint([&](QPointF p) {
        const QPointF pixel(xAxis->coordToPixel(p.x()), yAxis->coordToPixel(p.y()));
        for (Corner& corner : corners)
            corner.points += corner.rect.contains(pixel) ? 1 : 0;
    });
    const auto best = std::min_element(corners.begin(), corners.end(), [](const Corner& a, const Corner& b) { return a.points < b.points; });
    axisRect()->insetLayout()->setInsetAlignment(0, best->alignment);
}

// ---------------------------------------------------------------------------------------------
// Follower, banner, captions

void LandscapePlot::setFollower(LandscapePlot* follower)
{
    follower_ = follower == this ? nullptr : follower;
    if (!follower_)
        return;
    // It starts from what this plot shows now, then hears every change.
    follower_->paths_->copyPathFrom(*paths_);
    follower_->setGhostPath(paths_->ghostPoints(), paths_->ghostCurve()->name());
    if (arrows_->hasCurrent())
        follower_->setCurrent(arrows_->current(), arrows_->negGradient(), arrows_->step(), arrows_->velocity());
    follower_->setBannerShown(bannerShown_);
    follower_->setDiverged(diverged_, banner_->text());
}

void LandscapePlot::setDiverged(bool diverged, const QString& message)
{
    diverged_ = diverged;
    banner_->setText(message.isEmpty() ? tr("Diverged — lower the learning rate and press Reset") : message);
    banner_->setVisible(diverged && bannerShown_);
    if (follower_)
        follower_->setDiverged(diverged, message);
}

void LandscapePlot::setBannerShown(bool shown)
{
    bannerShown_ = shown;
    banner_->setVisible(diverged_ && bannerShown_);
    if (follower_)
        follower_->setBannerShown(shown);
}

void LandscapePlot::setCaptionsVisible(bool visible)
{
    captionsVisible_ = visible;
    captions_->setVisible(visible && !captionsSuppressed_);
    updateLegend();  // the lower left corner is free for it, or no longer
}

void LandscapePlot::setCaptionsSuppressed(bool suppressed)
{
    captionsSuppressed_ = suppressed;
    setCaptionsVisible(captionsVisible_);
}

// ---------------------------------------------------------------------------------------------
// View

void LandscapePlot::setView(double min1, double max1, double min2, double max2)
{
    xAxis->setRange(min1, max1);
    yAxis->setRange(min2, max2);
}

LandscapePlot::Ground LandscapePlot::ground() const
{
    Ground g;
    g.grid = map_->grid();
    if (map_->hasGrid())
        g.contours = map_->contourLevels();
    g.axis1Name = map_->axis1Name();
    g.axis2Name = map_->axis2Name();
    g.field = map_->field();
    g.fieldVisible = map_->fieldVisible();
    g.view1 = xAxis->range();
    g.view2 = yAxis->range();
    g.ghost = paths_->ghostPoints();
    g.ghostLabel = paths_->ghostCurve()->name();
    return g;
}

void LandscapePlot::setGround(const Ground& g)
{
    if (g.grid.resolution() >= 2)
        setLandscape(g.grid, g.contours, g.axis1Name, g.axis2Name);
    if (g.field)
        setGradientField(*g.field);
    setGradientFieldVisible(g.fieldVisible);
    setGhostPath(g.ghost, g.ghostLabel);
    setView(g.view1.lower, g.view1.upper, g.view2.lower, g.view2.upper);
}

void LandscapePlot::resetView()
{
    if (map_->hasGrid()) {
        const auto& rq = map_->request();
        setView(rq.min1, rq.max1, rq.min2, rq.max2);
    } else {
        setView(-1, 1, -1, 1);
    }
}

// Every path drawn and the current point, by core's view-fit rule (the one render uses), never
// narrower than 2% of the grid (a path that has not moved yet).
void LandscapePlot::fitToPath()
{
    core::PlaneBox near;
    std::vector<std::vector<core::PlanePoint>> diverged;
    paths_->collectForFit(diverged_, near, diverged);
    if (arrows_->hasCurrent() && !diverged_)
        near.include(planePoint(arrows_->current()));
    if (!near.valid()) {
        resetView();
        return;
    }
    core::ViewFloor floor{0.02, 0.02, 0.0};
    if (map_->hasGrid()) {
        const auto& rq = map_->request();
        floor.span1 = 0.02 * (rq.max1 - rq.min1);
        floor.span2 = 0.02 * (rq.max2 - rq.min2);
    }
    const core::PlaneBox view = core::fitView(near, diverged, floor);
    setView(view.x0, view.x1, view.y0, view.y1);
}

void LandscapePlot::fitToMinimum()
{
    const QPointF minimum = map_->minimumPosition();
    if (!map_->hasGrid() || !finite(minimum)) {
        resetView();
        return;
    }
    const auto& rq = map_->request();
    const double w = 0.25 * (rq.max1 - rq.min1);
    const double h = 0.25 * (rq.max2 - rq.min2);
    setView(minimum.x() - w / 2, minimum.x() + w / 2, minimum.y() - h / 2, minimum.y() + h / 2);
}

void LandscapePlot::emitViewChanged()
{
    emit viewChanged(xAxis->range().lower, xAxis->range().upper, yAxis->range().lower, yAxis->range().upper);
}

// ---------------------------------------------------------------------------------------------
// Read-outs

double LandscapePlot::lossAt(QPointF point) const { return map_->lossAt(point); }
bool LandscapePlot::hasLandscape() const { return map_->hasGrid(); }
bool LandscapePlot::isLogColorScale() const { return map_->isLogColorScale(); }
bool LandscapePlot::isLandscapeStale() const { return map_->isStale(); }
bool LandscapePlot::gradientFieldVisible() const { return map_->fieldVisible(); }
QPointF LandscapePlot::minimumPosition() const { return map_->minimumPosition(); }
int LandscapePlot::pathPointCount() const { return paths_->pathPointCount(); }
qint64 LandscapePlot::pathAppendedCount() const { return paths_->pathAppendedCount(); }
QVector<QPointF> LandscapePlot::pathPoints() const { return paths_->pathPoints(); }
QCPColorMap* LandscapePlot::colorMap() const { return map_->colorMap(); }
int LandscapePlot::contourPointCount() const { return map_->contourPointCount(); }
QCPColorScale* LandscapePlot::colorScale() const { return map_->colorScale(); }
QLineF LandscapePlot::gradientArrow() const { return ArrowLayer::line(arrows_->gradientArrow()); }
QLineF LandscapePlot::stepArrow() const { return ArrowLayer::line(arrows_->stepArrow()); }
QLineF LandscapePlot::velocityArrow() const { return ArrowLayer::line(arrows_->velocityArrow()); }
int LandscapePlot::overlayPathCount() const { return paths_->overlayCount(); }
int LandscapePlot::overlayPointCount(int id) const { return paths_->overlayPointCount(id); }
QCPCurve* LandscapePlot::overlayCurve(int id) const { return paths_->overlayCurve(id); }
QCPGraph* LandscapePlot::overlayMarker(int id) const { return paths_->overlayMarker(id); }
QCPCurve* LandscapePlot::ghostCurve() const { return paths_->ghostCurve(); }
const core::LandscapeRequest& LandscapePlot::gridRequest() const { return map_->request(); }
const core::Array2D& LandscapePlot::lossGrid() const { return map_->loss(); }
QCPRange LandscapePlot::colorRange() const { return map_->colorScale()->dataRange(); }
QString LandscapePlot::axis1Name() const { return map_->axis1Name(); }
QString LandscapePlot::axis2Name() const { return map_->axis2Name(); }
QPointF LandscapePlot::currentPoint() const { return arrows_->hasCurrent() ? arrows_->current() : QPointF(kNaN, kNaN); }
quint64 LandscapePlot::gridRevision() const { return map_->gridRevision(); }
quint64 LandscapePlot::pathRevision() const { return paths_->pathRevision(); }

bool LandscapePlot::exportImage(const QString& path, QString* error)
{
    return exportPlotImage(this, path, error);
}

// ---------------------------------------------------------------------------------------------
// Mouse

QPointF LandscapePlot::pixelToCoords(QPointF pixel) const
{
    return QPointF(xAxis->pixelToCoord(pixel.x()), yAxis->pixelToCoord(pixel.y()));
}

void LandscapePlot::mousePressEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (!axisRect()->rect().contains(pos.toPoint())) {
        QCustomPlot::mousePressEvent(event);
        return;
    }
    const bool panModifier = event->modifiers().testAnyFlags(Qt::ShiftModifier | Qt::ControlModifier);
    if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && panModifier)) {
        panning_ = true;
        panStartPixel_ = pos;
        panStartX_ = xAxis->range();
        panStartY_ = yAxis->range();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        settingStart_ = true;
        emit startPointRequested(pixelToCoords(pos));
        event->accept();
        return;
    }
    QCustomPlot::mousePressEvent(event);
}

void LandscapePlot::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (panning_) {
        const double dx = (pos.x() - panStartPixel_.x()) * panStartX_.size() / std::max(1, axisRect()->width());
        const double dy = (pos.y() - panStartPixel_.y()) * panStartY_.size() / std::max(1, axisRect()->height());
        xAxis->setRange(panStartX_.lower - dx, panStartX_.upper - dx);
        yAxis->setRange(panStartY_.lower + dy, panStartY_.upper + dy);
        replot(rpQueuedReplot);
        event->accept();
        return;
    }
    if (settingStart_ && (event->buttons() & Qt::LeftButton)) {
        // Dragging past the edge pins the start point to the edge.
        const QRect r = axisRect()->rect();
        const QPointF clamped(std::clamp(pos.x(), static_cast<double>(r.left()), static_cast<double>(r.right())),
            std::clamp(pos.y(), static_cast<double>(r.top()), static_cast<double>(r.bottom())));
        emit startPointRequested(pixelToCoords(clamped));
    }
    updateHover(pos);
    QCustomPlot::mouseMoveEvent(event);
}

void LandscapePlot::mouseReleaseEvent(QMouseEvent* event)
{
    if (panning_ && !(event->buttons() & (Qt::LeftButton | Qt::RightButton | Qt::MiddleButton))) {
        panning_ = false;
        unsetCursor();
        emitViewChanged();
        event->accept();
        return;
    }
    if (settingStart_ && event->button() == Qt::LeftButton) {
        settingStart_ = false;
        event->accept();
        return;
    }
    QCustomPlot::mouseReleaseEvent(event);
}

void LandscapePlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    // A double click is two clicks that each already set the start point.
    event->accept();
}

void LandscapePlot::wheelEvent(QWheelEvent* event)
{
    QCustomPlot::wheelEvent(event);
    viewChangedTimer_.start();
}

void LandscapePlot::leaveEvent(QEvent* event)
{
    hideHover();
    emit hoverInfo(QPointF(kNaN, kNaN), kNaN);
    QCustomPlot::leaveEvent(event);
}

void LandscapePlot::updateHover(QPointF pixel)
{
    const QRect r = axisRect()->rect();
    if (!r.contains(pixel.toPoint())) {
        if (hoverText_->visible()) {
            hideHover();
            emit hoverInfo(QPointF(kNaN, kNaN), kNaN);
        }
        return;
    }
    const QPointF p = pixelToCoords(pixel);
    const double loss = lossAt(p);
    emit hoverInfo(p, loss);
    hoverText_->setText(tr("%1 = %2, %3 = %4, loss = %5")
                             .arg(map_->axis1Name(), number(p.x()), map_->axis2Name(), number(p.y()), number(loss)));
    // Beside the cursor, on the side with room.
    const bool left = pixel.x() > r.center().x();
    const bool below = pixel.y() < r.top() + 40;
    hoverText_->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | (below ? Qt::AlignTop : Qt::AlignBottom));
    hoverText_->position->setCoords(pixel + QPointF(left ? -14 : 14, below ? 16 : -10));
    hoverText_->setVisible(true);
    layer(overlayLayerName())->replot();
}

void LandscapePlot::hideHover()
{
    if (!hoverText_->visible())
        return;
    hoverText_->setVisible(false);
    layer(overlayLayerName())->replot();
}

}  // namespace downhill::ui
