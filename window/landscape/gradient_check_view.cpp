#include "window/landscape/gradient_check_view.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#include <qcustomplot.h>

#include "core/model/data_objective.h"
#include "plots/fitted_label.h"
#include "plots/fitted_ticker.h"
#include "plots/palette.h"

namespace downhill::ui {

namespace {

// An error of exactly 0 has no place on a log axis: it is drawn here, below any rounding error.
constexpr double kErrorFloor = 1e-17;

QString number(double v, int digits = 10)
{
    return std::isfinite(v) ? QString::number(v, 'g', digits) : QStringLiteral("–");
}

QString shortNumber(double v)
{
    return number(v, 2);
}

double relativeError(double a, double n)
{
    return std::abs(a - n) / std::max({std::abs(a), std::abs(n), 1e-12});
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

}  // namespace

struct GradientCheckView::Job {
    std::atomic<bool> cancel{false};
    QVector<QPointF> curve;
};

GradientCheckView::GradientCheckView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("gradientCheckView"));

    auto* formula = new QLabel(tr("numeric dL/dw_j = (L(w + h e_j) - L(w - h e_j)) / 2h,  beside the analytic "
                                  "gradient (chain rule)"),
        this);
    formula->setWordWrap(true);

    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(QStringLiteral("stepSlider"));
    slider_->setRange(0, kCurvePoints - 1);
    slider_->setPageStep(kStepsPerDecade);
    slider_->setTickInterval(kStepsPerDecade);
    slider_->setTickPosition(QSlider::TicksBelow);
    slider_->setToolTip(tr("The step h of the numeric gradient, from 1e-12 to 1 (four positions per decade)"));
    stepLabel_ = new QLabel(this);
    stepLabel_->setObjectName(QStringLiteral("stepLabel"));
    stepLabel_->setMinimumWidth(stepLabel_->fontMetrics().horizontalAdvance(QStringLiteral("h = 1e-12 ")));
    QFont bold = stepLabel_->font();
    bold.setBold(true);
    stepLabel_->setFont(bold);
    connect(slider_, &QSlider::valueChanged, this, [this] {
        updateTable();
        updatePlot();
        plot_->replot(QCustomPlot::rpQueuedReplot);
        emit stepChanged(step());
    });

    table_ = new QTableWidget(0, 5, this);
    table_->setObjectName(QStringLiteral("gradientTable"));
    table_->setHorizontalHeaderLabels({tr("parameter"), tr("analytic"), tr("numeric"), tr("abs error"), tr("rel error")});
    table_->verticalHeader()->setVisible(false);
    // Every column as wide as its header and numbers, never cut: in a narrow dock the table is
    // wider than the dock, and the dock scrolls sideways (its minimum width is the columns').
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);

    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("errorPlot"));
    palette::stylePlot(plot_);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setLogBase(10);
        ticker->setSubTickCount(0);
        axis->setTicker(ticker);
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
        FittedTicker::install(axis);   // as many decades labelled as fit, never run together
    }
    // Tall enough for its decades and the two corner notes; the dock scrolls below it.
    plot_->setMinimumHeight(160);
    FittedLabel::set(plot_->xAxis, tr("step h"));
    FittedLabel::set(plot_->yAxis, tr("largest relative error"), tr("rel. error"));
    plot_->xAxis->setRange(std::pow(10.0, kMinExponent) / 2, std::pow(10.0, kMaxExponent) * 2);
    plot_->yAxis->setRange(kErrorFloor / 2, 10);
    curveGraph_ = plot_->addGraph();
    curveGraph_->setObjectName(QStringLiteral("errorCurve"));
    curveGraph_->setPen(QPen(palette::accent(), 1.5));
    curveGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, palette::accent(), 4));
    marker_ = plot_->addGraph();
    marker_->setObjectName(QStringLiteral("currentStep"));
    marker_->setLineStyle(QCPGraph::lsNone);
    marker_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::halo(), 1.5), QBrush(palette::gradientArrow()), 11));
    markerLine_ = new QCPItemStraightLine(plot_);
    markerLine_->setPen(QPen(palette::gradientArrow(), 1, Qt::DashLine));
    markerLine_->setVisible(false);
    // The two sides of the V, named at the bottom corners, which the V leaves free.
    auto corner = [this](double x, Qt::Alignment alignment) {
        auto* label = new QCPItemText(plot_);
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(x, 0.97);
        label->setPositionAlignment(alignment | Qt::AlignBottom);
        label->setFont(palette::annotationFont());
        label->setColor(palette::mutedText());
        return label;
    };
    corner(0.02, Qt::AlignLeft)->setText(tr("← rounding error (≈ eps / h)"));
    rightLabel_ = corner(0.98, Qt::AlignRight);

    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("noteLabel"));
    note_->setWordWrap(true);
    QPalette muted = note_->palette();
    muted.setColor(QPalette::WindowText, palette::mutedText());
    note_->setPalette(muted);

    auto* sliderRow = new QHBoxLayout;
    sliderRow->addWidget(stepLabel_);
    sliderRow->addWidget(slider_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(formula);
    layout->addLayout(sliderRow);
    layout->addWidget(table_);
    layout->addWidget(plot_, 1);
    layout->addWidget(note_);

    // 1e-5: where the check is usually made.
    {
        const QSignalBlocker blocker(slider_);
        slider_->setValue((-5 - kMinExponent) * kStepsPerDecade);
    }
    clear();
}

