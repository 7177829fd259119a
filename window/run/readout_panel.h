#pragma once
// Every number of the current step, in a monospace column with fixed decimals so that digits
// do not jump around while training runs. The numbers can be selected and copied while the run
// stands still; while it plays they change with every frame, and a selectable QLabel lays out a
// text document for each size hint and paint (at 20 steps/s the read-outs' relayout was 17 % of
// the GUI thread's time): then they are plain labels. Each is a SteadyLabel, so a new number
// lays out nothing unless it needs more room than the numbers before it.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <QWidget>

#include "session/run/snapshot_buffer.h"

class QGridLayout;
class QLabel;

namespace downhill::ui {

class SteadyLabel;

class ReadoutPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReadoutPanel(QWidget* parent = nullptr);

    void setParameterNames(const std::vector<std::string>& names);
    // A fresh run: the state only (no step yet). gradient: of the training loss there.
    void showStart(const core::TrainState& state, const core::Vec& gradient, double trainLoss);
    void showStep(const core::StepRecord& record, const core::TrainState& state, std::int64_t batchesPerEpoch);
    void showEpoch(const core::EpochRecord& epoch);
    void setBatchesPerEpoch(std::int64_t batches);
    // Playing: the numbers are plain text; paused: selectable with the mouse.
    void setPlaying(bool playing);
    bool numbersSelectable() const { return selectable_; }
    // How far the current point is from the plotted plane (the held values or the plane through
    // a network), against the length of the parameters; shown only where it can be non-zero.
    void showOffPlane(double distance, double norm, bool plane);
    // Up to this many parameters are listed one by one with their gradients; more (a network)
    // get a summary and the kListedGradients the gradient pulls hardest.
    static constexpr int kListedParameters = 8;
    static constexpr int kListedGradients = 5;

    static QString number(double value);   // fixed width, 6 significant decimals

private:
    SteadyLabel* addRow(const QString& name, const char* objectName, const QString& tip);
    // Every number a step shows (the off-plane distance has its own call, showOffPlane).
    std::array<SteadyLabel*, 9> numbers() const;
    void showParameters(const core::Vec& params, const core::Vec& gradient);

    QGridLayout* grid_;
    int rows_ = 0;
    SteadyLabel* step_;
    SteadyLabel* epoch_;
    SteadyLabel* batch_;
    SteadyLabel* lr_;
    SteadyLabel* batchLoss_;
    SteadyLabel* trainLoss_;
    SteadyLabel* valLoss_;
    SteadyLabel* gradNorm_;
    SteadyLabel* offPlane_;
    QLabel* offPlaneLabel_;
    SteadyLabel* params_;
    std::vector<std::string> names_;
    std::int64_t batchesPerEpoch_ = 0;
    bool selectable_ = true;
};

}  // namespace downhill::ui
