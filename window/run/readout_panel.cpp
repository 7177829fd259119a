#include "window/run/readout_panel.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <QFontDatabase>
#include <QFontMetrics>
#include <QGridLayout>
#include <QLabel>

#include "core/model/objective.h"
#include "window/run/steady_label.h"

namespace downhill::ui {

ReadoutPanel::ReadoutPanel(QWidget* parent) : QWidget(parent), grid_(new QGridLayout(this))
{
    setObjectName(QStringLiteral("readouts"));
    grid_->setContentsMargins(8, 6, 8, 6);
    grid_->setHorizontalSpacing(10);
    grid_->setVerticalSpacing(3);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(10.0, font().pointSizeF()));
    setFont(mono);

    step_ = addRow(tr("step"), "readoutStep", tr("Updates taken so far."));
    epoch_ = addRow(tr("epoch"), "readoutEpoch", tr("Passes through the training set completed (0-based: the epoch now running)."));
    batch_ = addRow(tr("batch"), "readoutBatch", tr("The last batch's number within its epoch, of how many."));
    lr_ = addRow(tr("lr now"), "readoutLr", tr("The learning rate the schedule gave the last step."));
    batchLoss_ = addRow(tr("batch loss"), "readoutBatchLoss", tr("Mean loss over the last batch, before its update."));
    trainLoss_ = addRow(tr("train loss"), "readoutTrainLoss", tr("Loss over the whole training set after the last update."));
    valLoss_ = addRow(tr("val loss"), "readoutValLoss", tr("Loss on the validation set at the end of the last epoch."));
    gradNorm_ = addRow(tr("|gradient|"), "readoutGradNorm", tr("Length of the last batch's gradient."));
    offPlane_ = addRow(tr("off plane"), "readoutOffPlane",
        tr("How far the current point stands from the plotted plane: the path drawn is its projection, "
           "not the path. The share is of the length of the parameter vector."));
    offPlaneLabel_ = qobject_cast<QLabel*>(grid_->itemAtPosition(rows_ - 1, 0)->widget());
    offPlane_->hide();
    offPlaneLabel_->hide();
    params_ = new SteadyLabel(this);
    params_->setObjectName(QStringLiteral("readoutParams"));
    params_->setToolTip(tr("Each parameter and the gradient of the batch loss with respect to it."));
    params_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid_->addWidget(params_, rows_++, 0, 1, 2, Qt::AlignLeft | Qt::AlignTop);
    grid_->setRowStretch(rows_, 1);
    grid_->setColumnStretch(1, 1);
}

SteadyLabel* ReadoutPanel::addRow(const QString& name, const char* objectName, const QString& tip)
{
    auto* label = new QLabel(name, this);
    label->setToolTip(tip);
    auto* value = new SteadyLabel(QStringLiteral("\u2013"), this);
    value->setObjectName(QLatin1String(objectName));
    value->setToolTip(tip);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid_->addWidget(label, rows_, 0);
    // Held at its own size, it sits at the right of the column that the panel widens.
    grid_->addWidget(value, rows_, 1, Qt::AlignRight | Qt::AlignVCenter);
    ++rows_;
    return value;
}

std::array<SteadyLabel*, 9> ReadoutPanel::numbers() const
{
    return {step_, epoch_, batch_, lr_, batchLoss_, trainLoss_, valLoss_, gradNorm_, params_};
}

QString ReadoutPanel::number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("\u2013");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    const double a = std::abs(value);
    if (a != 0 && (a >= 1e6 || a < 1e-4))
        return QString::number(value, 'e', 4);
    return QString::number(value, 'f', 6);
}

void ReadoutPanel::setParameterNames(const std::vector<std::string>& names)
{
    names_ = names;
    params_->clear();
}

void ReadoutPanel::setPlaying(bool playing)
{
    if (selectable_ == !playing)
        return;
    selectable_ = !playing;
    const Qt::TextInteractionFlags flags = selectable_ ? Qt::TextSelectableByMouse : Qt::NoTextInteraction;
    for (SteadyLabel* value : numbers())
        value->setTextInteractionFlags(flags);
    offPlane_->setTextInteractionFlags(flags);
}

