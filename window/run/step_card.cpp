#include "window/run/step_card.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "plots/palette.h"

namespace downhill::ui {

namespace {

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

}  // namespace

StepCard::StepCard(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("stepCard"));

    header_ = new QLabel(this);
    header_->setObjectName(QStringLiteral("stepHeader"));
    QFont headerFont = header_->font();
    headerFont.setBold(true);
    header_->setFont(headerFont);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The summary of a data step is long: in a narrow dock it wraps instead of widening the window.
    header_->setWordWrap(true);

    copy_ = new QPushButton(tr("Copy"), this);
    copy_->setObjectName(QStringLiteral("copyButton"));
    copy_->setToolTip(tr("Copy the whole step as plain text, to paste into notes or a slide"));
    connect(copy_, &QPushButton::clicked, this, &StepCard::copyToClipboard);

    view_ = new QPlainTextEdit(this);
    view_->setObjectName(QStringLiteral("stepText"));
    view_->setReadOnly(true);
    // The batch table is in columns: wrapping would break them, so scroll sideways instead.
    view_->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(mono.pointSizeF(), 10.0));
    view_->setFont(mono);
    view_->setPlaceholderText(tr("Press Step (Right arrow) to see the arithmetic of one update."));
    restyle();

    auto* top = new QHBoxLayout;
    top->addWidget(header_, 1);
    top->addWidget(copy_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(view_, 1);

    setEmpty();
}

void StepCard::setStep(const core::StepInputs& step)
{
    if (!step.objective) {
        setEmpty();
        return;
    }
    text_ = QString::fromStdString(core::explainStep(step));
    const core::StepRecord& rec = step.record;
    const core::OptimizerSettings& optimizer = step.settings.optimizer;
    QString name = QString::fromStdString(std::string(core::optimizerName(optimizer.kind)));
    if (optimizer.momentum > 0 && (optimizer.kind == core::OptimizerKind::Sgd || optimizer.kind == core::OptimizerKind::RmsProp))
        name += tr(" + momentum %1").arg(number(optimizer.momentum));
    QString summary = tr("Step %1 · %2 · lr %3").arg(rec.step).arg(name, number(rec.lr));
    if (step.objective->usesData())
        summary += tr(" · batch of %1 · mean loss %2").arg(step.batch.size()).arg(number(rec.batchLoss));
    else
        summary += tr(" · f = %1").arg(number(rec.batchLoss));
    header_->setText(summary);
    view_->setPlainText(text_);
    copy_->setEnabled(true);
}

void StepCard::restyle()
{
    QPalette colours = view_->palette();
    colours.setColor(QPalette::Base, palette::background());
    colours.setColor(QPalette::Text, palette::text());
    colours.setColor(QPalette::PlaceholderText, palette::mutedText());
    view_->setPalette(colours);
}

void StepCard::setEmpty()
{
    text_.clear();
    header_->setText(tr("The arithmetic of one step"));
    view_->clear();
    copy_->setEnabled(false);
}

QString StepCard::header() const
{
    return header_->text();
}

void StepCard::copyToClipboard()
{
    if (text_.isEmpty())
        return;
    QApplication::clipboard()->setText(text_);
    // Say it worked where the student is looking, then go back.
    copy_->setText(tr("Copied"));
    QTimer::singleShot(1500, copy_, [button = copy_] { button->setText(tr("Copy")); });
    emit copied();
}

}  // namespace downhill::ui
