#include "plots/landscape/cached_landscape_map.h"

namespace downhill::ui {

CachedLandscapeMap::CachedLandscapeMap(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPColorMap(keyAxis, valueAxis)
{
    connect(this, &QCPColorMap::dataRangeChanged, this, [this] { invalidate(); });
    connect(this, &QCPColorMap::dataScaleTypeChanged, this, [this] { invalidate(); });
    connect(this, &QCPColorMap::gradientChanged, this, [this] { invalidate(); });
}

void CachedLandscapeMap::setContourLines(std::vector<std::vector<QPolygonF>> levels)
{
    contours_ = std::move(levels);
    invalidate();
}

int CachedLandscapeMap::contourPointCount() const
{
    int n = 0;
    for (const auto& level : contours_)
        for (const auto& line : level)
            n += static_cast<int>(line.size());
    return n;
}

void CachedLandscapeMap::draw(QCPPainter* painter)
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

void CachedLandscapeMap::drawDirect(QCPPainter* painter)
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

}  // namespace downhill::ui
