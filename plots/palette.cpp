#include "plots/palette.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace downhill::ui::palette {

namespace {
Theme g_theme = Theme::Light;
bool dark() { return g_theme == Theme::Dark; }
}  // namespace

void setTheme(Theme theme) { g_theme = theme; }
Theme theme() { return g_theme; }

QColor background() { return dark() ? QColor(0x1f, 0x20, 0x23) : QColor(0xfa, 0xfa, 0xf7); }
QColor panel() { return dark() ? QColor(0x2a, 0x2b, 0x2f) : QColor(0xf0, 0xf0, 0xeb); }
QColor text() { return dark() ? QColor(0xe8, 0xe8, 0xe4) : QColor(0x26, 0x26, 0x26); }
QColor mutedText() { return dark() ? QColor(0xa8, 0xa8, 0xa4) : QColor(0x6b, 0x6b, 0x6b); }
// Okabe-Ito's blue on light, its sky blue on dark (the blue sinks into a dark page).
QColor accent() { return dark() ? QColor(0x56, 0xb4, 0xe9) : QColor(0x00, 0x72, 0xb2); }

// Red-pink and orange are the hues viridis never uses; white for the newest path segment would
// vanish on the yellow rim, so the path is a saturated pink-red of middle lightness.
QColor path() { return QColor(0xff, 0x30, 0x5a); }
QColor pathOld() { return QColor(0xff, 0xb0, 0xc0); }
QColor gradientArrow() { return QColor(0xff, 0x8c, 0x00); }
QColor velocityArrow() { return QColor(0x40, 0xf0, 0xff); }
QColor stepArrow() { return QColor(0xff, 0x40, 0xe0); }
// Light enough to read on viridis' dark floor, grey enough not to compete with the live path.
QColor ghostPath() { return QColor(0xd4, 0xd4, 0xd4, 210); }
QColor current() { return QColor(0xff, 0xff, 0xff); }
QColor minimum() { return QColor(0xff, 0xff, 0xff); }
QColor halo() { return QColor(0x14, 0x14, 0x14); }

// Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
QColor trainLoss() { return accent(); }
QColor valLoss() { return QColor(0xd5, 0x5e, 0x00); }
QColor batchLoss() { return QColor(0x9a, 0x9a, 0x9a); }
QColor lrCurve() { return QColor(0x00, 0x9e, 0x73); }

// Ordered for the landscape first: the warm and the light colours stand out on viridis' dark
// floor and its green middle; blue and black, which sink into the floor, come last.
QRgb weightColor(double t)
{
    if (std::isnan(t))
        return qRgb(0x9a, 0x9a, 0x9a);
    // RdBu's 7-class stops, negative first.
    static constexpr std::array<unsigned, 7> kStops = {0x2166ac, 0x67a9cf, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xef8a62, 0xb2182b};
    const double x = (std::clamp(t, -1.0, 1.0) + 1.0) * 0.5 * static_cast<double>(kStops.size() - 1);
    const auto lo = std::min(static_cast<std::size_t>(x), kStops.size() - 2);
    const double f = x - static_cast<double>(lo);
    const auto channel = [&](int shift) {
        const double a = (kStops[lo] >> shift) & 0xff, b = (kStops[lo + 1] >> shift) & 0xff;
        return static_cast<int>(std::lround(a + f * (b - a)));
    };
    return qRgb(channel(16), channel(8), channel(0));
}

QColor raceColor(int i)
{
    static constexpr std::array<unsigned, kRaceColorCount> kOkabeIto = {
        0xe69f00,   // orange
        0x56b4e9,   // sky blue
        0xcc79a7,   // reddish purple
        0xd55e00,   // vermillion
        0xf0e442,   // yellow
        0x009e73,   // bluish green
        0x0072b2,   // blue
        0x000000};  // black
    const int k = ((i % kRaceColorCount) + kRaceColorCount) % kRaceColorCount;
    return QColor(QRgb(kOkabeIto[static_cast<std::size_t>(k)]));
}

