// SteadyLabel: a label whose text changes every frame without the window being laid out again.
// A plain QLabel beside it shows what the test would see without it: a layout request for its
// parent at every new text. And the real window, playing, asks its own layout for nothing.
#include <QHBoxLayout>
#include <QLabel>
#include <QtTest>

#include <memory>

#include "session/run/training_controller.h"
#include "tests/common/window_harness.h"
#include "window/run/readout_panel.h"
#include "window/run/steady_label.h"
#include "window/shell/main_window.h"

using downhill::ui::SteadyLabel;

namespace {

// Counts the layout requests an object receives.
struct LayoutRequests : QObject {
    int count = 0;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

struct Row {
    std::unique_ptr<QWidget> parent = std::make_unique<QWidget>();
    LayoutRequests requests;
    Row()
    {
        parent->setLayout(new QHBoxLayout);
        parent->resize(400, 60);
    }
    template <typename Label>
    Label* add(const QString& text)
    {
        auto* label = new Label(text, parent.get());
        parent->layout()->addWidget(label);
        return label;
    }
    // Shown, settled, then counting from zero.
    bool start()
    {
        parent->show();
        if (!QTest::qWaitForWindowExposed(parent.get()) || !downhill::test::settleLayouts())
            return false;
        parent->installEventFilter(&requests);
        requests.count = 0;
        return true;
    }
};

bool textFits(const QLabel& label)
{
    return label.width() >= label.fontMetrics().horizontalAdvance(label.text()) && label.height() >= label.fontMetrics().height();
}

}  // namespace

class TestSteadyLabel : public QObject {
    Q_OBJECT
private slots:
    // Four new numbers of one width: the steady label asks its parent for no layout; the control,
    // a plain QLabel with the same texts, asks at each one.
    void aNewNumberAsksForNoLayout_data()
    {
        QTest::addColumn<bool>("steady");
        QTest::addColumn<int>("requests");
        QTest::newRow("SteadyLabel") << true << 0;
        QTest::newRow("QLabel, the control") << false << 4;
    }

    void aNewNumberAsksForNoLayout()
    {
        QFETCH(bool, steady);
        QFETCH(int, requests);
        Row row;
        const QString first = QStringLiteral("0.500000");
        SteadyLabel* steadyLabel = steady ? row.add<SteadyLabel>(first) : nullptr;
        QLabel* plain = steady ? nullptr : row.add<QLabel>(first);
        QVERIFY(row.start());
        for (const char* text : {"0.412345", "0.398765", "0.387654", "0.376543"}) {
            if (steady)
                steadyLabel->setText(QLatin1String(text));   // SteadyLabel::setText, not QLabel's
            else
                plain->setText(QLatin1String(text));
            QCoreApplication::sendPostedEvents();
            const QLabel& label = steady ? *steadyLabel : *plain;
            QCOMPARE(label.text(), QLatin1String(text));
            QVERIFY(textFits(label));
        }
        QCOMPARE(row.requests.count, requests);
    }

    void aWiderTextGrowsOnceAndTheLabelNeverShrinksWhileCounting()
    {
        Row row;
        auto* label = row.add<SteadyLabel>(QStringLiteral("9"));
        QVERIFY(row.start());
        const int narrow = label->width();
        label->setText(QStringLiteral("1.2346e+06"));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(row.requests.count, 1);
        QVERIFY(label->width() > narrow);
        QVERIFY(textFits(*label));
        const int wide = label->width();
        label->setText(QStringLiteral("0.5"));   // shorter: the room stays, nothing is laid out
        QCoreApplication::sendPostedEvents();
        QCOMPARE(row.requests.count, 1);
        QCOMPARE(label->width(), wide);
        // A new run starts from nothing again.
        label->clear();
        label->setText(QStringLiteral("7"));
        QVERIFY(downhill::test::settleLayouts());
        QVERIFY(label->width() < wide);
        QVERIFY(textFits(*label));
    }

    void linesSetTheHeight()
    {
        Row row;
        auto* label = row.add<SteadyLabel>(QStringLiteral("w = 1"));
        QVERIFY(row.start());
        const int one = label->height();
        label->setText(QStringLiteral("w = 1\nb = 2\nc = 3"));
        QVERIFY(downhill::test::settleLayouts());
        QVERIFY2(label->height() >= one + 2 * label->fontMetrics().lineSpacing() - 1, qPrintable(QString::number(label->height())));
        label->setText(QStringLiteral("w = 1"));
        QVERIFY(downhill::test::settleLayouts());
        QCOMPARE(label->height(), one);
    }

