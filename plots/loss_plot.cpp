// Over the ~600-line guide by about 60 lines: one class, the loss plot, whose parts (curves kept
// thinned by step, the learning-rate axis, step ticks that fit their labels, the narrow-column
// legend and the size it is measured at, the race curves) all work on the same axes and stored
// series; split, they would pass those back and forth.
#include "plots/loss_plot.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "plots/fitted_label.h"
#include "plots/fitted_ticker.h"
#include "plots/palette.h"
#include "plots/plot_export.h"

namespace downhill::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kEpochMarkersUpTo = 400;  // more epochs than this: lines without markers

QVector<QCPGraphData> graphData(const QVector<double>& keys, const QVector<double>& values, qsizetype from = 0)
{
    QVector<QCPGraphData> out;
    out.reserve(keys.size() - from);
    for (qsizetype k = from; k < keys.size(); ++k)
        out.push_back(QCPGraphData(keys[k], values[k]));
    return out;
}

QString number(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 4) : QStringLiteral("–");
}

}  // namespace

// Bounded memory for a run of any length, with the same density everywhere along the step
// axis: the session's ThinnedLog over the points' ordinals (every stride-th point kept, the
// stride doubling when the log is full, the newest kept exactly until the next replaces it). A
// loss curve thinned this way keeps its shape and its noise band at every age, which thinning
// the old end harder (as the landscape path does) would not. keys, a and b mirror the log: a
// new point changes only their end, except when the log halves.
void LossPlot::Series::append(double key, double first, double second)
{
    log.append({appended++, key, first, second});
    const auto& items = log.items();
    const auto n = static_cast<qsizetype>(items.size());
    if (n < keys.size()) {   // halved
        synced = 0;
        keys.resize(n);
        a.resize(n);
        b.resize(n);
        for (qsizetype k = 0; k < n; ++k) {
            const Point& p = items[static_cast<std::size_t>(k)];
            keys[k] = p.key;
            a[k] = p.a;
            b[k] = p.b;
        }
        return;
    }
    if (n == keys.size()) {   // the newest replaced the one off the stride
        synced = std::min(synced, n - 1);
        keys.removeLast();
        a.removeLast();
        b.removeLast();
    }
    keys.push_back(key);
    a.push_back(first);
    b.push_back(second);
}

void LossPlot::Series::clear()
{
    *this = Series();
}

