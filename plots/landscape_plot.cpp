#include "plots/landscape_plot.h"

#include <QFileInfo>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <unordered_map>
#include <utility>

#include "plots/palette.h"

namespace downhill::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kPathSegments = 8;         // fading steps of the trajectory
constexpr int kPathDotsUpTo = 1500;      // stored points up to which every step gets a dot
constexpr double kPathMinPixels = 0.75;  // closer drawn path points add nothing visible
constexpr double kGradArrowMaxShare = 0.15;  // of the visible width
constexpr double kArrowMinPixels = 30.0;
constexpr double kLogDecades = 2.0;      // colour by log10 above this many decades
constexpr double kCurrentMarkerSize = 12.0;

const QString kMapLayer = QStringLiteral("map");
const QString kLiveLayer = QStringLiteral("live");
const QString kOverlayLayer = QStringLiteral("overlay");

bool finite(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

QString number(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    return QString::number(v, 'g', 4);
}

// Liang–Barsky: clips the segment a-b to the box; false when nothing of it is inside.
bool clipSegment(QPointF& a, QPointF& b, const QRectF& box)
{
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    double t0 = 0.0, t1 = 1.0;
    const std::array<double, 4> p = {-dx, dx, -dy, dy};
    const std::array<double, 4> q = {a.x() - box.left(), box.right() - a.x(), a.y() - box.top(), box.bottom() - a.y()};
    for (std::size_t k = 0; k < 4; ++k) {
        if (p[k] == 0.0) {
            if (q[k] < 0.0)
                return false;
            continue;
        }
        const double r = q[k] / p[k];
        if (p[k] < 0.0)
            t0 = std::max(t0, r);
        else
            t1 = std::min(t1, r);
        if (t0 > t1)
            return false;
    }
    const QPointF start(a.x() + t0 * dx, a.y() + t0 * dy);
    const QPointF end(a.x() + t1 * dx, a.y() + t1 * dy);
    a = start;
    b = end;
    return true;
}

// Marching squares yields unordered two-point segments. Joining the ones that share an end
// point turns a level into a few long polylines, which QPainter strokes far faster than
// thousands of separate lines. End points are matched on a lattice of `quantum` (a tiny fraction
// of a cell) relative to the grid's corner: neighbouring cells compute a shared crossing from
// opposite ends of the edge, so the two copies can differ in the last bits.
std::vector<QPolygonF> chainSegments(const std::vector<std::array<double, 4>>& segments, QPointF origin, QPointF quantum)
{
    using Key = std::pair<std::int64_t, std::int64_t>;
    struct KeyHash {
        std::size_t operator()(const Key& k) const
        {
            return static_cast<std::size_t>(static_cast<std::uint64_t>(k.first) * 0x9E3779B97F4A7C15ULL
                ^ static_cast<std::uint64_t>(k.second));
        }
    };
    auto key = [&](double x, double y) {
        return Key(std::llround((x - origin.x()) / quantum.x()), std::llround((y - origin.y()) / quantum.y()));
    };
    // End point -> segment ends there (2 s + 0 or 1); an interior point of a line joins two.
    std::unordered_map<Key, std::vector<int>, KeyHash> ends;
    ends.reserve(segments.size() * 2);
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const auto& seg = segments[s];
        ends[key(seg[0], seg[1])].push_back(static_cast<int>(2 * s));
        ends[key(seg[2], seg[3])].push_back(static_cast<int>(2 * s + 1));
    }
    std::vector<char> used(segments.size(), 0);
    auto endPoint = [&](int end) {
        const auto& seg = segments[static_cast<std::size_t>(end / 2)];
        return (end % 2 == 0) ? QPointF(seg[0], seg[1]) : QPointF(seg[2], seg[3]);
    };
    // Follows the line from `end` (an end of a used segment) as far as it goes.
    auto walk = [&](int end, QPolygonF& out) {
        for (;;) {
            const QPointF p = endPoint(end);
            const auto it = ends.find(key(p.x(), p.y()));
            int next = -1;
            if (it != ends.end()) {
                for (int candidate : it->second) {
                    if (!used[static_cast<std::size_t>(candidate / 2)]) {
                        next = candidate;
                        break;
                    }
                }
            }
            if (next < 0)
                return;
            used[static_cast<std::size_t>(next / 2)] = 1;
            const int far = next ^ 1;  // the segment's other end
            out.push_back(endPoint(far));
            end = far;
        }
    };
    std::vector<QPolygonF> lines;
    QPolygonF forward, backward;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        if (used[s])
            continue;
        used[s] = 1;
        forward.clear();
        backward.clear();
        walk(static_cast<int>(2 * s + 1), forward);
        walk(static_cast<int>(2 * s), backward);
        QPolygonF line;
        line.reserve(backward.size() + forward.size() + 2);
        for (auto it = backward.crbegin(); it != backward.crend(); ++it)
            line.push_back(*it);
        line.push_back(QPointF(segments[s][0], segments[s][1]));
        line.push_back(QPointF(segments[s][2], segments[s][3]));
        for (const QPointF& p : forward)
            line.push_back(p);
        lines.push_back(std::move(line));
    }
    return lines;
}

// Douglas-Peucker with the tolerance in cells along each axis: marching squares puts a point in
// every cell a line crosses, far more than a smooth line needs, and is itself only accurate to
// a fraction of a cell.
QPolygonF simplify(const QPolygonF& line, QPointF cell, double tolerance)
{
    const qsizetype n = line.size();
    if (n < 3)
        return line;
    std::vector<char> keep(static_cast<std::size_t>(n), 0);
    keep.front() = keep.back() = 1;
    auto scaled = [&](qsizetype k) { return QPointF(line[k].x() / cell.x(), line[k].y() / cell.y()); };
    std::vector<std::pair<qsizetype, qsizetype>> stack{{0, n - 1}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        const QPointF pa = scaled(a), pb = scaled(b);
        const QPointF d = pb - pa;
        const double len = std::hypot(d.x(), d.y());
        double worst = -1;
        qsizetype worstAt = -1;
        for (qsizetype k = a + 1; k < b; ++k) {
            const QPointF q = scaled(k) - pa;
            const double dist = len > 0 ? std::abs(q.x() * d.y() - q.y() * d.x()) / len : std::hypot(q.x(), q.y());
            if (dist > worst) {
                worst = dist;
                worstAt = k;
            }
        }
        if (worstAt >= 0 && worst > tolerance) {
            keep[static_cast<std::size_t>(worstAt)] = 1;
            stack.push_back({a, worstAt});
            stack.push_back({worstAt, b});
        }
    }
    QPolygonF out;
    for (qsizetype k = 0; k < n; ++k)
        if (keep[static_cast<std::size_t>(k)])
            out.push_back(line[k]);
    return out;
}

