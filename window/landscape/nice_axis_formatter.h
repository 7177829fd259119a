#pragma once
// Ticks at round values for the 3D view's linear axes: a step of 1, 2 or 5 x 10^k, as the 2D
// plots' axes have them, at the step's multiples inside the axis's range, labelled with no more
// digits than the step needs ("-0.5", "0", "0.5"). The range itself stays the grid's own: the
// box is not widened to round ends, so the first and last tick are usually inside it.
//
// Qt Data Visualization's own formatter puts segmentCount + 1 ticks at
// min + k (max - min) / segmentCount, which for a grid's arbitrary range are odd values
// ("-0.497"). A formatter gives the renderer the ticks as positions normalised to the range
// (0 at min, 1 at max) with a label for each; the renderer works from a copy of it
// (createNewInstance, then populateCopy), whose positions and range the base class copies.
#include <QList>
#include <QLocale>
#include <QStringList>
#include <QValue3DAxisFormatter>

#include <vector>

namespace downhill::ui {

class NiceAxisFormatter : public QValue3DAxisFormatter {
    Q_OBJECT
public:
    explicit NiceAxisFormatter(QObject* parent = nullptr);

    // The number of ticks to aim for (at least 2): the step is the one of 1, 2, 5 x 10^k whose
    // count of ticks in the range comes closest, from 2 to half as many again as the target (the
    // larger step of two as close). Where no step gives such a count, the finest step with 2
    // ticks or more, every labelEvery-th of them labelled, the first and the last among them
    // ([-4, 4] with room for 2: lines at -4, -2, 0, 2, 4, labels at -4 and 4), never one alone.
    void setTargetTickCount(int count);
    int targetTickCount() const { return target_; }

    struct Ticks {
        double step = 0.0;            // 0 when the range is empty or not finite
        std::vector<double> values;   // the multiples of step in [min, max], ascending
        int labelEvery = 1;           // values[0], values[labelEvery], ... carry labels
    };
    static Ticks niceTicks(double min, double max, int target);
    // A tick's label: value with the decimals the step needs and no trailing zeros; in
    // exponent form when the numbers are very large or very small for fixed decimals.
    static QString tickLabel(double value, double step, const QLocale& locale);

    // The labelled ticks of the last recalculation, for the tests: positions in 0..1 and labels.
    QList<float> tickPositions() const { return labelPositions(); }
    QStringList tickLabels() const { return labelStrings(); }
    QList<float> gridLinePositions() const { return gridPositions(); }   // every tick, labelled or not

protected:
    QValue3DAxisFormatter* createNewInstance() const override;
    void recalculate() override;
    void populateCopy(QValue3DAxisFormatter& copy) const override;

private:
    int target_ = 5;
};

}  // namespace downhill::ui
