// TextBoxes: what the label placer measures of a text item, kept between placements, is always
// what QCustomPlot's own anchors say now: after the text, the font, the padding or the place
// changed, as well as when nothing did.
#include <QTest>

#include <memory>

#include <qcustomplot.h>

#include "plots/landscape/label_placer.h"

using downhill::ui::TextBoxes;

namespace {

QRectF anchors(const QCPItemText* item)
{
    return QRectF(item->topLeft->pixelPosition(), item->bottomRight->pixelPosition());
}

QSizeF oneLine(const QCPItemText* item)
{
    const QFontMetrics metrics(item->font());
    const QMargins pad = item->padding();
    return QSizeF(metrics.horizontalAdvance(item->text()) + pad.left() + pad.right() + 2, metrics.height() + pad.top() + pad.bottom());
}

}  // namespace

class TestTextBoxes : public QObject {
    Q_OBJECT
private slots:
    void boxesFollowTheItem()
    {
        QCustomPlot plot;
        plot.resize(500, 400);
        plot.xAxis->setRange(0, 10);
        plot.yAxis->setRange(0, 10);
        plot.replot();
        auto* item = new QCPItemText(&plot);
        item->position->setCoords(3, 4);
        item->setText(QStringLiteral("-grad"));
        item->setPadding(QMargins(2, 1, 2, 1));
        TextBoxes boxes;
        const QRectF first = boxes.box(item);
        QCOMPARE(first, anchors(item));
        QCOMPARE(boxes.box(item), first);   // asked again, nothing changed
        QCOMPARE(boxes.size(item), oneLine(item));

        const auto same = [&](const char* what) {
            QVERIFY2(boxes.box(item) == anchors(item), what);
            QVERIFY2(boxes.size(item) == oneLine(item), what);
        };
        item->setText(QStringLiteral("step taken, and a longer name"));
        QVERIFY(anchors(item).width() > first.width());
        same("longer text");
        item->setText(QStringLiteral("two\nlines"));
        same("two lines");
        QFont big = item->font();
        big.setPointSizeF(big.pointSizeF() * 1.7);
        item->setFont(big);
        same("larger font");
        item->setPadding(QMargins(9, 7, 9, 7));
        same("padding");
        item->position->setCoords(6, 1);
        same("moved");
        plot.xAxis->setRange(-10, 10);   // the same coordinates, another pixel
        same("axis range");
        item->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        same("aligned");
        // Two items never share an entry.
        auto* other = new QCPItemText(&plot);
        other->position->setCoords(1, 1);
        other->setText(QStringLiteral("min"));
        QCOMPARE(boxes.box(other), anchors(other));
        same("after another item");
    }
};

QTEST_MAIN(TestTextBoxes)
#include "test_text_boxes.moc"
