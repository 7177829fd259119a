#include "window/settings/slider_spin.h"

#include <algorithm>
#include <cmath>

#include <QDoubleSpinBox>
#include <QEvent>
#include <QKeyEvent>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>

namespace downhill::ui {

namespace {

class SpaceFilter final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::KeyPress || event->type() == QEvent::KeyRelease) {
            const auto* key = static_cast<QKeyEvent*>(event);
            if (key->key() == Qt::Key_Space)
                return true;
        }
        return QObject::eventFilter(watched, event);
    }
};

}  // namespace

void ignoreSpaces(QAbstractSpinBox* box)
{
    box->installEventFilter(new SpaceFilter(box));
}

SliderSpin::SliderSpin(const QString& name, double minimum, double maximum, int decimals, Scale scale, QWidget* parent)
    : QWidget(parent), slider_(new QSlider(Qt::Horizontal, this)), spin_(new QDoubleSpinBox(this)), min_(minimum),
      max_(maximum), decimals_(decimals), scale_(scale)
{
    setObjectName(name);
    slider_->setObjectName(name + QStringLiteral("Slider"));
    spin_->setObjectName(name + QStringLiteral("Spin"));
    slider_->setRange(0, kSteps);
    slider_->setMinimumWidth(48);
    spin_->setDecimals(decimals);
    spin_->setRange(minimum, maximum);
    // A typed number counts when it is complete (Enter or focus out), not per keystroke.
    spin_->setKeyboardTracking(false);
    spin_->setAccelerated(true);
    if (scale == Scale::Log)
        spin_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    else
        spin_->setSingleStep(decimals == 0 ? 1.0 : std::pow(10.0, -std::min(decimals, 2)));
    spin_->setMinimumWidth(decimals > 3 ? 86 : 70);
    spin_->setAlignment(Qt::AlignRight);
    ignoreSpaces(spin_);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(slider_, 1);
    layout->addWidget(spin_);

    connect(slider_, &QSlider::valueChanged, this, &SliderSpin::onSlider);
    connect(spin_, &QDoubleSpinBox::valueChanged, this, &SliderSpin::onSpin);
    setValue(minimum);
}

int SliderSpin::positionOf(double value) const
{
    const double v = std::clamp(value, min_, max_);
    double f = 0;
    if (max_ > min_) {
        f = scale_ == Scale::Log ? std::log(v / min_) / std::log(max_ / min_) : (v - min_) / (max_ - min_);
    }
    return static_cast<int>(std::lround(f * kSteps));
}

double SliderSpin::valueAt(int position) const
{
    const double f = static_cast<double>(position) / kSteps;
    double v = scale_ == Scale::Log ? min_ * std::pow(max_ / min_, f) : min_ + f * (max_ - min_);
    // Round to what the number box shows, so that both halves agree on the value; on a log
    // scale keep three significant digits (0.0123, 1.23).
    if (scale_ == Scale::Log && decimals_ > 0) {
        const double digits = std::max(0.0, 2.0 - std::floor(std::log10(v)));
        const double q = std::pow(10.0, std::min(digits, static_cast<double>(decimals_)));
        v = std::round(v * q) / q;
    } else {
        const double q = std::pow(10.0, decimals_);
        v = std::round(v * q) / q;
    }
    return std::clamp(v, min_, max_);
}

double SliderSpin::value() const
{
    return spin_->value();
}

void SliderSpin::setValue(double value)
{
    updating_ = true;
    spin_->setValue(value);
    slider_->setValue(positionOf(spin_->value()));
    updating_ = false;
}

void SliderSpin::setRange(double minimum, double maximum)
{
    updating_ = true;
    min_ = minimum;
    max_ = maximum;
    spin_->setRange(minimum, maximum);
    slider_->setValue(positionOf(spin_->value()));
    updating_ = false;
}

void SliderSpin::setToolTips(const QString& tip)
{
    setToolTip(tip);
    slider_->setToolTip(tip);
    spin_->setToolTip(tip);
}

void SliderSpin::setSuffix(const QString& suffix)
{
    spin_->setSuffix(suffix);
}

void SliderSpin::onSlider(int position)
{
    if (updating_)
        return;
    updating_ = true;
    spin_->setValue(valueAt(position));
    updating_ = false;
    emit valueEdited(spin_->value());
}

void SliderSpin::onSpin(double value)
{
    if (updating_)
        return;
    updating_ = true;
    slider_->setValue(positionOf(value));
    updating_ = false;
    emit valueEdited(value);
}

}  // namespace downhill::ui
