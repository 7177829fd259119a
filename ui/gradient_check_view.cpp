#include "gradient_check_view.h"

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

#include "data_objective.h"
#include "palette.h"

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

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("stepSlider"));
    m_slider->setRange(0, kCurvePoints - 1);
    m_slider->setPageStep(kStepsPerDecade);
    m_slider->setTickInterval(kStepsPerDecade);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setToolTip(tr("The step h of the numeric gradient, from 1e-12 to 1 (four positions per decade)"));
    m_stepLabel = new QLabel(this);
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_stepLabel->setMinimumWidth(m_stepLabel->fontMetrics().horizontalAdvance(QStringLiteral("h = 1e-12 ")));
    QFont bold = m_stepLabel->font();
    bold.setBold(true);
    m_stepLabel->setFont(bold);
    connect(m_slider, &QSlider::valueChanged, this, [this] {
        updateTable();
        updatePlot();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        emit stepChanged(step());
    });

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("gradientTable"));
    m_table->setHorizontalHeaderLabels({tr("parameter"), tr("analytic"), tr("numeric"), tr("abs error"), tr("rel error")});
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("errorPlot"));
    palette::stylePlot(m_plot);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setLogBase(10);
        ticker->setSubTickCount(0);
        axis->setTicker(ticker);
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    }
    m_plot->xAxis->setLabel(tr("step h"));
    m_plot->yAxis->setLabel(tr("largest relative error"));
    m_plot->xAxis->setRange(std::pow(10.0, kMinExponent) / 2, std::pow(10.0, kMaxExponent) * 2);
    m_plot->yAxis->setRange(kErrorFloor / 2, 10);
    m_curveGraph = m_plot->addGraph();
    m_curveGraph->setObjectName(QStringLiteral("errorCurve"));
    m_curveGraph->setPen(QPen(palette::accent(), 1.5));
    m_curveGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, palette::accent(), 4));
    m_marker = m_plot->addGraph();
    m_marker->setObjectName(QStringLiteral("currentStep"));
    m_marker->setLineStyle(QCPGraph::lsNone);
    m_marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(palette::halo(), 1.5), QBrush(palette::gradientArrow()), 11));
    m_markerLine = new QCPItemStraightLine(m_plot);
    m_markerLine->setPen(QPen(palette::gradientArrow(), 1, Qt::DashLine));
    m_markerLine->setVisible(false);
    // The two sides of the V, named at the bottom corners, which the V leaves free.
    auto corner = [this](double x, Qt::Alignment alignment) {
        auto* label = new QCPItemText(m_plot);
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(x, 0.97);
        label->setPositionAlignment(alignment | Qt::AlignBottom);
        label->setFont(palette::annotationFont());
        label->setColor(palette::mutedText());
        return label;
    };
    corner(0.02, Qt::AlignLeft)->setText(tr("← rounding error (≈ eps / h)"));
    m_rightLabel = corner(0.98, Qt::AlignRight);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("noteLabel"));
    m_note->setWordWrap(true);
    QPalette muted = m_note->palette();
    muted.setColor(QPalette::WindowText, palette::mutedText());
    m_note->setPalette(muted);

    auto* sliderRow = new QHBoxLayout;
    sliderRow->addWidget(m_stepLabel);
    sliderRow->addWidget(m_slider, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(formula);
    layout->addLayout(sliderRow);
    layout->addWidget(m_table);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_note);

    // 1e-5: where the check is usually made.
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue((-5 - kMinExponent) * kStepsPerDecade);
    }
    clear();
}

