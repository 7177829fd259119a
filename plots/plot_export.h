#pragma once
// Writes any plot to .png (2x), .svg or .pdf by suffix via a temporary file renamed into place;
// shared by LandscapePlot and LossPlot. On failure returns false, sets *error and leaves no file.
#include <QString>

#include <qcustomplot.h>

namespace downhill::ui {

bool exportPlotImage(QCustomPlot* plot, const QString& path, QString* error);

}  // namespace downhill::ui
