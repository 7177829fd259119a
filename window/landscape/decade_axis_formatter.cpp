#include "window/landscape/decade_axis_formatter.h"

#include <algorithm>
#include <cmath>

namespace downhill::ui {

DecadeAxisFormatter::DecadeAxisFormatter(QObject* parent) : QLogValue3DAxisFormatter(parent)
{
    setAutoSubGrid(false);     // a line per decade: sub-grids clutter a small box
    setShowEdgeLabels(false);  // the floor's label sat on top of the first decade's
    setLocale(QLocale::c());   // a graph's own default, until a graph sets its locale
}

void DecadeAxisFormatter::setTargetLabelCount(int count)
{
    count = std::max(count, 2);
    if (count == target_)
        return;
    target_ = count;
    markDirty(true);
}

QValue3DAxisFormatter* DecadeAxisFormatter::createNewInstance() const
{
    return new DecadeAxisFormatter;
}

void DecadeAxisFormatter::populateCopy(QValue3DAxisFormatter& copy) const
{
    QLogValue3DAxisFormatter::populateCopy(copy);
    if (auto* decades = qobject_cast<DecadeAxisFormatter*>(&copy)) {
        decades->target_ = target_;
        decades->every_ = every_;
    }
}

void DecadeAxisFormatter::recalculate()
{
    QLogValue3DAxisFormatter::recalculate();
    const QList<float>& positions = labelPositions();
    QStringList& labels = labelStrings();
    // Each labelled line's decade, from its place on the axis.
    QList<int> decade;
    for (qsizetype k = 0; k < labels.size(); ++k)
        decade.push_back(labels[k].isEmpty() ? 0 : static_cast<int>(std::lround(std::log10(valueAt(positions[k])))));
    const auto labelled = [&](int every) {
        int count = 0;
        for (qsizetype k = 0; k < labels.size(); ++k)
            count += !labels[k].isEmpty() && decade[k] % every == 0 ? 1 : 0;
        return count;
    };
    every_ = 1;
    while (labelled(every_) > target_)
        ++every_;
    // A single label says nothing about the scale: rather one more than there is room for
    // (room for 2 over five decades: 0.01, 1, 100 rather than 1 alone).
    if (every_ > 1 && labelled(every_) < 2)
        --every_;
    for (qsizetype k = 0; k < labels.size(); ++k) {
        if (decade[k] % every_ != 0)
            labels[k].clear();
    }
}

}  // namespace downhill::ui
