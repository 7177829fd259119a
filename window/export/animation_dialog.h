#pragma once
// File > Export animation…: what to record (GIF or PNG frames, how many frames, how fast, how
// large, which plots) and where. The window does the drawing (MainWindow::exportAnimation).
#include <cstdint>

#include <QDialog>
#include <QSize>
#include <QString>

#include "plots/run_animation.h"

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace downhill::ui {

struct AnimationSettings {
    static constexpr int kMaxFrames = 1000;

    AnimationFormat format = AnimationFormat::Gif;
    QString target;                 // the .gif, or the folder for PNG frames
    bool everyK = false;            // false: `frames` frames; true: one every `every` steps
    int frames = 100;
    std::int64_t every = 10;
    double fps = 15;
    QSize size{960, 600};           // empty: the plot's current size
    bool withLoss = false;          // the loss plot under the landscape

    // The steps the frames show, for a run at `lastStep`: spread evenly, at most kMaxFrames.
    std::vector<std::int64_t> steps(std::int64_t lastStep) const;
};

class AnimationDialog : public QDialog {
    Q_OBJECT
public:
    // lastStep: the timeline position the animation ends at; landscapeSize and withLossSize:
    // the plots' current sizes, for "the plot's current size".
    AnimationDialog(const AnimationSettings& initial, std::int64_t lastStep, QSize landscapeSize, QSize withLossSize,
        QWidget* parent = nullptr);

    AnimationSettings settings() const;
    QString summary() const;   // the line under the choices: frames, spacing, duration

private:
    void updateSummary();
    void formatChanged();
    void browse();

    std::int64_t lastStep_;
    QSize landscapeSize_, withLossSize_;
    QComboBox* format_ = nullptr;
    QLineEdit* target_ = nullptr;
    QRadioButton* byCount_ = nullptr;
    QRadioButton* byEvery_ = nullptr;
    QSpinBox* frames_ = nullptr;
    QSpinBox* every_ = nullptr;
    QDoubleSpinBox* fps_ = nullptr;
    QComboBox* size_ = nullptr;
    QComboBox* plots_ = nullptr;
    QLabel* summary_ = nullptr;
};

}  // namespace downhill::ui
