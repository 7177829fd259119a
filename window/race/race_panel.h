#pragma once
// The Race dock's content: the line-up of a race, one card per entrant (its colour, optimizer,
// learning rate, the settings that optimizer has: momentum and Nesterov for SGD, momentum for
// RMSprop, the betas for Adam; the batch size when there is data), with a read-out of where the
// entrant stands (step, loss, parameters) or why it stopped. Buttons: the race's transport
// (actions given by RaceMode), Add, the preset and Clear.
// setLineup() (the model changed) rebuilds the cards silently; a user edit changes lineup() and
// says which entrant it touched: entrantAdded(), entrantRemoved() or entrantEdited().
// Colours: each entrant keeps the palette::raceColor() it got when it came, so that a removal
// recolours nobody; an added entrant takes the first colour no entrant has; setLineup() gives
// the colours in order.
#include <functional>
#include <vector>

#include <QWidget>

#include "session/run/race_controller.h"
#include "core/train/trainer.h"

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace downhill::ui {

class RacePanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxEntrants = RaceController::kMaxEntrants;

    explicit RacePanel(QWidget* parent = nullptr);

    void setLineup(const std::vector<core::TrainSettings>& lineup);
    const std::vector<core::TrainSettings>& lineup() const { return lineup_; }
    int colorIndex(int entrant) const { return colors_.at(static_cast<std::size_t>(entrant)); }   // for palette::raceColor
    // What a new entrant copies when the line-up is empty: the main run's settings, asked for
    // when the entrant is added.
    void setBaseSource(std::function<core::TrainSettings()> base) { base_ = std::move(base); }
    // Whether the batch size means anything (data models), and its largest value.
    void setDataInfo(bool usesData, std::int64_t trainSize);
    // The transport buttons, above the cards.
    void setTransport(const QList<QAction*>& actions);
    void setReadout(int entrant, const QString& text, bool stopped);
    void setMessage(const QString& message);   // empty hides it

    void addEntrant();             // a copy of the last entrant (or of the base); up to kMaxEntrants
    void removeEntrant(int entrant);

signals:
    void entrantAdded(int entrant);     // at the end of the line-up
    void entrantRemoved(int entrant);   // the later ones moved up by one
    void entrantEdited(int entrant);    // its optimizer or batch size
    void presetRequested();
    void clearRequested();

private:
    struct Card {
        QWidget* box = nullptr;
        QComboBox* kind = nullptr;
        QDoubleSpinBox* lr = nullptr;
        QLabel* momentumLabel = nullptr;
        QDoubleSpinBox* momentum = nullptr;
        QCheckBox* nesterov = nullptr;
        QLabel* betasLabel = nullptr;
        QDoubleSpinBox* beta1 = nullptr;
        QDoubleSpinBox* beta2 = nullptr;
        QLabel* batchLabel = nullptr;
        QSpinBox* batch = nullptr;
        QLabel* readout = nullptr;
    };

    void rebuildCards();
    Card makeCard(int entrant);
    void showCardFields(int entrant);

    std::vector<core::TrainSettings> lineup_;
    std::vector<int> colors_;   // per entrant, all different
    std::function<core::TrainSettings()> base_;
    bool usesData_ = true;
    std::int64_t trainSize_ = 1;
    std::vector<Card> cards_;
    QWidget* transport_ = nullptr;
    QVBoxLayout* cardLayout_ = nullptr;
    QPushButton* addButton_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* emptyHint_ = nullptr;
    bool updating_ = false;   // setting widgets from the model: their signals are not user edits
};

}  // namespace downhill::ui