void ReadoutPanel::setBatchesPerEpoch(std::int64_t batches)
{
    batchesPerEpoch_ = batches;
}

void ReadoutPanel::showOffPlane(double distance, double norm, bool plane)
{
    // On two axes of a two-parameter model nothing is held: always 0, not worth a row.
    const bool shown = plane || names_.size() > 2;
    offPlane_->setVisible(shown);
    offPlaneLabel_->setVisible(shown);
    if (!shown)
        return;
    QString text = number(distance);
    if (std::isfinite(distance) && norm > 0)
        text += QStringLiteral(" (%1 %)").arg(100 * distance / norm, 0, 'f', 1);
    offPlane_->setText(text);
}

void ReadoutPanel::showParameters(const core::Vec& params, const core::Vec& gradient)
{
    if (params.size() > kListedParameters) {
        // A network: thousands of lines would say nothing. Its size and the few parameters the
        // gradient pulls hardest, by name.
        // Four significant digits: the panel is narrow and the lines are many.
        const auto brief = [](double v) { return std::isfinite(v) ? QString::number(v, 'g', 4) : number(v); };
        QString text = tr("%1 parameters\n|w| = %2").arg(params.size()).arg(brief(params.norm()));
        if (gradient.size() == params.size()) {
            text += QLatin1Char('\n') + tr("largest |dL/dw|:");
            for (const Eigen::Index i : core::largestGradients(gradient, kListedGradients)) {
                const QString name = i < static_cast<Eigen::Index>(names_.size())
                    ? QString::fromStdString(names_[static_cast<std::size_t>(i)]) : QString::number(i);
                text += QStringLiteral("\n%1\n  w %2  dL/dw %3").arg(name, brief(params[i]), brief(gradient[i]));
            }
        }
        params_->setText(text);
        return;
    }
    QString text;
    std::size_t width = 1;
    for (const auto& n : names_)
        width = std::max(width, n.size());
    for (Eigen::Index i = 0; i < params.size() && i < static_cast<Eigen::Index>(names_.size()); ++i) {
        const QString name = QString::fromStdString(names_[static_cast<std::size_t>(i)]);
        text += QStringLiteral("%1 = %2\n").arg(name, static_cast<int>(width)).arg(number(params[i]), 12);
        if (i < gradient.size())
            text += QStringLiteral("  dL/d%1 = %2\n").arg(name, -static_cast<int>(width)).arg(number(gradient[i]), 12);
    }
    params_->setText(text.trimmed());
}

void ReadoutPanel::showStart(const core::TrainState& state, const core::Vec& gradient, double trainLoss)
{
    // A fresh run: each number starts from its own width again (a diverged run's wide ones go).
    for (SteadyLabel* value : numbers())
        value->clear();
    step_->setText(QString::number(state.step));
    epoch_->setText(QString::number(state.epoch));
    batch_->setText(QStringLiteral("\u2013 / %1").arg(batchesPerEpoch_));
    lr_->setText(QStringLiteral("\u2013"));
    batchLoss_->setText(QStringLiteral("\u2013"));
    trainLoss_->setText(number(trainLoss));
    valLoss_->setText(QStringLiteral("\u2013"));
    gradNorm_->setText(gradient.size() ? number(gradient.norm()) : QStringLiteral("\u2013"));
    showParameters(state.params, gradient);
}

void ReadoutPanel::showStep(const core::StepRecord& record, const core::TrainState& state, std::int64_t batchesPerEpoch)
{
    batchesPerEpoch_ = batchesPerEpoch;
    step_->setText(QString::number(record.step));
    epoch_->setText(QString::number(state.epoch));
    batch_->setText(QStringLiteral("%1 / %2").arg(record.batchIndex + 1).arg(batchesPerEpoch));
    lr_->setText(number(record.lr));
    batchLoss_->setText(number(record.batchLoss));
    trainLoss_->setText(number(record.trainLoss));
    gradNorm_->setText(number(record.gradient.norm()));
    showParameters(record.after, record.gradient);
}

void ReadoutPanel::showEpoch(const core::EpochRecord& epoch)
{
    valLoss_->setText(number(epoch.valLoss));
}

}  // namespace downhill::ui
