#include "plots/figure.h"

#include <cmath>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include "plots/palette.h"

namespace downhill::ui {

namespace {

constexpr double kLossShare = 0.38;   // of the height, for the loss panel and its legend

}  // namespace

Figure::Figure(QSize pixels, bool withLoss, const QString& title, int scale, Maps maps)
    : scale_(scale)
    , landscape_(std::make_unique<LandscapePlot>())
{
    const QSize layout = pixels / scale_;
    int mapsHeight = layout.height();
    if (withLoss) {
        loss_ = std::make_unique<LossPlot>();
        const int lossHeight = static_cast<int>(layout.height() * kLossShare);
        mapsHeight -= lossHeight;
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
    QFont titleFont = palette::axisLabelFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    if (maps == Maps::One) {
        landscape_->resize(layout.width(), mapsHeight);
        if (!title.isEmpty()) {
            title_ = new QCPTextElement(landscape_.get(), title, titleFont);
            title_->setTextColor(palette::text());
            landscape_->plotLayout()->insertRow(0);
            landscape_->plotLayout()->addElement(0, 0, title_);
        }
        return;
    }

    // Side by side: a strip across the top holds the title and, under it, a line over each
    // map (a map's own layout would centre its line over the map without its colour scale).
    side_ = std::make_unique<LandscapePlot>();
    landscape_->setFollower(side_.get());
    // At half the width the captions would be cut off.
    landscape_->setCaptionsSuppressed(true);
    side_->setCaptionsSuppressed(true);
    const int left = layout.width() / 2;
    titleStrip_ = std::make_unique<QCustomPlot>();
    titleStrip_->plotLayout()->clear();
    titleStrip_->setBackground(palette::background());
    double stripHeight = 0;
    if (!title.isEmpty()) {
        title_ = new QCPTextElement(titleStrip_.get(), title, titleFont);
        title_->setTextColor(palette::text());
        titleStrip_->plotLayout()->addElement(0, 0, title_);
        stripHeight += QFontMetricsF(titleFont).height() * 1.5;
    }
    QFont mapFont = palette::axisLabelFont();
    mapFont.setPointSizeF(mapFont.pointSizeF() * 0.9);
    mapTitlePointSize_ = mapFont.pointSizeF();
    auto* lines = new QCPLayoutGrid;
    titleStrip_->plotLayout()->addElement(title_ ? 1 : 0, 0, lines);
    leftTitle_ = new QCPTextElement(titleStrip_.get(), QString(), mapFont);
    rightTitle_ = new QCPTextElement(titleStrip_.get(), QString(), mapFont);
    for (QCPTextElement* line : {leftTitle_, rightTitle_})
        line->setTextColor(palette::text());
    lines->addElement(0, 0, leftTitle_);
    lines->addElement(0, 1, rightTitle_);
    lines->setColumnStretchFactors({static_cast<double>(left), static_cast<double>(layout.width() - left)});
    stripHeight += QFontMetricsF(mapFont).height() * 1.5;
    const int height = static_cast<int>(std::lround(stripHeight));
    titleStrip_->resize(layout.width(), height);
    mapsHeight -= height;
    landscape_->resize(left, mapsHeight);
    side_->resize(layout.width() - left, mapsHeight);
}

Figure::~Figure()
{
    // The follower goes first (members die in reverse order): unlink it before.
    landscape_->setFollower(nullptr);
}

std::vector<Figure::Piece> Figure::pieces() const
{
    std::vector<Piece> out;
    int y = 0;
    if (titleStrip_) {
        out.push_back({titleStrip_.get(), QRect(0, 0, titleStrip_->width(), titleStrip_->height())});
        y = titleStrip_->height();
    }
    out.push_back({landscape_.get(), QRect(0, y, landscape_->width(), landscape_->height())});
    if (side_)
        out.push_back({side_.get(), QRect(landscape_->width(), y, side_->width(), side_->height())});
    y += landscape_->height();
    if (loss_)
        out.push_back({loss_.get(), QRect(0, y, loss_->width(), loss_->height())});
    return out;
}

QSize Figure::pixels() const
{
    QRect all;
    for (const Piece& piece : pieces())
        all = all.united(piece.rect);
    return all.size() * scale_;
}

void Figure::setTitle(const QString& title)
{
    if (title_)
        title_->setText(title);
}

void Figure::setMapTitles(const QString& left, const QString& right)
{
    // A line too long for its map's width gets a smaller font rather than being cut off.
    const auto fit = [this](QCPTextElement* element, const QString& text, int width) {
        if (!element)
            return;
        QFont font = element->font();
        font.setPointSizeF(mapTitlePointSize_);
        const double room = 0.96 * width;
        const double advance = QFontMetricsF(font).horizontalAdvance(text);
        if (advance > room)
            font.setPointSizeF(std::max(font.pointSizeF() * room / advance, 0.5 * mapTitlePointSize_));
        element->setFont(font);
        element->setText(text);
    };
    fit(leftTitle_, left, landscape_->width());
    if (side_)
        fit(rightTitle_, right, side_->width());
}

QImage Figure::image()
{
    QImage image(pixels(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette::background());
    QPainter painter(&image);
    for (const Piece& piece : pieces())
        painter.drawPixmap(piece.rect.topLeft() * scale_, piece.plot->toPixmap(piece.rect.width(), piece.rect.height(), scale_));
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
    return pieces().size() > 1 ? writeComposed(path, error) : landscape_->exportImage(path, error);
}

// LandscapePlot::exportImage() for several plots, each in its place.
bool Figure::writeComposed(const QString& path, QString* error)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    const QSize size = pixels() / scale_;
    QSaveFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("Figure", "Cannot write \"%1\": %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    auto paintVectors = [&](QPaintDevice* device) {
        QCPPainter painter;
        if (!painter.begin(device))
            return false;
        painter.setMode(QCPPainter::pmVectorized);
        for (const Piece& piece : pieces()) {
            painter.save();
            painter.translate(piece.rect.topLeft());
            piece.plot->toPainter(&painter, piece.rect.width(), piece.rect.height());
            painter.restore();
        }
        return painter.end();
    };
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = image().save(&file, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(QStringLiteral("Downhill"));
        ok = paintVectors(&svg);
    } else {
        QPdfWriter pdf(&file);
        pdf.setCreator(QStringLiteral("Downhill"));
        pdf.setTitle(QStringLiteral("Downhill"));
        pdf.setResolution(72);  // one point per layout unit
        pdf.setPageLayout(QPageLayout(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        ok = paintVectors(&pdf);
    }
    if (!ok || file.error() != QFileDevice::NoError || !file.commit()) {
        file.cancelWriting();
        *error = QCoreApplication::translate("Figure", "Cannot write \"%1\": %2.")
                     .arg(QDir::toNativeSeparators(path),
                         file.error() != QFileDevice::NoError ? file.errorString() : QCoreApplication::translate("Figure", "rendering failed"));
        return false;
    }
    return true;
}

}  // namespace downhill::ui