GradientCheckView::~GradientCheckView()
{
    for (const auto& [thread, job] : std::as_const(running_)) {
        job->cancel = true;
        thread->wait();
        delete thread;
    }
}

double GradientCheckView::stepAt(int k)
{
    return std::pow(10.0, kMinExponent + static_cast<double>(k) / kStepsPerDecade);
}

double GradientCheckView::step() const
{
    return stepAt(slider_->value());
}

void GradientCheckView::setStep(double h)
{
    if (!(h > 0.0) || !std::isfinite(h))
        return;
    const double k = (std::log10(h) - kMinExponent) * kStepsPerDecade;
    slider_->setValue(std::clamp(static_cast<int>(std::lround(k)), 0, kCurvePoints - 1));
}

void GradientCheckView::setProblem(std::shared_ptr<const core::Objective> objective, core::Samples samples, core::Vec point)
{
    if (!objective || point.size() != objective->parameterCount()) {
        clear();
        return;
    }
    objective_ = std::move(objective);
    samples_ = std::make_shared<const core::Samples>(std::move(samples));
    point_ = point;
    // Two evaluations per parameter and step: a network's thousands would take the curve
    // minutes, so it checks the ones the gradient pulls hardest, as downhill-cli gradcheck does.
    checked_.clear();
    if (point_.size() > kCheckAllUpTo) {
        core::Vec gradient;
        core::Workspace ws;
        objective_->evaluateWithGradient(point_, *samples_, gradient, ws);
        checked_ = core::largestGradients(gradient, kCheckedOfMany);
    } else {
        for (Eigen::Index j = 0; j < point_.size(); ++j)
            checked_.push_back(j);
    }
    // The old curve stays up until the new one arrives: no flicker when the point moves on.
    table_->setRowCount(0);  // new parameter names
    updateTable();
    startCurve();
    updatePlot();
    updateNote();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void GradientCheckView::clear()
{
    if (job_)
        job_->cancel = true;
    job_.reset();
    computing_ = false;
    objective_.reset();
    samples_.reset();
    check_ = core::GradientCheck();
    curve_.clear();
    table_->setRowCount(0);
    slider_->setEnabled(false);
    updateTable();
    updatePlot();
    updateNote();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

// The 49 checks cost 98 * parameters evaluations over all the samples: a few milliseconds for
// the built-in set, but a large CSV file would stall the window, so they run on a thread.
void GradientCheckView::startCurve()
{
    if (job_)
        job_->cancel = true;
    auto job = std::make_shared<Job>();
    job_ = job;
    computing_ = true;
    auto* thread = QThread::create([job, objective = objective_, samples = samples_, point = point_, which = checked_] {
        QVector<QPointF> curve;
        curve.reserve(kCurvePoints);
        for (int k = 0; k < kCurvePoints; ++k) {
            if (job->cancel)
                return;
            const double h = stepAt(k);
            const core::GradientCheck check = core::checkGradient(*objective, point, *samples, h, which);
            curve.push_back(QPointF(h, check.maxRelError));
        }
        job->curve = std::move(curve);
    });
    running_.push_back({thread, job});
    connect(thread, &QThread::finished, this, [this, job, thread] { onJobFinished(job, thread); });
    thread->start();
}

void GradientCheckView::onJobFinished(const std::shared_ptr<Job>& job, QThread* thread)
{
    running_.erase(std::remove_if(running_.begin(), running_.end(), [thread](const auto& entry) { return entry.first == thread; }),
        running_.end());
    thread->deleteLater();
    if (job != job_ || job->cancel)
        return;  // a newer problem has replaced this one
    job_.reset();
    computing_ = false;
    curve_ = job->curve;
    updatePlot();
    updateNote();
    plot_->replot(QCustomPlot::rpQueuedReplot);
    emit curveReady();
}

void GradientCheckView::updateTable()
{
    const double h = step();
    stepLabel_->setText(QStringLiteral("h = %1").arg(QString::number(h, 'g', 3)));
    if (!objective_) {
        check_ = core::GradientCheck();
        return;
    }
    slider_->setEnabled(true);
    check_ = core::checkGradient(*objective_, point_, *samples_, h, checked_);
    const auto names = objective_->parameterNames();
    table_->setRowCount(static_cast<int>(checked_.size()));
    for (int row = 0; row < static_cast<int>(checked_.size()); ++row) {
        const Eigen::Index j = checked_[static_cast<std::size_t>(row)];
        const double a = check_.analytic[j], n = check_.numeric[j];
        table_->setItem(row, 0, cell(QString::fromStdString(names[static_cast<std::size_t>(j)]), Qt::AlignCenter));
        table_->setItem(row, 1, cell(number(a)));
        table_->setItem(row, 2, cell(number(n)));
        table_->setItem(row, 3, cell(shortNumber(check_.absError[j])));
        table_->setItem(row, 4, cell(shortNumber(relativeError(a, n))));
    }
    table_->setFixedHeight(table_->horizontalHeader()->height() + table_->rowCount() * table_->verticalHeader()->defaultSectionSize()
        + 2 * table_->frameWidth());
    table_->horizontalHeader()->resizeSections(QHeaderView::ResizeToContents);
    int width = 2 * table_->frameWidth();
    for (int c = 0; c < table_->columnCount(); ++c)
        width += table_->horizontalHeader()->sectionSize(c);
    table_->setMinimumWidth(width);
}

void GradientCheckView::updatePlot()
{
    QVector<double> keys, values;
    double top = 1.0;
    for (const QPointF& p : std::as_const(curve_)) {
        keys.push_back(p.x());
        values.push_back(std::max(p.y(), kErrorFloor));
        if (std::isfinite(p.y()))
            top = std::max(top, p.y());
    }
    curveGraph_->setData(keys, values, true);
    const double bottom = values.isEmpty() ? kErrorFloor : *std::min_element(values.begin(), values.end());
    plot_->yAxis->setRange(bottom / 30, top * 10);
    marker_->data()->clear();
    const int k = slider_->value();
    markerLine_->setVisible(objective_ != nullptr);
    markerLine_->point1->setCoords(step(), 1.0);
    markerLine_->point2->setCoords(step(), 2.0);
    if (k < curve_.size())
        marker_->addData(curve_[k].x(), std::max(curve_[k].y(), kErrorFloor));
}

void GradientCheckView::updateNote()
{
    if (!objective_) {
        note_->setText(tr("No point to check yet."));
        rightLabel_->setVisible(false);
        return;
    }
    if (computing_) {
        if (curve_.isEmpty())
            note_->setText(tr("Computing the error for every h…"));
        return;
    }
    rightLabel_->setVisible(true);
    const auto best = std::min_element(curve_.begin(), curve_.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); });
    QString text = tr("Smallest error %1 at h = %2.").arg(shortNumber(best->y()), QString::number(best->x(), 'g', 2));
    const auto* dataObjective = dynamic_cast<const core::DataObjective*>(objective_.get());
    if (dataObjective && dataObjective->loss().kind() == core::LossKind::Mae) {
        text += tr(" mae has a kink at r = 0: when a sample's residual changes sign between w - h and w + h, the "
                   "numeric gradient is wrong, so large h gives large errors here.");
        rightLabel_->setText(tr("h reaches across a kink →"));
    } else if (curve_.back().y() < 1e-6) {
        text += tr(" This loss is quadratic in the parameters: central differences have no truncation error for it, "
                   "so only rounding (which grows as h shrinks) is left.");
        rightLabel_->setVisible(false);
    } else {
        text += tr(" Larger h: the h² truncation error grows. Smaller h: L(w + h) and L(w - h) agree in ever more "
                   "digits, and rounding (≈ eps / h) takes over.");
        rightLabel_->setText(tr("truncation error (≈ h²) →"));
    }
    note_->setText(text);
}

}  // namespace downhill::ui