LossPlot::LossPlot(QWidget* parent) : QCustomPlot(parent)
{
    setObjectName(QStringLiteral("lossPlot"));
    setMouseTracking(true);
    palette::stylePlot(this);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDragAxes(xAxis, yAxis);
    axisRect()->setRangeZoomAxes(xAxis, yAxis);
    layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmBuffered);
    connect(this, &QCustomPlot::beforeReplot, this, &LossPlot::fitStepTicks);

    FittedLabel::set(xAxis, tr("step"));
    FittedLabel::set(yAxis, tr("loss"));
    yAxis2->setVisible(true);
    FittedLabel::set(yAxis2, tr("learning rate"), tr("lr"));
    yAxis2->setLabelColor(palette::lrCurve());
    yAxis2->setTickLabelColor(palette::lrCurve());
    yAxis2->grid()->setVisible(false);
    yAxis2->setRange(0, 1);
    // Labels that never run together, however large the losses (a diverging run's 1e160).
    for (QCPAxis* axis : {xAxis, yAxis, yAxis2})
        FittedTicker::install(axis);

    // First, so that it lies under everything of the current run.
    ghost_.graph = addGraph(xAxis, yAxis);
    ghost_.graph->setObjectName(QStringLiteral("ghostLoss"));
    // Darker than on the landscape (this one lies on white), dotted beside the batch loss.
    ghost_.graph->setPen(QPen(palette::ghostPath().darker(140), 1.5, Qt::DotLine));
    ghost_.graph->setAdaptiveSampling(true);
    ghost_.graph->setSelectable(QCP::stNone);
    ghost_.graph->removeFromLegend();

    batch_ = addGraph(xAxis, yAxis);
    batch_->setObjectName(QStringLiteral("batchLoss"));
    batch_->setName(tr("batch loss"));
    QColor batchColor = palette::batchLoss();
    batchColor.setAlpha(150);
    batch_->setPen(QPen(batchColor, 1));
    batch_->setAdaptiveSampling(true);

    lr_ = addGraph(xAxis, yAxis2);
    lr_->setObjectName(QStringLiteral("learningRate"));
    lr_->setName(tr("learning rate"));
    lr_->setPen(QPen(palette::lrCurve(), 1, Qt::DashLine));

    train_ = addGraph(xAxis, yAxis);
    train_->setObjectName(QStringLiteral("trainLoss"));
    train_->setName(tr("training loss (epoch)"));
    train_->setPen(QPen(palette::trainLoss(), 2));
    val_ = addGraph(xAxis, yAxis);
    val_->setObjectName(QStringLiteral("valLoss"));
    val_->setName(tr("validation loss (epoch)"));
    val_->setPen(QPen(palette::valLoss(), 2));
    for (QCPGraph* graph : {batch_, lr_, train_, val_})
        graph->setSelectable(QCP::stNone);

    legend->setVisible(true);
    // Eight race curves make two columns rather than a list that covers the plot.
    legend->setWrap(4);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    currentMarker_ = new QCPItemLine(this);
    currentMarker_->setObjectName(QStringLiteral("currentStep"));
    for (QCPItemPosition* p : {currentMarker_->start, currentMarker_->end}) {
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    currentMarker_->setPen(QPen(palette::accent(), 1.5, Qt::DashLine));
    currentMarker_->setSelectable(false);
    currentMarker_->setVisible(false);

    hoverTracer_ = new QCPItemTracer(this);
    hoverTracer_->setLayer(QStringLiteral("overlay"));
    hoverTracer_->setStyle(QCPItemTracer::tsCircle);
    hoverTracer_->setSize(7);
    hoverTracer_->setPen(QPen(palette::text(), 1.5));
    hoverTracer_->setBrush(Qt::white);
    hoverTracer_->setSelectable(false);
    hoverTracer_->setVisible(false);
    hoverText_ = new QCPItemText(this);
    hoverText_->setObjectName(QStringLiteral("hoverText"));
    hoverText_->setLayer(QStringLiteral("overlay"));
    hoverText_->position->setType(QCPItemPosition::ptAbsolute);
    hoverText_->setFont(palette::annotationFont());
    hoverText_->setColor(palette::text());
    hoverText_->setBrush(QColor(255, 255, 255, 225));
    hoverText_->setPen(QPen(QColor(0, 0, 0, 60), 1));
    hoverText_->setPadding(QMargins(6, 3, 6, 3));
    hoverText_->setClipToAxisRect(false);
    hoverText_->setSelectable(false);
    hoverText_->setVisible(false);

    fitAxes();
}

void LossPlot::appendSteps(const QVector<double>& steps, const QVector<double>& batchLoss, const QVector<double>& lr)
{
    const qsizetype n = std::min(steps.size(), batchLoss.size());
    for (qsizetype k = 0; k < n; ++k)
        stepSeries_.append(steps[k], batchLoss[k], k < lr.size() ? lr[k] : kNaN);
    updateGraphs();
}

void LossPlot::appendEpoch(double step, double trainLoss, double valLoss)
{
    epochSeries_.append(step, trainLoss, valLoss);
    updateGraphs();
}

void LossPlot::appendEpochs(const QVector<double>& steps, const QVector<double>& trainLoss, const QVector<double>& valLoss)
{
    const qsizetype n = std::min({steps.size(), trainLoss.size(), valLoss.size()});
    for (qsizetype k = 0; k < n; ++k)
        epochSeries_.append(steps[k], trainLoss[k], valLoss[k]);
    updateGraphs();
}

void LossPlot::setCurrentStep(double step)
{
    currentStep_ = step;
    const bool show = std::isfinite(step);
    currentMarker_->setVisible(show);
    if (show) {
        currentMarker_->start->setCoords(step, 0.0);
        currentMarker_->end->setCoords(step, 1.0);
    }
}

