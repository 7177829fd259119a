#include "plots/landscape/layer_common.h"

#include "plots/palette.h"

namespace downhill::ui {

QString mapLayerName()
{
    return QStringLiteral("map");
}

QString liveLayerName()
{
    return QStringLiteral("live");
}

QString overlayLayerName()
{
    return QStringLiteral("overlay");
}

QPointF paramsPerPixel(const QCustomPlot& plot)
{
    const double w = plot.axisRect()->width() > 10 ? plot.axisRect()->width() : 800.0;
    const double h = plot.axisRect()->height() > 10 ? plot.axisRect()->height() : 600.0;
    return QPointF(plot.xAxis->range().size() / w, plot.yAxis->range().size() / h);
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

QString number(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    return QString::number(v, 'g', 4);
}

}  // namespace downhill::ui
