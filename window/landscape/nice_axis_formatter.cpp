#include "window/landscape/nice_axis_formatter.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include <QValue3DAxis>

namespace downhill::ui {

namespace {

// How far outside the range (in steps) a multiple may lie and still count as on its end, so that
// a range from 0 to 1 in float has its ticks at 0 and 1.
constexpr double kEdgeSlack = 1e-6;

// step = mantissa x 10^exponent, and its multiples k * step computed as k * mantissa scaled by an
// exact power of ten, so that 3 x 0.1 is the double nearest 0.3 and not 0.30000000000000004.
struct Step {
    int mantissa = 1;
    int exponent = 0;
    double value() const { return scaled(1); }
    double scaled(long long k) const
    {
        const double m = static_cast<double>(k * mantissa);
        return exponent >= 0 ? m * std::pow(10.0, exponent) : m / std::pow(10.0, -exponent);
    }
    long long first(double min) const { return static_cast<long long>(std::ceil(min / value() - kEdgeSlack)); }
    long long last(double max) const { return static_cast<long long>(std::floor(max / value() + kEdgeSlack)); }
    long long count(double min, double max) const { return last(max) - first(min) + 1; }
};

}  // namespace

NiceAxisFormatter::NiceAxisFormatter(QObject* parent) : QValue3DAxisFormatter(parent)
{
    // A graph's own default (the C locale's digits, no group separators) until a graph sets its
    // locale, as it does when the axis is attached; the tests' axes have no graph.
    setLocale(QLocale::c());
}

void NiceAxisFormatter::setTargetTickCount(int count)
{
    count = std::max(count, 2);
    if (count == target_)
        return;
    target_ = count;
    markDirty(true);
}

NiceAxisFormatter::Ticks NiceAxisFormatter::niceTicks(double min, double max, int target)
{
    Ticks ticks;
    if (!std::isfinite(min) || !std::isfinite(max) || !(max > min) || !std::isfinite(max - min))
        return ticks;
    target = std::max(target, 2);
    // The candidates around range / target, from a step ten times finer to ten times coarser.
    const int around = static_cast<int>(std::floor(std::log10((max - min) / target)));
    // The count closest to the target among those from 2 to half as many again. Where none is
    // (an axis with room for 2 whose range has 1 or 5 round values: [-4, 4] has 0 alone at a
    // step of 5, and -4, -2, 0, 2, 4 at a step of 2), the finest step with 2 ticks or more, its
    // labels thinned below: a single label would not tell the axis's scale.
    const long long most = (3LL * target + 1) / 2;
    const auto score = [target, most](long long count) {
        if (count >= 2 && count <= most)
            return std::llabs(count - target);
        return std::numeric_limits<long long>::max();
    };
    Step best;
    long long bestScore = -1;
    std::optional<Step> fewest;   // the step with the fewest ticks, at least 2
    for (int exponent = around - 1; exponent <= around + 1; ++exponent) {
        for (const int mantissa : {1, 2, 5}) {
            const Step step{mantissa, exponent};
            const long long count = step.count(min, max);
            const long long s = score(count);
            if (bestScore < 0 || s <= bestScore) {   // ascending steps: of two as good, the larger
                best = step;
                bestScore = s;
            }
            if (count >= 2)
                fewest = step;
        }
    }
    if (bestScore == std::numeric_limits<long long>::max() && fewest)
        best = *fewest;
    ticks.step = best.value();
    for (long long k = best.first(min); k <= best.last(max); ++k)
        ticks.values.push_back(best.scaled(k));
    // Every labelEvery-th tick from the first carries a label, as many as the target at most and
    // the last tick among them: the smallest divisor of the gaps that brings the count down
    // (the gaps themselves always do: the first and the last).
    const auto gaps = static_cast<long long>(ticks.values.size()) - 1;
    if (gaps + 1 > most) {
        for (long long every = 2; every <= gaps; ++every) {
            if (gaps % every == 0 && gaps / every + 1 <= target) {
                ticks.labelEvery = static_cast<int>(every);
                break;
            }
        }
    }
    return ticks;
}

QString NiceAxisFormatter::tickLabel(double value, double step, const QLocale& locale)
{
    if (value == 0.0)
        return locale.toString(0);   // never "-0"
    const int stepDigit = static_cast<int>(std::floor(std::log10(step) + 1e-9));
    const double magnitude = std::abs(value);
    if (magnitude >= 1e6 || step < 1e-4) {
        // 1e+06, 2.5e-05: as many significant digits as from the value's first digit to the step's.
        const int valueDigit = static_cast<int>(std::floor(std::log10(magnitude)));
        return locale.toString(value, 'g', std::max(1, valueDigit - stepDigit + 1));
    }
    QString text = locale.toString(value, 'f', std::max(0, -stepDigit));
    const QString point = locale.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(locale.zeroDigit()))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

QValue3DAxisFormatter* NiceAxisFormatter::createNewInstance() const
{
    return new NiceAxisFormatter;
}

void NiceAxisFormatter::populateCopy(QValue3DAxisFormatter& copy) const
{
    QValue3DAxisFormatter::populateCopy(copy);
    if (auto* nice = qobject_cast<NiceAxisFormatter*>(&copy))
        nice->target_ = target_;
}

void NiceAxisFormatter::recalculate()
{
    const QValue3DAxis* axis = this->axis();
    const double min = axis->min();
    const double max = axis->max();
    const Ticks ticks = niceTicks(min, max, target_);
    if (ticks.values.empty()) {
        QValue3DAxisFormatter::recalculate();
        return;
    }
    QList<float>& grid = gridPositions();
    QList<float>& positions = labelPositions();
    QStringList& labels = labelStrings();
    grid.clear();
    positions.clear();
    labels.clear();
    subGridPositions().clear();   // no sub-grid: a small box has no room for it
    for (std::size_t k = 0; k < ticks.values.size(); ++k) {
        const double value = ticks.values[k];
        const auto position = static_cast<float>(std::clamp((value - min) / (max - min), 0.0, 1.0));
        grid.push_back(position);
        if (k % static_cast<std::size_t>(ticks.labelEvery) == 0) {
            positions.push_back(position);
            labels.push_back(tickLabel(value, ticks.step, locale()));
        }
    }
}

}  // namespace downhill::ui