void LossPlot::setLogScale(bool on)
{
    log_ = on;
    if (on) {
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        yAxis->setScaleType(QCPAxis::stLinear);
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    FittedTicker::install(yAxis);
    follow_ = true;
    fitAxes();
    placeLegend();
}

void LossPlot::clear()
{
    stepSeries_.clear();
    epochSeries_.clear();
    setCurrentStep(kNaN);
    follow_ = true;
    hideHover();
    updateGraphs();
}

void LossPlot::Overlay::setId(int id)
{
    graph->setObjectName(QStringLiteral("overlayLoss%1").arg(id));
}

int LossPlot::addOverlaySeries(const QString& label, const QColor& color)
{
    const int id = static_cast<int>(overlays_.size());
    Overlay overlay;
    overlay.graph = addGraph(xAxis, yAxis);
    overlay.setId(id);
    overlay.graph->setName(label);
    overlay.graph->setPen(QPen(color, 1));
    overlay.graph->setAdaptiveSampling(true);
    overlay.graph->setSelectable(QCP::stNone);
    overlays_.push_back(overlay);
    updateOwnLegend();
    if (palette::presentationScale() != 1.0)
        palette::applyPresentationScale(this);
    return id;
}

void LossPlot::appendOverlaySteps(int id, const QVector<double>& steps, const QVector<double>& loss)
{
    if (id < 0 || id >= overlays_.size())
        return;
    Overlay& overlay = overlays_[id];
    const qsizetype n = std::min(steps.size(), loss.size());
    for (qsizetype k = 0; k < n; ++k)
        overlay.series.append(steps[k], loss[k], kNaN);
    overlay.graph->data()->set(graphData(overlay.series.keys, overlay.series.a), true);
    if (follow_)
        fitAxes();
}

void LossPlot::setOverlayDiverged(int id, bool diverged)
{
    if (id < 0 || id >= overlays_.size())
        return;
    overlays_[id].diverged = diverged;
    if (follow_)
        fitAxes();
}

void LossPlot::resetOverlaySeries(int id)
{
    if (id < 0 || id >= overlays_.size())
        return;
    Overlay& overlay = overlays_[id];
    overlay.series.clear();
    overlay.graph->data()->clear();
    overlay.diverged = false;
    if (follow_)
        fitAxes();
}

void LossPlot::removeOverlaySeries(int id)
{
    if (id < 0 || id >= overlays_.size())
        return;
    removeGraph(overlays_[id].graph);  // also takes it out of the legend
    overlays_.remove(id);
    for (int k = id; k < overlays_.size(); ++k)
        overlays_[k].setId(k);
    overlaysChanged();
}

void LossPlot::clearOverlaySeries()
{
    for (const Overlay& overlay : std::as_const(overlays_))
        removeGraph(overlay.graph);  // also takes it out of the legend
    overlays_.clear();
    overlaysChanged();
}

void LossPlot::overlaysChanged()
{
    updateOwnLegend();
    if (follow_)
        fitAxes();
}

void LossPlot::setMainRunListed(bool listed)
{
    mainRunListed_ = listed;
    updateOwnLegend();
}

// Alone, the run's four curves by their names. Beside a race, the race's curves only (the
// run's four as well would cover much of a small plot), unless the main run is listed: then
// those of its curves that have points, named as its own, after the race's.
void LossPlot::updateOwnLegend()
{
    const bool race = !overlays_.isEmpty();
    const std::array<std::pair<QCPGraph*, QString>, 4> own = {{{batch_, tr("batch loss")}, {lr_, tr("learning rate")},
        {train_, tr("training loss (epoch)")}, {val_, tr("validation loss (epoch)")}}};
    bool changed = false;
    for (const auto& [graph, name] : own) {
        const bool listed = !race || (mainRunListed_ && graph != lr_ && !graph->data()->isEmpty());
        const QString shown = race ? tr("main run: %1").arg(name) : name;
        changed = changed || listed != legend->hasItemWithPlottable(graph) || shown != graph->name();
        graph->setName(shown);
    }
    if (!changed)
        return;
    // Out and in again in their order, after the race's.
    for (const auto& entry : own)
        entry.first->removeFromLegend();
    for (const auto& [graph, name] : own) {
        if (!race || (mainRunListed_ && graph != lr_ && !graph->data()->isEmpty()))
            graph->addToLegend();
    }
    legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);   // no empty cells left behind
}

void LossPlot::setGhostSeries(const QVector<double>& steps, const QVector<double>& loss, const QString& label)
{
    ghost_.series.clear();
    const qsizetype n = std::min(steps.size(), loss.size());
    for (qsizetype k = 0; k < n; ++k)
        ghost_.series.append(steps[k], loss[k], kNaN);
    ghost_.graph->data()->set(graphData(ghost_.series.keys, ghost_.series.a), true);
    ghost_.graph->setName(label);
    if (label.isEmpty() || n == 0)
        ghost_.graph->removeFromLegend();
    else
        ghost_.graph->addToLegend();
    if (follow_)
        fitAxes();
}

