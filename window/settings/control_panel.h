#pragma once
// The side panel: every setting of a run, in group boxes inside a scroll area so nothing clips
// on a small screen. It edits an AppSettings value. setSettings() (the model changed) updates
// the widgets silently; a user edit updates the value and emits changed() with what kind of
// change it was, so the window knows whether to retune the run or rebuild it.
#include <string>
#include <vector>

#include <QScrollArea>

#include "session/settings/app_settings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSpinBox;

namespace downhill::ui {

class SettingsBinder;
class SliderSpin;

class ControlPanel : public QScrollArea {
    Q_OBJECT
public:
    enum class Change {
        Training,   // a hyperparameter: the run goes on with it from the next step
        Problem,    // model or loss: new objective, new landscape, new run
        Data,       // data set or split: new data, new landscape, new run
        Plane,      // plotted axes or held values: new landscape, new run
        Surface,    // what the landscape shows (training, batch, validation): new landscape, same run
    };
    Q_ENUM(Change)

    // What the panel needs to know about the current objective and data.
    struct Context {
        std::vector<std::string> parameterNames;
        std::vector<double> defaults;   // the model's default start: where the held sliders centre
        std::int64_t trainSize = 1;
        bool usesData = true;
        bool hasImages = true;
        bool hasValidation = true;      // the split left samples for validation
        QString dataSource;
        QString formula;
    };

    explicit ControlPanel(QWidget* parent = nullptr);

    void setSettings(const AppSettings& settings, const Context& context);   // silent
    const AppSettings& settings() const { return settings_; }
    // The start point moved (a click on the landscape): the held sliders follow, silently.
    void setHeldValues(const std::vector<double>& values);
    // The menu behind the "Open data" button (a file or a folder of images).
    void setDataMenu(QMenu* menu);
    // A message about the current combination of settings (empty hides it).
    void setProblem(const QString& message);

    // Wide enough for the content and the vertical scroll bar: the panel never scrolls sideways.
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

signals:
    void changed(downhill::ui::ControlPanel::Change change);
    void builtInDataRequested();

private:
    QGroupBox* buildModelGroup();
    QGroupBox* buildStepGroup();
    QGroupBox* buildOptimizerGroup();
    QGroupBox* buildScheduleGroup();
    QGroupBox* buildDataGroup();
    QGroupBox* buildPlaneGroup();
    void rebuildHeldSliders();
    void updateVisibility();
    void updateSchedule();
    void updateSurfaceChoices();
    void showSettings(const AppSettings& settings, const Context& context);
    void edited(Change change);

    AppSettings settings_;
    Context context_;
    SettingsBinder* binder_ = nullptr;   // the one guard: setSettings() is not an edit

    QLabel* problemLabel_ = nullptr;

    QComboBox* model_ = nullptr;
    QLabel* formula_ = nullptr;
    QComboBox* loss_ = nullptr;
    QDoubleSpinBox* huberDelta_ = nullptr;
    QComboBox* surface_ = nullptr;
    QFormLayout* modelForm_ = nullptr;
    QGroupBox* modelGroup_ = nullptr;

    SliderSpin* lr_ = nullptr;
    SliderSpin* momentum_ = nullptr;
    SliderSpin* batch_ = nullptr;
    QCheckBox* fullBatch_ = nullptr;
    QCheckBox* shuffle_ = nullptr;
    QSpinBox* trainSeed_ = nullptr;
    QFormLayout* stepForm_ = nullptr;

    QComboBox* optimizer_ = nullptr;
    QDoubleSpinBox* dampening_ = nullptr;
    QCheckBox* nesterov_ = nullptr;
    QDoubleSpinBox* beta1_ = nullptr;
    QDoubleSpinBox* beta2_ = nullptr;
    QDoubleSpinBox* alpha_ = nullptr;
    QCheckBox* centered_ = nullptr;
    QDoubleSpinBox* lrDecay_ = nullptr;
    QLineEdit* eps_ = nullptr;
    QFormLayout* optimizerForm_ = nullptr;

    QComboBox* schedule_ = nullptr;
    QDoubleSpinBox* gamma_ = nullptr;
    QSpinBox* every_ = nullptr;
    QSpinBox* period_ = nullptr;
    QSpinBox* mult_ = nullptr;
    QDoubleSpinBox* minLr_ = nullptr;
    QFormLayout* scheduleForm_ = nullptr;
    double exponentialGamma_ = 0.995;   // each kind remembers its own factor
    double stepGamma_ = 0.5;

    QGroupBox* dataGroup_ = nullptr;
    QLabel* dataSource_ = nullptr;
    QPushButton* openData_ = nullptr;
    QPushButton* builtIn_ = nullptr;
    QSpinBox* datasetCount_ = nullptr;
    QSpinBox* datasetSeed_ = nullptr;
    QDoubleSpinBox* valFraction_ = nullptr;
    QCheckBox* augBrightness_ = nullptr;
    QCheckBox* augFlip_ = nullptr;
    QCheckBox* augNoise_ = nullptr;
    QFormLayout* dataForm_ = nullptr;

    QComboBox* axis1_ = nullptr;
    QComboBox* axis2_ = nullptr;
    QFormLayout* planeForm_ = nullptr;
    std::vector<SliderSpin*> held_;
    std::vector<int> heldIndex_;   // the parameter each held slider sets
};

}  // namespace downhill::ui
