#include "window/network/network_panel.h"

#include <cmath>
#include <limits>

#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "core/model/mlp_trace.h"
#include "plots/fitted_label.h"
#include "plots/palette.h"
#include "window/network/network_view.h"

namespace downhill::ui {

namespace {

// The plot follows a running network a few times a second; the view every frame.
constexpr int kPlotIntervalMs = 100;

QString layerLabel(const core::MlpObjective& net, int l)
{
    const auto& widths = net.widths();
    return QStringLiteral("Linear %1 (%2\u2192%3)").arg(2 * l).arg(widths[static_cast<std::size_t>(l)]).arg(widths[static_cast<std::size_t>(l) + 1]);
}

QString number(double v)
{
    return QString::number(v, 'g', 3);
}

}  // namespace

NetworkPanel::NetworkPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("networkPanel"));

    hint_ = new QLabel(tr("The network panel shows a network's layers: choose a network under Model "
                          "(\u201cNetworks on the pixels\u201d)."),
        this);
    hint_->setObjectName(QStringLiteral("networkHint"));
    hint_->setWordWrap(true);
    hint_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("networkSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    view_ = new NetworkView(this);

    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("gradientNormPlot"));
    plot_->setMinimumHeight(170);
    plot_->setNoAntialiasingOnDrag(true);
    palette::stylePlot(plot_);
    FittedLabel::set(plot_->xAxis, tr("step"));
    FittedLabel::set(plot_->yAxis, tr("|gradient| per layer"), tr("|gradient|"));
    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot_->yAxis->setNumberFormat(QStringLiteral("eb"));
    plot_->yAxis->setNumberPrecision(0);
    // The legend in a row of its own above the axes: inside, it would hide the newest steps.
    plot_->legend->setVisible(true);
    plot_->legend->setFont(palette::tickLabelFont());
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setBrush(Qt::NoBrush);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(0, 0.001);
    plot_->setToolTip(tr("Each linear layer's gradient norm |dL/dW, dL/db| at every step (log scale): a layer "
                         "whose curve sinks far below the others learns slowly"));

    replotTimer_ = new QTimer(this);
    replotTimer_->setSingleShot(true);
    connect(replotTimer_, &QTimer::timeout, this, &NetworkPanel::replotNorms);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(hint_);
    layout->addWidget(summary_);
    layout->addWidget(view_, 3);
    layout->addWidget(plot_, 2);

    setNetwork(nullptr);
}

void NetworkPanel::setNetwork(std::shared_ptr<const core::MlpObjective> network)
{
    network_ = std::move(network);
    norms_.clear();
    weights_.resize(0);
    step_ = 0;
    stale_ = false;
    view_->setNetwork(network_);
    plot_->clearGraphs();
    const bool on = network_ != nullptr;
    hint_->setVisible(!on);
    summary_->setVisible(on);
    view_->setVisible(on);
    plot_->setVisible(on);
    if (!on)
        return;
    for (int l = 0; l < network_->linearLayers(); ++l) {
        QCPGraph* graph = plot_->addGraph();
        graph->setName(layerLabel(*network_, l));
        graph->setPen(QPen(palette::raceColor(l), 1));
        graph->setAdaptiveSampling(true);
    }
    updateSummary();
    replotNorms();
}

void NetworkPanel::setState(const core::Vec& w, const core::Vec& grad, std::int64_t step)
{
    if (!network_ || w.size() != network_->parameterCount() || (grad.size() != 0 && grad.size() != w.size()))
        return;
    if (grad.size() != 0) {
        bool again = false;
        if (!norms_.items().empty() && norms_.items().back().step >= step) {
            norms_.truncate(step);
            again = !norms_.items().empty() && norms_.items().back().step == step;
        }
        if (!again) {
            NormPoint point{step, {}};
            const auto layers = core::layerNorms(*network_, grad);
            for (std::size_t l = 0; l < layers.size() && l < point.norms.size(); ++l)
                point.norms[l] = layers[l].total();
            norms_.append(point);
        }
    }
    weights_ = w;
    step_ = step;
    stale_ = true;
    if (isVisible())
        refresh();
}

void NetworkPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (stale_)
        refresh();
    replotNorms();
}

void NetworkPanel::refresh()
{
    stale_ = false;
    view_->setWeights(weights_);
    updateSummary();
    // One replot per kPlotIntervalMs at most, the last state always drawn.
    if (!lastReplot_.isValid() || lastReplot_.elapsed() >= kPlotIntervalMs)
        replotNorms();
    else if (!replotTimer_->isActive())
        replotTimer_->start(static_cast<int>(kPlotIntervalMs - lastReplot_.elapsed()));
}

void NetworkPanel::updateSummary()
{
    if (!network_)
        return;
    QStringList widths;
    for (int width : network_->widths())
        widths << QString::number(width);
    QString text = tr("%1: %2, %3 parameters")
                       .arg(QString::fromStdString(network_->spec().spelling()), widths.join(QStringLiteral(" \u2192 ")),
                           QLocale(QLocale::English).toString(network_->parameterCount()));
    if (weights_.size() > 0) {
        text += tr(" \u00b7 step %1").arg(step_);
        const auto& items = norms_.items();
        if (!items.empty() && items.back().step == step_) {
            QStringList parts;
            for (int l = 0; l < network_->linearLayers(); ++l)
                parts << tr("Linear %1 %2").arg(2 * l).arg(number(items.back().norms[static_cast<std::size_t>(l)]));
            text += tr("\n|gradient|: %1").arg(parts.join(QStringLiteral(", ")));
        }
    }
    summary_->setText(text);
}

void NetworkPanel::replotNorms()
{
    lastReplot_.start();
    if (!network_ || !isVisible())
        return;
    const auto& items = norms_.items();
    for (int l = 0; l < plot_->graphCount(); ++l) {
        QVector<double> steps, values;
        steps.reserve(static_cast<qsizetype>(items.size()));
        values.reserve(static_cast<qsizetype>(items.size()));
        for (const NormPoint& p : items) {
            const double v = p.norms[static_cast<std::size_t>(l)];
            steps.push_back(static_cast<double>(p.step));
            // A zero norm has no place on a log axis: a gap.
            values.push_back(v > 0 && std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN());
        }
        plot_->graph(l)->setData(steps, values, true);
    }
    if (!items.empty()) {
        plot_->rescaleAxes();
        const QCPRange keys = plot_->xAxis->range();
        if (keys.size() < 1)
            plot_->xAxis->setRange(keys.lower - 0.5, keys.upper + 0.5);
        QCPRange values = plot_->yAxis->range();
        plot_->yAxis->setRange(values.lower / 1.5, values.upper * 1.5);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace downhill::ui
