#include "window/data/dataset_panel.h"

#include <QAbstractListModel>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMouseEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include <qcustomplot.h>

#include "core/model/data_objective.h"
#include "core/data/feature_extractor.h"
#include "plots/fitted_label.h"
#include "plots/palette.h"
#include "core/base/rng.h"

namespace downhill::ui {

namespace {

constexpr int kVersionSide = 144;     // the selected image and its versions, pixels
constexpr int kCurveSamples = 200;    // points of the model curve
constexpr double kClickRadius = 10.0; // pixels within which a click picks a scatter point
constexpr std::uint64_t kPreviewStream = 0x9E71E3;

enum class Filter { All, Train, Val };

// Nearest-neighbour scaling by a whole factor keeps every pixel a crisp square.
QPixmap pixmapOf(const core::GrayImage& image, int side)
{
    if (image.empty())
        return {};
    QImage q(image.pixels.data(), image.width, image.height, image.width, QImage::Format_Grayscale8);
    const int factor = std::max(1, side / std::max(image.width, image.height));
    return QPixmap::fromImage(q.scaled(image.width * factor, image.height * factor, Qt::IgnoreAspectRatio, Qt::FastTransformation));
}

QString countText(double t)
{
    return t == std::round(t) ? QString::number(static_cast<long long>(t)) : QString::number(t, 'g', 4);
}

QString xText(double x)
{
    return QString::number(x, 'f', 3);
}

}  // namespace

// The browser's rows: the dataset rows that pass the filter, each drawn from the panel's copy of
// the data set on demand (only the visible tiles are ever made).
class DatasetPanel::ThumbnailModel : public QAbstractListModel {
public:
    explicit ThumbnailModel(DatasetPanel* panel) : QAbstractListModel(panel), panel_(panel) {}

    void setFilter(Filter filter)
    {
        beginResetModel();
        rows_.clear();
        const int n = panel_->dataset_.hasImages() ? panel_->imageCount() : 0;
        for (int row = 0; row < n; ++row) {
            const bool val = panel_->isValidation(row);
            if (filter == Filter::All || (filter == Filter::Val) == val)
                rows_.push_back(row);
        }
        endResetModel();
    }
    int datasetRow(int modelRow) const { return modelRow >= 0 && modelRow < rows_.size() ? rows_[modelRow] : -1; }
    int modelRow(int datasetRow) const
    {
        const auto it = std::lower_bound(rows_.begin(), rows_.end(), datasetRow);
        return it != rows_.end() && *it == datasetRow ? static_cast<int>(it - rows_.begin()) : -1;
    }

    int rowCount(const QModelIndex& parent) const override { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }

