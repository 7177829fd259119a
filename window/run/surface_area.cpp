#include "window/run/surface_area.h"

#include <algorithm>
#include <cmath>

#include <QLabel>
#include <QSplitter>
#include <QTextDocument>
#include <QVBoxLayout>

#include "plots/landscape_plot.h"
#include "window/run/cached_label.h"

namespace downhill::ui {

namespace {

QLabel* titleLabel(const char* name)
{
    // Repainted with every frame of the plot under it: painted from a kept picture.
    auto* label = new CachedLabel;
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::RichText);
    label->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    label->setContentsMargins(4, 0, 4, 0);
    // Clicks and the hover read-out belong to the plot under it.
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    // The palette's window text, which is palette::text() in either theme.
    return label;
}

// The title sits in the plot's own top margin, over the map, rather than in a row above the
// plot: at 1280 x 800 that row took 19 px of the landscape's height. The margin is made as tall
// as the title (QCustomPlot's is 15 px) and the title spans the axis rect, so the y axis's top
// label (left of the rect) and the colour scale's (right of it) stay clear of it; a title wider
// than the rect takes the plot's whole width, and one wider than the plot (side by side at
// 1280 x 800: "Validation set (400 samples) · ★ min · ☆ train min" on a 331 px plot) shows
// its brief form (without the markers' key, which "What you see" gives), and only one still
// wider wraps to a second line, the margin growing with it.
const char* const kFullTitle = "dhFullTitle";
const char* const kBriefTitle = "dhBriefTitle";

// The width of a title's text on one line, measured once per text and font (the title is placed
// after every layout, that is every frame; setting its text or wrap there would lay out its rich
// text again each time).
int oneLineWidth(QLabel* title, const QString& text, const char* slot)
{
    const QString key = text + QChar(0) + title->font().toString();
    const QByteArray keyName = QByteArray("dhWidthKey") + slot;
    const QByteArray widthName = QByteArray("dhWidth") + slot;
    if (title->property(keyName.constData()).toString() != key) {
        QTextDocument doc;
        doc.setDefaultFont(title->font());
        doc.setDocumentMargin(0);
        doc.setHtml(text);
        const QMargins m = title->contentsMargins();
        title->setProperty(keyName.constData(), key);
        title->setProperty(widthName.constData(),
            static_cast<int>(std::ceil(doc.idealWidth())) + m.left() + m.right() + 2 * title->margin());
    }
    return title->property(widthName.constData()).toInt();
}

void placeTitle(QLabel* title, LandscapePlot* plot)
{
    title->setParent(plot);
    const auto place = [title, plot] {
        QCPAxisRect* rect = plot->axisRect();
        const QString full = title->property(kFullTitle).toString();
        const QString brief = title->property(kBriefTitle).toString();
        QString text = full;
        int oneLine = oneLineWidth(title, full, "Full");
        if (oneLine > plot->width() && !brief.isEmpty()) {
            text = brief;   // the two plots keep one line each, their maps level
            oneLine = oneLineWidth(title, brief, "Brief");
        }
        const bool fitsRect = oneLine <= rect->width();
        const bool fitsPlot = oneLine <= plot->width();
        if (title->text() != text)
            title->setText(text);
        if (title->wordWrap() == fitsPlot)
            title->setWordWrap(!fitsPlot);
        const int width = fitsRect ? rect->width() : plot->width();
        const int height = fitsPlot ? std::max(title->fontMetrics().height(), title->sizeHint().height())
                                    : title->heightForWidth(width);
        QMargins margins = rect->minimumMargins();
        if (margins.top() != height) {
            margins.setTop(height);
            rect->setMinimumMargins(margins);
            plot->replot(QCustomPlot::rpQueuedReplot);
        }
        const QRect geometry = fitsRect ? QRect(rect->left(), 0, rect->width(), height) : QRect(0, 0, plot->width(), height);
        if (title->geometry() != geometry)
            title->setGeometry(geometry);
        title->raise();
    };
    QObject::connect(plot, &QCustomPlot::afterLayout, title, place);
    place();
}

}  // namespace

