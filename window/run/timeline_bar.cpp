#include "window/run/timeline_bar.h"

#include <algorithm>
#include <cmath>

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSlider>

#include "window/run/steady_label.h"

namespace downhill::ui {

TimelineBar::TimelineBar(QWidget* parent) : QWidget(parent), slider_(new QSlider(Qt::Horizontal, this)), label_(new SteadyLabel(this))
{
    slider_->setObjectName(QStringLiteral("timelineSlider"));
    slider_->setRange(0, 0);
    slider_->setFocusPolicy(Qt::NoFocus);   // the arrow keys step the run, not the slider
    slider_->setToolTip(tr("The run so far. Drag to any step: the landscape, the loss plot and every number show "
                           "that moment, exactly. Change a setting there and training goes on from it as a new "
                           "branch; the old path stays drawn in grey."));
    label_->setObjectName(QStringLiteral("timelineLabel"));
    // Room for ten million steps, in whatever font the label gets: it does not grow as it counts.
    label_->setRoomFor(tr("step %1 of %2").arg(QLocale().toString(10'000'000LL), QLocale().toString(10'000'000LL)));
    label_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    auto* title = new QLabel(tr("Timeline"), this);
    title->setBuddy(slider_);
    layout->addWidget(title);
    layout->addWidget(slider_, 1);
    layout->addWidget(label_);
    connect(slider_, &QSlider::valueChanged, this, [this](int value) {
        if (updating_)
            return;
        const std::int64_t step = stepAt(value);
        if (step == position_)
            return;
        position_ = step;
        showLabel();
        emit seekRequested(step);
    });
    showLabel();
}

std::int64_t TimelineBar::stepAt(int sliderValue) const
{
    const std::int64_t span = head_ - first_;
    if (span <= kSliderStops)
        return first_ + sliderValue;
    return first_ + std::llround(static_cast<double>(sliderValue) / kSliderStops * static_cast<double>(span));
}

int TimelineBar::sliderValueOf(std::int64_t step) const
{
    const std::int64_t span = head_ - first_;
    const std::int64_t offset = std::clamp<std::int64_t>(step - first_, 0, std::max<std::int64_t>(span, 0));
    if (span <= kSliderStops)
        return static_cast<int>(offset);
    return static_cast<int>(std::llround(static_cast<double>(offset) / static_cast<double>(span) * kSliderStops));
}

void TimelineBar::setRange(std::int64_t first, std::int64_t head)
{
    if (first == first_ && head == head_)
        return;
    first_ = first;
    head_ = std::max(first, head);
    updating_ = true;
    slider_->setRange(0, static_cast<int>(std::min<std::int64_t>(head_ - first_, kSliderStops)));
    slider_->setValue(sliderValueOf(position_));
    updating_ = false;
    showLabel();
}

void TimelineBar::setPosition(std::int64_t step)
{
    position_ = std::clamp(step, first_, head_);
    updating_ = true;
    slider_->setValue(sliderValueOf(position_));
    updating_ = false;
    showLabel();
}

void TimelineBar::showLabel()
{
    const QLocale locale;
    label_->setText(tr("step %1 of %2").arg(locale.toString(static_cast<qlonglong>(position_)),
        locale.toString(static_cast<qlonglong>(head_))));
}

}  // namespace downhill::ui
