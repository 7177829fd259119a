#include "dataset_panel.h"

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

#include "data_objective.h"
#include "feature_extractor.h"
#include "palette.h"
#include "rng.h"

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
    explicit ThumbnailModel(DatasetPanel* panel) : QAbstractListModel(panel), m_panel(panel) {}

    void setFilter(Filter filter)
    {
        beginResetModel();
        m_rows.clear();
        const int n = m_panel->m_dataset.hasImages() ? m_panel->imageCount() : 0;
        for (int row = 0; row < n; ++row) {
            const bool val = m_panel->isValidation(row);
            if (filter == Filter::All || (filter == Filter::Val) == val)
                m_rows.push_back(row);
        }
        endResetModel();
    }
    int datasetRow(int modelRow) const { return modelRow >= 0 && modelRow < m_rows.size() ? m_rows[modelRow] : -1; }
    int modelRow(int datasetRow) const
    {
        const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), datasetRow);
        return it != m_rows.end() && *it == datasetRow ? static_cast<int>(it - m_rows.begin()) : -1;
    }

    int rowCount(const QModelIndex& parent) const override { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

    QVariant data(const QModelIndex& index, int role) const override
    {
        const int row = datasetRow(index.row());
        if (row < 0)
            return {};
        const bool val = m_panel->isValidation(row);
        const double t = m_panel->m_dataset.samples.t[row];
        switch (role) {
        case Qt::DisplayRole:
            return QStringLiteral("count %1 · %2").arg(countText(t), val ? QStringLiteral("val") : QStringLiteral("train"));
        case Qt::DecorationRole:
            return pixmapOf(m_panel->m_dataset.images[static_cast<std::size_t>(row)], kThumbnail);
        case Qt::ForegroundRole:
            return val ? palette::valLoss() : palette::trainLoss();
        case Qt::ToolTipRole:
            return QStringLiteral("image %1 · %2 people · x = %3 · %4")
                .arg(row)
                .arg(countText(t), xText(m_panel->m_dataset.samples.x[row]),
                    val ? QStringLiteral("validation set") : QStringLiteral("training set"));
        default:
            return {};
        }
    }

private:
    DatasetPanel* m_panel;
    QVector<int> m_rows;   // ascending
};

