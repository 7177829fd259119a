#include "window/network/network_view.h"

#include <algorithm>
#include <cmath>

#include <QPainter>

#include "plots/palette.h"

namespace downhill::ui {

namespace {

constexpr int kGap = 3;          // between unit images
constexpr int kStripRow = 10;    // the most pixels a row of a later layer's strip gets
constexpr int kColourBar = 90;   // width of the scale's bar

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

QString layerTitle(const core::MlpObjective& net, int l)
{
    const auto& widths = net.widths();
    return QStringLiteral("Linear %1 (%2 \u2192 %3)").arg(2 * l).arg(widths[static_cast<std::size_t>(l)]).arg(widths[static_cast<std::size_t>(l) + 1]);
}

// The weights of one layer, out x in, as an image (a row per unit), on the scale +-s.
QImage matrixImage(const Eigen::Ref<const RowMajor>& weights, double s)
{
    QImage image(static_cast<int>(weights.cols()), static_cast<int>(weights.rows()), QImage::Format_RGB32);
    const double inverse = s > 0 ? 1.0 / s : 0.0;
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = palette::weightColor(weights(y, x) * inverse);
    }
    return image;
}

// The diverging scale of a layer on a line of its own: "-s [blue ... white ... red] +s".
void drawScale(QPainter& p, int left, int y, int height, double s)
{
    const QFontMetrics metrics(p.font());
    const QString low = QStringLiteral("\u2212%1").arg(s, 0, 'g', 2), high = QStringLiteral("+%1").arg(s, 0, 'g', 2);
    p.setPen(palette::mutedText());
    const int lowWidth = metrics.horizontalAdvance(low);
    p.drawText(QRect(left, y, lowWidth + 2, height), Qt::AlignLeft | Qt::AlignVCenter, low);
    const QRect bar(left + lowWidth + 4, y + (height - 8) / 2, kColourBar, 8);
    for (int x = 0; x < bar.width(); ++x) {
        p.setPen(QColor(palette::weightColor(2.0 * (x + 0.5) / bar.width() - 1.0)));
        p.drawLine(bar.left() + x, bar.top(), bar.left() + x, bar.bottom());
    }
    p.setPen(palette::mutedText());
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.drawText(QRect(bar.right() + 4, y, metrics.horizontalAdvance(high) + 2, height), Qt::AlignLeft | Qt::AlignVCenter, high);
}

}  // namespace

NetworkView::NetworkView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("networkView"));
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, palette::background());
    setPalette(colours);
    setToolTip(tr("Each square: one unit of the first layer, its incoming weight from every pixel where that pixel "
                  "sits. Red: positive, blue: negative, white: near 0."));
}

void NetworkView::setNetwork(std::shared_ptr<const core::MlpObjective> network)
{
    network_ = std::move(network);
    units_.clear();
    later_.clear();
    scales_.clear();
    update();
}

double NetworkView::scale(int l) const
{
    return l >= 0 && l < static_cast<int>(scales_.size()) ? scales_[static_cast<std::size_t>(l)] : 0.0;
}

void NetworkView::setWeights(const core::Vec& w)
{
    if (!network_ || w.size() != network_->parameterCount())
        return;
    const auto& widths = network_->widths();
    const int layers = network_->linearLayers();
    scales_.assign(static_cast<std::size_t>(layers), 0.0);
    later_.clear();
    for (int l = 0; l < layers; ++l) {
        const int in = widths[static_cast<std::size_t>(l)];
        const int out = widths[static_cast<std::size_t>(l) + 1];
        const Eigen::Map<const RowMajor> weights(w.data() + network_->weightOffset(l), out, in);
        const double s = weights.size() > 0 ? weights.cwiseAbs().maxCoeff() : 0.0;
        scales_[static_cast<std::size_t>(l)] = s;
        if (l == 0) {
            // The pixels are row-major (core/data/pixel_inputs.h): unit i's row, folded n x n.
            const int n = network_->inputSize();
            const int shown = std::min(out, kMaxUnitImages);
            units_.resize(static_cast<std::size_t>(shown));
            for (int i = 0; i < shown; ++i) {
                const Eigen::Map<const RowMajor> unit(weights.row(i).data(), n, n);
                units_[static_cast<std::size_t>(i)] = matrixImage(unit, s);
            }
        } else {
            later_.push_back(matrixImage(weights, s));
        }
    }
    update();
}

void NetworkView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    if (!network_ || scales_.empty())
        return;
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const QFontMetrics metrics(p.font());
    const int line = metrics.height() + 2;
    const QRect area = rect().adjusted(4, 4, -4, -4);
    const int hidden = network_->widths()[1];

    // The later layers' strips at the bottom: a title line, then out rows of kStripRow at most.
    int stripsHeight = 0;
    std::vector<int> rowHeights;
    for (const QImage& image : later_) {
        const int rowHeight = std::clamp(area.width() / std::max(1, image.width()), 2, kStripRow);
        rowHeights.push_back(rowHeight);
        stripsHeight += 2 * line + image.height() * rowHeight + kGap * 2;
    }

    // The first layer: a title and the units in the grid that makes them largest.
    p.setPen(palette::text());
    const QRect title(area.left(), area.top(), area.width(), line);
    QString heading = tr("%1: weights per unit").arg(layerTitle(*network_, 0));
    if (unitImageCount() < hidden)
        heading += tr(" (first %1)").arg(unitImageCount());
    p.drawText(title, Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(heading, Qt::ElideRight, area.width()));
    drawScale(p, area.left(), title.bottom() + 1, line, scales_[0]);

    const int gridTop = title.bottom() + 1 + line + kGap;
    const QRect grid(area.left(), gridTop, area.width(), std::max(0, area.bottom() - gridTop - stripsHeight));
    const int count = unitImageCount();
    int bestSide = 0, bestColumns = 1;
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const int side = std::min((grid.width() - (columns - 1) * kGap) / columns, (grid.height() - (rows - 1) * kGap) / rows);
        if (side > bestSide) {
            bestSide = side;
            bestColumns = columns;
        }
    }
    if (bestSide >= 1) {
        for (int i = 0; i < count; ++i) {
            const int x = grid.left() + (i % bestColumns) * (bestSide + kGap);
            const int y = grid.top() + (i / bestColumns) * (bestSide + kGap);
            p.drawImage(QRect(x, y, bestSide, bestSide), units_[static_cast<std::size_t>(i)]);
        }
    }

    // The later layers, each under its title.
    const int rowsUsed = bestSide >= 1 ? (count + bestColumns - 1) / bestColumns : 0;
    int y = grid.top() + rowsUsed * (bestSide + kGap) + kGap;
    for (std::size_t k = 0; k < later_.size(); ++k) {
        const int l = static_cast<int>(k) + 1;
        const QImage& image = later_[k];
        p.setPen(palette::text());
        const QString what = l + 1 == network_->linearLayers() ? tr("%1: weights into y") : tr("%1: a row per unit");
        p.drawText(QRect(area.left(), y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(what.arg(layerTitle(*network_, l)), Qt::ElideRight, area.width()));
        drawScale(p, area.left(), y + line, line, scales_[static_cast<std::size_t>(l)]);
        y += 2 * line + kGap;
        const int cell = std::max(1, area.width() / std::max(1, image.width()));
        const QRect target(area.left(), y, std::min(area.width(), cell * image.width()), image.height() * rowHeights[k]);
        p.drawImage(target, image);
        p.setPen(palette::mutedText());
        p.drawRect(target.adjusted(0, 0, -1, -1));
        y += target.height() + kGap;
    }
}

}  // namespace downhill::ui
