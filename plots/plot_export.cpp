#include "plots/plot_export.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace downhill::ui {

bool exportPlotImage(QCustomPlot* plot, const QString& path, QString* error)
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") && suffix != QLatin1String("pdf"))
        return fail(QCoreApplication::translate("PlotExport", "Cannot export to \"%1\": unknown file type; use .png, .svg or .pdf.").arg(info.fileName()));
    if (!info.absoluteDir().exists())
        return fail(QCoreApplication::translate("PlotExport", "Cannot export to \"%1\": the folder does not exist.").arg(QDir::toNativeSeparators(path)));
    // A plot that was never shown has no size of its own: export at a slide-friendly default.
    const bool sized = plot->width() >= 50 && plot->height() >= 50;
    const int w = sized ? plot->width() : 1280;
    const int h = sized ? plot->height() : 800;

    // QSaveFile writes a temporary file beside the target and renames it into place on commit,
    // so a failed export never leaves a half-written image behind.
    QSaveFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly))
        return fail(QCoreApplication::translate("PlotExport", "Cannot write \"%1\": %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        const QPixmap pixmap = plot->toPixmap(w, h, 2.0);  // 2x for slides
        ok = !pixmap.isNull() && pixmap.save(&file, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(QSize(w, h));
        generator.setViewBox(QRect(0, 0, w, h));
        generator.setTitle(QStringLiteral("Downhill"));
        QCPPainter painter;
        if (painter.begin(&generator)) {
            painter.setMode(QCPPainter::pmVectorized);
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
    } else {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Downhill"));
        writer.setTitle(QStringLiteral("Downhill"));
        writer.setResolution(72);  // one point per plot pixel
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(w, h), QPageSize::Point, QString(), QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter;
        if (painter.begin(&writer)) {
            painter.setMode(QCPPainter::pmVectorized);
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
    }
    // Rendering at the export size re-laid the plot out; lay it out for the screen again.
    plot->replot(QCustomPlot::rpQueuedRefresh);
    if (!ok || file.error() != QFileDevice::NoError) {
        file.cancelWriting();
        return fail(QCoreApplication::translate("PlotExport", "Cannot write \"%1\": %2.")
                        .arg(QDir::toNativeSeparators(path), file.error() != QFileDevice::NoError ? file.errorString()
                                                                                                  : QCoreApplication::translate("PlotExport", "rendering failed")));
    }
    if (!file.commit())
        return fail(QCoreApplication::translate("PlotExport", "Cannot write \"%1\": %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

}  // namespace downhill::ui