DatasetPanel::DatasetPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("datasetPanel"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("splitSummary"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("filterCombo"));
    m_filter->addItems({tr("all images"), tr("training set"), tr("validation set")});
    connect(m_filter, &QComboBox::currentIndexChanged, this, &DatasetPanel::applyFilter);

    // Browser: a grid of tiles, or the reason there is none.
    m_model = new ThumbnailModel(this);
    m_browser = new QListView(this);
    m_browser->setObjectName(QStringLiteral("imageBrowser"));
    m_browser->setModel(m_model);
    m_browser->setViewMode(QListView::IconMode);
    m_browser->setIconSize(QSize(kThumbnail, kThumbnail));
    m_browser->setGridSize(QSize(kThumbnail + 22, kThumbnail + 26));
    m_browser->setUniformItemSizes(true);
    m_browser->setMovement(QListView::Static);
    m_browser->setResizeMode(QListView::Adjust);
    m_browser->setWrapping(true);
    m_browser->setSelectionMode(QAbstractItemView::SingleSelection);
    m_browser->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_browser->setMinimumWidth(kThumbnail * 2 + 60);
    connect(m_browser->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            const int row = m_model->datasetRow(current.row());
            if (row >= 0 && row != m_selected)
                selectImage(row);
        });
    m_noImages = new QLabel(tr("This data set has no images: it was read from a file of numbers, so only each "
                               "sample's x and count are known. The scatter shows them all; augmentations need "
                               "images and are off."),
        this);
    m_noImages->setObjectName(QStringLiteral("noImagesLabel"));
    m_noImages->setWordWrap(true);
    m_noImages->setAlignment(Qt::AlignCenter);
    m_noImages->setMargin(24);
    m_browserStack = new QStackedWidget(this);
    m_browserStack->addWidget(m_browser);
    m_browserStack->addWidget(m_noImages);

    // Scatter of x against the count.
    m_scatter = new QCustomPlot(this);
    m_scatter->setObjectName(QStringLiteral("datasetScatter"));
    palette::stylePlot(m_scatter);
    m_scatter->xAxis->setLabel(tr("feature x"));
    m_scatter->yAxis->setLabel(tr("count (people)"));
    m_scatter->setMinimumSize(260, 200);
    auto makeGraph = [this](const QString& name, const QString& label) {
        QCPGraph* graph = m_scatter->addGraph();
        graph->setObjectName(name);
        graph->setName(label);
        graph->setSelectable(QCP::stNone);
        return graph;
    };
    m_trainGraph = makeGraph(QStringLiteral("trainPoints"), tr("training"));
    m_valGraph = makeGraph(QStringLiteral("valPoints"), tr("validation"));
    for (auto [graph, colour] : {std::pair{m_trainGraph, palette::trainLoss()}, std::pair{m_valGraph, palette::valLoss()}}) {
        graph->setLineStyle(QCPGraph::lsNone);
        // Counts are whole numbers, so points pile up in rows: translucent dots show how many.
        QColor fill = colour;
        fill.setAlpha(110);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, fill, fill, 5));
    }
    m_curveGraph = makeGraph(QStringLiteral("modelCurve"), tr("model"));
    m_curveGraph->setPen(QPen(palette::path(), 2));
    m_selectedGraph = makeGraph(QStringLiteral("selectedPoint"), tr("selected image"));
    m_selectedGraph->setLineStyle(QCPGraph::lsNone);
    m_selectedGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::text(), 2), Qt::NoBrush, 13));
    m_selectedGraph->removeFromLegend();
    m_scatter->legend->setVisible(true);
    // Counts grow with x, so the lower right corner is the one the points leave free.
    m_scatter->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_scatter->installEventFilter(this);

    // The selected image and its augmented versions, a switch under each augmentation.
    m_detail = new QWidget(this);
    m_detail->setObjectName(QStringLiteral("detailPanel"));
    auto* grid = new QGridLayout(m_detail);
    grid->setContentsMargins(0, 4, 0, 0);
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(3);
    for (int k = 0; k < kVersionCount; ++k) {
        auto* image = new QLabel(m_detail);
        image->setObjectName(QStringLiteral("versionImage%1").arg(k));
        image->setFixedSize(kVersionSide, kVersionSide);
        image->setAlignment(Qt::AlignCenter);
        auto* caption = new QLabel(m_detail);
        caption->setObjectName(QStringLiteral("versionCaption%1").arg(k));
        caption->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        grid->addWidget(image, 0, k, Qt::AlignHCenter);
        grid->addWidget(caption, 1, k, Qt::AlignHCenter);
        m_versionImages.push_back(image);
        m_versionCaptions.push_back(caption);
    }
    auto makeSwitch = [this, grid](const QString& name, const QString& text, int column) {
        auto* box = new QCheckBox(text, m_detail);
        box->setObjectName(name);
        box->setToolTip(tr("Apply this augmentation, drawn afresh for every sample, while training"));
        connect(box, &QCheckBox::toggled, this, &DatasetPanel::onSwitchToggled);
        grid->addWidget(box, 2, column, Qt::AlignHCenter);
        return box;
    };
    m_brightness = makeSwitch(QStringLiteral("brightnessCheck"), tr("train with it"), 1);
    m_flip = makeSwitch(QStringLiteral("flipCheck"), tr("train with it"), 2);
    m_noise = makeSwitch(QStringLiteral("noiseCheck"), tr("train with it"), 3);
    grid->setColumnStretch(kVersionCount, 1);

    auto* header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(new QLabel(tr("show"), this));
    header->addWidget(m_filter);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_browserStack);
    m_splitter->addWidget(m_scatter);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_detail);

    setDataset(core::Dataset(), core::Split());
}

bool DatasetPanel::isValidation(int row) const
{
    return row >= 0 && row < static_cast<int>(m_isVal.size()) && m_isVal[static_cast<std::size_t>(row)];
}

