#include "window/run/speed_control.h"

#include <array>
#include <cmath>

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

namespace downhill::ui {

namespace {
// Steps per second at each stop; the last (0) is "as fast as the engine runs".
constexpr std::array<double, 14> kStops = {1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000, 0};
}  // namespace

SpeedControl::SpeedControl(QWidget* parent)
    : QWidget(parent), slider_(new QSlider(Qt::Horizontal, this)), label_(new QLabel(this))
{
    setObjectName(QStringLiteral("speedControl"));
    slider_->setObjectName(QStringLiteral("speedSlider"));
    label_->setObjectName(QStringLiteral("speedLabel"));
    slider_->setRange(0, static_cast<int>(kStops.size()) - 1);
    slider_->setPageStep(1);
    slider_->setTickPosition(QSlider::TicksBelow);
    slider_->setMinimumWidth(140);
    slider_->setFocusPolicy(Qt::NoFocus);   // arrow keys step the run, not the speed
    label_->setMinimumWidth(label_->fontMetrics().horizontalAdvance(tr("%1 steps/s").arg(1000)) + 6);
    const QString tip = tr("Training speed while playing: from 1 step per second (to follow every step) "
                           "to max (as fast as the engine runs).");
    setToolTip(tip);
    slider_->setToolTip(tip);
    label_->setToolTip(tip);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* caption = new QLabel(tr("Speed"), this);
    caption->setToolTip(tip);
    layout->addWidget(caption);
    layout->addWidget(slider_, 1);
    layout->addWidget(label_);

    connect(slider_, &QSlider::valueChanged, this, [this] {
        showLabel();
        if (!updating_)
            emit speedEdited(speed());
    });
    setSpeed(20);
}

double SpeedControl::speed() const
{
    return kStops[static_cast<std::size_t>(slider_->value())];
}

void SpeedControl::setSpeed(double stepsPerSecond)
{
    int best = static_cast<int>(kStops.size()) - 1;
    if (stepsPerSecond > 0) {
        double bestDistance = 1e300;
        for (std::size_t i = 0; i + 1 < kStops.size(); ++i) {
            const double d = std::abs(std::log(kStops[i] / stepsPerSecond));
            if (d < bestDistance) {
                bestDistance = d;
                best = static_cast<int>(i);
            }
        }
    }
    updating_ = true;
    slider_->setValue(best);
    updating_ = false;
    showLabel();
}

QString SpeedControl::describe(double stepsPerSecond)
{
    if (stepsPerSecond <= 0)
        return tr("max");
    if (stepsPerSecond == 1)
        return tr("1 step/s");
    return tr("%1 steps/s").arg(stepsPerSecond);
}

void SpeedControl::showLabel()
{
    label_->setText(describe(speed()));
}

}  // namespace downhill::ui
