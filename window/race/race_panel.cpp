#include "window/race/race_panel.h"

#include <algorithm>
#include <numeric>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QValidator>
#include <QVBoxLayout>

#include "session/settings/app_settings.h"
#include "plots/palette.h"

namespace downhill::ui {

namespace {

struct KindItem {
    const char* text;
    core::OptimizerKind kind;
};
constexpr KindItem kKinds[] = {{"SGD", core::OptimizerKind::Sgd}, {"RMSprop", core::OptimizerKind::RmsProp},
    {"Adam", core::OptimizerKind::Adam}, {"Adagrad", core::OptimizerKind::Adagrad}};

// A number box that shows its value as the legend does (raceLabel: as many significant digits,
// a point for the decimal sign, no trailing zeros), not with a fixed number of decimals: four
// decimals showed a rate of 0.00024 as 0.0002, three a momentum of 0.9 as 0.900. What is typed
// is rounded to those digits, so the card, the legend and the run agree on the number. A comma
// is taken for the point.
class SignificantSpinBox final : public QDoubleSpinBox {
public:
    SignificantSpinBox(int digits, QWidget* parent) : QDoubleSpinBox(parent), digits_(digits) { setLocale(QLocale::c()); }

    QValidator::State validate(QString& input, int& pos) const override
    {
        QString point = input;
        point.replace(QLatin1Char(','), QLatin1Char('.'));
        const QValidator::State state = QDoubleSpinBox::validate(point, pos);
        if (state != QValidator::Invalid)
            input = point;
        return state;
    }

protected:
    QString textFromValue(double value) const override { return QString::number(value, 'g', digits_); }
    double valueFromText(const QString& text) const override
    {
        QString point = text;
        point.replace(QLatin1Char(','), QLatin1Char('.'));
        return QString::number(QDoubleSpinBox::valueFromText(point), 'g', digits_).toDouble();
    }

private:
    int digits_;
};

// digits: the significant digits the legend shows of this number.
QDoubleSpinBox* spin(QWidget* parent, const char* name, double lo, double hi, int decimals, int digits, const QString& tip)
{
    auto* box = new SignificantSpinBox(digits, parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(lo, hi);
    box->setDecimals(decimals);
    box->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    // A value is taken when it is complete (Enter, focus out, arrows), not at every keystroke:
    // each change restarts the entrant.
    box->setKeyboardTracking(false);
    box->setToolTip(tip);
    return box;
}

}  // namespace

RacePanel::RacePanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("racePanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(6);

    transport_ = new QWidget(this);
    transport_->setObjectName(QStringLiteral("raceTransport"));
    auto* transportLayout = new QHBoxLayout(transport_);
    transportLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(transport_);

    auto* buttons = new QHBoxLayout;
    addButton_ = new QPushButton(tr("Add"), this);
    addButton_->setObjectName(QStringLiteral("raceAddButton"));
    addButton_->setToolTip(tr("Add an entrant: a copy of the last one, to change one setting (at most %1)").arg(kMaxEntrants));
    // Short enough for the right column: the menu's action says "SGD vs momentum vs RMSprop vs Adam".
    auto* preset = new QPushButton(tr("Preset: four optimizers"), this);
    preset->setObjectName(QStringLiteral("racePresetButton"));
    preset->setToolTip(tr("SGD, SGD with momentum 0.9, RMSprop and Adam, with learning rates worked out for this landscape"));
    auto* clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("raceClearButton"));
    clear->setToolTip(tr("Remove every entrant and the race's paths"));
    buttons->addWidget(addButton_);
    buttons->addWidget(clear);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(preset);
    connect(addButton_, &QPushButton::clicked, this, &RacePanel::addEntrant);
    connect(preset, &QPushButton::clicked, this, &RacePanel::presetRequested);
    connect(clear, &QPushButton::clicked, this, &RacePanel::clearRequested);

    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("raceMessage"));
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    message_->hide();
    layout->addWidget(message_);