// A five-pointed star for QCPScatterStyle (ssCustom paths are scaled by size / 6).
QPainterPath starPath()
{
    QPainterPath path;
    for (int k = 0; k < 10; ++k) {
        const double r = (k % 2 == 0) ? 3.4 : 1.45;
        const double a = -std::numbers::pi / 2 + k * std::numbers::pi / 5;
        const QPointF p(r * std::cos(a), r * std::sin(a));
        if (k == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    path.closeSubpath();
    return path;
}

QCPItemText* makeTextItem(QCustomPlot* plot, const QString& layer, const QString& name)
{
    auto* item = new QCPItemText(plot);
    item->setObjectName(name);
    item->setLayer(layer);
    item->setFont(palette::annotationFont());
    item->setColor(palette::text());
    item->setPadding(QMargins(6, 3, 6, 3));
    item->setSelectable(false);
    return item;
}

}  // namespace

// The colour map with the contour lines on top, kept as one image at screen resolution: a
// replot that neither moved the view nor brought a new grid blits that image instead of
// rescaling the map and stroking every contour again. Exports (vector painters, scaled
// painters) are drawn directly, at full quality.
class CachedLandscapeMap : public QCPColorMap {
public:
    CachedLandscapeMap(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPColorMap(keyAxis, valueAxis)
    {
        connect(this, &QCPColorMap::dataRangeChanged, this, [this] { invalidate(); });
        connect(this, &QCPColorMap::dataScaleTypeChanged, this, [this] { invalidate(); });
        connect(this, &QCPColorMap::gradientChanged, this, [this] { invalidate(); });
    }

    // Polylines per level, in parameter coordinates.
    void setContourLines(std::vector<std::vector<QPolygonF>> levels)
    {
        contours_ = std::move(levels);
        invalidate();
    }
    int contourPointCount() const
    {
        int n = 0;
        for (const auto& level : contours_)
            for (const auto& line : level)
                n += static_cast<int>(line.size());
        return n;
    }
    void invalidate() { cache_ = QImage(); }

protected:
    void draw(QCPPainter* painter) override
    {
        if (painter->modes().testFlag(QCPPainter::pmVectorized) || painter->transform().isScaling()
            || painter->transform().isRotating()) {
            drawDirect(painter);
            return;
        }
        const QRect clip = painter->clipRegion().boundingRect();
        if (clip.isEmpty()) {
            drawDirect(painter);
            return;
        }
        const double dpr = painter->device()->devicePixelRatioF();
        const QPointF offset(painter->transform().dx(), painter->transform().dy());
        const bool valid = !cache_.isNull() && clip == cacheClip_ && dpr == cacheDpr_ && offset == cacheOffset_
            && keyAxis()->range() == cacheKeyRange_ && valueAxis()->range() == cacheValueRange_;
        if (!valid) {
            cache_ = QImage((QSizeF(clip.size()) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
            cache_.setDevicePixelRatio(dpr);
            cache_.fill(Qt::transparent);
            QCPPainter cachePainter(&cache_);
            cachePainter.translate(-QPointF(clip.topLeft()));
            cachePainter.setClipRect(clip);
            drawDirect(&cachePainter);
            cachePainter.end();
            cacheClip_ = clip;
            cacheDpr_ = dpr;
            cacheOffset_ = offset;
            cacheKeyRange_ = keyAxis()->range();
            cacheValueRange_ = valueAxis()->range();
        }
        painter->drawImage(clip.topLeft(), cache_);
    }

private:
    void drawDirect(QCPPainter* painter)
    {
        QCPColorMap::draw(painter);
        if (contours_.empty())
            return;
        painter->save();
        painter->setAntialiasing(true);
        // Qt 6 strokes a 1.0-wide pen much slower than a cosmetic one of the same look on screen.
        QPen pen(QColor(255, 255, 255, 105), painter->modes().testFlag(QCPPainter::pmVectorized) ? 1.0 : 0.0);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        QPolygonF pixels;
        for (const auto& level : contours_) {
            for (const QPolygonF& line : level) {
                pixels.resize(line.size());
                for (qsizetype k = 0; k < line.size(); ++k)
                    pixels[k] = coordsToPixels(line[k].x(), line[k].y());
                painter->drawPolyline(pixels);
            }
        }
        painter->restore();
    }

    std::vector<std::vector<QPolygonF>> contours_;
    QImage cache_;
    QRect cacheClip_;
    double cacheDpr_ = 0;
    QPointF cacheOffset_;
    QCPRange cacheKeyRange_, cacheValueRange_;
};

LandscapePlot::LandscapePlot(QWidget* parent) : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("landscapePlot"));
    setMouseTracking(true);
    setAutoAddPlottableToLegend(false);
    setInteractions(QCP::iRangeZoom);  // panning is ours: a left drag sets the start point
    setNoAntialiasingOnDrag(true);
    palette::stylePlot(this);
    for (QCPAxis* axis : {xAxis, yAxis})
        axis->grid()->setVisible(false);  // the map covers the whole rect
    xAxis2->setVisible(false);
    yAxis2->setVisible(false);
    axisRect()->setBackground(QBrush(palette::panel()));

    addLayer(kMapLayer, layer(QStringLiteral("grid")), limAbove);
    addLayer(kLiveLayer, layer(QStringLiteral("legend")), limAbove);
    liveLayer_ = layer(kLiveLayer);
    liveLayer_->setMode(QCPLayer::lmBuffered);
    layer(kOverlayLayer)->setMode(QCPLayer::lmBuffered);

    // Colour scale first, then the map's gradient: setColorScale() copies the scale's gradient
    // and range into the map, so the other order shows wrong colours.
    scale_ = new QCPColorScale(this);
    scale_->setObjectName(QStringLiteral("colorScale"));
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(14);
    palette::styleAxis(scale_->axis());
    scale_->axis()->setLabel(QStringLiteral("loss"));
    plotLayout()->addElement(0, 1, scale_);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);

    map_ = new CachedLandscapeMap(xAxis, yAxis);
    map_->setObjectName(QStringLiteral("colorMap"));
    map_->setLayer(kMapLayer);
    map_->setColorScale(scale_);
    map_->setGradient(palette::lossGradient());
    map_->setInterpolate(true);
    map_->setTightBoundary(true);
    map_->setSelectable(QCP::stNone);
    map_->setAntialiased(false);  // no half-pixel shift: the cached image is blitted 1:1
    map_->setVisible(false);
    scale_->setRangeDrag(false);  // the wheel zooms the landscape, not the colours
    scale_->setRangeZoom(false);

    fieldCurve_ = new QCPCurve(xAxis, yAxis);
    fieldCurve_->setObjectName(QStringLiteral("gradientField"));
    fieldCurve_->setLayer(kMapLayer);
    fieldCurve_->setPen(QPen(QColor(255, 255, 255, 170), 1));
    fieldCurve_->setSelectable(QCP::stNone);
    fieldCurve_->setVisible(false);

    minimumMarker_ = new QCPGraph(xAxis, yAxis);
    minimumMarker_->setObjectName(QStringLiteral("minimumMarker"));
    minimumMarker_->setLayer(kMapLayer);
    minimumMarker_->setLineStyle(QCPGraph::lsNone);
    minimumMarker_->setScatterStyle(QCPScatterStyle(starPath(), QPen(palette::halo(), 1.2), QBrush(palette::minimum()), 22));
    minimumMarker_->setSelectable(QCP::stNone);
    minimumMarker_->setVisible(false);
    otherMinimumMarker_ = new QCPGraph(xAxis, yAxis);
    otherMinimumMarker_->setObjectName(QStringLiteral("otherMinimumMarker"));
    otherMinimumMarker_->setLayer(kMapLayer);
    otherMinimumMarker_->setLineStyle(QCPGraph::lsNone);
    otherMinimumMarker_->setScatterStyle(QCPScatterStyle(starPath(), QPen(palette::minimum(), 1.5), Qt::NoBrush, 22));
    otherMinimumMarker_->setSelectable(QCP::stNone);
    otherMinimumMarker_->setVisible(false);
    // The label moves out of the way of the arrows, so it lives on the live layer.
    minimumLabel_ = makeTextItem(this, kLiveLayer, QStringLiteral("minimumLabel"));
    minimumLabel_->position->setType(QCPItemPosition::ptPlotCoords);
    minimumLabel_->setColor(palette::minimum());
    minimumLabel_->setBrush(QColor(20, 20, 20, 190));
    minimumLabel_->setPadding(QMargins(4, 1, 4, 1));
    minimumLabel_->setVisible(false);

    staleShade_ = new QCPItemRect(this);
    staleShade_->setObjectName(QStringLiteral("staleShade"));
    staleShade_->setLayer(kMapLayer);
    staleShade_->topLeft->setType(QCPItemPosition::ptAxisRectRatio);
    staleShade_->bottomRight->setType(QCPItemPosition::ptAxisRectRatio);
    staleShade_->topLeft->setCoords(-0.01, -0.01);
    staleShade_->bottomRight->setCoords(1.01, 1.01);
    staleShade_->setPen(Qt::NoPen);
    staleShade_->setBrush(QColor(250, 250, 247, 150));
    staleShade_->setSelectable(false);
    staleShade_->setVisible(false);
    staleText_ = makeTextItem(this, kMapLayer, QStringLiteral("staleText"));
    staleText_->position->setType(QCPItemPosition::ptAxisRectRatio);
    staleText_->position->setCoords(0.99, 0.01);
    staleText_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    staleText_->setText(QStringLiteral("updating landscape…"));
    staleText_->setColor(palette::mutedText());
    staleText_->setVisible(false);

    // The live layer: ghost path, path (oldest segment first so the newest is drawn on top),
    // start, arrows, current point. Overlay paths, added later, go between the ghost and the path.
    ghostCurve_ = new QCPCurve(xAxis, yAxis);
    ghostCurve_->setObjectName(QStringLiteral("ghostPath"));
    ghostCurve_->setLayer(kLiveLayer);
    // Wider than the live path, which it runs beside and under, so both stay visible.
    ghostCurve_->setPen(QPen(palette::ghostPath(), 2));
    ghostCurve_->setSelectable(QCP::stNone);
    for (int k = 0; k < kPathSegments; ++k) {
        auto* curve = new QCPCurve(xAxis, yAxis);
        curve->setObjectName(QStringLiteral("path%1").arg(k));
        curve->setLayer(kLiveLayer);
        const double t = (k + 1.0) / kPathSegments;
        QColor color = palette::pathOld();
        const QColor newest = palette::path();
        color.setRgbF(static_cast<float>(color.redF() + t * (newest.redF() - color.redF())),
            static_cast<float>(color.greenF() + t * (newest.greenF() - color.greenF())),
            static_cast<float>(color.blueF() + t * (newest.blueF() - color.blueF())),
            static_cast<float>(0.3 + 0.7 * t * t));
        curve->setPen(QPen(color, 1));
        curve->setSelectable(QCP::stNone);
        pathCurves_.push_back(curve);
    }
    startMarker_ = new QCPGraph(xAxis, yAxis);
    startMarker_->setObjectName(QStringLiteral("startMarker"));
    startMarker_->setLayer(kLiveLayer);
    startMarker_->setLineStyle(QCPGraph::lsNone);
    startMarker_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::pathOld(), 1.5), Qt::NoBrush, 9));
    startMarker_->setSelectable(QCP::stNone);

    velocityArrow_ = makeArrow(QStringLiteral("velocityArrow"), palette::velocityArrow(), QStringLiteral("velocity"));
    gradArrow_ = makeArrow(QStringLiteral("gradientArrow"), palette::gradientArrow(), QStringLiteral("-grad"));
    stepArrow_ = makeArrow(QStringLiteral("stepArrow"), palette::stepArrow(), QStringLiteral("step"));

    currentMarker_ = new QCPGraph(xAxis, yAxis);
    currentMarker_->setObjectName(QStringLiteral("currentMarker"));
    currentMarker_->setLayer(kLiveLayer);
    currentMarker_->setLineStyle(QCPGraph::lsNone);
    currentMarker_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::halo(), 2), QBrush(palette::current()), kCurrentMarkerSize));
    currentMarker_->setSelectable(QCP::stNone);
    currentMarker_->setVisible(false);
    liveStack_ = liveLayer_->children();
    liveStack_.removeOne(ghostCurve_);
    raiseLiveStack();  // the minimum's label came before the ghost: above it now

    // The legend names the overlay paths; it sits with the captions, above the live layer.
    legend->setLayer(kOverlayLayer);
    legend->setVisible(false);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    // Overlay layer: divergence banner, captions, hover read-out.
    banner_ = makeTextItem(this, kOverlayLayer, QStringLiteral("divergedBanner"));
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

    captions_ = makeTextItem(this, kOverlayLayer, QStringLiteral("captions"));
    captions_->position->setType(QCPItemPosition::ptAxisRectRatio);
    captions_->position->setCoords(0.012, 0.985);
    captions_->setProperty("dhFixedFont", true);   // sized to fit the plot (below), not scaled
    captions_->setPositionAlignment(Qt::AlignBottom | Qt::AlignLeft);
    captions_->setTextAlignment(Qt::AlignLeft);
    captions_->setBrush(QColor(255, 255, 255, 215));
    captions_->setPen(QPen(QColor(0, 0, 0, 40), 1));
    captions_->setText(QStringLiteral("The -grad arrow points down the steepest slope: minus the gradient.\n"
                                       "The step is lr × minus the gradient (plus momentum)."));

    hoverText_ = makeTextItem(this, kOverlayLayer, QStringLiteral("hoverText"));
    hoverText_->position->setType(QCPItemPosition::ptAbsolute);
    hoverText_->setBrush(QColor(255, 255, 255, 225));
    hoverText_->setPen(QPen(QColor(0, 0, 0, 60), 1));
    hoverText_->setClipToAxisRect(false);
    hoverText_->setVisible(false);

    viewChangedTimer_.setSingleShot(true);
    viewChangedTimer_.setInterval(150);  // one signal per burst of wheel steps
    connect(&viewChangedTimer_, &QTimer::timeout, this, &LandscapePlot::emitViewChanged);

    // Arrow lengths and the field's arrows are in screen proportions: recompute when the view
    // moves or the axis rect changes size.
    auto onRange = [this] {
        updateLiveGeometry();
        updateFieldGeometry();
        if (path_.size() > kPathDotsUpTo)
            updatePathCurves();  // thinned for the zoom
        updateOverlayCurves();
        updateLegend();
    };
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, onRange);
    connect(yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, onRange);
    connect(this, &QCustomPlot::afterLayout, this, [this] {
        // On a small plot the captions would cover much of the map: a smaller font there.
        QFont captionFont = palette::annotationFont();
        if (axisRect()->width() < 700)
            captionFont.setPointSizeF(8.5);
        if (captions_->font() != captionFont)
            captions_->setFont(captionFont);
        if (QSizeF(axisRect()->size()) != geometrySize_) {
            updateLiveGeometry();
            updateFieldGeometry();
            if (path_.size() > kPathDotsUpTo)
                updatePathCurves();
            updateOverlayCurves();
            updateLegend();
        }
    });

    xAxis->setLabel(axis1Name_);
    yAxis->setLabel(axis2Name_);
    setView(-1, 1, -1, 1);
}

