#include "figure.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include "palette.h"

namespace downhill::ui {

namespace {

constexpr double kLossShare = 0.38;   // of the height, for the loss panel and its legend

}  // namespace

Figure::Figure(QSize pixels, bool withLoss, const QString& title, int scale)
    : scale_(scale)
    , landscape_(std::make_unique<LandscapePlot>())
{
    const QSize layout = pixels / scale_;
    int landscapeHeight = layout.height();
    if (withLoss) {
        loss_ = std::make_unique<LossPlot>();
        const int lossHeight = static_cast<int>(layout.height() * kLossShare);
        landscapeHeight -= lossHeight;
        loss_->resize(layout.width(), lossHeight);
        // Inside a panel this short, the legend's column would cover much of the curves: it
        // becomes one row above the panel.
        QCPLegend* legend = loss_->legend;
        if (loss_->axisRect()->insetLayout()->take(legend)) {
            legend->setFillOrder(QCPLegend::foColumnsFirst);
            loss_->plotLayout()->insertRow(0);
            loss_->plotLayout()->addElement(0, 0, legend);
            loss_->plotLayout()->setRowStretchFactor(0, 0.001);
        }
    }
    landscape_->resize(layout.width(), landscapeHeight);
    if (!title.isEmpty()) {
        QFont font = palette::axisLabelFont();
        font.setPointSizeF(font.pointSizeF() * 1.25);
        font.setBold(true);
        title_ = new QCPTextElement(landscape_.get(), title, font);
        title_->setTextColor(palette::text());
        landscape_->plotLayout()->insertRow(0);
        landscape_->plotLayout()->addElement(0, 0, title_);
    }
}

QSize Figure::pixels() const
{
    return QSize(landscape_->width(), landscape_->height() + (loss_ ? loss_->height() : 0)) * scale_;
}

void Figure::setTitle(const QString& title)
{
    if (title_)
        title_->setText(title);
}

QImage Figure::image()
{
    const int w = landscape_->width();
    const int h1 = landscape_->height();
    QImage image(pixels(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette::background());
    QPainter painter(&image);
    painter.drawPixmap(0, 0, landscape_->toPixmap(w, h1, scale_));
    if (loss_)
        painter.drawPixmap(0, h1 * scale_, loss_->toPixmap(w, loss_->height(), scale_));
    painter.end();
    return image;
}

void Figure::placeCaptions(QPointF current)
{
    // LandscapePlot keeps its captions in the bottom-left corner, where a window user can
    // toggle them; it has no setter for their place, so the item is found by its name.
    auto* captions = landscape_->findChild<QCPItemText*>(QStringLiteral("captions"));
    if (!captions || !captions->visible())
        return;
    // Laid out at the figure's size, the captions have their final font and extent.
    landscape_->setViewport(landscape_->rect());
    landscape_->replot();
    const QSizeF size = QRectF(captions->topLeft->pixelPosition(), captions->bottomRight->pixelPosition()).size();
    const QRectF area = landscape_->axisRect()->rect();
    const QPointF inset = captions->position->coords();   // the bottom-left corner's, as ratios of the area

    struct Corner {
        bool right;
        bool top;
    };
    const Corner corners[] = {{false, false}, {false, true}, {true, false}, {true, true}};   // the window's first
    auto boxAt = [&](const Corner& c) {
        const double x = c.right ? area.right() - inset.x() * area.width() - size.width() : area.left() + inset.x() * area.width();
        const double y = c.top ? area.top() + (1 - inset.y()) * area.height()
                               : area.bottom() - (1 - inset.y()) * area.height() - size.height();
        return QRectF(QPointF(x, y), size);
    };
    auto pixel = [&](QPointF p) {
        return QPointF(landscape_->xAxis->coordToPixel(p.x()), landscape_->yAxis->coordToPixel(p.y()));
    };
    const QVector<QPointF> path = landscape_->pathPoints();
    constexpr double kMarkerRoom = 12;   // pixels around a marker that must stay visible
    constexpr double kMarkerWeight = 1e6;
    const Corner* best = nullptr;
    double bestCost = 0;
    for (const Corner& corner : corners) {
        // The divergence banner spans the top middle.
        if (corner.top && landscape_->isDiverged())
            continue;
        const QRectF box = boxAt(corner);
        const QRectF room = box.adjusted(-kMarkerRoom, -kMarkerRoom, kMarkerRoom, kMarkerRoom);
        double cost = 0;
        for (const QPointF& p : path)
            cost += box.contains(pixel(p)) ? 1 : 0;
        if (room.contains(pixel(current)))
            cost += kMarkerWeight;
        if (room.contains(pixel(landscape_->minimumPosition())))
            cost += kMarkerWeight;
        if (!best || cost < bestCost) {
            best = &corner;
            bestCost = cost;
        }
    }
    captions->position->setCoords(best->right ? 1 - inset.x() : inset.x(), best->top ? 1 - inset.y() : inset.y());
    captions->setPositionAlignment((best->right ? Qt::AlignRight : Qt::AlignLeft) | (best->top ? Qt::AlignTop : Qt::AlignBottom));
}

void Figure::finishRace(bool withRun)
{
    if (loss_) {
        // LossPlot stacks a race's entries in a column; above this panel a row reads better.
        loss_->legend->setWrap(4);
        loss_->legend->setFillOrder(QCPLegend::foColumnsFirst, true);
        loss_->yAxis2->setVisible(withRun);
    }
    landscape_->setViewport(landscape_->rect());
    landscape_->replot();
    // The legend's corner is chosen when the view or the captions change; with the final
    // layout in place, this asks for it again (the captions stay as they are).
    landscape_->setCaptionsVisible(landscape_->captionsVisible());
}

bool Figure::write(const QString& path, QString* error)
{
    return loss_ ? writeStacked(path, error) : landscape_->exportImage(path, error);
}

// LandscapePlot::exportImage() for two plots, one above the other.
bool Figure::writeStacked(const QString& path, QString* error)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    const int w = landscape_->width();
    const int h1 = landscape_->height();
    const int h2 = loss_->height();
    QSaveFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot write \"%1\": %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    auto paintVectors = [&](QPaintDevice* device) {
        QCPPainter painter;
        if (!painter.begin(device))
            return false;
        painter.setMode(QCPPainter::pmVectorized);
        landscape_->toPainter(&painter, w, h1);
        painter.translate(0, h1);
        loss_->toPainter(&painter, w, h2);
        return painter.end();
    };
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = image().save(&file, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(QSize(w, h1 + h2));
        svg.setViewBox(QRect(0, 0, w, h1 + h2));
        svg.setTitle(QStringLiteral("Downhill"));
        ok = paintVectors(&svg);
    } else {
        QPdfWriter pdf(&file);
        pdf.setCreator(QStringLiteral("Downhill"));
        pdf.setTitle(QStringLiteral("Downhill"));
        pdf.setResolution(72);  // one point per layout unit
        pdf.setPageLayout(QPageLayout(QPageSize(QSizeF(w, h1 + h2), QPageSize::Point, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        ok = paintVectors(&pdf);
    }
    if (!ok || file.error() != QFileDevice::NoError || !file.commit()) {
        file.cancelWriting();
        *error = QStringLiteral("Cannot write \"%1\": %2.")
                     .arg(QDir::toNativeSeparators(path),
                         file.error() != QFileDevice::NoError ? file.errorString() : QStringLiteral("rendering failed"));
        return false;
    }
    return true;
}

}  // namespace downhill::ui
