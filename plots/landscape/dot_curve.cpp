#include "plots/landscape/dot_curve.h"

#include <QPaintEngine>
#include <cmath>

namespace downhill::ui {

void DotCurve::drawScatterPlot(QCPPainter* painter, const QVector<QPointF>& points, const QCPScatterStyle& style) const
{
    const QPaintEngine* engine = painter->paintEngine();
    const bool stampable = engine && engine->type() == QPaintEngine::Raster && painter->device()
        && painter->transform().type() <= QTransform::TxTranslate && style.shape() != QCPScatterStyle::ssNone
        && style.shape() != QCPScatterStyle::ssPixmap && style.shape() != QCPScatterStyle::ssCustom && style.size() > 0;
    if (!stampable) {
        QCPCurve::drawScatterPlot(painter, points, style);
        return;
    }
    applyScattersAntialiasingHint(painter);
    const QPen pen = style.isPenDefined() ? style.pen() : mPen;
    const Look look{style.shape(), style.size(), pen.color().rgba(), style.brush().color().rgba(), pen.widthF(),
        painter->device()->devicePixelRatioF(), painter->antialiasing()};
    if (!(look == look_) || stamp_.isNull()) {
        // Room for the shape, its outline, QCPPainter's half-pixel shift and a pixel of
        // antialiasing on each side.
        half_ = std::ceil(0.5 * (style.size() + std::max(pen.widthF(), 1.0)) + 1.5);
        const int side = static_cast<int>(std::ceil(2.0 * half_ * look.dpr));
        stamp_ = QPixmap(side, side);
        stamp_.setDevicePixelRatio(look.dpr);
        stamp_.fill(Qt::transparent);
        QCPPainter stampPainter(&stamp_);
        stampPainter.setModes(painter->modes());
        stampPainter.setAntialiasing(look.antialiased);
        style.applyTo(&stampPainter, mPen);
        style.drawShape(&stampPainter, half_, half_);
        look_ = look;
        ++stampsDrawn_;
    }
    // QCPPainter shifts antialiased drawing by half a pixel (a translation), on the plot's
    // painter as on the stamp's: the stamp's dot sits `shift` past its centre, and the dot
    // QCustomPlot would draw at p sits at p plus the painter's translation. Each stamp goes on
    // whole device pixels (no resampling), its dot within half a device pixel of that one.
    const double shift = look.antialiased && !painter->modes().testFlag(QCPPainter::pmVectorized) ? 0.5 : 0.0;
    const double dpr = look.dpr, dx = painter->transform().dx(), dy = painter->transform().dy();
    const auto corner = [&](double at, double translation) {
        return std::round((at - half_ - shift + translation) * dpr) / dpr - translation;
    };
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (const QPointF& p : points) {
        if (std::isnan(p.x()) || std::isnan(p.y()))
            continue;
        painter->drawPixmap(QPointF(corner(p.x(), dx), corner(p.y(), dy)), stamp_);
    }
    painter->restore();
}

}  // namespace downhill::ui