void DatasetPanel::setDataset(const core::Dataset& dataset, const core::Split& split)
{
    m_dataset = dataset;
    m_split = split;
    m_isVal.assign(static_cast<std::size_t>(m_dataset.size()), 0);
    for (int row : m_split.val)
        if (row >= 0 && row < static_cast<int>(m_isVal.size()))
            m_isVal[static_cast<std::size_t>(row)] = 1;

    const int n = imageCount();
    QString summary = n == 0 ? tr("No data") : QString::fromStdString(m_dataset.source);
    if (n > 0)
        summary += tr(" · %1 training · %2 validation").arg(trainCount()).arg(valCount());
    m_summary->setText(summary);
    m_summary->setToolTip(summary);

    const bool images = m_dataset.hasImages();
    m_browserStack->setCurrentWidget(images || n == 0 ? static_cast<QWidget*>(m_browser) : m_noImages);
    m_filter->setEnabled(images);
    m_detail->setVisible(images);
    // Without images the browser holds only its message: the scatter gets the room.
    m_splitter->setSizes(images || n == 0 ? QList<int>{1, 1} : QList<int>{1, 2});
    m_selected = -1;
    applyFilter();
    updatePoints();
    // The data alone sets the axes (the old model curve must not).
    m_trainGraph->rescaleAxes();
    m_valGraph->rescaleAxes(true);
    // Room around the points, and the count axis from 0 (no people) up.
    const QCPRange x = m_scatter->xAxis->range(), y = m_scatter->yAxis->range();
    const double padX = std::max(x.size() * 0.05, 0.05);
    m_scatter->xAxis->setRange(x.lower - padX, x.upper + padX);
    m_scatter->yAxis->setRange(std::min(0.0, y.lower) - 0.5, y.upper + 0.8);
    updateCurve();  // over the new x range
    selectImage(images ? 0 : -1);  // a CSV row has no image to select
}

void DatasetPanel::setAugmentation(const core::AugmentationSettings& settings)
{
    m_augmentation = settings;
    for (auto [box, on] : {std::pair{m_brightness, settings.brightness}, std::pair{m_flip, settings.flip}, std::pair{m_noise, settings.noise}}) {
        const QSignalBlocker blocker(box);
        box->setChecked(on);
    }
    updateVersions();
}

void DatasetPanel::onSwitchToggled()
{
    m_augmentation.brightness = m_brightness->isChecked();
    m_augmentation.flip = m_flip->isChecked();
    m_augmentation.noise = m_noise->isChecked();
    emit augmentationChanged(m_augmentation);
}

void DatasetPanel::setModelCurve(std::shared_ptr<const core::Objective> objective, core::Vec params)
{
    m_objective = std::move(objective);
    m_params = params;
    updateCurve();
    m_scatter->replot(QCustomPlot::rpQueuedReplot);
}

void DatasetPanel::applyFilter()
{
    m_model->setFilter(static_cast<Filter>(m_filter->currentIndex()));
    const int modelRow = m_model->modelRow(m_selected);
    if (modelRow >= 0) {
        const QSignalBlocker blocker(m_browser->selectionModel());
        m_browser->setCurrentIndex(m_model->index(modelRow));
        m_browser->scrollTo(m_model->index(modelRow));
    }
}

