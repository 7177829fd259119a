#pragma once
// The 3D view's log height axis: Qt Data Visualization's log formatter (a grid line per decade,
// no sub-grid, no labels at the range's ends), with the labels thinned to every second or third
// decade when they would stand on top of each other. A loss range spans many decades (an exact
// fit's zeros put the floor at the smallest positive cell), and the height's edge of a small
// box has room for a few labels only; the lines stay, one per decade.
#include <QLogValue3DAxisFormatter>

namespace downhill::ui {

class DecadeAxisFormatter : public QLogValue3DAxisFormatter {
    Q_OBJECT
public:
    explicit DecadeAxisFormatter(QObject* parent = nullptr);

    // Room for about this many labels (at least 2): every k-th decade is labelled, the decades
    // 10^n with n a multiple of k, the smallest k that fits, unless that leaves one label alone.
    void setTargetLabelCount(int count);
    int targetLabelCount() const { return target_; }
    int labelEvery() const { return every_; }   // k, as of the last recalculation

    // The last recalculation's lines and labels, for the tests: positions in 0..1 of the axis
    // (on its log scale), a label per line, empty where a decade is not labelled.
    QList<float> linePositions() const { return gridPositions(); }
    QStringList lineLabels() const { return labelStrings(); }

protected:
    QValue3DAxisFormatter* createNewInstance() const override;
    void recalculate() override;
    void populateCopy(QValue3DAxisFormatter& copy) const override;

private:
    int target_ = 5;
    int every_ = 1;
};

}  // namespace downhill::ui