void LossPlot::clearGhostSeries()
{
    setGhostSeries({}, {});
}

int LossPlot::overlayStoredCount(int id) const
{
    return id >= 0 && id < overlays_.size() ? static_cast<int>(overlays_[id].series.keys.size()) : -1;
}

QCPGraph* LossPlot::overlayGraph(int id) const
{
    return id >= 0 && id < overlays_.size() ? overlays_[id].graph : nullptr;
}

bool LossPlot::exportImage(const QString& path, QString* error)
{
    return exportPlotImage(this, path, error);
}

void LossPlot::followData()
{
    follow_ = true;
    fitAxes();
    replot(rpQueuedReplot);
}

// The keys only grow, so the graphs keep the points they hold up to `synced` and drop the rest
// (the one off the stride that the newest replaced); all of them again after a halving.
void LossPlot::syncGraphs(Series& series, QCPGraph* first, QCPGraph* second)
{
    const qsizetype from = series.synced;
    for (const auto& [graph, values] : {std::pair(first, &series.a), std::pair(second, &series.b)}) {
        if (from == 0) {
            graph->data()->set(graphData(series.keys, *values), true);
        } else {
            graph->data()->removeAfter(series.keys[from - 1]);
            graph->data()->add(graphData(series.keys, *values, from), true);
        }
    }
    series.synced = series.keys.size();
}

void LossPlot::updateGraphs()
{
    syncGraphs(stepSeries_, batch_, lr_);
    syncGraphs(epochSeries_, train_, val_);
    const bool markers = epochSeries_.keys.size() <= kEpochMarkersUpTo;
    palette::setScatter(train_,
        markers ? QCPScatterStyle(QCPScatterStyle::ssCircle, palette::trainLoss(), Qt::white, 6) : QCPScatterStyle());
    palette::setScatter(val_,
        markers ? QCPScatterStyle(QCPScatterStyle::ssSquare, palette::valLoss(), Qt::white, 6) : QCPScatterStyle());
    updateOwnLegend();
    if (follow_)
        fitAxes();
    placeLegend();
}

// The legend takes the corner of the plot with the fewest data points under it: a falling
// curve leaves a different corner free in linear and in log scale, and the newest steps, on
// the right, are the ones worth seeing. It stays put unless its corner gets covered.
// As many step ticks as their labels have room for: in the window's narrow right column, or
// with presentation mode's larger text, QCustomPlot's five made the labels run together. The
// widest label is the axis's last step; the ticker may pick a step a little under the one asked
// for, hence room for more than two labels a tick.
void LossPlot::fitStepTicks()
{
    const QFontMetricsF metrics(xAxis->tickLabelFont());
    const double last = std::max(std::abs(xAxis->range().lower), std::abs(xAxis->range().upper));
    const double label = metrics.horizontalAdvance(QString::number(std::ceil(last), 'f', 0)) + metrics.horizontalAdvance(QLatin1Char('0'));
    const int room = axisRect()->width() > 0 ? axisRect()->width() : width();
    xAxis->ticker()->setTickCount(std::clamp(static_cast<int>(room / (2.2 * label)), 2, 5));
}

LossPlot::LegendLook LossPlot::legendLook() const
{
    LegendLook look{legend->font(), legend->iconSize(), legend->iconTextPadding(), legend->rowSpacing(), legend->columnSpacing(),
        legend->wrap(), static_cast<int>(legend->fillOrder()), legend->margins(), {}};
    look.entries.reserve(legend->itemCount());
    for (int i = 0; i < legend->itemCount(); ++i) {
        QCPAbstractLegendItem* item = legend->item(i);   // null for an empty cell of the grid
        auto* entry = qobject_cast<QCPPlottableLegendItem*>(item);
        look.entries.push_back(item ? LegendLook::Entry{true,
            entry ? entry->plottable()->name() : QString::fromLatin1(item->metaObject()->className()), item->font()}
                                    : LegendLook::Entry{});
    }
    return look;
}

QSize LossPlot::legendSize()
{
    LegendLook look = legendLook();
    if (legendMeasured_ != look) {
        legendSize_ = legend->minimumOuterSizeHint();
        legendMeasured_ = std::move(look);
    }
    return legendSize_;
}