LandscapePlot::Arrow LandscapePlot::makeArrow(const QString& name, const QColor& color, const QString& text)
{
    Arrow arrow;
    arrow.halo = new QCPItemLine(this);
    arrow.halo->setObjectName(name + QStringLiteral("Halo"));
    arrow.halo->setLayer(kLiveLayer);
    QColor halo = palette::halo();
    halo.setAlpha(215);
    arrow.halo->setPen(QPen(halo, 5.0, Qt::SolidLine, Qt::RoundCap));
    arrow.halo->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 17, 21));
    arrow.core = new QCPItemLine(this);
    arrow.core->setObjectName(name);
    arrow.core->setLayer(kLiveLayer);
    arrow.core->setPen(QPen(color, 2.5, Qt::SolidLine, Qt::RoundCap));
    arrow.core->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 11, 15));
    arrow.label = makeTextItem(this, kLiveLayer, name + QStringLiteral("Label"));
    arrow.label->setText(text);
    QFont font = palette::annotationFont();
    font.setBold(true);
    arrow.label->setFont(font);
    arrow.label->setColor(color);
    arrow.label->setBrush(QColor(20, 20, 20, 200));
    arrow.label->setPadding(QMargins(4, 1, 4, 1));
    arrow.label->position->setType(QCPItemPosition::ptPlotCoords);
    for (QCPItemLine* line : {arrow.halo, arrow.core}) {
        line->setSelectable(false);
        line->setVisible(false);
    }
    arrow.label->setVisible(false);
    return arrow;
}

QLineF LandscapePlot::arrowLine(const Arrow& arrow)
{
    if (!arrow.core->visible())
        return QLineF(kNaN, kNaN, kNaN, kNaN);
    return QLineF(arrow.core->start->coords(), arrow.core->end->coords());
}

// ---------------------------------------------------------------------------------------------
// Grid

