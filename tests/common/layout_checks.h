#pragma once
// What a class sees of the window, measured: the share of the window the landscape covers, and
// the texts outside the plots that are cut off (labels that neither wrap nor scroll, table
// headers and cells narrower than what they hold, plot axis labels longer than their axis).
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStringList>
#include <QTableView>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <vector>

#include <qcustomplot.h>

#include "plots/fitted_label.h"
#include "plots/landscape_plot.h"
#include "window/run/surface_area.h"
#include "window/shell/main_window.h"

namespace downhill::test {

// The share of the window's area the landscape plots cover (both, side by side).
inline double landscapeShare(ui::MainWindow& w)
{
    double area = 0;
    for (const ui::LandscapePlot* plot : {w.surfaceArea()->mainPlot(), w.surfaceArea()->sidePlot()})
        if (plot && plot->isVisible())
            area += double(plot->width()) * plot->height();
    return area / (double(w.width()) * w.height());
}

// A widget that can scroll sideways shows all of what it holds.
inline bool scrollsSideways(const QWidget* w)
{
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (const auto* area = qobject_cast<const QScrollArea*>(p))
            if (area->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff)
                return true;
    return false;
}

inline bool shown(const QWidget* w, const QWidget* window)
{
    return w->isVisibleTo(window) && w->isVisible() && w->width() > 0 && w->height() > 0;
}

// Every visible text of the window outside the plots that is narrower than its text: labels
// that do not wrap, and table headers and cells.
inline QStringList clippedTexts(ui::MainWindow& w)
{
    QStringList clipped;
    for (const QLabel* label : w.findChildren<QLabel*>()) {
        if (!shown(label, &w) || label->wordWrap() || label->text().isEmpty() || !label->pixmap().isNull()
            || scrollsSideways(label))
            continue;
        int text = label->fontMetrics().size(0, label->text()).width();
        if (label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()))) {
            QTextDocument doc;
            doc.setDefaultFont(label->font());
            doc.setDocumentMargin(0);
            doc.setHtml(label->text());
            text = static_cast<int>(std::ceil(doc.idealWidth()));
        }
        const int need = text + 2 * label->margin() + label->contentsMargins().left() + label->contentsMargins().right();
        if (label->width() + 1 < need)
            clipped << QStringLiteral("label %1 \"%2\": %3 of %4 px")
                           .arg(label->objectName(), label->text().left(40))
                           .arg(label->width())
                           .arg(need);
    }
    for (const QTableView* table : w.findChildren<QTableView*>()) {
        if (!shown(table, &w) || !table->model() || table->horizontalScrollBar()->maximum() > 0 || scrollsSideways(table))
            continue;   // a table that scrolls sideways, or sits in what does, shows everything
        for (int c = 0; c < table->model()->columnCount(); ++c) {
            if (table->isColumnHidden(c))
                continue;
            const int width = table->columnWidth(c);
            int need = table->horizontalHeader()->sectionSizeHint(c);
            for (int r = 0; r < table->model()->rowCount(); ++r)
                need = std::max(need, table->fontMetrics().horizontalAdvance(table->model()->index(r, c).data().toString()) + 8);
            if (width + 1 < need)
                clipped << QStringLiteral("table %1 column %2 \"%3\": %4 of %5 px")
                               .arg(table->objectName())
                               .arg(c)
                               .arg(table->model()->headerData(c, Qt::Horizontal).toString())
                               .arg(width)
                               .arg(need);
        }
    }
    // Axis labels, which QCustomPlot draws whole past the axis's ends where the axis is shorter.
    for (const QCustomPlot* plot : w.findChildren<QCustomPlot*>()) {
        if (!shown(plot, &w))
            continue;
        std::vector<const QCPAxis*> axes;
        for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
            if (const auto* rect = qobject_cast<QCPAxisRect*>(element))
                for (const QCPAxis* axis : rect->axes())
                    axes.push_back(axis);
            if (const auto* scale = qobject_cast<QCPColorScale*>(element))
                if (scale->visible())
                    axes.push_back(scale->axis());
        }
        for (const QCPAxis* axis : axes) {
            if (!axis->visible() || axis->label().isEmpty() || ui::FittedLabel::length(axis) <= 0)
                continue;
            const int need = ui::FittedLabel::needed(axis, axis->label());
            if (ui::FittedLabel::length(axis) + 1 < need)
                clipped << QStringLiteral("axis label of %1 \"%2\": %3 of %4 px")
                               .arg(plot->objectName(), axis->label())
                               .arg(ui::FittedLabel::length(axis))
                               .arg(need);
        }
    }
    return clipped;
}

}  // namespace downhill::test
