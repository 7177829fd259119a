// Over the ~600-line guide: one builder per group of settings (model and network, plotted
// plane, step size, optimizer, schedule, data), most of each the widgets' texts and tooltips;
// split by group it would be seven classes sharing the one settings value, binder and
// visibility rules (a network hides the held sliders, an analytic function the data).
#include "window/settings/control_panel.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include "core/model/analytic_objective.h"
#include "core/base/error.h"
#include "core/model/mlp_objective.h"
#include "core/model/model.h"
#include "core/model/objective.h"
#include "core/optim/optimizer.h"
#include "window/settings/settings_binder.h"
#include "window/settings/slider_spin.h"

namespace downhill::ui {

namespace {

constexpr int kMaxSeed = 999'999'999;

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

template <typename W>
W* named(W* widget, const char* name, const QString& tip)
{
    widget->setObjectName(QLatin1String(name));
    widget->setToolTip(tip);
    return widget;
}

QDoubleSpinBox* numberBox(const char* name, double lo, double hi, int decimals, double step, const QString& tip)
{
    auto* box = named(new QDoubleSpinBox, name, tip);
    box->setRange(lo, hi);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setKeyboardTracking(false);
    box->setAlignment(Qt::AlignRight);
    ignoreSpaces(box);
    return box;
}

QSpinBox* integerBox(const char* name, int lo, int hi, int step, const QString& tip)
{
    auto* box = named(new QSpinBox, name, tip);
    box->setRange(lo, hi);
    box->setSingleStep(step);
    box->setKeyboardTracking(false);
    box->setAlignment(Qt::AlignRight);
    ignoreSpaces(box);
    return box;
}

// A list whose longest entry ("PCA plane of the path", the models' bold headers) would set the
// panel's width: the box asks for about 12 characters and takes the column's width; its popup
// still opens as wide as its entries.
QComboBox* shrinkable(QComboBox* box)
{
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
    return box;
}

QFormLayout* formFor(QGroupBox* group)
{
    auto* form = new QFormLayout(group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setContentsMargins(6, 4, 6, 6);
    form->setHorizontalSpacing(6);
    form->setVerticalSpacing(5);
    return form;
}

const char* const kScheduleKinds[] = {"constant", "exponential", "step", "cosine", "cosine-restarts"};

}  // namespace

ControlPanel::ControlPanel(SettingsStore* store, QWidget* parent) : QScrollArea(parent), store_(store)
{
    setObjectName(QStringLiteral("controlPanel"));
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    binder_ = new SettingsBinder(this);

    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("controlPanelContent"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(6);

    problemLabel_ = named(new QLabel, "problemLabel", tr("This combination of settings cannot be used as it is."));
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet(QStringLiteral(
        "QLabel { background: #5c2a2a; color: #ffe9e3; border-radius: 4px; padding: 6px; }"));
    problemLabel_->hide();
    layout->addWidget(problemLabel_);

    layout->addWidget(buildModelGroup());
    layout->addWidget(buildStepGroup());
    layout->addWidget(buildOptimizerGroup());
    layout->addWidget(buildScheduleGroup());
    layout->addWidget(buildDataGroup());
    layout->addWidget(buildPlaneGroup());
    layout->addStretch(1);
    setWidget(content);

    Context context;
    const auto objective = core::makeObjective(settings().model, settings().loss);
    context.parameterNames = objective->parameterNames();
    const core::Vec init = objective->defaultInit();
    context.defaults.assign(init.data(), init.data() + init.size());
    setContext(context);
}

QGroupBox* ControlPanel::buildModelGroup()
{
    modelGroup_ = named(new QGroupBox(tr("Landscape")), "modelGroup",
        tr("What is being minimised and drawn: a model f(x; w) with a loss over some of the data, or an analytic "
           "test function."));
    modelForm_ = formFor(modelGroup_);

    model_ = shrinkable(named(new QComboBox, "modelCombo",
        tr("The model whose parameters are trained on the data, or an analytic landscape (a function of two "
           "parameters, no data).\nChanging it starts a new run: the parameters mean something else.")));
    // Two headed sections, so the one list reads as "a model on the data, or a ready-made landscape".
    auto addHeader = [this](const QString& text) {
        model_->addItem(text);
        auto* item = qobject_cast<QStandardItemModel*>(model_->model())->item(model_->count() - 1);
        item->setFlags(Qt::NoItemFlags);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
    };
    addHeader(tr("Models on the data"));
    for (const auto& name : core::modelNames()) {
        model_->addItem(qs(name), qs(name));
        model_->setItemData(model_->count() - 1, qs(core::makeModel(name)->formula()), Qt::ToolTipRole);
    }
    model_->insertSeparator(model_->count());
    addHeader(tr("Networks on the pixels"));
    for (const char* name : {"mlp:16:tanh", "mlp:16:relu", "mlp:32,16:relu", "mlp:64:sigmoid"}) {
        model_->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
        model_->setItemData(model_->count() - 1,
            tr("A network reading the image shrunk to n x n pixels: nn.Sequential(Linear, activation, ..., Linear), "
               "one output, the count."),
            Qt::ToolTipRole);
    }
    model_->insertSeparator(model_->count());
    addHeader(tr("Analytic landscapes"));
    for (const auto& name : core::AnalyticObjective::names()) {
        core::AnalyticKind kind{};
        core::AnalyticObjective::fromName(name, kind);
        model_->addItem(qs(name), qs(name));
        model_->setItemData(model_->count() - 1, qs(core::AnalyticObjective(kind).formula()), Qt::ToolTipRole);
    }
    modelForm_->addRow(tr("Model"), model_);

    hidden_ = named(new QLineEdit, "hiddenUnitsEdit",
        tr("Units in each hidden layer: one number for one layer (16), two for two (32,16). Press Enter to apply."));
    modelForm_->addRow(tr("Hidden units"), hidden_);
    activation_ = named(new QComboBox, "activationCombo",
        tr("The hidden layers' activation: tanh and sigmoid are smooth, relu has kinks where a unit turns on."));
    for (const char* a : {"tanh", "relu", "sigmoid"})
        activation_->addItem(QString::fromLatin1(a), QString::fromLatin1(a));
    modelForm_->addRow(tr("Activation"), activation_);
    inputSize_ = named(new QComboBox, "inputSizeCombo",
        tr("The network reads the image shrunk to n x n pixels by block means: n must divide the image's side."));
    for (int n : {4, 6, 8, 12, 16, 24})
        inputSize_->addItem(QStringLiteral("%1 x %1").arg(n), n);
    modelForm_->addRow(tr("Input"), inputSize_);
    binder_->onEdit(hidden_, &QLineEdit::editingFinished, [this] { editNetwork(); });
    binder_->onEdit(activation_, &QComboBox::currentIndexChanged, [this] { editNetwork(); });
    binder_->onEdit(inputSize_, &QComboBox::currentIndexChanged, [this] {
        const int n = inputSize_->currentData().toInt();
        edit(Change::Problem, [&](AppSettings& s) {
            if (s.inputSize != n) {
                s.inputSize = n;
                s.held.clear();   // other inputs: other first-layer weights
                s.start.clear();
                s.range.reset();
            }
        });
    });

    formula_ = named(new QLabel, "formulaLabel", tr("The formula of the model or function."));
    formula_->setWordWrap(true);
    formula_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono = formula_->font();
    mono.setFamily(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    formula_->setFont(mono);
    modelForm_->addRow(formula_);   // across both columns: a network's formula is long

    loss_ = named(new QComboBox, "lossCombo",
        tr("How a wrong prediction is counted, per sample, averaged over the batch:\n"
           "mse (y - t)\u00b2, mae |y - t|, huber: squared near 0, linear beyond delta."));
    for (const auto& name : core::lossNames())
        loss_->addItem(qs(name), qs(name));
    modelForm_->addRow(tr("Loss"), loss_);

    huberDelta_ = numberBox("huberDelta", 0.01, 100.0, 2, 0.1,
        tr("Huber's delta: residuals smaller than this are squared, larger ones count linearly."));
    modelForm_->addRow(tr("Huber delta"), huberDelta_);

    surface_ = named(new QComboBox, "surfaceCombo",
        tr("Which samples the landscape averages the loss over. The path and the arrows stay the same; only "
           "the ground under them changes."));
    surface_->addItem(tr("Training set"), surfaceName(Surface::Train));
    surface_->setItemData(0, tr("The loss over every training sample: the landscape training is trying to descend."),
        Qt::ToolTipRole);
    surface_->addItem(tr("Current batch"), surfaceName(Surface::Batch));
    surface_->setItemData(1, tr("The loss over the batch of the last step only, redrawn at every step: each step goes "
                                "downhill on its own batch's landscape, which is why small batches zig-zag."),
        Qt::ToolTipRole);
    surface_->addItem(tr("Validation set"), surfaceName(Surface::Validation));
    surface_->addItem(tr("Training | validation"), surfaceName(Surface::TrainAndVal));
    modelForm_->addRow(tr("Surface"), surface_);
    binder_->onEdit(surface_, &QComboBox::currentIndexChanged, [this] {
        const auto surface = surfaceFromName(surface_->currentData().toString());
        edit(Change::Surface, [&](AppSettings& s) { s.surface = surface.value_or(s.surface); });
    });

    binder_->onEdit(model_, &QComboBox::currentIndexChanged, [this] {
        // A different model: its parameters, axes and start are different things.
        edit(Change::Problem, [&](AppSettings& s) { s.setModel(model_->currentData().toString().toStdString()); });
    });
    binder_->onEdit(loss_, &QComboBox::currentIndexChanged, [this] {
        const auto kind = core::lossKindFromName(loss_->currentData().toString().toStdString());
        edit(Change::Problem, [&](AppSettings& s) { s.loss.kind = kind; });
        updateVisibility();
    });
    binder_->onEdit(huberDelta_, &QDoubleSpinBox::valueChanged, [this](double v) {
        edit(Change::Problem, [&](AppSettings& s) { s.loss.delta = v; });
    });
    return modelGroup_;
}

void ControlPanel::editNetwork()
{
    const QString name = QStringLiteral("mlp:%1:%2")
                             .arg(hidden_->text().simplified().remove(QLatin1Char(' ')), activation_->currentData().toString());
    try {
        const std::string spelling = core::MlpSpec::parse(name.toStdString()).spelling();
        if (model_->findData(qs(spelling)) < 0)
            model_->addItem(qs(spelling), qs(spelling));
        edit(Change::Problem, [&](AppSettings& s) { s.setModel(spelling); });
        binder_->silently([&] { model_->setCurrentIndex(model_->findData(qs(spelling))); });
    } catch (const core::InputError& e) {
        setProblem(qs(e.what()));
    }
}

QGroupBox* ControlPanel::buildStepGroup()
{
    auto* group = named(new QGroupBox(tr("Step size and batches")), "stepGroup",
        tr("The settings that can change while training runs: they apply from the next step on."));
    stepForm_ = formFor(group);

    lr_ = new SliderSpin(QStringLiteral("learningRate"), kMinLearningRate, kMaxLearningRate, 5, SliderSpin::Scale::Log);
    lr_->setToolTips(tr("Learning rate: how far each step goes along minus the gradient, w \u2190 w \u2212 lr\u00b7g.\n"
                        "Logarithmic from 0.0001 to 10. Too large and the run overshoots or diverges."));
    stepForm_->addRow(tr("Learning rate"), lr_);

    momentum_ = new SliderSpin(QStringLiteral("momentum"), 0.0, kMaxMomentum, 2, SliderSpin::Scale::Linear);
    momentum_->setToolTips(tr("Momentum \u03bc: the step follows a running average of past gradients, "
                              "b \u2190 \u03bc·b + g. 0 is plain gradient descent; 0.9 rolls through narrow valleys."));
    stepForm_->addRow(tr("Momentum"), momentum_);

    batch_ = new SliderSpin(QStringLiteral("batchSize"), 1, 2000, 0, SliderSpin::Scale::Log);
    batch_->setToolTips(tr("Samples averaged per step. Small batches give noisy, cheap steps; "
                           "the full batch follows the true gradient of the training loss."));
    stepForm_->addRow(tr("Batch size"), batch_);

    fullBatch_ = named(new QCheckBox(tr("Full batch")), "fullBatch",
        tr("Use every training sample in every step (batch size = training set size)."));
    shuffle_ = named(new QCheckBox(tr("Shuffle")), "shuffle",
        tr("Draw the samples of each epoch in a new random order (seeded)."));
    auto* row = new QWidget;
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(fullBatch_);
    rowLayout->addWidget(shuffle_);
    rowLayout->addStretch(1);
    // Across the label column: under the slider rows alone the two made the group the widest.
    stepForm_->addRow(row);

    trainSeed_ = integerBox("trainSeed", 0, kMaxSeed, 1,
        tr("Seed of the shuffling and the augmentation draws: the same seed and settings replay the same run."));
    stepForm_->addRow(tr("Run seed"), trainSeed_);

    binder_->onEdit(lr_, &SliderSpin::valueEdited, [this](double v) {
        edit(Change::Training, [&](AppSettings& s) { s.train.optimizer.lr = v; });
    });
    binder_->onEdit(momentum_, &SliderSpin::valueEdited, [this](double v) {
        edit(Change::Training, [&](AppSettings& s) { s.train.optimizer.momentum = v; });
    });
    binder_->onEdit(batch_, &SliderSpin::valueEdited, [this](double v) {
        edit(Change::Training, [&](AppSettings& s) { s.train.batchSize = static_cast<int>(std::lround(v)); });
    });
    // Full batch is kFullBatch in the settings; the slider keeps the size to come back to.
    binder_->onEdit(fullBatch_, &QCheckBox::toggled, [this](bool on) {
        batch_->setEnabled(!on);
        const int size = on ? core::TrainSettings::kFullBatch : static_cast<int>(std::lround(batch_->value()));
        edit(Change::Training, [&](AppSettings& s) { s.train.batchSize = size; });
    });
    binder_->onEdit(shuffle_, &QCheckBox::toggled, [this](bool on) {
        edit(Change::Training, [&](AppSettings& s) { s.train.shuffle = on; });
    });
    binder_->onEdit(trainSeed_, &QSpinBox::valueChanged, [this](int v) {
        edit(Change::Training, [&](AppSettings& s) { s.train.seed = static_cast<std::uint64_t>(v); });
    });
    return group;
}

QGroupBox* ControlPanel::buildOptimizerGroup()
{
    auto* group = named(new QGroupBox(tr("Optimizer")), "optimizerGroup",
        tr("The update rule, with PyTorch's semantics (the learning rate outside the momentum buffer)."));
    optimizerForm_ = formFor(group);

    optimizer_ = named(new QComboBox, "optimizerCombo",
        tr("sgd: w \u2190 w \u2212 lr\u00b7g (with momentum: a running sum of gradients).\n"
           "adam: per-parameter steps from running means of g and g\u00b2.\n"
           "rmsprop: divides by a running root mean square of g.\n"
           "adagrad: divides by the root of the sum of all past g\u00b2."));
    for (const auto& name : core::optimizerNames())
        optimizer_->addItem(qs(name), qs(name));
    optimizerForm_->addRow(tr("Rule"), optimizer_);

    dampening_ = numberBox("dampening", 0.0, 1.0, 2, 0.05,
        tr("sgd dampening: the share of the new gradient left out of the momentum buffer, b \u2190 \u03bc·b + (1 \u2212 d)\u00b7g."));
    optimizerForm_->addRow(tr("Dampening"), dampening_);
    nesterov_ = named(new QCheckBox(tr("Nesterov")), "nesterov",
        tr("Nesterov momentum: step along g + \u03bc·b, a look ahead. Needs momentum > 0 and no dampening."));
    optimizerForm_->addRow(QString(), nesterov_);
    beta1_ = numberBox("beta1", 0.0, 0.9999, 4, 0.01, tr("adam \u03b2\u2081: how long the running mean of the gradient remembers."));
    optimizerForm_->addRow(tr("\u03b2\u2081"), beta1_);
    beta2_ = numberBox("beta2", 0.0, 0.9999, 4, 0.001, tr("adam \u03b2\u2082: how long the running mean of the squared gradient remembers."));
    optimizerForm_->addRow(tr("\u03b2\u2082"), beta2_);
    alpha_ = numberBox("alpha", 0.0, 0.9999, 4, 0.01, tr("rmsprop \u03b1: smoothing of the running mean of the squared gradient."));
    optimizerForm_->addRow(tr("\u03b1"), alpha_);
    centered_ = named(new QCheckBox(tr("Centered")), "centered",
        tr("rmsprop centered: divide by an estimate of the gradient's variance instead of its raw second moment."));
    optimizerForm_->addRow(QString(), centered_);
    lrDecay_ = numberBox("lrDecay", 0.0, 1.0, 4, 0.001, tr("adagrad lr_decay: the rate shrinks as lr / (1 + (t \u2212 1)\u00b7lr_decay)."));
    optimizerForm_->addRow(tr("lr decay"), lrDecay_);
    eps_ = named(new QLineEdit, "eps",
        tr("\u03b5, added to the denominator so that it is never zero. Empty: PyTorch's default (1e-8; adagrad 1e-10)."));
    auto* validator = new QDoubleValidator(0.0, 1.0, 20, eps_);
    validator->setNotation(QDoubleValidator::ScientificNotation);
    validator->setLocale(QLocale::c());
    eps_->setValidator(validator);
    eps_->setPlaceholderText(tr("default"));
    optimizerForm_->addRow(tr("\u03b5"), eps_);

    binder_->onEdit(optimizer_, &QComboBox::currentIndexChanged, [this] {
        const auto kind = core::optimizerKindFromName(optimizer_->currentData().toString().toStdString());
        edit(Change::Training, [&](AppSettings& s) { s.train.optimizer.kind = kind; });
        updateVisibility();
    });
    auto number = [this](QDoubleSpinBox* box, double core::OptimizerSettings::*field) {
        binder_->onEdit(box, &QDoubleSpinBox::valueChanged, [this, field](double v) {
            edit(Change::Training, [&](AppSettings& s) { s.train.optimizer.*field = v; });
        });
    };
    number(dampening_, &core::OptimizerSettings::dampening);
    number(beta1_, &core::OptimizerSettings::beta1);
    number(beta2_, &core::OptimizerSettings::beta2);
    number(alpha_, &core::OptimizerSettings::alpha);
    number(lrDecay_, &core::OptimizerSettings::lrDecay);
    auto flag = [this](QCheckBox* box, bool core::OptimizerSettings::*field) {
        binder_->onEdit(box, &QCheckBox::toggled, [this, field](bool on) {
            edit(Change::Training, [&](AppSettings& s) { s.train.optimizer.*field = on; });
        });
    };
    flag(nesterov_, &core::OptimizerSettings::nesterov);
    flag(centered_, &core::OptimizerSettings::centered);
    binder_->onEdit(eps_, &QLineEdit::editingFinished, [this] {
        bool ok = false;
        const double v = QLocale::c().toDouble(eps_->text().trimmed(), &ok);
        std::optional<double> eps;
        if (ok && v > 0)
            eps = v;
        else
            eps_->clear();
        if (eps == settings().train.optimizer.eps)
            return;
        edit(Change::Training, [&](AppSettings& s) { s.train.optimizer.eps = eps; });
    });
    return group;
}

QGroupBox* ControlPanel::buildScheduleGroup()
{
    auto* group = named(new QGroupBox(tr("Learning-rate schedule")), "scheduleGroup",
        tr("How the learning rate changes step by step, as a function of the step count."));
    scheduleForm_ = formFor(group);

    schedule_ = named(new QComboBox, "scheduleCombo",
        tr("constant: lr throughout.\nexponential: lr\u00b7\u03b3^t.\nstep: lr\u00b7\u03b3^\u230at / every\u230b.\n"
           "cosine: a half cosine from lr down to the minimum over T steps.\n"
           "cosine-restarts: the same, restarting after T\u2080, T\u2080\u00b7mult, ... steps."));
    for (const char* kind : kScheduleKinds)
        schedule_->addItem(QLatin1String(kind), QLatin1String(kind));
    scheduleForm_->addRow(tr("Schedule"), schedule_);
    gamma_ = numberBox("gamma", 0.0001, 10.0, 4, 0.001, tr("\u03b3: the factor the rate is multiplied by (per step, or per 'every' steps)."));
    scheduleForm_->addRow(tr("\u03b3"), gamma_);
    every_ = integerBox("every", 1, 1'000'000, 10, tr("step schedule: multiply the rate by \u03b3 every this many steps."));
    scheduleForm_->addRow(tr("Every"), every_);
    period_ = integerBox("period", 1, 1'000'000, 10, tr("Cosine period in steps (T, or the first cycle T\u2080 with restarts)."));
    scheduleForm_->addRow(tr("Period"), period_);
    mult_ = integerBox("mult", 1, 10, 1, tr("cosine-restarts: each cycle is this many times longer than the one before."));
    scheduleForm_->addRow(tr("Cycle \u00d7"), mult_);
    minLr_ = numberBox("minLr", 0.0, 10.0, 5, 0.001, tr("The rate a cosine schedule goes down to."));
    scheduleForm_->addRow(tr("Min lr"), minLr_);

    gamma_->setValue(exponentialGamma_);
    every_->setValue(100);
    period_->setValue(500);
    mult_->setValue(2);

    binder_->onEdit(schedule_, &QComboBox::currentIndexChanged, [this] {
        const QString kind = schedule_->currentData().toString();
        binder_->silently([&] {
            if (kind == QLatin1String("exponential"))
                gamma_->setValue(exponentialGamma_);
            else if (kind == QLatin1String("step"))
                gamma_->setValue(stepGamma_);
        });
        updateSchedule();
    });
    binder_->onEdit(gamma_, &QDoubleSpinBox::valueChanged, [this](double v) {
        (schedule_->currentData().toString() == QLatin1String("step") ? stepGamma_ : exponentialGamma_) = v;
        updateSchedule();
    });
    for (QSpinBox* box : {every_, period_, mult_})
        binder_->onEdit(box, &QSpinBox::valueChanged, [this] { updateSchedule(); });
    binder_->onEdit(minLr_, &QDoubleSpinBox::valueChanged, [this] { updateSchedule(); });
    return group;
}

void ControlPanel::updateSchedule()
{
    // Built from the widgets of the chosen kind only, and normalised through its spec, so that
    // the settings hold exactly what a saved file will.
    const QString kind = schedule_->currentData().toString();
    QString spec = kind;
    const QString minLr = QString::number(minLr_->value(), 'g', 17);
    if (kind == QLatin1String("exponential"))
        spec += QStringLiteral(":%1").arg(gamma_->value(), 0, 'g', 17);
    else if (kind == QLatin1String("step"))
        spec += QStringLiteral(":%1:%2").arg(every_->value()).arg(gamma_->value(), 0, 'g', 17);
    else if (kind == QLatin1String("cosine"))
        spec += QStringLiteral(":%1:%2").arg(period_->value()).arg(minLr);
    else if (kind == QLatin1String("cosine-restarts"))
        spec += QStringLiteral(":%1:%2:%3").arg(period_->value()).arg(mult_->value()).arg(minLr);
    const core::Schedule schedule = core::Schedule::parse(spec.toStdString());
    edit(Change::Training, [&](AppSettings& s) { s.train.schedule = schedule; });
    updateVisibility();
}

QGroupBox* ControlPanel::buildDataGroup()
{
    dataGroup_ = named(new QGroupBox(tr("Data")), "dataGroup",
        tr("The samples the model learns from: the built-in people-counting images, or a file you open."));
    dataForm_ = formFor(dataGroup_);

    dataSource_ = named(new QLabel, "dataSourceLabel", tr("Where the data comes from."));
    dataSource_->setWordWrap(true);
    dataForm_->addRow(tr("Source"), dataSource_);

    openData_ = named(new QPushButton(tr("Open data\u2026")), "openDataButton",
        tr("Load a CSV file (columns x and count) or a folder of PNG images with labels.csv."));
    builtIn_ = named(new QPushButton(tr("Built-in")), "builtInDataButton",
        tr("Go back to the built-in people-counting images."));
    auto* buttons = new QWidget;
    auto* buttonLayout = new QHBoxLayout(buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    buttonLayout->addWidget(openData_);
    buttonLayout->addWidget(builtIn_);
    buttonLayout->addStretch(1);
    dataForm_->addRow(QString(), buttons);

    datasetCount_ = integerBox("datasetCount", kMinDatasetCount, kMaxDatasetCount, 100,
        tr("Number of images in the built-in data set. A new data set starts a new run."));
    dataForm_->addRow(tr("Images"), datasetCount_);
    datasetSeed_ = integerBox("datasetSeed", 0, kMaxSeed, 1,
        tr("Seed of the built-in images and of the train/validation split."));
    dataForm_->addRow(tr("Data seed"), datasetSeed_);
    valFraction_ = numberBox("valFraction", 0.0, 0.9, 2, 0.05,
        tr("Share of the samples held out for validation: the model never trains on them, "
           "so their loss shows overfitting."));
    dataForm_->addRow(tr("Validation"), valFraction_);

    augBrightness_ = named(new QCheckBox(tr("Brightness")), "augBrightness",
        tr("Augmentation: each time an image is drawn into a batch, shift its brightness at random."));
    augFlip_ = named(new QCheckBox(tr("Flip")), "augFlip",
        tr("Augmentation: mirror the image left-right with probability 1/2."));
    augNoise_ = named(new QCheckBox(tr("Noise")), "augNoise",
        tr("Augmentation: add random Gaussian noise to the pixels."));
    // Two a line beside the label: in one line the three made the row the widest of the panel.
    auto* augBoxes = new QWidget;
    auto* augLayout = new QGridLayout(augBoxes);
    augLayout->setContentsMargins(0, 0, 0, 0);
    augLayout->setVerticalSpacing(2);
    augLayout->addWidget(augBrightness_, 0, 0);
    augLayout->addWidget(augFlip_, 0, 1);
    augLayout->addWidget(augNoise_, 1, 0);
    augLayout->setColumnStretch(2, 1);
    auto* augLabel = new QLabel(tr("Augment"));
    augLabel->setToolTip(tr("Random changes to each image as it is drawn into a batch: the model sees a slightly "
                            "different data set every epoch."));
    dataForm_->addRow(augLabel, augBoxes);

    connect(builtIn_, &QPushButton::clicked, this, &ControlPanel::builtInDataRequested);
    binder_->onEdit(datasetCount_, &QSpinBox::valueChanged, [this](int v) {
        edit(Change::Data, [&](AppSettings& s) { s.data.count = v; });
    });
    binder_->onEdit(datasetSeed_, &QSpinBox::valueChanged, [this](int v) {
        edit(Change::Data, [&](AppSettings& s) { s.data.seed = static_cast<std::uint64_t>(v); });
    });
    binder_->onEdit(valFraction_, &QDoubleSpinBox::valueChanged, [this](double v) {
        edit(Change::Data, [&](AppSettings& s) { s.data.valFraction = v; });
    });
    auto augmentation = [this](QCheckBox* box, bool core::AugmentationSettings::*field) {
        binder_->onEdit(box, &QCheckBox::toggled, [this, field](bool on) {
            edit(Change::Training, [&](AppSettings& s) { s.train.augmentation.*field = on; });
        });
    };
    augmentation(augBrightness_, &core::AugmentationSettings::brightness);
    augmentation(augFlip_, &core::AugmentationSettings::flip);
    augmentation(augNoise_, &core::AugmentationSettings::noise);
    return dataGroup_;
}

QGroupBox* ControlPanel::buildPlaneGroup()
{
    auto* group = named(new QGroupBox(tr("Plotted plane")), "planeGroup",
        tr("The landscape is the loss over two parameters, any others held at the values set here; or over a plane "
           "through all of them (a network's thousands), as in Li et al. 2018."));
    planeForm_ = formFor(group);
    planeKind_ = shrinkable(named(new QComboBox, "planeCombo",
        tr("Two parameters: the literal surface over two weights, the rest held.\n"
           "Random plane: two random directions through the origin, each unit's incoming weights scaled to that "
           "unit's own (filter normalisation), biases still; alpha = beta = 0 is the origin, 1 a step as long as the "
           "weights.\nPCA plane: the path's first two principal components, through its last point: the plane the "
           "run moved in most. The path drawn on a plane is its projection; the read-outs say how far off it the "
           "run is.")));
    planeKind_->addItem(tr("Two parameters"), plotPlaneName(PlotPlane::Axes));
    planeKind_->addItem(tr("Random plane"), plotPlaneName(PlotPlane::Random));
    planeKind_->addItem(tr("PCA plane of the path"), plotPlaneName(PlotPlane::Pca));
    planeForm_->addRow(tr("Axes"), planeKind_);
    planeSeed_ = named(new QSpinBox, "planeSeedSpin", tr("The random plane's seed: another seed, other directions."));
    planeSeed_->setRange(1, kMaxSeed);
    planeForm_->addRow(tr("Plane seed"), planeSeed_);
    recentre_ = named(new QPushButton(tr("Recentre the plane here")), "recentreButton",
        tr("The plane's origin moves to the current point (a random plane's directions are drawn for it anew; the "
           "PCA plane is the path's so far) and the path is projected again. Training goes on."));
    planeForm_->addRow(recentre_);   // across both columns: the button is wider than a field
    connect(recentre_, &QPushButton::clicked, this, &ControlPanel::recentreRequested);
    binder_->onEdit(planeKind_, &QComboBox::currentIndexChanged, [this] {
        const auto kind = plotPlaneFromName(planeKind_->currentData().toString()).value_or(PlotPlane::Axes);
        edit(Change::Plane, [&](AppSettings& s) {
            s.setPlane(kind);
            if (kind == PlotPlane::Pca || kind == PlotPlane::Random)
                s.held.clear();   // through the point the run stands on now: RunBuilder places it
        });
        rebuildHeldSliders();
        updateVisibility();
    });
    binder_->onEdit(planeSeed_, &QSpinBox::valueChanged, [this](int seed) {
        edit(Change::Plane, [&](AppSettings& s) {
            s.planeSeed = static_cast<std::uint64_t>(seed);
            s.range.reset();
        });
    });
    axis1_ = named(new QComboBox, "axis1Combo", tr("The parameter on the horizontal axis of the landscape. Type to search by name."));
    axis2_ = named(new QComboBox, "axis2Combo", tr("The parameter on the vertical axis of the landscape. Type to search by name."));
    for (QComboBox* axis : {axis1_, axis2_}) {
        // A network has thousands of parameters: the list is searched by typing part of a name.
        axis->setEditable(true);
        axis->setInsertPolicy(QComboBox::NoInsert);
        axis->completer()->setFilterMode(Qt::MatchContains);
        axis->completer()->setCompletionMode(QCompleter::PopupCompletion);
        axis->setMaxVisibleItems(20);
        axis->lineEdit()->setToolTip(axis->toolTip());
    }
    planeForm_->addRow(tr("Horizontal"), axis1_);
    planeForm_->addRow(tr("Vertical"), axis2_);

    auto onAxis = [this](bool first) {
        int a1 = axis1_->currentIndex();
        int a2 = axis2_->currentIndex();
        if (a1 == a2) {
            // Choosing the other axis's parameter swaps the two.
            if (first)
                a2 = settings().axis1;
            else
                a1 = settings().axis2;
        }
        edit(Change::Plane, [&](AppSettings& s) { s.setAxes(a1, a2); });
        binder_->silently([&] {
            axis1_->setCurrentIndex(a1);
            axis2_->setCurrentIndex(a2);
        });
        rebuildHeldSliders();
    };
    binder_->onEdit(axis1_, &QComboBox::currentIndexChanged, [onAxis] { onAxis(true); });
    binder_->onEdit(axis2_, &QComboBox::currentIndexChanged, [onAxis] { onAxis(false); });
    return group;
}

void ControlPanel::rebuildHeldSliders()
{
    for (SliderSpin* s : held_) {
        planeForm_->removeRow(s);
    }
    held_.clear();
    heldIndex_.clear();
    const auto& names = context_.parameterNames;
    // On a plane nothing is held; a network's thousands get no sliders.
    if (settings().plane != PlotPlane::Axes || static_cast<int>(names.size()) > kMaxHeldSliders)
        return;
    for (int p = 0; p < static_cast<int>(names.size()); ++p) {
        if (p == settings().axis1 || p == settings().axis2)
            continue;
        const double centre = p < static_cast<int>(context_.defaults.size()) ? context_.defaults[static_cast<std::size_t>(p)] : 0.0;
        const double span = std::max(2.0, 2.0 * std::abs(centre));
        const auto& held = settings().held;
        const double value = p < static_cast<int>(held.size()) ? held[static_cast<std::size_t>(p)] : centre;
        const double lo = std::min(centre - span, value);
        const double hi = std::max(centre + span, value);
        auto* slider = new SliderSpin(QStringLiteral("held_%1").arg(qs(names[static_cast<std::size_t>(p)])), lo, hi, 3,
            SliderSpin::Scale::Linear);
        slider->setToolTips(tr("The value at which %1 is held: the landscape is the slice of the loss through it. "
                               "Changing it starts a new run from the same point on the new slice.")
                .arg(qs(names[static_cast<std::size_t>(p)])));
        slider->setValue(value);
        binder_->onEdit(slider, &SliderSpin::valueEdited, [this, p](double v) {
            edit(Change::Plane, [&](AppSettings& s) {
                if (s.held.size() != context_.parameterNames.size())
                    s.held = context_.defaults;
                s.held[static_cast<std::size_t>(p)] = v;
            });
        });
        planeForm_->addRow(tr("Held %1").arg(qs(names[static_cast<std::size_t>(p)])), slider);
        held_.push_back(slider);
        heldIndex_.push_back(p);
    }
}

void ControlPanel::setContext(const Context& context)
{
    context_ = context;
    refresh();
}

void ControlPanel::refresh()
{
    binder_->silently([&] { showSettings(); });
}

void ControlPanel::showSettings()
{
    const AppSettings& settings = store_->value();
    const Context& context = context_;
    const auto& opt = settings.train.optimizer;

    if (model_->findData(qs(settings.model)) < 0)
        model_->addItem(qs(settings.model), qs(settings.model));   // a network of a file's own shape
    model_->setCurrentIndex(model_->findData(qs(settings.model)));
    if (settings.isNetwork()) {
        try {
            const core::MlpSpec spec = core::MlpSpec::parse(settings.model);
            QStringList units;
            for (int h : spec.hidden)
                units << QString::number(h);
            hidden_->setText(units.join(QLatin1Char(',')));
            activation_->setCurrentIndex(activation_->findData(qs(std::string(core::activationName(spec.activation)))));
        } catch (const core::InputError&) {
        }
        if (inputSize_->findData(settings.inputSize) < 0)
            inputSize_->addItem(QStringLiteral("%1 x %1").arg(settings.inputSize), settings.inputSize);
        inputSize_->setCurrentIndex(inputSize_->findData(settings.inputSize));
    }
    formula_->setText(context.formula);
    loss_->setCurrentIndex(loss_->findData(QString::fromUtf8(core::lossName(settings.loss.kind).data(),
        static_cast<qsizetype>(core::lossName(settings.loss.kind).size()))));
    huberDelta_->setValue(settings.loss.delta);
    surface_->setCurrentIndex(surface_->findData(surfaceName(settings.surface)));

    lr_->setValue(opt.lr);
    momentum_->setValue(opt.momentum);
    const double maxBatch = static_cast<double>(std::max<std::int64_t>(2, context.trainSize));
    batch_->setRange(1, maxBatch);
    if (!settings.train.fullBatch())
        batch_->setValue(std::min<double>(settings.train.batchSize, maxBatch));
    batch_->setEnabled(!settings.train.fullBatch());
    fullBatch_->setChecked(settings.train.fullBatch());
    shuffle_->setChecked(settings.train.shuffle);
    trainSeed_->setValue(static_cast<int>(std::min<std::uint64_t>(settings.train.seed, kMaxSeed)));

    const auto optName = core::optimizerName(opt.kind);
    optimizer_->setCurrentIndex(optimizer_->findData(QString::fromUtf8(optName.data(), static_cast<qsizetype>(optName.size()))));
    dampening_->setValue(opt.dampening);
    nesterov_->setChecked(opt.nesterov);
    beta1_->setValue(opt.beta1);
    beta2_->setValue(opt.beta2);
    alpha_->setValue(opt.alpha);
    centered_->setChecked(opt.centered);
    lrDecay_->setValue(opt.lrDecay);
    eps_->setText(opt.eps ? QString::number(*opt.eps, 'g', 6) : QString());

    const auto& sch = settings.train.schedule;
    schedule_->setCurrentIndex(static_cast<int>(sch.kind));
    switch (sch.kind) {
    case core::ScheduleKind::Constant: break;
    case core::ScheduleKind::Exponential:
        exponentialGamma_ = sch.gamma;
        gamma_->setValue(sch.gamma);
        break;
    case core::ScheduleKind::Step:
        stepGamma_ = sch.gamma;
        gamma_->setValue(sch.gamma);
        every_->setValue(static_cast<int>(std::min<std::int64_t>(sch.every, every_->maximum())));
        break;
    case core::ScheduleKind::Cosine:
    case core::ScheduleKind::CosineRestarts:
        period_->setValue(static_cast<int>(std::min<std::int64_t>(sch.period, period_->maximum())));
        mult_->setValue(static_cast<int>(std::min<std::int64_t>(sch.mult, mult_->maximum())));
        minLr_->setValue(sch.minLr);
        break;
    }

    dataSource_->setText(context.dataSource.isEmpty() ? tr("built-in people images") : context.dataSource);
    builtIn_->setVisible(!settings.data.path.isEmpty());
    datasetCount_->setValue(settings.data.count);
    datasetSeed_->setValue(static_cast<int>(std::min<std::uint64_t>(settings.data.seed, kMaxSeed)));
    valFraction_->setValue(settings.data.valFraction);
    augBrightness_->setChecked(settings.train.augmentation.brightness);
    augFlip_->setChecked(settings.train.augmentation.flip);
    augNoise_->setChecked(settings.train.augmentation.noise);

    axis1_->clear();
    axis2_->clear();
    for (const auto& name : context.parameterNames) {
        axis1_->addItem(qs(name));
        axis2_->addItem(qs(name));
    }
    axis1_->setCurrentIndex(settings.axis1);
    axis2_->setCurrentIndex(settings.axis2);
    planeKind_->setCurrentIndex(planeKind_->findData(plotPlaneName(settings.plane)));
    planeSeed_->setValue(static_cast<int>(std::min<std::uint64_t>(settings.planeSeed, kMaxSeed)));
    rebuildHeldSliders();
    updateVisibility();
}

void ControlPanel::updateVisibility()
{
    const AppSettings& settings = store_->value();
    const auto kind = settings.train.optimizer.kind;
    const bool sgd = kind == core::OptimizerKind::Sgd;
    const bool adam = kind == core::OptimizerKind::Adam;
    const bool rms = kind == core::OptimizerKind::RmsProp;
    const bool adagrad = kind == core::OptimizerKind::Adagrad;
    stepForm_->setRowVisible(momentum_, sgd || rms);
    optimizerForm_->setRowVisible(dampening_, sgd);
    optimizerForm_->setRowVisible(nesterov_, sgd);
    optimizerForm_->setRowVisible(beta1_, adam);
    optimizerForm_->setRowVisible(beta2_, adam);
    optimizerForm_->setRowVisible(alpha_, rms);
    optimizerForm_->setRowVisible(centered_, rms);
    optimizerForm_->setRowVisible(lrDecay_, adagrad);
    optimizerForm_->setRowVisible(eps_, adam || rms || adagrad);
    eps_->setPlaceholderText(adagrad ? tr("default (1e-10)") : tr("default (1e-8)"));

    const auto sk = settings.train.schedule.kind;
    using core::ScheduleKind;
    scheduleForm_->setRowVisible(gamma_, sk == ScheduleKind::Exponential || sk == ScheduleKind::Step);
    scheduleForm_->setRowVisible(every_, sk == ScheduleKind::Step);
    scheduleForm_->setRowVisible(period_, sk == ScheduleKind::Cosine || sk == ScheduleKind::CosineRestarts);
    scheduleForm_->setRowVisible(mult_, sk == ScheduleKind::CosineRestarts);
    scheduleForm_->setRowVisible(minLr_, sk == ScheduleKind::Cosine || sk == ScheduleKind::CosineRestarts);

    const bool network = settings.isNetwork();
    modelForm_->setRowVisible(hidden_, network);
    modelForm_->setRowVisible(activation_, network);
    modelForm_->setRowVisible(inputSize_, network);
    const bool onPlane = settings.plane != PlotPlane::Axes;
    planeForm_->setRowVisible(axis1_, !onPlane);
    planeForm_->setRowVisible(axis2_, !onPlane);
    planeForm_->setRowVisible(planeSeed_, settings.plane == PlotPlane::Random);
    planeForm_->setRowVisible(recentre_, onPlane);

    const bool usesData = context_.usesData;
    modelForm_->setRowVisible(loss_, usesData);
    updateSurfaceChoices();
    modelForm_->setRowVisible(huberDelta_, usesData && settings.loss.kind == core::LossKind::Huber);
    dataGroup_->setEnabled(usesData);
    const bool builtInData = settings.data.path.isEmpty();
    dataForm_->setRowVisible(datasetCount_, builtInData);
    augBrightness_->setEnabled(context_.hasImages);
    augFlip_->setEnabled(context_.hasImages);
    augNoise_->setEnabled(context_.hasImages);
    batch_->setEnabled(usesData && !settings.train.fullBatch());
    fullBatch_->setEnabled(usesData);
    shuffle_->setEnabled(usesData);
}

void ControlPanel::updateSurfaceChoices()
{
    auto* items = qobject_cast<QStandardItemModel*>(surface_->model());
    const auto setAvailable = [&](Surface surface, bool available, const QString& tip) {
        QStandardItem* item = items->item(surface_->findData(surfaceName(surface)));
        item->setEnabled(available);
        item->setToolTip(tip);
    };
    const bool val = context_.usesData && context_.hasValidation;
    const QString noVal = tr("Not available: there is no validation set. Raise \"Validation\" in the Data group "
                             "to hold samples out.");
    setAvailable(Surface::Validation, val,
        val ? tr("The loss over the held-out validation samples, which training never sees.") : noVal);
    setAvailable(Surface::TrainAndVal, val,
        val ? tr("Training and validation landscapes side by side with the same path and linked zoom: when the model "
                 "overfits, their minima drift apart.")
            : noVal);
    surface_->setEnabled(context_.usesData);
    surface_->setToolTip(context_.usesData
            ? tr("Which samples the landscape averages the loss over. The path and the arrows stay the same; only "
                 "the ground under them changes.")
            : tr("An analytic landscape is a function of its two parameters, not a loss over data: it has one "
                 "surface. Choose a model on the data above to switch surfaces."));
}

void ControlPanel::refreshHeldValues()
{
    const auto& values = settings().held;
    binder_->silently([&] {
        for (std::size_t i = 0; i < held_.size(); ++i) {
            const auto p = static_cast<std::size_t>(heldIndex_[i]);
            if (p < values.size())
                held_[i]->setValue(values[p]);
        }
    });
}

QSize ControlPanel::minimumSizeHint() const
{
    const int width = widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
    return {width, 200};
}

QSize ControlPanel::sizeHint() const
{
    return {minimumSizeHint().width(), widget()->sizeHint().height()};
}

void ControlPanel::setDataMenu(QMenu* menu)
{
    openData_->setMenu(menu);
}

void ControlPanel::setProblem(const QString& message)
{
    problemLabel_->setText(message);
    problemLabel_->setVisible(!message.isEmpty());
}

void ControlPanel::edit(Change change, const std::function<void(AppSettings&)>& apply)
{
    store_->edit(change, apply);
}

}  // namespace downhill::ui