void LandscapePlot::setLandscape(const core::LandscapeGrid& grid, const std::vector<core::ContourLevel>& contours,
    const QString& axis1Name, const QString& axis2Name)
{
    const auto& rq = grid.request;
    const int g = rq.resolution;
    if (grid.loss.rows() != g || grid.loss.cols() != g || g < 2)
        return;  // not a complete grid: keep the one we have
    const bool axesChanged = !hasGrid_ || rq.axis1 != axis1_ || rq.axis2 != axis2_ || axis1Name != axis1Name_
        || axis2Name != axis2Name_;
    hasGrid_ = true;
    ++gridRevision_;
    request_ = rq;
    loss_ = grid.loss;
    minLoss_ = grid.minLoss;
    maxLoss_ = grid.maxLoss;
    axis1_ = rq.axis1;
    axis2_ = rq.axis2;
    axis1Name_ = axis1Name;
    axis2Name_ = axis2Name;

    // Colours: log10 when the finite values are positive and span more than kLogDecades
    // decades, so the valley floor shows structure instead of one flat colour.
    const bool finiteRange = std::isfinite(minLoss_) && std::isfinite(maxLoss_);
    double lower = finiteRange ? minLoss_ : 0.0;
    double upper = finiteRange ? maxLoss_ : 1.0;
    logColors_ = false;
    if (finiteRange && minLoss_ >= 0.0 && maxLoss_ > 0.0) {
        double positiveMin = minLoss_;
        if (positiveMin <= 0.0) {  // an exact fit: the smallest positive cell sets the floor
            positiveMin = maxLoss_;
            for (Eigen::Index k = 0; k < loss_.size(); ++k) {
                const double v = loss_.data()[k];
                if (std::isfinite(v) && v > 0.0)
                    positiveMin = std::min(positiveMin, v);
            }
        }
        positiveMin = std::max(positiveMin, maxLoss_ * 1e-12);
        if (std::log10(maxLoss_ / positiveMin) > kLogDecades) {
            logColors_ = true;
            lower = positiveMin;
        }
    }
    if (!(upper > lower)) {  // a flat landscape still needs a non-empty range
        const double pad = std::max(std::abs(lower) * 1e-6, 1e-12);
        lower -= pad;
        upper += pad;
        if (logColors_ && lower <= 0.0)
            lower = upper * 0.5;
    }

    map_->invalidate();
    auto* cells = map_->data();
    cells->setSize(g, g);
    cells->setRange(QCPRange(rq.min1, rq.max1), QCPRange(rq.min2, rq.max2));
    for (int j = 0; j < g; ++j) {
        for (int i = 0; i < g; ++i) {
            double v = loss_(i, j);
            // QCustomPlot takes log(v / lower) of every cell on a log scale: keep v >= lower.
            if (logColors_ && std::isfinite(v))
                v = std::max(v, lower);
            cells->setCell(i, j, v);
        }
    }
    scale_->setDataScaleType(logColors_ ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logColors_) {
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        scale_->axis()->setTicker(ticker);
        scale_->axis()->setNumberFormat(QStringLiteral("g"));
        scale_->axis()->setLabel(QStringLiteral("loss (log scale)"));
    } else {
        scale_->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
        scale_->axis()->setNumberFormat(QStringLiteral("g"));
        scale_->axis()->setLabel(QStringLiteral("loss"));
    }
    scale_->setDataRange(QCPRange(lower, upper));
    map_->setVisible(true);

    setContours(contours);

    minimum_ = QPointF(rq.value1(grid.argmin1), rq.value2(grid.argmin2));
    argmin1_ = grid.argmin1;
    argmin2_ = grid.argmin2;
    contourLevels_ = contours;
    const bool hasMinimum = std::isfinite(minLoss_);
    minimumMarker_->data()->clear();
    if (hasMinimum)
        minimumMarker_->addData(minimum_.x(), minimum_.y());
    minimumMarker_->setVisible(hasMinimum);
    minimumLabel_->setText(QStringLiteral("grid min %1").arg(number(minLoss_)));

    xAxis->setLabel(axis1Name);
    yAxis->setLabel(axis2Name);

    const QCPRange x = xAxis->range(), y = yAxis->range();
    const bool viewInside = x.lower >= rq.min1 && x.upper <= rq.max1 && y.lower >= rq.min2 && y.upper <= rq.max2;
    if (axesChanged || !viewInside)
        resetView();

    setLandscapeStale(false);
    updateLiveGeometry();
}

void LandscapePlot::setContours(const std::vector<core::ContourLevel>& contours)
{
    const QPointF origin(request_.min1, request_.min2);
    const QPointF cell((request_.max1 - request_.min1) / (request_.resolution - 1),
        (request_.max2 - request_.min2) / (request_.resolution - 1));
    std::vector<std::vector<QPolygonF>> levels;
    levels.reserve(contours.size());
    for (const auto& contour : contours) {
        std::vector<QPolygonF> lines;
        for (const QPolygonF& line : chainSegments(contour.segments, origin, cell * 1e-7))
            lines.push_back(simplify(line, cell, 0.08));
        levels.push_back(std::move(lines));
    }
    map_->setContourLines(std::move(levels));
}

QCPColorMap* LandscapePlot::colorMap() const
{
    return map_;
}

int LandscapePlot::contourPointCount() const
{
    return map_->contourPointCount();
}

void LandscapePlot::setLandscapeStale(bool stale)
{
    stale_ = stale;
    staleShade_->setVisible(stale && hasGrid_);
    staleText_->setVisible(stale && hasGrid_);
}

double LandscapePlot::lossAt(QPointF point) const
{
    if (!hasGrid_)
        return kNaN;
    return core::bilinearLoss(request_, loss_, point.x(), point.y());
}

QCPRange LandscapePlot::colorRange() const
{
    return scale_->dataRange();
}

QPointF LandscapePlot::currentPoint() const
{
    return hasCurrent_ ? current_ : QPointF(kNaN, kNaN);
}

QPointF LandscapePlot::minimumPosition() const
{
    if (minimumMarker_->data()->isEmpty())
        return QPointF(kNaN, kNaN);
    const auto it = minimumMarker_->data()->constBegin();
    return QPointF(it->key, it->value);
}

// ---------------------------------------------------------------------------------------------
// Gradient field

void LandscapePlot::setGradientField(const core::GradientField& field)
{
    const int g = field.request.resolution;
    hasField_ = g >= 2 && field.d1.rows() == g && field.d1.cols() == g && field.d2.rows() == g && field.d2.cols() == g;
    if (hasField_)
        field_ = field;
    updateFieldGeometry();
}

void LandscapePlot::setGradientFieldVisible(bool visible)
{
    fieldVisible_ = visible;
    updateFieldGeometry();
    if (follower_)
        follower_->setGradientFieldVisible(visible);
}

// One short arrow of minus the gradient per field node, all of the same on-screen length (the
// field shows directions; the colours already show steepness), in a single NaN-separated curve.
void LandscapePlot::updateFieldGeometry()
{
    if (!fieldVisible_ || !hasField_) {
        fieldCurve_->setVisible(false);
        fieldCurve_->data()->clear();
        return;
    }
    const auto& rq = field_.request;
    const int g = rq.resolution;
    const QPointF perPixel = paramsPerPixel();
    const double cellX = (rq.max1 - rq.min1) / (g - 1) / perPixel.x();
    const double cellY = (rq.max2 - rq.min2) / (g - 1) / perPixel.y();
    const double length = std::clamp(0.7 * std::min(cellX, cellY), 6.0, 40.0);
    const double barb = std::min(0.35 * length, 7.0);
    const double c = std::cos(0.45), s = std::sin(0.45);
    auto toParams = [&](QPointF px) { return QPointF(px.x() * perPixel.x(), px.y() * perPixel.y()); };
    QVector<QCPCurveData> arrows;
    arrows.reserve(g * g * 7);
    double t = 0;
    auto push = [&](QPointF p) { arrows.push_back(QCPCurveData(t++, p.x(), p.y())); };
    for (int j = 0; j < g; ++j) {
        for (int i = 0; i < g; ++i) {
            // Screen direction of -grad (y up).
            const double gx = -field_.d1(i, j), gy = -field_.d2(i, j);
            const double scale = std::max(std::abs(gx), std::abs(gy));
            if (!(std::isfinite(scale) && scale > 0.0))
                continue;
            const QPointF dirPx((gx / scale) / perPixel.x(), (gy / scale) / perPixel.y());
            const double norm = std::hypot(dirPx.x(), dirPx.y());
            if (!(norm > 0.0) || !std::isfinite(norm))
                continue;
            const QPointF d = dirPx / norm;
            const QPointF centre(rq.value1(i), rq.value2(j));
            const QPointF tip = centre + toParams(d * (length / 2));
            const QPointF tail = centre - toParams(d * (length / 2));
            const QPointF back = -d * barb;
            const QPointF left(back.x() * c - back.y() * s, back.x() * s + back.y() * c);
            const QPointF right(back.x() * c + back.y() * s, -back.x() * s + back.y() * c);
            push(tail);
            push(tip);
            push(QPointF(kNaN, kNaN));
            push(tip + toParams(left));
            push(tip);
            push(tip + toParams(right));
            push(QPointF(kNaN, kNaN));
        }
    }
    fieldCurve_->data()->set(arrows, true);
    fieldCurve_->setVisible(true);
}