GradientCheckView::~GradientCheckView()
{
    for (const auto& [thread, job] : std::as_const(m_running)) {
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
    return stepAt(m_slider->value());
}

void GradientCheckView::setStep(double h)
{
    if (!(h > 0.0) || !std::isfinite(h))
        return;
    const double k = (std::log10(h) - kMinExponent) * kStepsPerDecade;
    m_slider->setValue(std::clamp(static_cast<int>(std::lround(k)), 0, kCurvePoints - 1));
}

void GradientCheckView::setProblem(std::shared_ptr<const core::Objective> objective, core::Samples samples, core::Vec point)
{
    if (!objective || point.size() != objective->parameterCount()) {
        clear();
        return;
    }
    m_objective = std::move(objective);
    m_samples = std::make_shared<const core::Samples>(std::move(samples));
    m_point = point;
    // The old curve stays up until the new one arrives: no flicker when the point moves on.
    m_table->setRowCount(0);  // new parameter names
    updateTable();
    startCurve();
    updatePlot();
    updateNote();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GradientCheckView::clear()
{
    if (m_job)
        m_job->cancel = true;
    m_job.reset();
    m_computing = false;
    m_objective.reset();
    m_samples.reset();
    m_check = core::GradientCheck();
    m_curve.clear();
    m_table->setRowCount(0);
    m_slider->setEnabled(false);
    updateTable();
    updatePlot();
    updateNote();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// The 49 checks cost 98 * parameters evaluations over all the samples: a few milliseconds for
// the built-in set, but a large CSV file would stall the window, so they run on a thread.
void GradientCheckView::startCurve()
{
    if (m_job)
        m_job->cancel = true;
    auto job = std::make_shared<Job>();
    m_job = job;
    m_computing = true;
    auto* thread = QThread::create([job, objective = m_objective, samples = m_samples, point = m_point] {
        QVector<QPointF> curve;
        curve.reserve(kCurvePoints);
        for (int k = 0; k < kCurvePoints; ++k) {
            if (job->cancel)
                return;
            const double h = stepAt(k);
            const core::GradientCheck check = core::checkGradient(*objective, point, *samples, h);
            curve.push_back(QPointF(h, check.maxRelError));
        }
        job->curve = std::move(curve);
    });
    m_running.push_back({thread, job});
    connect(thread, &QThread::finished, this, [this, job, thread] { onJobFinished(job, thread); });
    thread->start();
}

void GradientCheckView::onJobFinished(const std::shared_ptr<Job>& job, QThread* thread)
{
    m_running.erase(std::remove_if(m_running.begin(), m_running.end(), [thread](const auto& entry) { return entry.first == thread; }),
        m_running.end());
    thread->deleteLater();
    if (job != m_job || job->cancel)
        return;  // a newer problem has replaced this one
    m_job.reset();
    m_computing = false;
    m_curve = job->curve;
    updatePlot();
    updateNote();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    emit curveReady();
}

void GradientCheckView::updateTable()
{
    const double h = step();
    m_stepLabel->setText(QStringLiteral("h = %1").arg(QString::number(h, 'g', 3)));
    if (!m_objective) {
        m_check = core::GradientCheck();
        return;
    }
    m_slider->setEnabled(true);
    m_check = core::checkGradient(*m_objective, m_point, *m_samples, h);
    const auto names = m_objective->parameterNames();
    m_table->setRowCount(static_cast<int>(names.size()));
    for (int j = 0; j < static_cast<int>(names.size()); ++j) {
        const double a = m_check.analytic[j], n = m_check.numeric[j];
        m_table->setItem(j, 0, cell(QString::fromStdString(names[static_cast<std::size_t>(j)]), Qt::AlignCenter));
        m_table->setItem(j, 1, cell(number(a)));
        m_table->setItem(j, 2, cell(number(n)));
        m_table->setItem(j, 3, cell(shortNumber(m_check.absError[j])));
        m_table->setItem(j, 4, cell(shortNumber(relativeError(a, n))));
    }
    m_table->setFixedHeight(m_table->horizontalHeader()->height() + m_table->rowCount() * m_table->verticalHeader()->defaultSectionSize()
        + 2 * m_table->frameWidth());
}

void GradientCheckView::updatePlot()
{
    QVector<double> keys, values;
    double top = 1.0;
    for (const QPointF& p : std::as_const(m_curve)) {
        keys.push_back(p.x());
        values.push_back(std::max(p.y(), kErrorFloor));
        if (std::isfinite(p.y()))
            top = std::max(top, p.y());
    }
    m_curveGraph->setData(keys, values, true);
    const double bottom = values.isEmpty() ? kErrorFloor : *std::min_element(values.begin(), values.end());
    m_plot->yAxis->setRange(bottom / 30, top * 10);
    m_marker->data()->clear();
    const int k = m_slider->value();
    m_markerLine->setVisible(m_objective != nullptr);
    m_markerLine->point1->setCoords(step(), 1.0);
    m_markerLine->point2->setCoords(step(), 2.0);
    if (k < m_curve.size())
        m_marker->addData(m_curve[k].x(), std::max(m_curve[k].y(), kErrorFloor));
}

void GradientCheckView::updateNote()
{
    if (!m_objective) {
        m_note->setText(tr("No point to check yet."));
        m_rightLabel->setVisible(false);
        return;
    }
    if (m_computing) {
        if (m_curve.isEmpty())
            m_note->setText(tr("Computing the error for every h…"));
        return;
    }
    m_rightLabel->setVisible(true);
    const auto best = std::min_element(m_curve.begin(), m_curve.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); });
    QString text = tr("Smallest error %1 at h = %2.").arg(shortNumber(best->y()), QString::number(best->x(), 'g', 2));
    const auto* dataObjective = dynamic_cast<const core::DataObjective*>(m_objective.get());
    if (dataObjective && dataObjective->loss().kind() == core::LossKind::Mae) {
        text += tr(" mae has a kink at r = 0: when a sample's residual changes sign between w - h and w + h, the "
                   "numeric gradient is wrong, so large h gives large errors here.");
        m_rightLabel->setText(tr("h reaches across a kink →"));
    } else if (m_curve.back().y() < 1e-6) {
        text += tr(" This loss is quadratic in the parameters: central differences have no truncation error for it, "
                   "so only rounding (which grows as h shrinks) is left.");
        m_rightLabel->setVisible(false);
    } else {
        text += tr(" Larger h: the h² truncation error grows. Smaller h: L(w + h) and L(w - h) agree in ever more "
                   "digits, and rounding (≈ eps / h) takes over.");
        m_rightLabel->setText(tr("truncation error (≈ h²) →"));
    }
    m_note->setText(text);
}

}  // namespace downhill::ui