SurfaceArea::SurfaceArea(LandscapePlot* main, QWidget* parent) : QWidget(parent), main_(main)
{
    setObjectName(QStringLiteral("surfaceArea"));
    side_ = new LandscapePlot;
    side_->setObjectName(QStringLiteral("validationPlot"));
    side_->setToolTip(tr("The validation loss over the same two parameters, with the same path. Zoom and pan move both "
                         "plots; the filled star is this surface's minimum, the hollow one the training minimum."));
    side_->setMinimumSize(300, 260);
    side_->setCaptionsSuppressed(true);   // "What you see" explains the pair
    mainTitle_ = titleLabel("mainSurfaceTitle");
    sideTitle_ = titleLabel("sideSurfaceTitle");

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("surfaceSplitter"));
    splitter_->setChildrenCollapsible(false);
    placeTitle(mainTitle_, main_);
    placeTitle(sideTitle_, side_);
    splitter_->addWidget(main_);
    splitter_->addWidget(side_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter_);
    side_->hide();

    // What the user does on the side plot, the window hears from the main one.
    connect(side_, &LandscapePlot::startPointRequested, main_, &LandscapePlot::startPointRequested);
    connect(side_, &LandscapePlot::hoverInfo, main_, &LandscapePlot::hoverInfo);
    connect(side_, &LandscapePlot::viewChanged, main_, &LandscapePlot::viewChanged);
    linkViews();
}

void SurfaceArea::linkViews()
{
    // Either plot's view, however it changed (mouse, fit, a new grid), is copied to the other,
    // axis by axis: copying both on the first axis's change would hand over a half-set view.
    auto link = [this](QCPAxis* from, QCPAxis* to, LandscapePlot* toPlot) {
        connect(from, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this, to, toPlot](const QCPRange& range) {
            if (syncing_ || !sideBySide_)
                return;
            syncing_ = true;
            to->setRange(range);
            syncing_ = false;
            toPlot->replot(QCustomPlot::rpQueuedReplot);
        });
    };
    link(main_->xAxis, side_->xAxis, side_);
    link(main_->yAxis, side_->yAxis, side_);
    link(side_->xAxis, main_->xAxis, main_);
    link(side_->yAxis, main_->yAxis, main_);
}

void SurfaceArea::setSideBySide(bool on)
{
    if (on == sideBySide_)
        return;
    sideBySide_ = on;
    main_->setFollower(on ? side_ : nullptr);
    side_->setVisible(on);
    // The on-plot captions need a wide plot; at half the width they would be cut off. "What
    // you see" explains the pair instead.
    main_->setCaptionsSuppressed(on);
    if (on) {
        splitter_->setSizes({1, 1});
        side_->xAxis->setRange(main_->xAxis->range());
        side_->yAxis->setRange(main_->yAxis->range());
        side_->replot(QCustomPlot::rpQueuedReplot);
    } else {
        main_->setOtherMinimum(QPointF(qQNaN(), qQNaN()));
    }
}

void SurfaceArea::setTitles(const QString& mainTitle, const QString& sideTitle, const QString& mainBrief,
    const QString& sideBrief)
{
    mainTitle_->setProperty(kFullTitle, mainTitle);
    mainTitle_->setProperty(kBriefTitle, mainBrief);
    sideTitle_->setProperty(kFullTitle, sideTitle);
    sideTitle_->setProperty(kBriefTitle, sideBrief);
    mainTitle_->setText(mainTitle);
    sideTitle_->setText(sideTitle);
    // A longer title may no longer fit over the map: placed again at the next layout.
    main_->replot(QCustomPlot::rpQueuedReplot);
    side_->replot(QCustomPlot::rpQueuedReplot);
}

QString SurfaceArea::mainTitle() const
{
    return mainTitle_->property(kFullTitle).toString();
}

QString SurfaceArea::sideTitle() const
{
    return sideTitle_->property(kFullTitle).toString();
}

}  // namespace downhill::ui