void DatasetPanel::selectImage(int row)
{
    m_selected = row >= 0 && row < imageCount() && m_dataset.hasImages() ? row : -1;
    const int modelRow = m_model->modelRow(m_selected);
    {
        const QSignalBlocker blocker(m_browser->selectionModel());
        if (modelRow >= 0) {
            m_browser->setCurrentIndex(m_model->index(modelRow));
            m_browser->scrollTo(m_model->index(modelRow));
        } else {
            m_browser->clearSelection();
        }
    }
    updateVersions();
    updateSelectedPoint();
    m_scatter->replot(QCustomPlot::rpQueuedReplot);
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
    m_versions.clear();
    if (m_selected < 0 || !m_dataset.hasImages()) {
        for (int k = 0; k < kVersionCount; ++k) {
            m_versionImages[k]->clear();
            m_versionCaptions[k]->clear();
        }
        return;
    }
    const core::GrayImage& original = m_dataset.images[static_cast<std::size_t>(m_selected)];
    const std::uint64_t seed = previewSeed(m_selected);
    auto only = [this](bool brightness, bool flip, bool noise) {
        core::AugmentationSettings s = m_augmentation;
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
        {tr("noise σ %1").arg(m_augmentation.noiseSigma, 0, 'g', 3), only(false, false, true)},
        {tr("all three"), only(true, true, true)},
    };
    const double x0 = core::extractFeature(original);
    const QString count = countText(m_dataset.samples.t[m_selected]);
    for (int k = 0; k < kVersionCount; ++k) {
        Version v;
        v.name = kinds[k].first;
        v.settings = kinds[k].second;
        v.image = k == 0 ? original : core::augment(original, v.settings, seed);
        v.x = core::extractFeature(v.image);
        m_versionImages[k]->setPixmap(pixmapOf(v.image, kVersionSide));
        QString caption = QStringLiteral("<b>%1</b><br>x = %2").arg(v.name.toHtmlEscaped(), xText(v.x));
        if (k == 0) {
            caption += tr("<br>image %1 · count %2 · %3")
                           .arg(m_selected)
                           .arg(count, isValidation(m_selected) ? tr("validation") : tr("training"));
        } else {
            const double dx = v.x - x0;
            caption += QStringLiteral(" (%1%2)").arg(dx >= 0 ? QStringLiteral("+") : QString(), xText(dx));
            caption += tr("<br>count still %1").arg(count);
        }
        m_versionCaptions[k]->setText(caption);
        m_versions.push_back(std::move(v));
    }
}

void DatasetPanel::updatePoints()
{
    QVector<double> tx, ty, vx, vy;
    tx.reserve(trainCount());
    ty.reserve(trainCount());
    for (Eigen::Index i = 0; i < m_dataset.size(); ++i) {
        const bool val = m_isVal[static_cast<std::size_t>(i)];
        (val ? vx : tx).push_back(m_dataset.samples.x[i]);
        (val ? vy : ty).push_back(m_dataset.samples.t[i]);
    }
    m_trainGraph->setData(tx, ty);
    m_valGraph->setData(vx, vy);
    m_trainGraph->setName(tr("training (%1)").arg(tx.size()));
    m_valGraph->setName(tr("validation (%1)").arg(vx.size()));
    updateSelectedPoint();
}

void DatasetPanel::updateCurve()
{
    m_curveGraph->data()->clear();
    const auto* model = dynamic_cast<const core::DataObjective*>(m_objective.get());
    const bool drawCurve = model && m_dataset.size() > 0 && m_params.size() == model->parameterCount();
    if (drawCurve) {
        core::Array xs = core::Array::LinSpaced(kCurveSamples, m_scatter->xAxis->range().lower, m_scatter->xAxis->range().upper);
        core::Array ys;
        model->model().predict(xs, m_params, ys);
        QVector<double> cx(kCurveSamples), cy(kCurveSamples);
        for (int k = 0; k < kCurveSamples; ++k) {
            cx[k] = xs[k];
            cy[k] = ys[k];
        }
        m_curveGraph->setData(cx, cy, true);
        m_curveGraph->setName(QString::fromStdString(model->model().formula()));
    }
    m_curveGraph->setVisible(drawCurve);
    if (drawCurve)
        m_curveGraph->addToLegend();
    else
        m_curveGraph->removeFromLegend();
}

void DatasetPanel::updateSelectedPoint()
{
    m_selectedGraph->data()->clear();
    if (m_selected >= 0)
        m_selectedGraph->addData(m_dataset.samples.x[m_selected], m_dataset.samples.t[m_selected]);
}

bool DatasetPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_scatter && event->type() == QEvent::MouseButtonPress) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton && m_dataset.hasImages())
            selectNearestPoint(mouse->position());
    }
    return QWidget::eventFilter(watched, event);
}

// The sample nearest the click on screen, if one is within kClickRadius pixels.
void DatasetPanel::selectNearestPoint(QPointF pixel)
{
    int best = -1;
    double bestDistance = kClickRadius * kClickRadius;
    for (Eigen::Index i = 0; i < m_dataset.size(); ++i) {
        const double dx = m_scatter->xAxis->coordToPixel(m_dataset.samples.x[i]) - pixel.x();
        const double dy = m_scatter->yAxis->coordToPixel(m_dataset.samples.t[i]) - pixel.y();
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
