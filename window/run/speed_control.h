#pragma once
// Training speed: a slider over round numbers of steps per second (1 .. 1000) whose last stop
// is "max", as fast as the engine runs.
#include <QWidget>

class QLabel;
class QSlider;

namespace downhill::ui {

class SpeedControl : public QWidget {
    Q_OBJECT
public:
    explicit SpeedControl(QWidget* parent = nullptr);

    double speed() const;             // steps per second; 0: max
    void setSpeed(double stepsPerSecond);   // silent; snaps to the nearest stop
    QSlider* slider() const { return slider_; }

    static QString describe(double stepsPerSecond);

signals:
    void speedEdited(double stepsPerSecond);

private:
    void showLabel();

    QSlider* slider_;
    QLabel* label_;
    bool updating_ = false;
};

}  // namespace downhill::ui
