#include "loss_plot.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "landscape_plot.h"
#include "palette.h"

namespace downhill::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kEpochMarkersUpTo = 400;  // more epochs than this: lines without markers

QVector<QCPGraphData> graphData(const QVector<double>& keys, const QVector<double>& values)
{
    QVector<QCPGraphData> out;
    out.reserve(keys.size());
    for (qsizetype k = 0; k < keys.size(); ++k)
        out.push_back(QCPGraphData(keys[k], values[k]));
    return out;
}

QString number(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 4) : QStringLiteral("–");
}

}  // namespace

// Bounded memory for a run of any length, with the same density everywhere along the step
// axis: only every stride-th point is kept (the first always is), and when kMaxPoints are stored
// the stride doubles and every other stored point goes. The newest point is also kept, exactly,
// until the next one replaces it. A loss curve thinned this way keeps its shape and its noise
// band at every age, which thinning the old end harder (as the landscape path does) would not.
void LossPlot::Series::append(double key, double first, double second)
{
    if (tail) {  // the previous newest point was off the stride: it has served its turn
        keys.removeLast();
        a.removeLast();
        b.removeLast();
        tail = false;
    }
    const qint64 ordinal = appended++;
    if (keys.size() >= kMaxPoints) {
        // The stored points are the ordinals 0, s, 2s, ...: every other one is a multiple of 2s.
        stride *= 2;
        qsizetype w = 0;
        for (qsizetype r = 0; r < keys.size(); r += 2) {
            keys[w] = keys[r];
            a[w] = a[r];
            b[w] = b[r];
            ++w;
        }
        keys.resize(w);
        a.resize(w);
        b.resize(w);
    }
    tail = ordinal % stride != 0;
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

    xAxis->setLabel(QStringLiteral("step"));
    yAxis->setLabel(QStringLiteral("loss"));
    yAxis2->setVisible(true);
    yAxis2->setLabel(QStringLiteral("learning rate"));
    yAxis2->setLabelColor(palette::lrCurve());
    yAxis2->setTickLabelColor(palette::lrCurve());
    yAxis2->grid()->setVisible(false);
    yAxis2->setRange(0, 1);

    // First, so that it lies under everything of the current run.
    m_ghost.graph = addGraph(xAxis, yAxis);
    m_ghost.graph->setObjectName(QStringLiteral("ghostLoss"));
    // Darker than on the landscape (this one lies on white), dotted beside the batch loss.
    m_ghost.graph->setPen(QPen(palette::ghostPath().darker(140), 1.5, Qt::DotLine));
    m_ghost.graph->setAdaptiveSampling(true);
    m_ghost.graph->setSelectable(QCP::stNone);
    m_ghost.graph->removeFromLegend();

    m_batch = addGraph(xAxis, yAxis);
    m_batch->setObjectName(QStringLiteral("batchLoss"));
    m_batch->setName(QStringLiteral("batch loss"));
    QColor batchColor = palette::batchLoss();
    batchColor.setAlpha(150);
    m_batch->setPen(QPen(batchColor, 1));
    m_batch->setAdaptiveSampling(true);

    m_lr = addGraph(xAxis, yAxis2);
    m_lr->setObjectName(QStringLiteral("learningRate"));
    m_lr->setName(QStringLiteral("learning rate"));
    m_lr->setPen(QPen(palette::lrCurve(), 1, Qt::DashLine));

    m_train = addGraph(xAxis, yAxis);
    m_train->setObjectName(QStringLiteral("trainLoss"));
    m_train->setName(QStringLiteral("training loss (epoch)"));
    m_train->setPen(QPen(palette::trainLoss(), 2));
    m_val = addGraph(xAxis, yAxis);
    m_val->setObjectName(QStringLiteral("valLoss"));
    m_val->setName(QStringLiteral("validation loss (epoch)"));
    m_val->setPen(QPen(palette::valLoss(), 2));
    for (QCPGraph* graph : {m_batch, m_lr, m_train, m_val})
        graph->setSelectable(QCP::stNone);

    legend->setVisible(true);
    // Eight race curves make two columns rather than a list that covers the plot.
    legend->setWrap(4);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    m_currentMarker = new QCPItemLine(this);
    m_currentMarker->setObjectName(QStringLiteral("currentStep"));
    for (QCPItemPosition* p : {m_currentMarker->start, m_currentMarker->end}) {
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    m_currentMarker->setPen(QPen(palette::accent(), 1.5, Qt::DashLine));
    m_currentMarker->setSelectable(false);
    m_currentMarker->setVisible(false);

    m_hoverTracer = new QCPItemTracer(this);
    m_hoverTracer->setLayer(QStringLiteral("overlay"));
    m_hoverTracer->setStyle(QCPItemTracer::tsCircle);
    m_hoverTracer->setSize(7);
    m_hoverTracer->setPen(QPen(palette::text(), 1.5));
    m_hoverTracer->setBrush(Qt::white);
    m_hoverTracer->setSelectable(false);
    m_hoverTracer->setVisible(false);
    m_hoverText = new QCPItemText(this);
    m_hoverText->setObjectName(QStringLiteral("hoverText"));
    m_hoverText->setLayer(QStringLiteral("overlay"));
    m_hoverText->position->setType(QCPItemPosition::ptAbsolute);
    m_hoverText->setFont(palette::annotationFont());
    m_hoverText->setColor(palette::text());
    m_hoverText->setBrush(QColor(255, 255, 255, 225));
    m_hoverText->setPen(QPen(QColor(0, 0, 0, 60), 1));
    m_hoverText->setPadding(QMargins(6, 3, 6, 3));
    m_hoverText->setClipToAxisRect(false);
    m_hoverText->setSelectable(false);
    m_hoverText->setVisible(false);

    fitAxes();
}

void LossPlot::appendSteps(const QVector<double>& steps, const QVector<double>& batchLoss, const QVector<double>& lr)
{
    const qsizetype n = std::min(steps.size(), batchLoss.size());
    for (qsizetype k = 0; k < n; ++k)
        m_stepSeries.append(steps[k], batchLoss[k], k < lr.size() ? lr[k] : kNaN);
    updateGraphs();
}

void LossPlot::appendEpoch(double step, double trainLoss, double valLoss)
{
    m_epochSeries.append(step, trainLoss, valLoss);
    updateGraphs();
}

void LossPlot::appendEpochs(const QVector<double>& steps, const QVector<double>& trainLoss, const QVector<double>& valLoss)
{
    const qsizetype n = std::min({steps.size(), trainLoss.size(), valLoss.size()});
    for (qsizetype k = 0; k < n; ++k)
        m_epochSeries.append(steps[k], trainLoss[k], valLoss[k]);
    updateGraphs();
}

void LossPlot::setCurrentStep(double step)
{
    m_currentStep = step;
    const bool show = std::isfinite(step);
    m_currentMarker->setVisible(show);
    if (show) {
        m_currentMarker->start->setCoords(step, 0.0);
        m_currentMarker->end->setCoords(step, 1.0);
    }
}

void LossPlot::setLogScale(bool on)
{
    m_log = on;
    if (on) {
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        yAxis->setScaleType(QCPAxis::stLinear);
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    m_follow = true;
    fitAxes();
    placeLegend();
}

void LossPlot::clear()
{
    m_stepSeries.clear();
    m_epochSeries.clear();
    setCurrentStep(kNaN);
    m_follow = true;
    hideHover();
    updateGraphs();
}

void LossPlot::Overlay::setId(int id)
{
    graph->setObjectName(QStringLiteral("overlayLoss%1").arg(id));
}

int LossPlot::addOverlaySeries(const QString& label, const QColor& color)
{
    const int id = static_cast<int>(m_overlays.size());
    Overlay overlay;
    overlay.graph = addGraph(xAxis, yAxis);
    overlay.setId(id);
    overlay.graph->setName(label);
    overlay.graph->setPen(QPen(color, 1));
    overlay.graph->setAdaptiveSampling(true);
    overlay.graph->setSelectable(QCP::stNone);
    // While a race is shown the legend names its curves only: with the run's four entries as
    // well it would cover much of a small plot.
    for (QCPGraph* graph : {m_batch, m_lr, m_train, m_val})
        graph->removeFromLegend();
    legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
    m_overlays.push_back(overlay);
    if (palette::presentationScale() != 1.0)
        palette::applyPresentationScale(this);
    return id;
}

void LossPlot::appendOverlaySteps(int id, const QVector<double>& steps, const QVector<double>& loss)
{
    if (id < 0 || id >= m_overlays.size())
        return;
    Overlay& overlay = m_overlays[id];
    const qsizetype n = std::min(steps.size(), loss.size());
    for (qsizetype k = 0; k < n; ++k)
        overlay.series.append(steps[k], loss[k], kNaN);
    overlay.graph->data()->set(graphData(overlay.series.keys, overlay.series.a), true);
    if (m_follow)
        fitAxes();
}

void LossPlot::setOverlayDiverged(int id, bool diverged)
{
    if (id < 0 || id >= m_overlays.size())
        return;
    m_overlays[id].diverged = diverged;
    if (m_follow)
        fitAxes();
}

void LossPlot::resetOverlaySeries(int id)
{
    if (id < 0 || id >= m_overlays.size())
        return;
    Overlay& overlay = m_overlays[id];
    overlay.series.clear();
    overlay.graph->data()->clear();
    overlay.diverged = false;
    if (m_follow)
        fitAxes();
}

void LossPlot::removeOverlaySeries(int id)
{
    if (id < 0 || id >= m_overlays.size())
        return;
    removeGraph(m_overlays[id].graph);  // also takes it out of the legend
    m_overlays.remove(id);
    for (int k = id; k < m_overlays.size(); ++k)
        m_overlays[k].setId(k);
    overlaysChanged();
}

void LossPlot::clearOverlaySeries()
{
    for (const Overlay& overlay : std::as_const(m_overlays))
        removeGraph(overlay.graph);  // also takes it out of the legend
    m_overlays.clear();
    overlaysChanged();
}

void LossPlot::overlaysChanged()
{
    if (m_overlays.isEmpty()) {
        for (QCPGraph* graph : {m_batch, m_lr, m_train, m_val})
            graph->addToLegend();
    }
    legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);   // no empty cells left behind
    if (m_follow)
        fitAxes();
}

void LossPlot::setGhostSeries(const QVector<double>& steps, const QVector<double>& loss, const QString& label)
{
    m_ghost.series.clear();
    const qsizetype n = std::min(steps.size(), loss.size());
    for (qsizetype k = 0; k < n; ++k)
        m_ghost.series.append(steps[k], loss[k], kNaN);
    m_ghost.graph->data()->set(graphData(m_ghost.series.keys, m_ghost.series.a), true);
    m_ghost.graph->setName(label);
    if (label.isEmpty() || n == 0)
        m_ghost.graph->removeFromLegend();
    else
        m_ghost.graph->addToLegend();
    if (m_follow)
        fitAxes();
}

void LossPlot::clearGhostSeries()
{
    setGhostSeries({}, {});
}

int LossPlot::overlayStoredCount(int id) const
{
    return id >= 0 && id < m_overlays.size() ? static_cast<int>(m_overlays[id].series.keys.size()) : -1;
}

QCPGraph* LossPlot::overlayGraph(int id) const
{
    return id >= 0 && id < m_overlays.size() ? m_overlays[id].graph : nullptr;
}

bool LossPlot::exportImage(const QString& path, QString* error)
{
    return exportPlotImage(this, path, error);
}

void LossPlot::followData()
{
    m_follow = true;
    fitAxes();
    replot(rpQueuedReplot);
}

void LossPlot::updateGraphs()
{
    m_batch->data()->set(graphData(m_stepSeries.keys, m_stepSeries.a), true);
    m_lr->data()->set(graphData(m_stepSeries.keys, m_stepSeries.b), true);
    m_train->data()->set(graphData(m_epochSeries.keys, m_epochSeries.a), true);
    m_val->data()->set(graphData(m_epochSeries.keys, m_epochSeries.b), true);
    const bool markers = m_epochSeries.keys.size() <= kEpochMarkersUpTo;
    palette::setScatter(m_train,
        markers ? QCPScatterStyle(QCPScatterStyle::ssCircle, palette::trainLoss(), Qt::white, 6) : QCPScatterStyle());
    palette::setScatter(m_val,
        markers ? QCPScatterStyle(QCPScatterStyle::ssSquare, palette::valLoss(), Qt::white, 6) : QCPScatterStyle());
    if (m_follow)
        fitAxes();
    placeLegend();
}

// The legend takes the corner of the plot with the fewest data points under it: a falling
// curve leaves a different corner free in linear and in log scale, and the newest steps, on
// the right, are the ones worth seeing. It stays put unless its corner gets covered.
void LossPlot::placeLegend()
{
    const QRect area = axisRect()->rect();
    const QSize size = legend->minimumOuterSizeHint();
    if (area.width() <= size.width() || area.height() <= size.height())
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
            if (!std::isfinite(values[k]) || (axis == yAxis && m_log && values[k] <= 0.0))
                continue;
            const QPointF p(xAxis->coordToPixel(keys[k]), axis->coordToPixel(values[k]));
            for (std::size_t i = 0; i < boxes.size(); ++i)
                covered[i] += boxes[i].contains(p) ? 1 : 0;
        }
    };
    count(m_stepSeries.keys, m_stepSeries.a, yAxis);
    count(m_stepSeries.keys, m_stepSeries.b, yAxis2);
    count(m_epochSeries.keys, m_epochSeries.a, yAxis);
    count(m_epochSeries.keys, m_epochSeries.b, yAxis);
    count(m_ghost.series.keys, m_ghost.series.a, yAxis);
    for (const Overlay& overlay : std::as_const(m_overlays))
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
        if (!std::isfinite(v) || (m_log && v <= 0.0))
            return;
        y0 = std::min(y0, v);
        y1 = std::max(y1, v);
    };
    for (qsizetype k = 0; k < m_stepSeries.keys.size(); ++k) {
        includeLoss(m_stepSeries.a[k]);
        if (std::isfinite(m_stepSeries.b[k]))
            lrMax = std::max(lrMax, m_stepSeries.b[k]);
    }
    for (qsizetype k = 0; k < m_epochSeries.keys.size(); ++k) {
        includeLoss(m_epochSeries.a[k]);
        includeLoss(m_epochSeries.b[k]);
    }
    for (const double v : std::as_const(m_ghost.series.a))
        includeLoss(v);
    QVector<const QVector<double>*> allKeys{&m_stepSeries.keys, &m_epochSeries.keys, &m_ghost.series.keys};
    for (const Overlay& overlay : std::as_const(m_overlays)) {
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
        y0 = m_log ? 0.01 : 0.0;
        y1 = 1.0;
    }
    if (m_log) {
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
        m_follow = false;  // the user drags the view: stop fitting it to the data
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
    m_follow = false;
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
    if (!r.contains(pixel.toPoint()) || (m_stepSeries.keys.isEmpty() && m_epochSeries.keys.isEmpty())) {
        hideHover();
        return;
    }
    const double key = xAxis->pixelToCoord(pixel.x());
    // The nearest stored step; with no steps, the nearest epoch.
    const bool useSteps = !m_stepSeries.keys.isEmpty();
    const QVector<double>& keys = useSteps ? m_stepSeries.keys : m_epochSeries.keys;
    const QVector<double>& values = useSteps ? m_stepSeries.a : m_epochSeries.a;
    auto it = std::lower_bound(keys.begin(), keys.end(), key);
    if (it == keys.end())
        --it;
    else if (it != keys.begin() && std::abs(*(it - 1) - key) < std::abs(*it - key))
        --it;
    const qsizetype k = it - keys.begin();
    const double step = keys[k];
    const double loss = values[k];
    emit hoverInfo(step, loss);

    QString text = QStringLiteral("step %1 · %2 %3").arg(number(step), useSteps ? QStringLiteral("batch loss") : QStringLiteral("training loss"), number(loss));
    if (useSteps && std::isfinite(m_stepSeries.b[k]))
        text += QStringLiteral(" · lr %1").arg(number(m_stepSeries.b[k]));
    // The last epoch at or before this step.
    const auto e = std::upper_bound(m_epochSeries.keys.begin(), m_epochSeries.keys.end(), step);
    if (useSteps && e != m_epochSeries.keys.begin()) {
        const qsizetype ei = (e - m_epochSeries.keys.begin()) - 1;
        text += QStringLiteral("\nlast epoch: train %1").arg(number(m_epochSeries.a[ei]));
        if (std::isfinite(m_epochSeries.b[ei]))
            text += QStringLiteral(", validation %1").arg(number(m_epochSeries.b[ei]));
    }
    m_hoverTracer->setGraph(useSteps ? m_batch : m_train);
    m_hoverTracer->setGraphKey(step);
    m_hoverTracer->setVisible(std::isfinite(loss));
    m_hoverText->setText(text);
    const bool left = pixel.x() > r.center().x();
    m_hoverText->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    m_hoverText->position->setCoords(pixel + QPointF(left ? -14 : 14, 14));
    m_hoverText->setVisible(true);
    layer(QStringLiteral("overlay"))->replot();
}

void LossPlot::hideHover()
{
    if (!m_hoverText->visible() && !m_hoverTracer->visible())
        return;
    m_hoverText->setVisible(false);
    m_hoverTracer->setVisible(false);
    layer(QStringLiteral("overlay"))->replot();
}

}  // namespace downhill::ui