// ---------------------------------------------------------------------------------------------
// Path and current point

// Bounded memory for a path of any length: at most kMaxPathPoints points are stored (and drawn).
// When the store is full, the older half is thinned to every other point, its first point (the
// start of the run) always kept, and the newer half is kept as it is; then the new point is
// appended. Repeated thinning leaves the oldest part of a long run the sparsest and the recent
// part dense, and the newest point is always exact. Each point keeps its ordinal so that the
// fading goes by time, whatever was dropped.
void LandscapePlot::appendPath(const QVector<QPointF>& points)
{
    appendBounded(path_, appended_, points);
    ++pathRevision_;
    updatePathCurves();
    if (follower_)
        follower_->appendPath(points);
}

void LandscapePlot::appendBounded(QVector<PathPoint>& path, qint64& appended, const QVector<QPointF>& points)
{
    for (const QPointF& p : points) {
        if (!finite(p))
            continue;
        if (path.size() >= kMaxPathPoints) {
            const qsizetype half = path.size() / 2;
            qsizetype w = 0;
            for (qsizetype r = 0; r < half; r += 2)
                path[w++] = path[r];
            for (qsizetype r = half; r < path.size(); ++r)
                path[w++] = path[r];
            path.resize(w);
        }
        path.push_back(PathPoint{p, appended++});
    }
}

void LandscapePlot::clearPath()
{
    path_.clear();
    appended_ = 0;
    ++pathRevision_;
    updatePathCurves();
    if (follower_)
        follower_->clearPath();
}

QVector<QPointF> LandscapePlot::pathPoints() const
{
    QVector<QPointF> out;
    out.reserve(path_.size());
    for (const auto& p : path_)
        out.push_back(p.point);
    return out;
}

// The path in kPathSegments curves by time (equal shares of the run so far), older ones paler
// and more transparent; each segment repeats the next one's first point so the line is
// unbroken. A long path is also thinned for drawing at the current zoom: a point less than
// kPathMinPixels from the last drawn one (in x and in y) adds nothing visible, and a converged
// run piles thousands of them onto a few pixels. Short paths keep every point (each step gets a
// dot), and the newest point and the segment joins are always drawn.
void LandscapePlot::updatePathCurves()
{
    std::array<QVector<QCPCurveData>, kPathSegments> parts;
    const double n = static_cast<double>(std::max<qint64>(appended_, 1));
    auto segmentOf = [&](qint64 ordinal) {
        return std::min(kPathSegments - 1, static_cast<int>(static_cast<double>(ordinal) * kPathSegments / n));
    };
    const bool dots = path_.size() <= kPathDotsUpTo;
    const QPointF minStep = paramsPerPixel() * kPathMinPixels;
    auto push = [](QVector<QCPCurveData>& part, QPointF p) {
        part.push_back(QCPCurveData(static_cast<double>(part.size()), p.x(), p.y()));
    };
    for (qsizetype k = 0; k < path_.size(); ++k) {
        const QPointF p = path_[k].point;
        const int seg = segmentOf(path_[k].ordinal);
        const int next = k + 1 < path_.size() ? segmentOf(path_[k + 1].ordinal) : seg;
        auto& part = parts[static_cast<std::size_t>(seg)];
        const bool mustKeep = dots || part.isEmpty() || k + 1 == path_.size() || next != seg;
        if (mustKeep || std::abs(p.x() - part.constLast().key) >= minStep.x()
            || std::abs(p.y() - part.constLast().value) >= minStep.y())
            push(part, p);
        // Bridge into every segment this point starts, so the line has no gaps.
        for (int s = seg + 1; s <= next; ++s)
            push(parts[static_cast<std::size_t>(s)], p);
    }
    for (int k = 0; k < kPathSegments; ++k) {
        QCPCurve* curve = pathCurves_[k];
        curve->data()->set(parts[static_cast<std::size_t>(k)], true);
        palette::setScatter(curve, dots ? QCPScatterStyle(QCPScatterStyle::ssDisc, curve->pen().color(), 4) : QCPScatterStyle());
    }
    startMarker_->data()->clear();
    if (!path_.isEmpty())
        startMarker_->addData(path_.front().point.x(), path_.front().point.y());
}

// ---------------------------------------------------------------------------------------------
// Overlay paths and the ghost path

void LandscapePlot::Overlay::setId(int id)
{
    curve->setObjectName(QStringLiteral("overlayPath%1").arg(id));
    marker->setObjectName(QStringLiteral("overlayCurrent%1").arg(id));
}

int LandscapePlot::addOverlayPath(const QString& label, const QColor& color)
{
    const int id = static_cast<int>(overlays_.size());
    Overlay overlay;
    overlay.curve = new QCPCurve(xAxis, yAxis);
    overlay.curve->setLayer(kLiveLayer);
    overlay.curve->setName(label);
    overlay.curve->setPen(QPen(color, 1));
    overlay.curve->setSelectable(QCP::stNone);
    overlay.curve->addToLegend();
    overlay.marker = new QCPGraph(xAxis, yAxis);
    overlay.setId(id);
    overlay.marker->setLayer(kLiveLayer);
    overlay.marker->setLineStyle(QCPGraph::lsNone);
    overlay.marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::halo(), 1.5), QBrush(color), 10));
    overlay.marker->setSelectable(QCP::stNone);
    overlay.marker->setVisible(false);
    overlays_.push_back(overlay);
    raiseLiveStack();
    if (palette::presentationScale() != 1.0)
        palette::applyPresentationScale(this);
    updateLegend();
    return id;
}

void LandscapePlot::appendOverlayPath(int id, const QVector<QPointF>& points)
{
    if (id < 0 || id >= overlays_.size())
        return;
    Overlay& overlay = overlays_[id];
    const bool starting = overlay.path.isEmpty();
    appendBounded(overlay.path, overlay.appended, points);
    drawThinned(overlay.curve, overlay.path, 4.0);
    if (starting)
        updateLegend();
}

void LandscapePlot::setOverlayCurrent(int id, QPointF point)
{
    if (id < 0 || id >= overlays_.size())
        return;
    QCPGraph* marker = overlays_[id].marker;
    marker->data()->clear();
    marker->setVisible(finite(point));
    if (finite(point))
        marker->addData(point.x(), point.y());
}

void LandscapePlot::resetOverlayPath(int id)
{
    if (id < 0 || id >= overlays_.size())
        return;
    Overlay& overlay = overlays_[id];
    overlay.path.clear();
    overlay.appended = 0;
    overlay.diverged = false;
    drawThinned(overlay.curve, overlay.path, 4.0);
    setOverlayCurrent(id, QPointF(kNaN, kNaN));
}

void LandscapePlot::removeOverlayPath(int id)
{
    if (id < 0 || id >= overlays_.size())
        return;
    removePlottable(overlays_[id].curve);  // also takes it out of the legend
    removePlottable(overlays_[id].marker);
    overlays_.remove(id);
    for (int k = id; k < overlays_.size(); ++k)
        overlays_[k].setId(k);
    updateLegend();
}

void LandscapePlot::clearOverlayPaths()
{
    for (const Overlay& overlay : std::as_const(overlays_)) {
        removePlottable(overlay.curve);  // also takes it out of the legend
        removePlottable(overlay.marker);
    }
    overlays_.clear();
    updateLegend();
}