QColor good() { return QColor(0x1a, 0x85, 0x3a); }
QColor fair() { return QColor(0xc7, 0x7c, 0x00); }
QColor bad() { return QColor(0xc6, 0x28, 0x28); }

QCPColorGradient lossGradient()
{
    static constexpr std::array<unsigned, 21> kViridis = {
        0x440154, 0x471365, 0x482475, 0x463480, 0x414487, 0x3b528b, 0x355f8d,
        0x2f6c8e, 0x2a788e, 0x25848e, 0x21918c, 0x1e9c89, 0x22a884, 0x2fb47c,
        0x44bf70, 0x5ec962, 0x7ad151, 0x9bd93c, 0xbddf26, 0xdfe318, 0xfde725};
    QMap<double, QColor> stops;
    for (std::size_t k = 0; k < kViridis.size(); ++k)
        stops.insert(static_cast<double>(k) / static_cast<double>(kViridis.size() - 1), QColor(QRgb(kViridis[k])));
    QCPColorGradient gradient;
    gradient.setColorStops(stops);
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setLevelCount(512);
    // Cells where the loss is not finite (overflow, a model undefined there) show as light grey.
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0xd8, 0xd8, 0xd8));
    return gradient;
}

QFont axisLabelFont()
{
    QFont f;
    f.setPointSizeF(11);
    return f;
}

QFont tickLabelFont()
{
    QFont f;
    f.setPointSizeF(10);
    return f;
}

QFont annotationFont()
{
    QFont f;
    f.setPointSizeF(10);
    return f;
}

void styleAxis(QCPAxis* axis)
{
    const QPen pen(mutedText(), 1);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setTickLabelColor(text());
    axis->setLabelColor(text());
    axis->setTickLabelFont(tickLabelFont());
    axis->setLabelFont(axisLabelFont());
    axis->grid()->setPen(QPen(dark() ? QColor(255, 255, 255, 34) : QColor(0, 0, 0, 28), 1, Qt::SolidLine));
    axis->grid()->setSubGridVisible(false);
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

void stylePlot(QCustomPlot* plot)
{
    // A replot is painted with the rest of the window's next paint. QCustomPlot's default
    // repaints at once: each loss plot replot was then a paint and flush of the window of its
    // own, besides the one the frame's other changes came with.
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    plot->setBackground(QBrush(background()));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2})
        styleAxis(axis);
    plot->legend->setFont(tickLabelFont());
    plot->legend->setTextColor(text());
    plot->legend->setBrush(QBrush(dark() ? QColor(0x1f, 0x20, 0x23, 215) : QColor(255, 255, 255, 215)));
    plot->legend->setBorderPen(QPen(dark() ? QColor(255, 255, 255, 70) : QColor(0, 0, 0, 60), 1));
}

namespace {

double g_presentationScale = 1.0;
double g_presentationTextScale = 1.0;

// The size at scale 1, recorded on the object the first time it is asked for.
double normal(QObject* object, const char* key, double current)
{
    const QVariant v = object->property(key);
    if (v.isValid())
        return v.toDouble();
    object->setProperty(key, current);
    return current;
}

QPen scaled(QObject* object, const char* key, QPen pen)
{
    pen.setWidthF(normal(object, key, pen.widthF()) * g_presentationScale);
    return pen;
}

QFont scaled(QObject* object, const char* key, QFont font)
{
    font.setPointSizeF(normal(object, key, font.pointSizeF()) * g_presentationTextScale);
    return font;
}

QCPScatterStyle scaled(QObject* object, QCPScatterStyle style)
{
    if (style.isNone())
        return style;
    style.setSize(normal(object, "dhScatterSize", style.size()) * g_presentationScale);
    // A custom shape is drawn scaled by its size, outline included: the size alone does it.
    if (style.shape() != QCPScatterStyle::ssCustom) {
        QPen pen = style.pen();
        pen.setWidthF(normal(object, "dhScatterPen", pen.widthF()) * g_presentationScale);
        style.setPen(pen);
    }
    return style;
}

template <typename Plottable>
void forgetScatter(Plottable* p, const QCPScatterStyle& style)
{
    // The caller gives the normal size: it becomes the one remembered.
    p->setProperty("dhScatterSize", style.size());
    p->setProperty("dhScatterPen", style.pen().widthF());
}

}  // namespace

