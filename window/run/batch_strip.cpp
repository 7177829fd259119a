#include "window/run/batch_strip.h"

#include <QHelpEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "plots/palette.h"

namespace downhill::ui {

namespace {

constexpr int kGap = 8;
constexpr int kMargin = 6;

QFont labelFont()
{
    QFont f;
    f.setPointSizeF(9);
    return f;
}

}  // namespace

BatchStrip::BatchStrip(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("batchStrip"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void BatchStrip::setItems(const QVector<Item>& items)
{
    items_ = items;
    measured_.width = -1;
    if (rows() != rowsAsked_)
        updateGeometry();
    update();
}

void BatchStrip::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The width decides the rows and the rows the height: ask again when they change (the
    // height never changes the width, so this settles).
    if (rows() != rowsAsked_)
        updateGeometry();
}

int BatchStrip::augmentedCount() const
{
    return static_cast<int>(std::count_if(items_.cbegin(), items_.cend(), [](const Item& item) { return !item.augmentation.isEmpty(); }));
}

namespace {

// A prediction as a label can hold it: one decimal, or three significant digits once it is
// far from any count (a diverging run predicts -4.9e116, which in 'f' is 118 characters wide
// and left no room for a single tile).
QString prediction(double value, int decimals)
{
    if (std::isfinite(value) && std::abs(value) < 1e4)
        return QString::number(value, 'f', decimals);
    return std::isfinite(value) ? QString::number(value, 'g', 3) : QString::number(value);
}

}  // namespace

QString BatchStrip::labelFor(const Item& item)
{
    // Counts are whole people; show them without decimals when they are whole.
    const QString truth = (std::isfinite(item.count) && item.count == std::round(item.count))
        ? QString::number(static_cast<long long>(item.count))
        : QString::number(item.count, 'f', 1);
    return BatchStrip::tr("true %1 · pred %2").arg(truth, prediction(item.prediction, 1));
}

QColor BatchStrip::colorFor(const Item& item)
{
    const double error = std::abs(item.prediction - item.count);
    if (!std::isfinite(error))
        return palette::bad();
    if (error < 0.5)
        return palette::good();
    if (error < 1.5)
        return palette::fair();
    return palette::bad();
}

// One line ("true 3 · pred 2.7") when the strip is wide enough for at least
// kMinTilesOneLine tiles that way; otherwise the two halves of the label on two lines, which
// lets about twice as many tiles fit.
bool BatchStrip::twoLineLabels() const
{
    return measured().twoLines;
}

int BatchStrip::cellWidth() const
{
    return measured().cell;
}

const BatchStrip::Measured& BatchStrip::measured() const
{
    const QFont font = labelFont();
    if (measured_.width != width() || measured_.font != font) {
        measured_.width = width();
        measured_.font = font;
        measured_.twoLines = measureTwoLineLabels();
        measured_.cell = measureCellWidth(measured_.twoLines);
    }
    return measured_;
}

bool BatchStrip::measureTwoLineLabels() const
{
    const QFontMetrics metrics(labelFont());
    int widest = 0;
    const int n = std::min(itemCount(), kMaxShown);
    for (int k = 0; k < n; ++k)
        widest = std::max(widest, metrics.horizontalAdvance(labelFor(items_[k])));
    const int oneLineCell = std::max(kTile, widest) + kGap;
    const int available = width() - 2 * kMargin - (itemCount() > n ? moreWidth() : 0);
    return n > 0 && available / oneLineCell < std::min(n, kMinTilesOneLine);
}

int BatchStrip::measureCellWidth(bool twoLines) const
{
    const QFontMetrics metrics(labelFont());
    int widest = 0;
    const int n = std::min(itemCount(), kMaxShown);
    for (int k = 0; k < n; ++k) {
        const QString label = labelFor(items_[k]);
        if (twoLines) {
            for (const QString& part : label.split(QStringLiteral(" · ")))
                widest = std::max(widest, metrics.horizontalAdvance(part));
        } else {
            widest = std::max(widest, metrics.horizontalAdvance(label));
        }
    }
    return std::max(kTile, widest) + kGap;
}

int BatchStrip::moreWidth() const
{
    const QFontMetrics metrics(font());
    // Wide enough for the largest count it could show.
    return metrics.horizontalAdvance(BatchStrip::tr("+%1 more").arg(std::max(itemCount(), 99))) + kGap;
}

int BatchStrip::oneRowShown() const
{
    const int wanted = std::min(itemCount(), kMaxShown);
    const int available = width() - 2 * kMargin;
    const int cell = cellWidth();
    if (wanted * cell <= available && wanted == itemCount())
        return wanted;
    // Leave room for "+N more".
    return std::clamp((available - moreWidth()) / cell, 0, wanted);
}

int BatchStrip::rows() const
{
    const int shown = oneRowShown();
    return width() > 0 && shown < itemCount() && shown < kMinTilesOneRow && perRow() >= 2 ? 2 : 1;
}

int BatchStrip::perRow() const
{
    return std::max(1, (width() - 2 * kMargin) / cellWidth());
}

int BatchStrip::rowHeight() const
{
    return kTile + 4 + 2 * QFontMetrics(labelFont()).height() + 4;
}

int BatchStrip::shownCount() const
{
    if (rows() == 1)
        return oneRowShown();
    const int cells = 2 * perRow();
    const int wanted = std::min(itemCount(), kMaxShown);
    // Every one that fits, or all but the last cell, which says "+N more".
    return wanted == itemCount() && wanted <= cells ? wanted : std::min(wanted, cells - 1);
}

QRect BatchStrip::tileRect(int index) const
{
    const int cell = cellWidth();
    const int across = rows() == 1 ? index : index % perRow();
    const int down = rows() == 1 ? 0 : index / perRow();
    return QRect(kMargin + across * cell + (cell - kGap - kTile) / 2, kMargin + down * rowHeight(), kTile, kTile);
}

QSize BatchStrip::sizeHint() const
{
    const QFontMetrics metrics(labelFont());
    const int cell = std::max(kTile, metrics.horizontalAdvance(BatchStrip::tr("true %1 · pred %2").arg(QStringLiteral("10"), QStringLiteral("10.0")))) + kGap;
    rowsAsked_ = rows();
    return QSize(2 * kMargin + kMaxShown * cell + moreWidth(), 2 * kMargin + kTile + 4 + 2 * metrics.height()
        + (rowsAsked_ - 1) * rowHeight());
}

QSize BatchStrip::minimumSizeHint() const
{
    const QFontMetrics metrics(labelFont());
    return QSize(2 * kMargin + kTile + kGap + moreWidth(), 2 * kMargin + kTile + 4 + 2 * metrics.height());
}

void BatchStrip::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette::panel());
    painter.setFont(labelFont());
    if (items_.isEmpty()) {
        painter.setPen(palette::mutedText());
        painter.drawText(rect(), Qt::AlignCenter, BatchStrip::tr("The current batch appears here."));
        return;
    }
    const int shown = shownCount();
    const int cell = cellWidth();
    const bool twoLines = twoLineLabels();
    const QFontMetrics metrics(labelFont());
    for (int k = 0; k < shown; ++k) {
        const Item& item = items_[k];
        const QRect tile = tileRect(k);
        painter.fillRect(tile, Qt::black);
        if (!item.image.isNull()) {
            // Whole-number upscaling where the tile allows it, so every source pixel is the
            // same size on screen; nearest neighbour, never smoothed.
            const QSize source = item.image.size();
            const double fit = static_cast<double>(kTile) / std::max(source.width(), source.height());
            const double scale = fit >= 1.0 ? std::floor(fit) : fit;
            const QSize size(static_cast<int>(source.width() * scale), static_cast<int>(source.height() * scale));
            const QRect target(tile.center() - QPoint(size.width() / 2, size.height() / 2), size);
            painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
            painter.drawImage(target, item.image);
        }
        painter.setPen(QPen(QColor(0, 0, 0, 60), 1));
        painter.drawRect(tile.adjusted(0, 0, -1, -1));
        if (!item.augmentation.isEmpty()) {
            // The marker that this is not the stored image but the one the model saw.
            QFont badgeFont = labelFont();
            badgeFont.setPointSizeF(7);
            badgeFont.setBold(true);
            const QFontMetrics badgeMetrics(badgeFont);
            const QString badge = QStringLiteral("aug");
            const QRect badgeRect(tile.left() + 1, tile.top() + 1, badgeMetrics.horizontalAdvance(badge) + 6,
                badgeMetrics.height());
            painter.fillRect(badgeRect, palette::accent());
            painter.setFont(badgeFont);
            painter.setPen(Qt::black);
            painter.drawText(badgeRect, Qt::AlignCenter, badge);
            painter.setFont(labelFont());
        }
        const QRect labelRect(tile.center().x() - (cell - kGap) / 2, tile.bottom() + 3, cell - kGap, 2 * metrics.height());
        painter.setPen(colorFor(item));
        QString label = labelFor(item);
        if (twoLines)
            label.replace(QStringLiteral(" · "), QStringLiteral("\n"));
        painter.drawText(labelRect, Qt::AlignHCenter | Qt::AlignTop, label);
    }
    if (shown < itemCount()) {
        painter.setFont(font());
        painter.setPen(palette::mutedText());
        const QString more = BatchStrip::tr("+%1 more").arg(itemCount() - shown);
        if (rows() == 1) {
            const QRect moreRect(kMargin + shown * cell, kMargin, moreWidth(), kTile);
            painter.drawText(moreRect, Qt::AlignLeft | Qt::AlignVCenter, more);
        } else {
            // In the last cell, under one another if it must: "+24" over "more".
            const QRect tile = tileRect(shown);
            const QRect moreRect(tile.center().x() - (cell - kGap) / 2, tile.top(), cell - kGap, tile.height());
            painter.drawText(moreRect, Qt::AlignCenter | Qt::TextWordWrap, more);
        }
    }
}

bool BatchStrip::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const int shown = shownCount();
        for (int k = 0; k < shown; ++k) {
            if (tileRect(k).adjusted(0, 0, 0, 20).contains(help->pos())) {
                const Item& item = items_[k];
                QString text = BatchStrip::tr("%1 people, the model says %2 (error %3)")
                                   .arg(QString::number(item.count, 'g', 4), prediction(item.prediction, 2),
                                       prediction(item.prediction - item.count, 2));
                if (!item.augmentation.isEmpty())
                    text += BatchStrip::tr("\nAugmented, as the model saw it: %1").arg(item.augmentation);
                QToolTip::showText(help->globalPos(), text, this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

}  // namespace downhill::ui
