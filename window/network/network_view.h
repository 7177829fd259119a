#pragma once
// A network's layers, drawn from its weights. Each unit of the first hidden layer is an n x n
// image of its incoming weights (one per pixel it reads, where that pixel sits in the image), so
// the features it has learned to look for show as shapes; the later layers, whose inputs are
// units and not pixels, are their weight matrices as compact strips, one row per unit. Colours
// diverge around 0 (palette::weightColor) on one symmetric scale per layer, the largest |w|
// of that layer, shown beside it.
//
// The images are made in setWeights(), which the panel calls only while it is on screen;
// paintEvent() only scales them (nearest pixel).
#include <memory>
#include <vector>

#include <QImage>
#include <QWidget>

#include "core/base/types.h"
#include "core/model/mlp_objective.h"

namespace downhill::ui {

class NetworkView : public QWidget {
    Q_OBJECT
public:
    explicit NetworkView(QWidget* parent = nullptr);

    // Null: nothing to draw. Clears the images until the next setWeights().
    void setNetwork(std::shared_ptr<const core::MlpObjective> network);
    // Ignored unless w has one value per parameter of the network.
    void setWeights(const core::Vec& w);

    // The first layer's units drawn (all of them up to kMaxUnitImages).
    int unitImageCount() const { return static_cast<int>(units_.size()); }
    const QImage& unitImage(int i) const { return units_[static_cast<std::size_t>(i)]; }
    // Linear layer l's colour scale: the largest |weight| of that layer (0 before weights).
    double scale(int l) const;

    static constexpr int kMaxUnitImages = 256;

    QSize sizeHint() const override { return {320, 360}; }
    QSize minimumSizeHint() const override { return {200, 220}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::shared_ptr<const core::MlpObjective> network_;
    std::vector<QImage> units_;    // first hidden layer: one n x n image per unit
    std::vector<QImage> later_;    // each later linear layer's weights, out x in
    std::vector<double> scales_;   // per linear layer
};

}  // namespace downhill::ui