    // Room for the widest text a counter will show, in the font it has now.
    void roomIsKeptInEveryFont()
    {
        Row row;
        auto* label = row.add<SteadyLabel>(QStringLiteral("step 1 of 1"));
        const QString widest = QStringLiteral("step 10,000,000 of 10,000,000");
        label->setRoomFor(widest);
        QVERIFY(row.start());
        QVERIFY(label->width() >= label->fontMetrics().horizontalAdvance(widest));
        for (int step = 2; step < 40; step += 7)
            label->setText(QStringLiteral("step %1 of %2").arg(step).arg(step * 1000));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(row.requests.count, 0);
        QFont big = label->font();
        big.setPointSizeF(big.pointSizeF() * 2);
        const int before = label->width();
        label->setFont(big);
        QVERIFY(downhill::test::settleLayouts());
        QVERIFY(label->width() > before);
        QVERIFY(label->width() >= label->fontMetrics().horizontalAdvance(widest));
        QVERIFY(textFits(*label));
    }

    // A diverging run's numbers widen the read-outs; a fresh run has them narrow again.
    void aFreshRunStartsNarrow()
    {
        downhill::ui::ReadoutPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        downhill::core::TrainState state;
        state.params = downhill::core::Vec{{1.0, 2.0}};
        panel.setParameterNames({"w", "b"});
        panel.setBatchesPerEpoch(10);
        panel.showStart(state, downhill::core::Vec{{0.1, 0.2}}, 0.5);
        downhill::core::StepRecord record;
        record.step = 1;
        record.lr = 0.05;
        record.batchLoss = -1.5e300;
        record.gradient = downhill::core::Vec{{3e299, -2e299}};
        record.trainLoss = 2.5e301;
        state.step = 1;
        panel.showStep(record, state, 10);
        QVERIFY(downhill::test::settleLayouts());
        auto* loss = panel.findChild<SteadyLabel*>(QStringLiteral("readoutBatchLoss"));
        QVERIFY(loss);
        const int wide = loss->width();
        QVERIFY(textFits(*loss));
        state.step = 0;
        panel.showStart(state, downhill::core::Vec{{0.1, 0.2}}, 0.5);
        record.batchLoss = 0.25;
        record.gradient = downhill::core::Vec{{0.1, 0.2}};
        record.trainLoss = 0.2;
        state.step = 1;
        panel.showStep(record, state, 10);
        QVERIFY(downhill::test::settleLayouts());
        QCOMPARE(loss->text(), QStringLiteral("0.250000"));
        QVERIFY2(loss->width() < wide, qPrintable(QStringLiteral("%1 px, was %2 px").arg(loss->width()).arg(wide)));
        QVERIFY(textFits(*loss));
    }

    // The real window playing at 20 steps a second: every read-out and the timeline change at
    // every frame, and the main window's layout is asked for nothing (before SteadyLabel, each
    // frame laid out the read-outs, their group, the column, the scroll area, the timeline, the
    // toolbar and the main window).
    void aPlayingWindowLaysOutNothing()
    {
        auto w = downhill::test::openWindow();
        QVERIFY(w);
        auto* controller = w->controller();
        controller->setSpeed(20);
        controller->play();
        QTRY_VERIFY_WITH_TIMEOUT(controller->state().step >= 12, 10000);
        LayoutRequests window, readouts;
        w->installEventFilter(&window);
        auto* panel = w->findChild<QWidget*>(QStringLiteral("readouts"));
        QVERIFY(panel);
        panel->installEventFilter(&readouts);
        const std::int64_t from = controller->state().step;
        int frames = 0;
        connect(w.get(), &downhill::ui::MainWindow::frameShown, this, [&frames] { ++frames; });
        QTRY_VERIFY_WITH_TIMEOUT(frames >= 20, 10000);
        controller->pause();
        QVERIFY(controller->state().step >= from + 15);
        QCOMPARE(window.count, 0);
        // A number wider than any before it asks once (from step 99 to 100, say); not each frame.
        QVERIFY2(readouts.count <= 3, qPrintable(QString::number(readouts.count)));
    }
};

QTEST_MAIN(TestSteadyLabel)
#include "test_steady_label.moc"
