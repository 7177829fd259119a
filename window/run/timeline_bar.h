#pragma once
// The run so far as a slider: from the first step to the furthest one reached (the head).
// Dragging it asks for that step (seekRequested); where the run stands is shown without
// asking for anything (setPosition). A run of more steps than the slider has stops maps its
// positions evenly onto the steps.
#include <cstdint>

#include <QWidget>

class QSlider;

namespace downhill::ui {

class SteadyLabel;

class TimelineBar : public QWidget {
    Q_OBJECT
public:
    explicit TimelineBar(QWidget* parent = nullptr);

    // Silent: neither emits seekRequested.
    void setRange(std::int64_t first, std::int64_t head);
    void setPosition(std::int64_t step);

    std::int64_t first() const { return first_; }
    std::int64_t head() const { return head_; }
    std::int64_t position() const { return position_; }
    QSlider* slider() const { return slider_; }

    // Slider positions <-> steps; exact while the run has at most kSliderStops steps.
    static constexpr int kSliderStops = 1'000'000;
    std::int64_t stepAt(int sliderValue) const;
    int sliderValueOf(std::int64_t step) const;

signals:
    void seekRequested(std::int64_t step);

private:
    void showLabel();

    QSlider* slider_;
    SteadyLabel* label_;
    std::int64_t first_ = 0;
    std::int64_t head_ = 0;
    std::int64_t position_ = 0;
    bool updating_ = false;
};

}  // namespace downhill::ui