    QVariant data(const QModelIndex& index, int role) const override
    {
        const int row = datasetRow(index.row());
        if (row < 0)
            return {};
        const bool val = panel_->isValidation(row);
        const double t = panel_->dataset_.samples.t[row];
        switch (role) {
        case Qt::DisplayRole:
            return DatasetPanel::tr("count %1 · %2").arg(countText(t), val ? DatasetPanel::tr("val") : DatasetPanel::tr("train"));
        case Qt::DecorationRole:
            return pixmapOf(panel_->dataset_.images[static_cast<std::size_t>(row)], kThumbnail);
        case Qt::ForegroundRole:
            return val ? palette::valLoss() : palette::trainLoss();
        case Qt::ToolTipRole:
            return DatasetPanel::tr("image %1 · %2 people · x = %3 · %4")
                .arg(row)
                .arg(countText(t), xText(panel_->dataset_.samples.x[row]),
                    val ? DatasetPanel::tr("validation set") : DatasetPanel::tr("training set"));
        default:
            return {};
        }
    }

private:
    DatasetPanel* panel_;
    QVector<int> rows_;   // ascending
};

DatasetPanel::DatasetPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("datasetPanel"));

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("splitSummary"));
    QFont bold = summary_->font();
    bold.setBold(true);
    summary_->setFont(bold);
    filter_ = new QComboBox(this);
    filter_->setObjectName(QStringLiteral("filterCombo"));
    filter_->addItems({tr("all images"), tr("training set"), tr("validation set")});
    connect(filter_, &QComboBox::currentIndexChanged, this, &DatasetPanel::applyFilter);

    // Browser: a grid of tiles, or the reason there is none.
    model_ = new ThumbnailModel(this);
    browser_ = new QListView(this);
    browser_->setObjectName(QStringLiteral("imageBrowser"));
    browser_->setModel(model_);
    browser_->setViewMode(QListView::IconMode);
    browser_->setIconSize(QSize(kThumbnail, kThumbnail));
    browser_->setGridSize(QSize(kThumbnail + 22, kThumbnail + 26));
    browser_->setUniformItemSizes(true);
    browser_->setMovement(QListView::Static);
    browser_->setResizeMode(QListView::Adjust);
    browser_->setWrapping(true);
    browser_->setSelectionMode(QAbstractItemView::SingleSelection);
    browser_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    browser_->setMinimumWidth(kThumbnail * 2 + 60);
    connect(browser_->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            const int row = model_->datasetRow(current.row());
            if (row >= 0 && row != selected_)
                selectImage(row);
        });
    noImages_ = new QLabel(tr("This data set has no images: it was read from a file of numbers, so only each "
                               "sample's x and count are known. The scatter shows them all; augmentations need "
                               "images and are off."),
        this);
    noImages_->setObjectName(QStringLiteral("noImagesLabel"));
    noImages_->setWordWrap(true);
    noImages_->setAlignment(Qt::AlignCenter);
    noImages_->setMargin(24);
    browserStack_ = new QStackedWidget(this);
    browserStack_->addWidget(browser_);
    browserStack_->addWidget(noImages_);

    // Scatter of x against the count.
    scatter_ = new QCustomPlot(this);
    scatter_->setObjectName(QStringLiteral("datasetScatter"));
    palette::stylePlot(scatter_);
    FittedLabel::set(scatter_->xAxis, tr("feature x"));
    FittedLabel::set(scatter_->yAxis, tr("count (people)"), tr("count"));
    scatter_->setMinimumSize(260, 200);
    auto makeGraph = [this](const QString& name, const QString& label) {
        QCPGraph* graph = scatter_->addGraph();
        graph->setObjectName(name);
        graph->setName(label);
        graph->setSelectable(QCP::stNone);
        return graph;
    };
    trainGraph_ = makeGraph(QStringLiteral("trainPoints"), tr("training"));
    valGraph_ = makeGraph(QStringLiteral("valPoints"), tr("validation"));
    for (auto [graph, colour] : {std::pair{trainGraph_, palette::trainLoss()}, std::pair{valGraph_, palette::valLoss()}}) {
        graph->setLineStyle(QCPGraph::lsNone);
        // Counts are whole numbers, so points pile up in rows: translucent dots show how many.
        QColor fill = colour;
        fill.setAlpha(110);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, fill, fill, 5));
    }
    curveGraph_ = makeGraph(QStringLiteral("modelCurve"), tr("model"));
    curveGraph_->setPen(QPen(palette::path(), 2));
    selectedGraph_ = makeGraph(QStringLiteral("selectedPoint"), tr("selected image"));
    selectedGraph_->setLineStyle(QCPGraph::lsNone);
    selectedGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::text(), 2), Qt::NoBrush, 13));
    selectedGraph_->removeFromLegend();
    scatter_->legend->setVisible(true);
    // Counts grow with x, so the lower right corner is the one the points leave free.
    scatter_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    scatter_->installEventFilter(this);

    // The selected image and its augmented versions, a switch under each augmentation.
    detail_ = new QWidget(this);
    detail_->setObjectName(QStringLiteral("detailPanel"));
    auto* grid = new QGridLayout(detail_);
    grid->setContentsMargins(0, 4, 0, 0);
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(3);
    for (int k = 0; k < kVersionCount; ++k) {
        auto* image = new QLabel(detail_);
        image->setObjectName(QStringLiteral("versionImage%1").arg(k));
        image->setFixedSize(kVersionSide, kVersionSide);
        image->setAlignment(Qt::AlignCenter);
        auto* caption = new QLabel(detail_);
        caption->setObjectName(QStringLiteral("versionCaption%1").arg(k));
        caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        grid->addWidget(image, 0, k, Qt::AlignHCenter);
        grid->addWidget(caption, 1, k, Qt::AlignHCenter);
        versionImages_.push_back(image);
        versionCaptions_.push_back(caption);
    }
    auto makeSwitch = [this, grid](const QString& name, const QString& text, int column) {
        auto* box = new QCheckBox(text, detail_);
        box->setObjectName(name);
        box->setToolTip(tr("Apply this augmentation, drawn afresh for every sample, while training"));
        connect(box, &QCheckBox::toggled, this, &DatasetPanel::onSwitchToggled);
        grid->addWidget(box, 2, column, Qt::AlignHCenter);
        return box;
    };
    brightness_ = makeSwitch(QStringLiteral("brightnessCheck"), tr("train with it"), 1);
    flip_ = makeSwitch(QStringLiteral("flipCheck"), tr("train with it"), 2);
    noise_ = makeSwitch(QStringLiteral("noiseCheck"), tr("train with it"), 3);
    grid->setColumnStretch(kVersionCount, 1);

    auto* header = new QHBoxLayout;
    header->addWidget(summary_, 1);
    header->addWidget(new QLabel(tr("show"), this));
    header->addWidget(filter_);
    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->addWidget(browserStack_);
    splitter_->addWidget(scatter_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(splitter_, 1);
    layout->addWidget(detail_);

    setDataset(core::Dataset(), core::Split());
}

