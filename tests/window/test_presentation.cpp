// Presentation mode (F5): every plot's lines, markers and text grow, the panels do not, and leaving it
// brings back exactly the sizes from before, also for things drawn while it was on.
#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

#include "plots/landscape_plot.h"
#include "plots/loss_plot.h"
#include "window/shell/main_window.h"
#include "plots/palette.h"
#include "tests/common/window_harness.h"

using namespace downhill;
using downhill::test::openWindow;
using downhill::ui::MainWindow;

namespace {

struct Sizes {
    double pathPen, arrowPen, arrowHead, tickFont, lossPen, minimumMarker, readoutFont;
};

Sizes measure(MainWindow& w)
{
    auto* plot = w.landscapePlot();
    auto* arrow = plot->findChild<QCPItemLine*>(QStringLiteral("gradientArrow"));
    const auto* readout = w.findChild<QLabel*>(QStringLiteral("readoutLr"));
    return {plot->findChild<QCPCurve*>(QStringLiteral("path7"))->pen().widthF(), arrow ? arrow->pen().widthF() : -1,
        arrow ? arrow->head().width() : -1, plot->xAxis->tickLabelFont().pointSizeF(),
        w.lossPlot()->trainGraph()->pen().widthF(), plot->findChild<QCPGraph*>(QStringLiteral("minimumMarker"))->scatterStyle().size(),
        QFontInfo(readout->font()).pointSizeF()};
}

}  // namespace

class TestPresentation : public QObject {
    Q_OBJECT
private slots:
    void f5MakesEverythingLargerAndBack()
    {
        auto w = openWindow();
        QVERIFY(w);
        auto* toggle = w->findChild<QAction*>(QStringLiteral("presentationAction"));
        QVERIFY(toggle);
        QCOMPARE(toggle->shortcut(), QKeySequence(Qt::Key_F5));
        const Sizes before = measure(*w);
        QVERIFY(before.arrowPen > 0);
        const QSize landscapeBefore = w->landscapePlot()->size();

        toggle->trigger();
        QVERIFY(w->presentationMode());
        QCoreApplication::processEvents();
        const Sizes on = measure(*w);
        const double lines = ui::palette::presentationScale();
        const double text = ui::palette::presentationTextScale();
        QVERIFY(lines > 1.2);
        QVERIFY(text > 1.1);
        QCOMPARE(on.pathPen, before.pathPen * lines);
        QCOMPARE(on.arrowPen, before.arrowPen * lines);
        // Heads shrink on short arrows, between limits that grow with the lines.
        QVERIFY(on.arrowHead >= 0.75 * 5.0 * lines);
        QCOMPARE(on.lossPen, before.lossPen * lines);
        QCOMPARE(on.minimumMarker, before.minimumMarker * lines);
        QCOMPARE(on.tickFont, before.tickFont * text);
        // The plots grow, not the side panels: their text stays, and so does the landscape's room.
        QCOMPARE(on.readoutFont, before.readoutFont);
        QCOMPARE(w->landscapePlot()->size(), landscapeBefore);

        // Drawn while on: a race's overlay path is as thick as the rest, and thin again after.
        const int id = w->landscapePlot()->addOverlayPath(QStringLiteral("adam"), ui::palette::raceColor(0));
        const double overlayOn = w->landscapePlot()->overlayCurve(id)->pen().widthF();

        toggle->trigger();
        QVERIFY(!w->presentationMode());
        QCoreApplication::processEvents();
        const Sizes after = measure(*w);
        QCOMPARE(after.pathPen, before.pathPen);
        QCOMPARE(after.arrowPen, before.arrowPen);
        // The head depends on the arrow's length in pixels: once the layout has settled again.
        // Compared as QCOMPARE compares doubles: the length goes through the axis rect's size in
        // pixels, and that rect is not the same to the pixel after the round trip (nor is it
        // always settled when `before` is measured), so the last bits may differ. An exact ==
        // then never came true: the wait ran out after 15 s and the fuzzy QCOMPARE behind it
        // passed.
        QCOMPARE(w->size(), QSize(1280, 800));   // the larger text may grow the window; it shrinks back
        QTRY_VERIFY(qFuzzyCompare(measure(*w).arrowHead, before.arrowHead));
        QCOMPARE(after.lossPen, before.lossPen);
        QCOMPARE(after.minimumMarker, before.minimumMarker);
        QCOMPARE(after.tickFont, before.tickFont);
        QCOMPARE(after.readoutFont, before.readoutFont);
        QCOMPARE(w->landscapePlot()->overlayCurve(id)->pen().widthF() * lines, overlayOn);

        // Twice on and off changes nothing: sizes are taken from the normal ones, not compounded.
        toggle->trigger();
        toggle->trigger();
        QCoreApplication::processEvents();
        QCOMPARE(measure(*w).arrowPen, before.arrowPen);
        QCOMPARE(measure(*w).tickFont, before.tickFont);
    }
};

QTEST_MAIN(TestPresentation)
#include "test_presentation.moc"