void LandscapePlot::setGhostPath(const QVector<QPointF>& points, const QString& label)
{
    if (follower_)
        follower_->setGhostPath(points, label);
    ghost_.clear();
    qint64 appended = 0;
    appendBounded(ghost_, appended, points);
    drawThinned(ghostCurve_, ghost_, 5.0);
    ghostCurve_->setName(label);
    if (label.isEmpty())
        ghostCurve_->removeFromLegend();
    else
        ghostCurve_->addToLegend();
    updateLegend();
}

void LandscapePlot::clearGhostPath()
{
    setGhostPath({});
}

int LandscapePlot::overlayPointCount(int id) const
{
    return id >= 0 && id < overlays_.size() ? static_cast<int>(overlays_[id].path.size()) : -1;
}

QCPCurve* LandscapePlot::overlayCurve(int id) const
{
    return id >= 0 && id < overlays_.size() ? overlays_[id].curve : nullptr;
}

QCPGraph* LandscapePlot::overlayMarker(int id) const
{
    return id >= 0 && id < overlays_.size() ? overlays_[id].marker : nullptr;
}

// One curve per path, thinned for drawing as the main path is: short paths keep every point
// (with a dot per step when dotSize > 0), long ones skip points that would land within
// kPathMinPixels of the last drawn one; the newest point is always drawn.
void LandscapePlot::drawThinned(QCPCurve* curve, const QVector<PathPoint>& path, double dotSize)
{
    const bool every = path.size() <= kPathDotsUpTo;
    const QPointF minStep = paramsPerPixel() * kPathMinPixels;
    QVector<QCPCurveData> drawn;
    drawn.reserve(path.size());
    for (qsizetype k = 0; k < path.size(); ++k) {
        const QPointF p = path[k].point;
        if (every || drawn.isEmpty() || k + 1 == path.size() || std::abs(p.x() - drawn.constLast().key) >= minStep.x()
            || std::abs(p.y() - drawn.constLast().value) >= minStep.y())
            drawn.push_back(QCPCurveData(static_cast<double>(drawn.size()), p.x(), p.y()));
    }
    curve->data()->set(drawn, true);
    palette::setScatter(curve, every && dotSize > 0.0 ? QCPScatterStyle(QCPScatterStyle::ssDisc, curve->pen().color(), dotSize)
                                                      : QCPScatterStyle());
}

void LandscapePlot::updateOverlayCurves()
{
    for (const Overlay& overlay : std::as_const(overlays_))
        drawThinned(overlay.curve, overlay.path, 4.0);
    drawThinned(ghostCurve_, ghost_, 5.0);
}

void LandscapePlot::raiseLiveStack()
{
    // Setting the layer again moves a layerable to the top of that layer.
    for (QCPLayerable* item : std::as_const(liveStack_))
        item->setLayer(liveLayer_);
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
        legend->item(k)->setLayer(kOverlayLayer);
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
    auto count = [&](QPointF p) {
        const QPointF pixel(xAxis->coordToPixel(p.x()), yAxis->coordToPixel(p.y()));
        for (Corner& corner : corners)
            corner.points += corner.rect.contains(pixel) ? 1 : 0;
    };
    for (const auto& p : std::as_const(path_))
        count(p.point);
    for (const auto& p : std::as_const(ghost_))
        count(p.point);
    for (const Overlay& overlay : std::as_const(overlays_))
        for (const auto& p : overlay.path)
            count(p.point);
    const auto best = std::min_element(corners.begin(), corners.end(), [](const Corner& a, const Corner& b) { return a.points < b.points; });
    axisRect()->insetLayout()->setInsetAlignment(0, best->alignment);
}

void LandscapePlot::setCurrent(QPointF point, QPointF negGradient, QPointF step, QPointF velocity)
{
    hasCurrent_ = finite(point);
    current_ = point;
    negGradient_ = negGradient;
    step_ = step;
    velocity_ = velocity;
    updateLiveGeometry();
    if (follower_)
        follower_->setCurrent(point, negGradient, step, velocity);
}

QPointF LandscapePlot::paramsPerPixel() const
{
    // Before the first layout the axis rect has no size; any aspect will do until it has.
    const double w = axisRect()->width() > 10 ? axisRect()->width() : 800.0;
    const double h = axisRect()->height() > 10 ? axisRect()->height() : 600.0;
    return QPointF(xAxis->range().size() / w, yAxis->range().size() / h);
}

void LandscapePlot::applyPresentationScale()
{
    palette::applyPresentationScale(this);
    // Arrow heads and path dots are sized where they are placed.
    updateLiveGeometry();
    updatePathCurves();
    updateOverlayCurves();
    updateLegend();
    replot(rpQueuedReplot);
}

void LandscapePlot::placeArrow(Arrow& arrow, QPointF from, QPointF to, const QRectF& box, double gapAtEnd)
{
    const QPointF perPixel = paramsPerPixel();
    const bool endsInside = box.contains(to);
    bool visible = finite(from) && finite(to) && clipSegment(from, to, box);
    QPointF d = visible ? QPointF((to.x() - from.x()) / perPixel.x(), (to.y() - from.y()) / perPixel.y()) : QPointF();
    double length = std::hypot(d.x(), d.y());
    if (visible && endsInside && gapAtEnd > 0.0 && length > gapAtEnd) {
        // Stop short of the marker drawn at the end point, so the head is not hidden under it.
        const double keep = (length - gapAtEnd) / length;
        to = from + (to - from) * keep;
        d *= keep;
        length -= gapAtEnd;
    }
    visible = visible && length >= 4.0;
    arrow.halo->setVisible(visible);
    arrow.core->setVisible(visible);
    arrow.label->setVisible(visible);  // placed by placeLabels()
    if (!visible)
        return;
    // Heads shrink on short arrows, so that a small step is not all head.
    const double scale = palette::presentationScale();
    const double head = std::clamp(0.45 * length, 5.0 * scale, 15.0 * scale);
    arrow.core->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 0.75 * head, head));
    arrow.halo->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 0.75 * head + 5 * scale, head + 4 * scale));
    // The halo reaches 2 px past the tip so that the outline closes around it.
    const QPointF unit = d / length;
    const QPointF haloTip = to + QPointF(2 * scale * unit.x() * perPixel.x(), 2 * scale * unit.y() * perPixel.y());
    arrow.core->start->setCoords(from);
    arrow.core->end->setCoords(to);
    arrow.halo->start->setCoords(from);
    arrow.halo->end->setCoords(haloTip);
}

void LandscapePlot::updateLiveGeometry()
{
    geometrySize_ = QSizeF(axisRect()->size());
    currentMarker_->data()->clear();
    currentMarker_->setVisible(hasCurrent_);
    if (!hasCurrent_) {
        for (Arrow* arrow : {&gradArrow_, &stepArrow_, &velocityArrow_}) {
            arrow->halo->setVisible(false);
            arrow->core->setVisible(false);
            arrow->label->setVisible(false);
        }
        placeLabels();
        return;
    }
    currentMarker_->addData(current_.x(), current_.y());

    const QCPRange xr = xAxis->range(), yr = yAxis->range();
    const QPointF perPixel = paramsPerPixel();
    // Arrows end a few pixels inside the rect so that their heads are never cut.
    const double insetX = 8 * perPixel.x(), insetY = 8 * perPixel.y();
    const QRectF box(QPointF(xr.lower + insetX, yr.lower + insetY), QPointF(xr.upper - insetX, yr.upper - insetY));
    const QPointF tail = finite(step_) ? current_ - step_ : current_;

    // -grad: the direction exactly, the length a readable on-screen size that grows with the
    // gradient's magnitude relative to the landscape's typical slope and saturates at 15% of the
    // visible width. Scaling by the larger component first keeps a huge gradient finite.
    const double gx = negGradient_.x(), gy = negGradient_.y();
    const double gmax = std::max(std::abs(gx), std::abs(gy));
    if (std::isfinite(gmax) && gmax > 0.0) {
        const QPointF dirPx((gx / gmax) / perPixel.x(), (gy / gmax) / perPixel.y());
        const double norm = std::hypot(dirPx.x(), dirPx.y());
        const double magnitude = gmax * std::hypot(gx / gmax, gy / gmax);
        double typical = 0.0;
        if (hasGrid_ && std::isfinite(maxLoss_ - minLoss_))
            typical = (maxLoss_ - minLoss_) / std::hypot(request_.max1 - request_.min1, request_.max2 - request_.min2);
        const double maxLength = kGradArrowMaxShare * (xr.size() / perPixel.x());
        const double share = typical > 0.0 ? std::tanh(magnitude / typical) : 0.76;
        const double lengthPx = std::clamp(maxLength * share, std::min(kArrowMinPixels, maxLength), maxLength);
        const QPointF offsetPx = dirPx / norm * lengthPx;
        placeArrow(gradArrow_, tail, tail + QPointF(offsetPx.x() * perPixel.x(), offsetPx.y() * perPixel.y()), box);
    } else {
        placeArrow(gradArrow_, tail, tail, box);
    }
    placeArrow(stepArrow_, tail, current_, box, kCurrentMarkerSize / 2 + 1);
    placeArrow(velocityArrow_, tail, finite(velocity_) ? tail + velocity_ : tail, box);
    placeLabels();
}

