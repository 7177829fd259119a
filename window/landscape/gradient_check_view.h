#pragma once
// The gradient check: at one point of parameter space, the analytic gradient (chain rule) beside
// the numeric one, (L(w + h e_j) - L(w - h e_j)) / 2h, for a step h the student picks on a log
// slider from 1e-12 to 1; and a log-log plot of the largest relative error against h. For a
// smooth, non-quadratic loss the plot is a V: truncation error falls as h^2 as h shrinks, until
// rounding (about eps / h) takes over and the error rises again. A quadratic loss (linear +
// mse) has no truncation error, so only the rounding side shows; near the kink of mae a large
// h straddles the kink and the numeric gradient is wrong, which is the lesson there.
//
// The table follows the slider at once; the error curve (kCurvePoints values of h) is computed
// on a worker thread whenever the problem changes, a newer problem cancelling an older job, and
// arrives with curveReady().
//
// Children by objectName: "stepSlider" (QSlider), "stepLabel" (QLabel), "gradientTable"
// (QTableWidget: parameter, analytic, numeric, abs error, rel error), "errorPlot" (QCustomPlot
// with graphs "errorCurve" and "currentStep"), "noteLabel" (QLabel).
#include <QPointF>
#include <QVector>
#include <QWidget>
#include <memory>
#include <vector>

#include "core/model/objective.h"

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QLabel;
class QSlider;
class QTableWidget;
class QThread;

namespace downhill::ui {

class GradientCheckView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kStepsPerDecade = 4;
    // Every parameter is checked up to this many; of more (a network), the kCheckedOfMany with
    // the largest |gradient|.
    static constexpr int kCheckAllUpTo = 8;
    static constexpr int kCheckedOfMany = 10;
    static constexpr int kMinExponent = -12;   // h from 10^kMinExponent ...
    static constexpr int kMaxExponent = 0;     // ... to 10^kMaxExponent
    static constexpr int kCurvePoints = (kMaxExponent - kMinExponent) * kStepsPerDecade + 1;  // 49

    explicit GradientCheckView(QWidget* parent = nullptr);
    ~GradientCheckView() override;

    // The loss, the samples it is averaged over (empty for analytic functions) and the point to
    // check at. A null objective or a point of the wrong size clears the view.
    void setProblem(std::shared_ptr<const core::Objective> objective, core::Samples samples, core::Vec point);
    void clear();

    // The slider position k in 0 .. kCurvePoints - 1 stands for h = 10^(kMinExponent + k / kStepsPerDecade).
    static double stepAt(int k);
    double step() const;
    void setStep(double h);   // the nearest slider position

    bool hasProblem() const { return objective_ != nullptr; }
    // The check at the slider's h (empty without a problem).
    const core::GradientCheck& currentCheck() const { return check_; }
    // (h, largest relative error) for every slider position, from the last problem whose curve
    // is ready (empty before the first); isComputing() while a newer one is on its way.
    const QVector<QPointF>& errorCurve() const { return curve_; }
    bool isComputing() const { return computing_; }

signals:
    void curveReady();
    void stepChanged(double h);

private:
    struct Job;
    void startCurve();
    void onJobFinished(const std::shared_ptr<Job>& job, QThread* thread);
    void updateTable();
    void updatePlot();
    void updateNote();

    std::shared_ptr<const core::Objective> objective_;
    std::shared_ptr<const core::Samples> samples_;
    core::Vec point_;
    std::vector<Eigen::Index> checked_;   // the parameters in the table and the curve
    core::GradientCheck check_;
    QVector<QPointF> curve_;
    bool computing_ = false;
    std::shared_ptr<Job> job_;                     // the newest job; older ones are cancelled
    QVector<QPair<QThread*, std::shared_ptr<Job>>> running_;  // waited for on destruction

    QSlider* slider_ = nullptr;
    QLabel* stepLabel_ = nullptr;
    QTableWidget* table_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QCPGraph* curveGraph_ = nullptr;
    QCPGraph* marker_ = nullptr;
    QCPItemStraightLine* markerLine_ = nullptr;
    QCPItemText* rightLabel_ = nullptr;   // the truncation side, or what stands there instead
    QLabel* note_ = nullptr;
};

}  // namespace downhill::ui
