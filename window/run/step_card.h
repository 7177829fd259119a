#pragma once
// The step card: the arithmetic of the update just taken, with its real numbers, so a student
// can redo it on paper. A one-line summary on top, the full text (core::explainStep: the batch
// table, mean loss, chain-rule terms, the optimizer's update with its buffers, the scheduled
// learning rate and the momentum convention; for a network, one sample forwards and back and
// each layer's update) in monospace columns below, and a Copy button that puts exactly that
// text on the clipboard.
//
// Children by objectName: "stepHeader" (QLabel), "stepText" (QPlainTextEdit, read-only),
// "copyButton" (QPushButton).
#include <QString>
#include <QWidget>

#include "core/train/step_explanation.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace downhill::ui {

class StepCard : public QWidget {
    Q_OBJECT
public:
    explicit StepCard(QWidget* parent = nullptr);

    // Shows this update. The text is made here and now: step.objective need only live for the
    // call.
    void setStep(const core::StepInputs& step);
    // No update to show (a new run, nothing stepped yet): a hint how to get one.
    void setEmpty();
    // The palette's colours again (View > Theme changed them).
    void restyle();

    bool isEmpty() const { return text_.isEmpty(); }
    QString text() const { return text_; }       // what Copy puts on the clipboard
    QString header() const;

public slots:
    void copyToClipboard();

signals:
    void copied();

private:
    QLabel* header_ = nullptr;
    QPlainTextEdit* view_ = nullptr;
    QPushButton* copy_ = nullptr;
    QString text_;
};

}  // namespace downhill::ui
