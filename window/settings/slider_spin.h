#pragma once
// A slider with an editable number beside it, bound both ways. valueEdited() fires only when
// the user moves the slider or enters a number; setValue() (the model changed) updates both
// widgets silently, so a model -> widget -> model loop cannot start.
#include <QWidget>

class QAbstractSpinBox;
class QDoubleSpinBox;
class QSlider;

namespace downhill::ui {

// A space is never part of a number: typed into the box (over a selection, it would blank it
// while the run goes on with the old value) it is ignored. SliderSpin's box has it already.
void ignoreSpaces(QAbstractSpinBox* box);

class SliderSpin : public QWidget {
    Q_OBJECT
public:
    enum class Scale { Linear, Log };

    // decimals = 0 makes it an integer control. objectName() + "Slider" / "Spin" name the parts.
    SliderSpin(const QString& name, double minimum, double maximum, int decimals, Scale scale, QWidget* parent = nullptr);

    double value() const;
    void setValue(double value);               // silent
    void setRange(double minimum, double maximum);   // silent; clamps the value
    double minimum() const { return min_; }
    double maximum() const { return max_; }
    void setToolTips(const QString& tip);       // on the whole control and both parts
    void setSuffix(const QString& suffix);

    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* spinBox() const { return spin_; }

    // The slider position of a value and back (exposed for tests).
    int positionOf(double value) const;
    double valueAt(int position) const;
    static constexpr int kSteps = 1000;

signals:
    void valueEdited(double value);

private:
    void onSlider(int position);
    void onSpin(double value);

    QSlider* slider_;
    QDoubleSpinBox* spin_;
    double min_;
    double max_;
    int decimals_;
    Scale scale_;
    bool updating_ = false;
};

}  // namespace downhill::ui