// Each label sits just past its arrow's head; if that spot collides with a label already placed
// or leaves the rect, other spots around the head are tried, further out each round. The grid
// minimum's label then takes a free side of its star, or hides (the hover still tells).
void LandscapePlot::placeLabels()
{
    const QPointF perPixel = paramsPerPixel();
    const QCPRange xr = xAxis->range(), yr = yAxis->range();
    const QRectF rect(0, 0, xr.size() / perPixel.x(), yr.size() / perPixel.y());
    // Pixels from the axis rect's top left corner, y down, and back.
    auto toPx = [&](QPointF p) { return QPointF((p.x() - xr.lower) / perPixel.x(), (yr.upper - p.y()) / perPixel.y()); };
    auto fromPx = [&](QPointF q) { return QPointF(xr.lower + q.x() * perPixel.x(), yr.upper - q.y() * perPixel.y()); };
    struct Spot {
        QPointF anchor;
        Qt::Alignment align;
        QRectF rect;
    };
    // The label's box when it sits `distance` px from `from` in direction `dir` (y down).
    auto spotFor = [](QPointF from, QPointF dir, double distance, QSizeF size) {
        dir /= std::max(1e-9, std::hypot(dir.x(), dir.y()));
        Spot spot;
        spot.anchor = from + dir * distance;
        const Qt::Alignment h = std::abs(dir.x()) < 0.4 ? Qt::AlignHCenter : (dir.x() > 0 ? Qt::AlignLeft : Qt::AlignRight);
        const Qt::Alignment v = std::abs(dir.y()) < 0.4 ? Qt::AlignVCenter : (dir.y() > 0 ? Qt::AlignTop : Qt::AlignBottom);
        spot.align = h | v;
        double x = spot.anchor.x(), y = spot.anchor.y();
        if (h == Qt::AlignRight)
            x -= size.width();
        else if (h == Qt::AlignHCenter)
            x -= size.width() / 2;
        if (v == Qt::AlignBottom)
            y -= size.height();
        else if (v == Qt::AlignVCenter)
            y -= size.height() / 2;
        spot.rect = QRectF(QPointF(x, y), size);
        return spot;
    };
    auto sizeOf = [](const QCPItemText* label) {
        const QFontMetrics metrics(label->font());
        const QMargins pad = label->padding();
        return QSizeF(metrics.horizontalAdvance(label->text()) + pad.left() + pad.right() + 2,
            metrics.height() + pad.top() + pad.bottom());
    };
    QVector<QRectF> taken;
    QVector<QLineF> shafts;  // labels keep off every arrow, not only off each other
    for (const Arrow* arrow : {&stepArrow_, &gradArrow_, &velocityArrow_})
        if (arrow->core->visible())
            shafts.push_back(QLineF(toPx(arrow->core->start->coords()), toPx(arrow->core->end->coords())));
    auto fits = [&](const Spot& spot) {
        const QRectF padded = spot.rect.adjusted(-2, -2, 2, 2);
        return rect.contains(spot.rect)
            && std::none_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(spot.rect); })
            && std::none_of(shafts.begin(), shafts.end(), [&](const QLineF& shaft) {
                   QPointF a = shaft.p1(), b = shaft.p2();
                   return clipSegment(a, b, padded);
               });
    };
    // The captions and the banner sit above the live layer: keep the labels from under them.
    const QPointF origin = axisRect()->topLeft();
    for (const QCPItemText* box : {captions_, banner_}) {
        if (box->visible())
            taken.push_back(QRectF(box->topLeft->pixelPosition() - origin, box->bottomRight->pixelPosition() - origin));
    }
    const bool minimumShown = minimumMarker_->visible() && xr.contains(minimum_.x()) && yr.contains(minimum_.y());
    const QPointF star = toPx(minimum_);
    const qsizetype starIndex = taken.size();
    if (minimumShown)
        taken.push_back(QRectF(star.x() - 9, star.y() - 9, 18, 18));
    if (hasCurrent_) {
        const QPointF c = toPx(current_);
        taken.push_back(QRectF(c.x() - 8, c.y() - 8, 16, 16));
    }
    for (Arrow* arrow : {&stepArrow_, &gradArrow_, &velocityArrow_}) {
        if (!arrow->core->visible())
            continue;
        const QPointF a = toPx(arrow->core->start->coords());
        const QPointF b = toPx(arrow->core->end->coords());
        QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        d = len > 0 ? d / len : QPointF(1, 0);
        const QPointF perp(-d.y(), d.x());
        const std::array<QPointF, 8> dirs = {d, d + perp, d - perp, perp, -perp, -d + perp, -d - perp, -d};
        const QSizeF size = sizeOf(arrow->label);
        Spot chosen = spotFor(b, d, 7.0, size);
        bool found = false;
        for (double distance : {7.0, 22.0, 40.0}) {
            for (const QPointF& dir : dirs) {
                const Spot spot = spotFor(b, dir, distance, size);
                if (fits(spot)) {
                    chosen = spot;
                    found = true;
                    break;
                }
            }
            if (found)
                break;
        }
        arrow->label->position->setCoords(fromPx(chosen.anchor));
        arrow->label->setPositionAlignment(chosen.align);
        taken.push_back(chosen.rect);
    }
    bool minimumLabelShown = false;
    if (minimumShown) {
        taken.removeAt(starIndex);  // the label goes beside the star itself
        const QSizeF size = sizeOf(minimumLabel_);
        for (const QPointF dir : {QPointF(1, 0), QPointF(-1, 0), QPointF(0, 1), QPointF(0, -1)}) {
            const Spot spot = spotFor(star, dir, 12.0, size);
            if (fits(spot)) {
                minimumLabel_->position->setCoords(fromPx(spot.anchor));
                minimumLabel_->setPositionAlignment(spot.align);
                minimumLabelShown = true;
                break;
            }
        }
    }
    minimumLabel_->setVisible(minimumLabelShown);
}

void LandscapePlot::replotLive()
{
    if (QSizeF(axisRect()->size()) != geometrySize_)
        updateLiveGeometry();
    liveLayer_->replot();
    if (follower_ && follower_->isVisible())
        follower_->replotLive();
}

void LandscapePlot::setCaptionsSuppressed(bool suppressed)
{
    captionsSuppressed_ = suppressed;
    setCaptionsVisible(captionsVisible_);
}

void LandscapePlot::setFollower(LandscapePlot* follower)
{
    follower_ = follower == this ? nullptr : follower;
    if (!follower_)
        return;
    // It starts from what this plot shows now, then hears every change.
    follower_->path_ = path_;
    follower_->appended_ = appended_;
    ++follower_->pathRevision_;   // for whoever mirrors the follower (the 3D view)
    follower_->updatePathCurves();
    QVector<QPointF> ghost;
    ghost.reserve(ghost_.size());
    for (const PathPoint& p : std::as_const(ghost_))
        ghost.push_back(p.point);
    follower_->setGhostPath(ghost, ghostCurve_->name());
    if (hasCurrent_)
        follower_->setCurrent(current_, negGradient_, step_, velocity_);
    follower_->setDiverged(diverged_, banner_->text());
}