bool DatasetPanel::isValidation(int row) const
{
    return row >= 0 && row < static_cast<int>(isVal_.size()) && isVal_[static_cast<std::size_t>(row)];
}

void DatasetPanel::setDataset(const core::Dataset& dataset, const core::Split& split)
{
    dataset_ = dataset;
    split_ = split;
    isVal_.assign(static_cast<std::size_t>(dataset_.size()), 0);
    for (int row : split_.val)
        if (row >= 0 && row < static_cast<int>(isVal_.size()))
            isVal_[static_cast<std::size_t>(row)] = 1;

    const int n = imageCount();
    QString summary = n == 0 ? tr("No data") : QString::fromStdString(dataset_.source);
    if (n > 0)
        summary += tr(" · %1 training · %2 validation").arg(trainCount()).arg(valCount());
    summary_->setText(summary);
    summary_->setToolTip(summary);

    const bool images = dataset_.hasImages();
    browserStack_->setCurrentWidget(images || n == 0 ? static_cast<QWidget*>(browser_) : noImages_);
    filter_->setEnabled(images);
    detail_->setVisible(images);
    // Without images the browser holds only its message: the scatter gets the room.
    splitter_->setSizes(images || n == 0 ? QList<int>{1, 1} : QList<int>{1, 2});
    selected_ = -1;
    applyFilter();
    updatePoints();
    // The data alone sets the axes (the old model curve must not).
    trainGraph_->rescaleAxes();
    valGraph_->rescaleAxes(true);
    // Room around the points, and the count axis from 0 (no people) up.
    const QCPRange x = scatter_->xAxis->range(), y = scatter_->yAxis->range();
    const double padX = std::max(x.size() * 0.05, 0.05);
    scatter_->xAxis->setRange(x.lower - padX, x.upper + padX);
    scatter_->yAxis->setRange(std::min(0.0, y.lower) - 0.5, y.upper + 0.8);
    updateCurve();  // over the new x range
    selectImage(images ? 0 : -1);  // a CSV row has no image to select
}

void DatasetPanel::setAugmentation(const core::AugmentationSettings& settings)
{
    augmentation_ = settings;
    for (auto [box, on] : {std::pair{brightness_, settings.brightness}, std::pair{flip_, settings.flip}, std::pair{noise_, settings.noise}}) {
        const QSignalBlocker blocker(box);
        box->setChecked(on);
    }
    updateVersions();
}

