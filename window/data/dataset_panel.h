#pragma once
// The data behind the landscape. Top left, a browser of every image with its count and its side
// of the train/validation split (filterable); top right, a scatter of the feature x against the
// count, training and validation points in their loss colours, with the current model's curve
// y = f(x; w) over it. Below, the selected image large, beside the same image after each
// augmentation alone (brightness, flip, noise) and all three together, each with the x that
// core::extractFeature reads from it, and under each augmentation the switch that turns it on
// for training. Clicking a scatter point selects its image.
//
// The preview of an image always uses the same seed (previewSeed), chosen so that the flip is
// drawn and the brightness offset is at least half its range: a student sees what each
// augmentation does, not a coin that happened to land on "no change".
//
// CSV data has no images: the browser says so and the augmentation row is hidden; the scatter
// works the same.
//
// Children by objectName: "splitSummary" (QLabel), "filterCombo" (QComboBox: all, training,
// validation), "imageBrowser" (QListView), "noImagesLabel" (QLabel), "datasetScatter"
// (QCustomPlot with graphs "trainPoints", "valPoints", "modelCurve", "selectedPoint"),
// "detailPanel" (QWidget), "versionImage0".."versionImage4" and "versionCaption0".."4" (QLabel),
// "brightnessCheck", "flipCheck", "noiseCheck" (QCheckBox).
#include <QVector>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/data/augmentation.h"
#include "core/data/dataset.h"
#include "core/model/objective.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPGraph;
class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;

namespace downhill::ui {

class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kThumbnail = 96;   // browser tiles, pixels (images scale by whole factors)
    static constexpr int kVersionCount = 5; // original, brightness, flip, noise, all three

    explicit DatasetPanel(QWidget* parent = nullptr);

    // A new data set and split (the panel keeps its own copy). Selects the first image.
    void setDataset(const core::Dataset& dataset, const core::Split& split);
    // The training switches as the model has them; emits nothing.
    void setAugmentation(const core::AugmentationSettings& settings);
    core::AugmentationSettings augmentation() const { return augmentation_; }
    // The current model, drawn as y = f(x; params) over the data's x range; nothing for an
    // objective that is not a model on data (the analytic functions) or a null one.
    void setModelCurve(std::shared_ptr<const core::Objective> objective, core::Vec params);

    // Shows this image and its versions and rings its point in the scatter; -1 (or any row of
    // a data set without images) for none.
    void selectImage(int row);
    int selectedImage() const { return selected_; }

    int imageCount() const { return static_cast<int>(dataset_.size()); }
    int trainCount() const { return static_cast<int>(split_.train.size()); }
    int valCount() const { return static_cast<int>(split_.val.size()); }
    bool isValidation(int row) const;

    // One augmented version of the selected image, as shown.
    struct Version {
        QString name;
        core::AugmentationSettings settings;
        core::GrayImage image;
        double x = 0;
    };
    const QVector<Version>& versions() const { return versions_; }
    static std::uint64_t previewSeed(int row);

signals:
    // The user turned a switch; the settings are the panel's with that switch changed.
    void augmentationChanged(const core::AugmentationSettings& settings);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    class ThumbnailModel;

    void applyFilter();
    void updatePoints();
    void updateCurve();
    void replotScatter();
    void updateVersions();
    void updateSelectedPoint();
    void onSwitchToggled();
    void selectNearestPoint(QPointF pixel);

    core::Dataset dataset_;
    core::Split split_;
    std::vector<char> isVal_;
    core::AugmentationSettings augmentation_;
    std::shared_ptr<const core::Objective> objective_;
    core::Vec params_;
    int selected_ = -1;
    QVector<Version> versions_;

    QLabel* summary_ = nullptr;
    QComboBox* filter_ = nullptr;
    QSplitter* splitter_ = nullptr;
    QStackedWidget* browserStack_ = nullptr;
    QListView* browser_ = nullptr;
    ThumbnailModel* model_ = nullptr;
    QLabel* noImages_ = nullptr;
    QCustomPlot* scatter_ = nullptr;
    bool scatterStale_ = false;   // changed while hidden: replotted when shown
    QCPGraph* trainGraph_ = nullptr;
    QCPGraph* valGraph_ = nullptr;
    QCPGraph* curveGraph_ = nullptr;
    QCPGraph* selectedGraph_ = nullptr;
    QWidget* detail_ = nullptr;
    QVector<QLabel*> versionImages_;
    QVector<QLabel*> versionCaptions_;
    QCheckBox* brightness_ = nullptr;
    QCheckBox* flip_ = nullptr;
    QCheckBox* noise_ = nullptr;
};

}  // namespace downhill::ui
