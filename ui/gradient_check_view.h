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

#include "objective.h"

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

    bool hasProblem() const { return m_objective != nullptr; }
    // The check at the slider's h (empty without a problem).
    const core::GradientCheck& currentCheck() const { return m_check; }
    // (h, largest relative error) for every slider position, from the last problem whose curve
    // is ready (empty before the first); isComputing() while a newer one is on its way.
    const QVector<QPointF>& errorCurve() const { return m_curve; }
    bool isComputing() const { return m_computing; }

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

    std::shared_ptr<const core::Objective> m_objective;
    std::shared_ptr<const core::Samples> m_samples;
    core::Vec m_point;
    core::GradientCheck m_check;
    QVector<QPointF> m_curve;
    bool m_computing = false;
    std::shared_ptr<Job> m_job;                     // the newest job; older ones are cancelled
    QVector<QPair<QThread*, std::shared_ptr<Job>>> m_running;  // waited for on destruction

    QSlider* m_slider = nullptr;
    QLabel* m_stepLabel = nullptr;
    QTableWidget* m_table = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_curveGraph = nullptr;
    QCPGraph* m_marker = nullptr;
    QCPItemStraightLine* m_markerLine = nullptr;
    QCPItemText* m_rightLabel = nullptr;   // the truncation side, or what stands there instead
    QLabel* m_note = nullptr;
};

}  // namespace downhill::ui
