// StepCard: the numbers of a hand-worked step appear in the card, Copy puts exactly the shown
// text on the clipboard, and an empty card says how to get a step.
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "core/model/objective.h"
#include "window/run/step_card.h"

using namespace downhill;
using downhill::ui::StepCard;

namespace {

// One update of a real trainer, recorded the way the window records it.
core::StepInputs stepOnce(const std::shared_ptr<const core::Objective>& objective, core::TrainSettings settings, core::Vec init,
    const core::Samples& samples)
{
    core::TrainData data;
    data.train = samples;
    core::Trainer trainer(objective, data, settings, init);
    core::StepInputs in;
    in.objective = objective.get();
    in.settings = settings;
    in.before = trainer.state();
    trainer.step(&in.record);
    in.batch = trainer.lastBatch();
    in.batchRows = trainer.lastBatchRows();
    return in;
}

core::Samples handWorked()
{
    core::Samples s;
    s.x = core::Array{{1.0, 2.0, 3.0}};
    s.t = core::Array{{2.0, 3.0, 7.0}};
    return s;
}

core::TrainSettings fullBatch(double lr)
{
    core::TrainSettings settings;
    settings.batchSize = 3;
    settings.shuffle = false;
    settings.optimizer.lr = lr;
    return settings;
}

}  // namespace

class TestStepCard : public QObject {
    Q_OBJECT

private slots:
    void emptyCardGivesTheHint()
    {
        StepCard card;
        card.show();
        auto* view = card.findChild<QPlainTextEdit*>(QStringLiteral("stepText"));
        auto* copy = card.findChild<QPushButton*>(QStringLiteral("copyButton"));
        QVERIFY(view && copy);
        QVERIFY(card.isEmpty());
        QVERIFY(view->toPlainText().isEmpty());
        QVERIFY(view->placeholderText().contains(QStringLiteral("Press Step (Right arrow)")));
        QVERIFY(!copy->isEnabled());
    }

    // x = 1, 2, 3; t = 2, 3, 7; (w, b) = (2, 1); lr 0.1. y = 3, 5, 7; r = 1, 2, 0; L = 5/3;
    // dL/dw = (2*1 + 4*2 + 0*3)/3 = 10/3; dL/db = 2; w_new = 2 - 0.1*10/3 = 1.66667; b_new = 0.8.
    void handWorkedSgdStep()
    {
        StepCard card;
        card.resize(900, 600);
        card.show();
        const auto objective = core::makeObjective("linear", {});
        card.setStep(stepOnce(objective, fullBatch(0.1), core::Vec{{2.0, 1.0}}, handWorked()));
        auto* view = card.findChild<QPlainTextEdit*>(QStringLiteral("stepText"));
        auto* header = card.findChild<QLabel*>(QStringLiteral("stepHeader"));
        const QString text = view->toPlainText();
        QCOMPARE(text, card.text());
        QVERIFY2(text.contains(QStringLiteral("Mean loss  L = (sum of the loss column) / 3 = 1.66667")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("dL/dw = (2*1 + 4*2 + 0*3) / 3 = 3.33333")));
        QVERIFY(text.contains(QStringLiteral("dL/db = (2*1 + 4*1 + 0*1) / 3 = 2")));
        QVERIFY(text.contains(QStringLiteral("w_new = w - lr * direction = 2 - 0.1 * 3.33333 = 1.66667")));
        QVERIFY(text.contains(QStringLiteral("b_new = b - lr * direction = 1 - 0.1 * 2 = 0.8")));
        QVERIFY(text.contains(QStringLiteral("Learning rate for this step: 0.1")));
        // Each sample's row: x, t, y, r, loss (row 1: x 2, t 3, y 5, r 2, loss 4).
        const QStringList rows = text.split(QLatin1Char('\n'));
        const auto row1 = std::find_if(rows.begin(), rows.end(), [](const QString& line) { return line.startsWith(QStringLiteral("  1 ")); });
        QVERIFY(row1 != rows.end());
        QCOMPARE(row1->simplified().split(QLatin1Char(' ')).mid(0, 6), (QStringList{"1", "2", "3", "5", "2", "4"}));
        QVERIFY(header->text().contains(QStringLiteral("Step 1")));
        QVERIFY(header->text().contains(QStringLiteral("lr 0.1")));
        QVERIFY(header->text().contains(QStringLiteral("batch of 3")));
        QVERIFY(view->isReadOnly());
        // Columns line up: every character as wide as every other (what fixed pitch is for; asked
        // of the glyphs, since fontconfig does not mark every monospaced family as fixed).
        const QFontMetricsF metrics(view->font());
        for (const QChar c : QStringLiteral("W1.-e "))
            QCOMPARE(metrics.horizontalAdvance(c), metrics.horizontalAdvance(QLatin1Char('i')));
    }

    void copyPutsTheSameTextOnTheClipboard()
    {
        StepCard card;
        card.show();
        const auto objective = core::makeObjective("linear", {});
        card.setStep(stepOnce(objective, fullBatch(0.1), core::Vec{{2.0, 1.0}}, handWorked()));
        QApplication::clipboard()->setText(QStringLiteral("something else"));
        auto* copy = card.findChild<QPushButton*>(QStringLiteral("copyButton"));
        QVERIFY(copy->isEnabled());
        QSignalSpy copied(&card, &StepCard::copied);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(copied.count(), 1);
        QCOMPARE(QApplication::clipboard()->text(), card.findChild<QPlainTextEdit*>(QStringLiteral("stepText"))->toPlainText());
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("1.66667")));
        // Back to empty: nothing left to copy.
        card.setEmpty();
        QVERIFY(!copy->isEnabled());
        QVERIFY(card.text().isEmpty());
    }

    void momentumStatesTheConvention()
    {
        StepCard card;
        auto settings = fullBatch(0.1);
        settings.optimizer.momentum = 0.9;
        card.setStep(stepOnce(core::makeObjective("linear", {}), settings, core::Vec{{2.0, 1.0}}, handWorked()));
        QVERIFY(card.text().contains(QStringLiteral("b_w = g = 3.33333")));
        QVERIFY(card.text().contains(QStringLiteral("Momentum convention (PyTorch): the learning rate stays outside the buffer")));
    }

    // mae with r = 1, 2, 0: the third sample sits exactly on the kink.
    void maeKinkIsVisible()
    {
        StepCard card;
        core::LossSettings mae;
        mae.kind = core::LossKind::Mae;
        card.setStep(stepOnce(core::makeObjective("linear", mae), fullBatch(0.1), core::Vec{{2.0, 1.0}}, handWorked()));
        QVERIFY2(card.text().contains(QStringLiteral("1 sample has r = 0 exactly (*): dL/dy = sign(0) = 0")), qPrintable(card.text()));
        QVERIFY(card.text().contains(QStringLiteral("dL/dw = (1*1 + 1*2 + 0*3) / 3 = 1")));
    }

    void analyticFunctionHeader()
    {
        StepCard card;
        core::TrainSettings settings;
        settings.optimizer.lr = 0.01;
        card.setStep(stepOnce(core::makeObjective("saddle", {}), settings, core::Vec{{1.0, 0.5}}, {}));
        QVERIFY(card.header().contains(QStringLiteral("f = 0.75")));
        QVERIFY(!card.header().contains(QStringLiteral("batch")));
        QVERIFY(card.text().contains(QStringLiteral("x_new = x - lr * direction = 1 - 0.01 * 2 = 0.98")));
    }
};

QTEST_MAIN(TestStepCard)
#include "test_step_card.moc"