    emptyHint_ = new QLabel(tr("Several optimizers from the main run's start point on this landscape, stepped "
                               "together: each has its colour, its path, its legend entry and its loss curve. "
                               "Start with the preset or add entrants."),
        this);
    emptyHint_->setObjectName(QStringLiteral("raceEmptyHint"));
    emptyHint_->setWordWrap(true);
    layout->addWidget(emptyHint_);

    cardLayout_ = new QVBoxLayout;
    cardLayout_->setSpacing(4);
    layout->addLayout(cardLayout_);
    layout->addStretch(1);
}

void RacePanel::setTransport(const QList<QAction*>& actions)
{
    auto* layout = static_cast<QHBoxLayout*>(transport_->layout());
    for (QAction* a : actions) {
        auto* button = new QToolButton(transport_);
        button->setDefaultAction(a);
        button->setObjectName(a->objectName() + QStringLiteral("Button"));
        // Under the icon: three of them fit the dock's narrow column.
        button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        button->setFocusPolicy(Qt::NoFocus);
        layout->addWidget(button);
    }
    layout->addStretch(1);
}

void RacePanel::setDataInfo(bool usesData, std::int64_t trainSize)
{
    usesData_ = usesData;
    trainSize_ = std::max<std::int64_t>(1, trainSize);
    rebuildCards();
}

void RacePanel::setLineup(const std::vector<core::TrainSettings>& lineup)
{
    lineup_ = lineup;
    if (lineup_.size() > static_cast<std::size_t>(kMaxEntrants))
        lineup_.resize(kMaxEntrants);
    colors_.resize(lineup_.size());
    std::iota(colors_.begin(), colors_.end(), 0);
    rebuildCards();
}

void RacePanel::setMessage(const QString& message)
{
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
}

void RacePanel::setReadout(int entrant, const QString& text, bool stopped)
{
    if (entrant < 0 || entrant >= static_cast<int>(cards_.size()))
        return;
    QLabel* label = cards_[static_cast<std::size_t>(entrant)].readout;
    label->setText(text);
    label->setStyleSheet(stopped ? QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }") : QString());
}

void RacePanel::addEntrant()
{
    if (lineup_.size() >= static_cast<std::size_t>(kMaxEntrants))
        return;
    lineup_.push_back(lineup_.empty() ? (base_ ? base_() : core::TrainSettings{}) : lineup_.back());
    int color = 0;
    while (std::find(colors_.begin(), colors_.end(), color) != colors_.end())
        ++color;
    colors_.push_back(color);
    rebuildCards();
    emit entrantAdded(static_cast<int>(lineup_.size()) - 1);
}

void RacePanel::removeEntrant(int entrant)
{
    if (entrant < 0 || entrant >= static_cast<int>(lineup_.size()))
        return;
    lineup_.erase(lineup_.begin() + entrant);
    colors_.erase(colors_.begin() + entrant);
    rebuildCards();
    emit entrantRemoved(entrant);
}

void RacePanel::rebuildCards()
{
    updating_ = true;
    for (Card& card : cards_)
        delete card.box;
    cards_.clear();
    for (int i = 0; i < static_cast<int>(lineup_.size()); ++i) {
        cards_.push_back(makeCard(i));
        cardLayout_->addWidget(cards_.back().box);
        showCardFields(i);
    }
    addButton_->setEnabled(lineup_.size() < static_cast<std::size_t>(kMaxEntrants));
    emptyHint_->setVisible(lineup_.empty());
    updating_ = false;
}