void LandscapePlot::setOtherMinimum(QPointF point)
{
    otherMinimumMarker_->data()->clear();
    if (finite(point))
        otherMinimumMarker_->addData(point.x(), point.y());
    otherMinimumMarker_->setVisible(finite(point));
}

QPointF LandscapePlot::otherMinimum() const
{
    if (otherMinimumMarker_->data()->isEmpty())
        return QPointF(kNaN, kNaN);
    const auto it = otherMinimumMarker_->data()->constBegin();
    return QPointF(it->key, it->value);
}

// ---------------------------------------------------------------------------------------------
// Banner, captions

void LandscapePlot::setDiverged(bool diverged, const QString& message)
{
    diverged_ = diverged;
    banner_->setText(message.isEmpty() ? QStringLiteral("Diverged — lower the learning rate and press Reset") : message);
    banner_->setVisible(diverged);
    if (follower_)
        follower_->setDiverged(diverged, message);
}

void LandscapePlot::setCaptionsVisible(bool visible)
{
    captionsVisible_ = visible;
    captions_->setVisible(visible && !captionsSuppressed_);
    updateLegend();  // the lower left corner is free for it, or no longer
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
    if (hasGrid_) {
        g.grid.request = request_;
        g.grid.loss = loss_;
        g.grid.minLoss = minLoss_;
        g.grid.maxLoss = maxLoss_;
        g.grid.argmin1 = argmin1_;
        g.grid.argmin2 = argmin2_;
        g.contours = contourLevels_;
    } else {
        g.grid.request.resolution = 0;
    }
    g.axis1Name = axis1Name_;
    g.axis2Name = axis2Name_;
    if (hasField_)
        g.field = field_;
    g.fieldVisible = fieldVisible_;
    g.view1 = xAxis->range();
    g.view2 = yAxis->range();
    g.ghost.reserve(ghost_.size());
    for (const PathPoint& p : std::as_const(ghost_))
        g.ghost.push_back(p.point);
    g.ghostLabel = ghostCurve_->name();
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
    if (hasGrid_)
        setView(request_.min1, request_.max1, request_.min2, request_.max2);
    else
        setView(-1, 1, -1, 1);
}

void LandscapePlot::setOverlayDiverged(int id, bool diverged)
{
    if (id >= 0 && id < overlays_.size())
        overlays_[id].diverged = diverged;
}

void LandscapePlot::fitToPath()
{
    struct Box {
        double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
        void include(QPointF p)
        {
            if (!finite(p))
                return;
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y());
            y1 = std::max(y1, p.y());
        }
        bool valid() const { return x0 <= x1 && y0 <= y1; }
    };
    // Everything that stayed finite and near, then each diverged path's start.
    Box box;
    QVector<const QVector<PathPoint>*> diverged;
    const auto add = [&](const QVector<PathPoint>& path, bool away) {
        if (away) {
            diverged.push_back(&path);
            if (!path.isEmpty())
                box.include(path.front().point);
            return;
        }
        for (const auto& p : path)
            box.include(p.point);
    };
    add(path_, diverged_);
    for (const Overlay& overlay : std::as_const(overlays_))
        add(overlay.path, overlay.diverged);
    add(ghost_, false);
    if (hasCurrent_ && !diverged_)
        box.include(current_);
    if (!box.valid()) {
        resetView();
        return;
    }
    // A margin of 12%, and never narrower than 2% of the grid (a path that has not moved yet).
    const double minW = hasGrid_ ? 0.02 * (request_.max1 - request_.min1) : 0.02;
    const double minH = hasGrid_ ? 0.02 * (request_.max2 - request_.min2) : 0.02;
    // A diverged path is followed while the view stays within kDivergedZoomOut times the
    // rest: beyond, it would shrink everything else to a dot.
    const double maxW = kDivergedZoomOut * std::max(box.x1 - box.x0, minW);
    const double maxH = kDivergedZoomOut * std::max(box.y1 - box.y0, minH);
    for (const auto* path : std::as_const(diverged)) {
        for (const auto& p : *path) {
            Box next = box;
            next.include(p.point);
            if (next.x1 - next.x0 > maxW || next.y1 - next.y0 > maxH)
                break;
            box = next;
        }
    }
    const double w = std::max((box.x1 - box.x0) * 1.24, minW);
    const double h = std::max((box.y1 - box.y0) * 1.24, minH);
    const double cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2;
    setView(cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2);
}

void LandscapePlot::fitToMinimum()
{
    if (!hasGrid_ || !finite(minimumPosition())) {
        resetView();
        return;
    }
    const double w = 0.25 * (request_.max1 - request_.min1);
    const double h = 0.25 * (request_.max2 - request_.min2);
    setView(minimum_.x() - w / 2, minimum_.x() + w / 2, minimum_.y() - h / 2, minimum_.y() + h / 2);
}

void LandscapePlot::emitViewChanged()
{
    emit viewChanged(xAxis->range().lower, xAxis->range().upper, yAxis->range().lower, yAxis->range().upper);
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
    hoverText_->setText(QStringLiteral("%1 = %2, %3 = %4, loss = %5")
                             .arg(axis1Name_, number(p.x()), axis2Name_, number(p.y()), number(loss)));
    // Beside the cursor, on the side with room.
    const bool left = pixel.x() > r.center().x();
    const bool below = pixel.y() < r.top() + 40;
    hoverText_->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | (below ? Qt::AlignTop : Qt::AlignBottom));
    hoverText_->position->setCoords(pixel + QPointF(left ? -14 : 14, below ? 16 : -10));
    hoverText_->setVisible(true);
    layer(kOverlayLayer)->replot();
}

void LandscapePlot::hideHover()
{
    if (!hoverText_->visible())
        return;
    hoverText_->setVisible(false);
    layer(kOverlayLayer)->replot();
}

// ---------------------------------------------------------------------------------------------
// Export

bool LandscapePlot::exportImage(const QString& path, QString* error)
{
    return exportPlotImage(this, path, error);
}

bool exportPlotImage(QCustomPlot* plot, const QString& path, QString* error)
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
        return fail(QStringLiteral("Cannot export to \"%1\": unknown file type; use .png, .svg or .pdf.").arg(info.fileName()));
    if (!info.absoluteDir().exists())
        return fail(QStringLiteral("Cannot export to \"%1\": the folder does not exist.").arg(QDir::toNativeSeparators(path)));
    // A plot that was never shown has no size of its own: export at a slide-friendly default.
    const bool sized = plot->width() >= 50 && plot->height() >= 50;
    const int w = sized ? plot->width() : 1280;
    const int h = sized ? plot->height() : 800;

    // QSaveFile writes a temporary file beside the target and renames it into place on commit,
    // so a failed export never leaves a half-written image behind.
    QSaveFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("Cannot write \"%1\": %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        const QPixmap pixmap = plot->toPixmap(w, h, 2.0);  // 2x for slides
        ok = !pixmap.isNull() && pixmap.save(&file, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(QSize(w, h));
        generator.setViewBox(QRect(0, 0, w, h));
        generator.setTitle(QStringLiteral("Downhill"));
        QCPPainter painter;
        if (painter.begin(&generator)) {
            painter.setMode(QCPPainter::pmVectorized);
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
    } else {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Downhill"));
        writer.setTitle(QStringLiteral("Downhill"));
        writer.setResolution(72);  // one point per plot pixel
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(w, h), QPageSize::Point, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter;
        if (painter.begin(&writer)) {
            painter.setMode(QCPPainter::pmVectorized);
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
    }
    // Rendering at the export size re-laid the plot out; lay it out for the screen again.
    plot->replot(QCustomPlot::rpQueuedRefresh);
    if (!ok || file.error() != QFileDevice::NoError) {
        file.cancelWriting();
        return fail(QStringLiteral("Cannot write \"%1\": %2.")
                        .arg(QDir::toNativeSeparators(path), file.error() != QFileDevice::NoError ? file.errorString()
                                                                                                  : QStringLiteral("rendering failed")));
    }
    if (!file.commit())
        return fail(QStringLiteral("Cannot write \"%1\": %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

}  // namespace downhill::ui