void DatasetPanel::onSwitchToggled()
{
    augmentation_.brightness = brightness_->isChecked();
    augmentation_.flip = flip_->isChecked();
    augmentation_.noise = noise_->isChecked();
    emit augmentationChanged(augmentation_);
}

void DatasetPanel::setModelCurve(std::shared_ptr<const core::Objective> objective, core::Vec params)
{
    objective_ = std::move(objective);
    params_ = params;
    updateCurve();
    replotScatter();
}

void DatasetPanel::applyFilter()
{
    model_->setFilter(static_cast<Filter>(filter_->currentIndex()));
    const int modelRow = model_->modelRow(selected_);
    if (modelRow >= 0) {
        const QSignalBlocker blocker(browser_->selectionModel());
        browser_->setCurrentIndex(model_->index(modelRow));
        browser_->scrollTo(model_->index(modelRow));
    }
}

void DatasetPanel::selectImage(int row)
{
    selected_ = row >= 0 && row < imageCount() && dataset_.hasImages() ? row : -1;
    const int modelRow = model_->modelRow(selected_);
    {
        const QSignalBlocker blocker(browser_->selectionModel());
        if (modelRow >= 0) {
            browser_->setCurrentIndex(model_->index(modelRow));
            browser_->scrollTo(model_->index(modelRow));
        } else {
            browser_->clearSelection();
        }
    }
    updateVersions();
    updateSelectedPoint();
    replotScatter();
}

// The first seed, from a fixed stream per image, whose draw flips the image and moves the
// brightness by at least half its range (about one seed in four qualifies).
std::uint64_t DatasetPanel::previewSeed(int row)
{
    core::AugmentationSettings all;
    all.brightness = all.flip = all.noise = true;
    std::uint64_t seed = 0;
    for (std::uint64_t k = 0; k < 256; ++k) {
        seed = core::deriveSeed(kPreviewStream, static_cast<std::uint64_t>(row), k);
        const core::AugmentationDraw draw = core::drawAugmentation(all, seed);
        if (draw.flipped && std::abs(draw.offset) >= 0.5 * all.brightnessRange)
            break;
    }
    return seed;
}

void DatasetPanel::updateVersions()
{
    versions_.clear();
    if (selected_ < 0 || !dataset_.hasImages()) {
        for (int k = 0; k < kVersionCount; ++k) {
            versionImages_[k]->clear();
            versionCaptions_[k]->clear();
        }
        return;
    }
    const core::GrayImage& original = dataset_.images[static_cast<std::size_t>(selected_)];
    const std::uint64_t seed = previewSeed(selected_);
    auto only = [this](bool brightness, bool flip, bool noise) {
        core::AugmentationSettings s = augmentation_;
        s.brightness = brightness;
        s.flip = flip;
        s.noise = noise;
        return s;
    };
    const core::AugmentationSettings brightness = only(true, false, false);
    const double offset = core::drawAugmentation(brightness, seed).offset;
    const QVector<QPair<QString, core::AugmentationSettings>> kinds = {
        {tr("original"), only(false, false, false)},
        {tr("brightness %1%2").arg(offset >= 0 ? QStringLiteral("+") : QString(), QString::number(offset, 'f', 0)), brightness},
        {tr("flipped"), only(false, true, false)},
        {tr("noise σ %1").arg(augmentation_.noiseSigma, 0, 'g', 3), only(false, false, true)},
        {tr("all three"), only(true, true, true)},
    };
    const double x0 = core::extractFeature(original);
    const QString count = countText(dataset_.samples.t[selected_]);
    for (int k = 0; k < kVersionCount; ++k) {
        Version v;
        v.name = kinds[k].first;
        v.settings = kinds[k].second;
        v.image = k == 0 ? original : core::augment(original, v.settings, seed);
        v.x = core::extractFeature(v.image);
        versionImages_[k]->setPixmap(pixmapOf(v.image, kVersionSide));
        QString caption = QStringLiteral("<b>%1</b><br>x = %2").arg(v.name.toHtmlEscaped(), xText(v.x));
        if (k == 0) {
            caption += tr("<br>image %1 · count %2 · %3")
                           .arg(selected_)
                           .arg(count, isValidation(selected_) ? tr("validation") : tr("training"));
        } else {
            const double dx = v.x - x0;
            caption += QStringLiteral(" (%1%2)").arg(dx >= 0 ? QStringLiteral("+") : QString(), xText(dx));
            caption += tr("<br>count still %1").arg(count);
        }
        versionCaptions_[k]->setText(caption);
        versions_.push_back(std::move(v));
    }
}