void setPresentationScale(double lines, double text)
{
    g_presentationScale = lines > 0 ? lines : 1.0;
    g_presentationTextScale = text > 0 ? text : 1.0;
}

double presentationScale()
{
    return g_presentationScale;
}

double presentationTextScale()
{
    return g_presentationTextScale;
}

void setScatter(QCPGraph* graph, QCPScatterStyle style)
{
    forgetScatter(graph, style);
    graph->setScatterStyle(scaled(graph, style));
}

void setScatter(QCPCurve* curve, QCPScatterStyle style)
{
    forgetScatter(curve, style);
    curve->setScatterStyle(scaled(curve, style));
}

void applyPresentationScale(QCustomPlot* plot)
{
    for (QCPAxis* axis : plot->findChildren<QCPAxis*>()) {
        axis->setBasePen(scaled(axis, "dhBasePen", axis->basePen()));
        axis->setTickPen(scaled(axis, "dhTickPen", axis->tickPen()));
        axis->setSubTickPen(scaled(axis, "dhSubTickPen", axis->subTickPen()));
        axis->setLabelFont(scaled(axis, "dhLabelFont", axis->labelFont()));
        axis->setTickLabelFont(scaled(axis, "dhTickLabelFont", axis->tickLabelFont()));
        axis->grid()->setPen(scaled(axis->grid(), "dhPen", axis->grid()->pen()));
    }
    for (QCPLegend* legend : plot->findChildren<QCPLegend*>()) {
        // Legends keep their text size: they sit on the plots and would cover them.
        legend->setBorderPen(scaled(legend, "dhBorderPen", legend->borderPen()));
        const QSize icon = legend->iconSize();
        const double w = normal(legend, "dhIconW", icon.width()), h = normal(legend, "dhIconH", icon.height());
        legend->setIconSize(qRound(w * g_presentationScale), qRound(h * g_presentationScale));
    }
    for (QCPAbstractPlottable* p : plot->findChildren<QCPAbstractPlottable*>()) {
        p->setPen(scaled(p, "dhPen", p->pen()));
        if (auto* graph = qobject_cast<QCPGraph*>(p))
            graph->setScatterStyle(scaled(graph, graph->scatterStyle()));
        else if (auto* curve = qobject_cast<QCPCurve*>(p))
            curve->setScatterStyle(scaled(curve, curve->scatterStyle()));
    }
    for (QCPAbstractItem* item : plot->findChildren<QCPAbstractItem*>()) {
        if (auto* line = qobject_cast<QCPItemLine*>(item)) {
            line->setPen(scaled(line, "dhPen", line->pen()));
        } else if (auto* text = qobject_cast<QCPItemText*>(item)) {
            text->setPen(scaled(text, "dhPen", text->pen()));
            if (!text->property("dhFixedFont").toBool())
                text->setFont(scaled(text, "dhFont", text->font()));
        } else if (auto* tracer = qobject_cast<QCPItemTracer*>(item)) {
            tracer->setPen(scaled(tracer, "dhPen", tracer->pen()));
            tracer->setSize(normal(tracer, "dhSize", tracer->size()) * g_presentationScale);
        } else if (auto* rect = qobject_cast<QCPItemRect*>(item)) {
            rect->setPen(scaled(rect, "dhPen", rect->pen()));
        }
    }
}

}  // namespace downhill::ui::palette
