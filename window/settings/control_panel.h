#pragma once
// The side panel: every setting of a run, in group boxes inside a scroll area so nothing clips
// on a small screen. It shows and edits the SettingsStore's value, which it does not copy: a
// user's edit goes to the store (SettingsStore::edit, which says what kind of change it was);
// refresh() and setContext() (the value or the problem changed) update the widgets silently.
#include <functional>
#include <string>
#include <vector>

#include <QScrollArea>

#include "session/settings/settings_store.h"

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
    using Change = SettingsStore::Change;

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

    // The store must outlive the panel.
    explicit ControlPanel(SettingsStore* store, QWidget* parent = nullptr);

    // The problem changed: new parameter names, defaults, data. Refreshes the widgets, silently.
    void setContext(const Context& context);
    // The store's value changed other than by this panel: the widgets follow, silently.
    void refresh();
    // Only the held values changed (a click on the landscape moved the start): the held sliders
    // follow, silently.
    void refreshHeldValues();
    const AppSettings& settings() const { return store_->value(); }
    // The menu behind the "Open data" button (a file or a folder of images).
    void setDataMenu(QMenu* menu);
    // A message about the current combination of settings (empty hides it).
    void setProblem(const QString& message);

    // Wide enough for the content and the vertical scroll bar: the panel never scrolls sideways.
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

    // Held sliders are made for at most this many parameters; a network's thousands are held
    // on a plane instead.
    static constexpr int kMaxHeldSliders = 8;

signals:
    void builtInDataRequested();
    // "Recentre the plane here": the plane's origin should move to the current point.
    void recentreRequested();

private:
    QGroupBox* buildModelGroup();
    QGroupBox* buildStepGroup();
    QGroupBox* buildOptimizerGroup();
    QGroupBox* buildScheduleGroup();
    QGroupBox* buildDataGroup();
    QGroupBox* buildPlaneGroup();
    void rebuildHeldSliders();
    void editNetwork();   // the network fields make a model name
    void updateVisibility();
    void updateSchedule();
    void updateSurfaceChoices();
    void showSettings();
    void edit(Change change, const std::function<void(AppSettings&)>& apply);

    SettingsStore* store_;
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
    QLineEdit* hidden_ = nullptr;        // a network's hidden units: "16" or "32,16"
    QComboBox* activation_ = nullptr;
    QComboBox* inputSize_ = nullptr;

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

    QComboBox* planeKind_ = nullptr;
    QSpinBox* planeSeed_ = nullptr;
    QPushButton* recentre_ = nullptr;
    QComboBox* axis1_ = nullptr;
    QComboBox* axis2_ = nullptr;
    QFormLayout* planeForm_ = nullptr;
    std::vector<SliderSpin*> held_;
    std::vector<int> heldIndex_;   // the parameter each held slider sets
};

}  // namespace downhill::ui