void DatasetPanel::updatePoints()
{
    QVector<double> tx, ty, vx, vy;
    tx.reserve(trainCount());
    ty.reserve(trainCount());
    for (Eigen::Index i = 0; i < dataset_.size(); ++i) {
        const bool val = isVal_[static_cast<std::size_t>(i)];
        (val ? vx : tx).push_back(dataset_.samples.x[i]);
        (val ? vy : ty).push_back(dataset_.samples.t[i]);
    }
    trainGraph_->setData(tx, ty);
    valGraph_->setData(vx, vy);
    trainGraph_->setName(tr("training (%1)").arg(tx.size()));
    valGraph_->setName(tr("validation (%1)").arg(vx.size()));
    updateSelectedPoint();
}

void DatasetPanel::updateCurve()
{
    curveGraph_->data()->clear();
    const auto* model = dynamic_cast<const core::DataObjective*>(objective_.get());
    const bool drawCurve = model && dataset_.size() > 0 && params_.size() == model->parameterCount();
    if (drawCurve) {
        core::Array xs = core::Array::LinSpaced(kCurveSamples, scatter_->xAxis->range().lower, scatter_->xAxis->range().upper);
        core::Array ys;
        model->model().predict(xs, params_, ys);
        QVector<double> cx(kCurveSamples), cy(kCurveSamples);
        for (int k = 0; k < kCurveSamples; ++k) {
            cx[k] = xs[k];
            cy[k] = ys[k];
        }
        curveGraph_->setData(cx, cy, true);
        curveGraph_->setName(QString::fromStdString(model->model().formula()));
    }
    curveGraph_->setVisible(drawCurve);
    if (drawCurve)
        curveGraph_->addToLegend();
    else
        curveGraph_->removeFromLegend();
}

void DatasetPanel::updateSelectedPoint()
{
    selectedGraph_->data()->clear();
    if (selected_ >= 0)
        selectedGraph_->addData(dataset_.samples.x[selected_], dataset_.samples.t[selected_]);
}

// The model's curve moves with the run, a few times a second while it plays: a scatter nobody
// can see (its dock closed, or behind another tab) is drawn when it shows again instead.
void DatasetPanel::replotScatter()
{
    scatterStale_ = !scatter_->isVisible();
    if (!scatterStale_)
        scatter_->replot(QCustomPlot::rpQueuedReplot);
}

bool DatasetPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == scatter_ && event->type() == QEvent::Show && scatterStale_) {
        scatterStale_ = false;
        scatter_->replot(QCustomPlot::rpQueuedReplot);
    }
    if (watched == scatter_ && event->type() == QEvent::MouseButtonPress) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton && dataset_.hasImages())
            selectNearestPoint(mouse->position());
    }
    return QWidget::eventFilter(watched, event);
}

// The sample nearest the click on screen, if one is within kClickRadius pixels.
void DatasetPanel::selectNearestPoint(QPointF pixel)
{
    int best = -1;
    double bestDistance = kClickRadius * kClickRadius;
    for (Eigen::Index i = 0; i < dataset_.size(); ++i) {
        const double dx = scatter_->xAxis->coordToPixel(dataset_.samples.x[i]) - pixel.x();
        const double dy = scatter_->yAxis->coordToPixel(dataset_.samples.t[i]) - pixel.y();
        const double d = dx * dx + dy * dy;
        if (d < bestDistance) {
            bestDistance = d;
            best = static_cast<int>(i);
        }
    }
    if (best >= 0)
        selectImage(best);
}

}  // namespace downhill::ui