void LossPlot::placeLegend()
{
    const QRect area = axisRect()->rect();
    const QSize size = legendSize();
    // In a narrow column the legend would cover the curves it names: it goes, and the tooltip
    // names the colours instead, until the plot is wide and tall enough again.
    const bool room = area.width() >= 2 * size.width() && area.height() >= 2 * size.height();
    if (legend->visible() != room) {
        legend->setVisible(room);
        replot(QCustomPlot::rpQueuedReplot);
    }
    if (!room)
        return;
    constexpr int kMargin = 6;
    const std::array<Qt::Alignment, 4> corners = {Qt::AlignTop | Qt::AlignRight, Qt::AlignTop | Qt::AlignLeft,
        Qt::AlignBottom | Qt::AlignRight, Qt::AlignBottom | Qt::AlignLeft};
    std::array<QRectF, 4> boxes;
    for (std::size_t i = 0; i < corners.size(); ++i) {
        const double x = (corners[i] & Qt::AlignLeft) ? area.left() + kMargin : area.right() - kMargin - size.width();
        const double y = (corners[i] & Qt::AlignTop) ? area.top() + kMargin : area.bottom() - kMargin - size.height();
        boxes[i] = QRectF(x, y, size.width(), size.height());
    }
    std::array<int, 4> covered{};
    const auto count = [&](const QVector<double>& keys, const QVector<double>& values, const QCPAxis* axis) {
        const qsizetype stride = std::max<qsizetype>(1, keys.size() / 2000);
        for (qsizetype k = 0; k < keys.size(); k += stride) {
            if (!std::isfinite(values[k]) || (axis == yAxis && log_ && values[k] <= 0.0))
                continue;
            const QPointF p(xAxis->coordToPixel(keys[k]), axis->coordToPixel(values[k]));
            for (std::size_t i = 0; i < boxes.size(); ++i)
                covered[i] += boxes[i].contains(p) ? 1 : 0;
        }
    };
    count(stepSeries_.keys, stepSeries_.a, yAxis);
    count(stepSeries_.keys, stepSeries_.b, yAxis2);
    count(epochSeries_.keys, epochSeries_.a, yAxis);
    count(epochSeries_.keys, epochSeries_.b, yAxis);
    count(ghost_.series.keys, ghost_.series.a, yAxis);
    for (const Overlay& overlay : std::as_const(overlays_))
        count(overlay.series.keys, overlay.series.a, yAxis);
    const Qt::Alignment now = axisRect()->insetLayout()->insetAlignment(0);
    std::size_t best = 0;
    for (std::size_t i = 0; i < corners.size(); ++i) {
        if (corners[i] == now && covered[i] == 0)
            return;
        if (covered[i] < covered[best])
            best = i;
    }
    axisRect()->insetLayout()->setInsetAlignment(0, corners[best]);
}

// Steps from the first to the last (a little room on the right), losses over every finite value
// that the current scale can show, the learning rate from zero.
void LossPlot::fitAxes()
{
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0;
    double y0 = x0, y1 = -x0;
    double lrMax = 0.0;
    auto includeLoss = [&](double v) {
        if (!std::isfinite(v) || (log_ && v <= 0.0))
            return;
        y0 = std::min(y0, v);
        y1 = std::max(y1, v);
    };
    for (qsizetype k = 0; k < stepSeries_.keys.size(); ++k) {
        includeLoss(stepSeries_.a[k]);
        if (std::isfinite(stepSeries_.b[k]))
            lrMax = std::max(lrMax, stepSeries_.b[k]);
    }
    for (qsizetype k = 0; k < epochSeries_.keys.size(); ++k) {
        includeLoss(epochSeries_.a[k]);
        includeLoss(epochSeries_.b[k]);
    }
    for (const double v : std::as_const(ghost_.series.a))
        includeLoss(v);
    QVector<const QVector<double>*> allKeys{&stepSeries_.keys, &epochSeries_.keys, &ghost_.series.keys};
    for (const Overlay& overlay : std::as_const(overlays_)) {
        const double cap = overlay.diverged && !overlay.series.a.isEmpty()
            ? kDivergedLossCap * std::abs(overlay.series.a.front())
            : std::numeric_limits<double>::infinity();
        for (const double v : overlay.series.a)
            if (v <= cap)
                includeLoss(v);
        allKeys.push_back(&overlay.series.keys);
    }
    for (const QVector<double>* keys : std::as_const(allKeys)) {
        if (!keys->isEmpty()) {
            x0 = std::min(x0, keys->front());
            x1 = std::max(x1, keys->back());
        }
    }
    if (!(x0 <= x1)) {
        x0 = 0;
        x1 = 100;
    }
    const double xPad = std::max(1.0, (x1 - x0) * 0.02);
    xAxis->setRange(std::min(0.0, x0), x1 + xPad);
    if (!(y0 <= y1)) {
        y0 = log_ ? 0.01 : 0.0;
        y1 = 1.0;
    }
    if (log_) {
        const double lo = y0 / 1.5;
        const double hi = y1 * 1.5;
        yAxis->setRange(lo, hi > lo ? hi : lo * 10);
    } else {
        const double pad = std::max((y1 - y0) * 0.06, std::abs(y1) * 1e-3 + 1e-12);
        yAxis->setRange(std::min(0.0, y0 - pad), y1 + pad);
    }
    yAxis2->setRange(0.0, lrMax > 0.0 ? lrMax * 1.1 : 1.0);
}

