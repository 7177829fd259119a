#pragma once
// The Network dock: backpropagation made visible while a network trains. A one-line summary
// (the shape, the step, each layer's gradient norm), the layers drawn from the weights
// (NetworkView) and each layer's gradient norm over the steps (log y, one graph per linear
// layer, kept to a bounded number of points by a ThinnedLog). For a model that is not a network
// it shows only a hint where to choose one.
//
// setState() is cheap while the dock is closed or behind another tab: it records the norms and
// keeps the weights; the images are made when the panel is on screen.
//
// Children by objectName: "networkHint" (QLabel), "networkSummary" (QLabel), "networkView"
// (NetworkView), "gradientNormPlot" (QCustomPlot).
#include <array>
#include <cstdint>
#include <memory>

#include <QElapsedTimer>
#include <QWidget>

#include "core/base/types.h"
#include "core/model/mlp_objective.h"
#include "session/run/thinned_log.h"

class QCustomPlot;
class QLabel;
class QTimer;

namespace downhill::ui {

class NetworkView;

class NetworkPanel : public QWidget {
    Q_OBJECT
public:
    explicit NetworkPanel(QWidget* parent = nullptr);

    // The network of a new run, or null for another model (then the hint). Clears the history.
    void setNetwork(std::shared_ptr<const core::MlpObjective> network);
    // The weights at `step` and the gradient that step used (empty: none, e.g. a restored
    // point). A step at or before the last one recorded (going back along the timeline) drops
    // the norms after it. Ignored without a network or for vectors of the wrong size.
    void setState(const core::Vec& w, const core::Vec& grad, std::int64_t step);

    bool hasNetwork() const { return network_ != nullptr; }
    // The gradient-norm points kept (each holds every layer's norm).
    int normPoints() const { return static_cast<int>(norms_.items().size()); }

    static constexpr std::size_t kMaxNormPoints = 600;

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct NormPoint {
        std::int64_t step = 0;
        std::array<double, 3> norms{};   // one per linear layer (a network has 2 or 3)
    };

    void refresh();
    void replotNorms();
    void updateSummary();

    std::shared_ptr<const core::MlpObjective> network_;
    QLabel* hint_ = nullptr;
    QLabel* summary_ = nullptr;
    NetworkView* view_ = nullptr;
    QCustomPlot* plot_ = nullptr;
    QTimer* replotTimer_ = nullptr;
    QElapsedTimer lastReplot_;

    ThinnedLog<NormPoint> norms_{kMaxNormPoints};
    core::Vec weights_;
    std::int64_t step_ = 0;
    bool stale_ = false;   // weights_ not drawn yet (set while off screen)
};

}  // namespace downhill::ui