RacePanel::Card RacePanel::makeCard(int entrant)
{
    const core::TrainSettings& s = lineup_[static_cast<std::size_t>(entrant)];
    Card card;
    auto* box = new QFrame(this);
    box->setObjectName(QStringLiteral("raceEntrant%1").arg(entrant));
    box->setFrameShape(QFrame::StyledPanel);
    const QColor color = palette::raceColor(colorIndex(entrant));
    // The entrant's colour as a bar down the card's left edge: the same colour as its path.
    box->setStyleSheet(QStringLiteral("QFrame#raceEntrant%1 { border: 1px solid #c8c8c8; border-left: 6px solid %2; }")
                           .arg(entrant)
                           .arg(color.name()));
    card.box = box;
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(10, 4, 4, 4);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(3);

    card.kind = new QComboBox(box);
    card.kind->setObjectName(QStringLiteral("optimizer"));
    card.kind->setToolTip(tr("The update rule (PyTorch's semantics)"));
    for (const KindItem& k : kKinds)
        card.kind->addItem(QLatin1String(k.text), static_cast<int>(k.kind));
    card.kind->setCurrentIndex(card.kind->findData(static_cast<int>(s.optimizer.kind)));
    card.kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    card.lr = spin(box, "lr", kMinLearningRate, kMaxLearningRate, 12, 3, tr("Learning rate"));
    card.lr->setValue(s.optimizer.lr);
    auto* remove = new QToolButton(box);
    remove->setObjectName(QStringLiteral("remove"));
    remove->setText(QStringLiteral("\u2715"));
    remove->setToolTip(tr("Remove this entrant"));
    remove->setAutoRaise(true);
    auto* lrLabel = new QLabel(tr("lr"), box);
    grid->addWidget(card.kind, 0, 0);
    grid->addWidget(lrLabel, 0, 1, Qt::AlignRight);
    grid->addWidget(card.lr, 0, 2);
    grid->addWidget(remove, 0, 3);

    auto* second = new QHBoxLayout;
    second->setSpacing(4);
    auto* third = new QHBoxLayout;
    third->setSpacing(4);
    card.momentumLabel = new QLabel(tr("momentum"), box);
    card.momentum = spin(box, "momentum", 0.0, kMaxMomentum, 3, 3, tr("Momentum (the weight of past gradients)"));
    card.momentum->setValue(s.optimizer.momentum);
    card.nesterov = new QCheckBox(tr("Nesterov"), box);
    card.nesterov->setObjectName(QStringLiteral("nesterov"));
    card.nesterov->setChecked(s.optimizer.nesterov);
    card.betasLabel = new QLabel(tr("betas"), box);
    card.beta1 = spin(box, "beta1", 0.0, 0.999, 3, 3, tr("Adam's beta1: the average of gradients"));
    card.beta1->setValue(s.optimizer.beta1);
    card.beta2 = spin(box, "beta2", 0.0, 0.9999, 4, 4, tr("Adam's beta2: the average of squared gradients"));
    card.beta2->setValue(s.optimizer.beta2);
    card.batchLabel = new QLabel(tr("batch"), box);
    card.batch = new QSpinBox(box);
    card.batch->setObjectName(QStringLiteral("batch"));
    card.batch->setRange(1, static_cast<int>(std::min<std::int64_t>(trainSize_, 1 << 20)));
    card.batch->setValue(std::min(s.batchSize, card.batch->maximum()));
    card.batch->setKeyboardTracking(false);
    card.batch->setToolTip(tr("Samples per update (the largest value is the whole training set)"));
    for (QWidget* w : {static_cast<QWidget*>(card.momentumLabel), static_cast<QWidget*>(card.momentum),
             static_cast<QWidget*>(card.nesterov), static_cast<QWidget*>(card.betasLabel), static_cast<QWidget*>(card.beta1),
             static_cast<QWidget*>(card.beta2)})
        second->addWidget(w);
    second->addStretch(1);
    third->addWidget(card.batchLabel);
    third->addWidget(card.batch);
    third->addStretch(1);
    grid->addLayout(second, 1, 0, 1, 4);
    grid->addLayout(third, 2, 0, 1, 4);

    card.readout = new QLabel(tr("not started"), box);
    card.readout->setObjectName(QStringLiteral("readout"));
    card.readout->setWordWrap(true);
    card.readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(card.readout, 3, 0, 1, 4);
    grid->setColumnStretch(0, 1);

    auto field = [this, entrant]() -> core::TrainSettings& { return lineup_[static_cast<std::size_t>(entrant)]; };
    connect(card.kind, &QComboBox::currentIndexChanged, this, [this, entrant, field, kind = card.kind] {
        if (updating_)
            return;
        auto& o = field().optimizer;
        const auto lr = o.lr;
        const auto momentum = o.momentum;
        o = core::OptimizerSettings{};
        o.kind = static_cast<core::OptimizerKind>(kind->currentData().toInt());
        o.lr = lr;
        // Momentum carries over where the new rule has it; Nesterov and the betas start at their defaults.
        if (o.kind == core::OptimizerKind::Sgd || o.kind == core::OptimizerKind::RmsProp)
            o.momentum = momentum;
        updating_ = true;
        const Card& c = cards_[static_cast<std::size_t>(entrant)];
        c.nesterov->setChecked(false);
        c.beta1->setValue(o.beta1);
        c.beta2->setValue(o.beta2);
        c.momentum->setValue(o.momentum);
        updating_ = false;
        showCardFields(entrant);
        emit entrantEdited(entrant);
    });
    auto number = [this, field](QDoubleSpinBox* editor, double core::OptimizerSettings::*member, int entrantIndex) {
        connect(editor, &QDoubleSpinBox::valueChanged, this, [this, field, member, entrantIndex](double v) {
            if (updating_)
                return;
            field().optimizer.*member = v;
            if (field().optimizer.momentum <= 0)
                field().optimizer.nesterov = false;
            showCardFields(entrantIndex);
            emit entrantEdited(entrantIndex);
        });
    };
    number(card.lr, &core::OptimizerSettings::lr, entrant);
    number(card.momentum, &core::OptimizerSettings::momentum, entrant);
    number(card.beta1, &core::OptimizerSettings::beta1, entrant);
    number(card.beta2, &core::OptimizerSettings::beta2, entrant);
    connect(card.nesterov, &QCheckBox::toggled, this, [this, field, entrant](bool on) {
        if (updating_)
            return;
        field().optimizer.nesterov = on;
        emit entrantEdited(entrant);
    });
    connect(card.batch, &QSpinBox::valueChanged, this, [this, field, entrant](int v) {
        if (updating_)
            return;
        field().batchSize = v;
        emit entrantEdited(entrant);
    });
    // Queued: the button that is clicked goes away with its card.
    connect(remove, &QToolButton::clicked, this, [this, entrant] { removeEntrant(entrant); }, Qt::QueuedConnection);
    return card;
}

void RacePanel::showCardFields(int entrant)
{
    const Card& c = cards_[static_cast<std::size_t>(entrant)];
    const auto& o = lineup_[static_cast<std::size_t>(entrant)].optimizer;
    const bool sgd = o.kind == core::OptimizerKind::Sgd;
    const bool momentum = sgd || o.kind == core::OptimizerKind::RmsProp;
    const bool adam = o.kind == core::OptimizerKind::Adam;
    c.momentumLabel->setVisible(momentum);
    c.momentum->setVisible(momentum);
    c.nesterov->setVisible(sgd);
    c.nesterov->setEnabled(o.momentum > 0);
    if (o.momentum <= 0 && c.nesterov->isChecked()) {
        const bool was = updating_;
        updating_ = true;
        c.nesterov->setChecked(false);
        updating_ = was;
    }
    c.betasLabel->setVisible(adam);
    c.beta1->setVisible(adam);
    c.beta2->setVisible(adam);
    c.batchLabel->setVisible(usesData_);
    c.batch->setVisible(usesData_);
}

}  // namespace downhill::ui