void LossPlot::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton) {
        follow_ = false;  // the user drags the view: stop fitting it to the data
        hideHover();
    }
    QCustomPlot::mouseMoveEvent(event);
    if (!(event->buttons() & Qt::LeftButton))
        updateHover(event->position());
}

void LossPlot::mouseDoubleClickEvent(QMouseEvent* event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    followData();
}

void LossPlot::wheelEvent(QWheelEvent* event)
{
    follow_ = false;
    QCustomPlot::wheelEvent(event);
}

void LossPlot::leaveEvent(QEvent* event)
{
    hideHover();
    QCustomPlot::leaveEvent(event);
}

void LossPlot::updateHover(QPointF pixel)
{
    const QRect r = axisRect()->rect();
    if (!r.contains(pixel.toPoint()) || (stepSeries_.keys.isEmpty() && epochSeries_.keys.isEmpty())) {
        hideHover();
        return;
    }
    const double key = xAxis->pixelToCoord(pixel.x());
    // The nearest stored step; with no steps, the nearest epoch.
    const bool useSteps = !stepSeries_.keys.isEmpty();
    const QVector<double>& keys = useSteps ? stepSeries_.keys : epochSeries_.keys;
    const QVector<double>& values = useSteps ? stepSeries_.a : epochSeries_.a;
    auto it = std::lower_bound(keys.begin(), keys.end(), key);
    if (it == keys.end())
        --it;
    else if (it != keys.begin() && std::abs(*(it - 1) - key) < std::abs(*it - key))
        --it;
    const qsizetype k = it - keys.begin();
    const double step = keys[k];
    const double loss = values[k];
    emit hoverInfo(step, loss);

    QString text = tr("step %1 · %2 %3").arg(number(step), useSteps ? tr("batch loss") : tr("training loss"), number(loss));
    if (useSteps && std::isfinite(stepSeries_.b[k]))
        text += tr(" · lr %1").arg(number(stepSeries_.b[k]));
    // The last epoch at or before this step.
    const auto e = std::upper_bound(epochSeries_.keys.begin(), epochSeries_.keys.end(), step);
    if (useSteps && e != epochSeries_.keys.begin()) {
        const qsizetype ei = (e - epochSeries_.keys.begin()) - 1;
        text += tr("\nlast epoch: train %1").arg(number(epochSeries_.a[ei]));
        if (std::isfinite(epochSeries_.b[ei]))
            text += tr(", validation %1").arg(number(epochSeries_.b[ei]));
    }
    hoverTracer_->setGraph(useSteps ? batch_ : train_);
    hoverTracer_->setGraphKey(step);
    hoverTracer_->setVisible(std::isfinite(loss));
    hoverText_->setText(text);
    const bool left = pixel.x() > r.center().x();
    hoverText_->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    hoverText_->position->setCoords(pixel + QPointF(left ? -14 : 14, 14));
    hoverText_->setVisible(true);
    layer(QStringLiteral("overlay"))->replot();
}

void LossPlot::hideHover()
{
    if (!hoverText_->visible() && !hoverTracer_->visible())
        return;
    hoverText_->setVisible(false);
    hoverTracer_->setVisible(false);
    layer(QStringLiteral("overlay"))->replot();
}

}  // namespace downhill::ui
