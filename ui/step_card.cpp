#include "step_card.h"

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

#include "palette.h"

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

    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("stepHeader"));
    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    m_header->setFont(headerFont);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The summary of a data step is long: in a narrow dock it wraps instead of widening the window.
    m_header->setWordWrap(true);

    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setToolTip(tr("Copy the whole step as plain text, to paste into notes or a slide"));
    connect(m_copy, &QPushButton::clicked, this, &StepCard::copyToClipboard);

    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("stepText"));
    m_view->setReadOnly(true);
    // The batch table is in columns: wrapping would break them, so scroll sideways instead.
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(std::max(mono.pointSizeF(), 10.0));
    m_view->setFont(mono);
    m_view->setPlaceholderText(tr("Press Step (Right arrow) to see the arithmetic of one update."));
    QPalette colours = m_view->palette();
    colours.setColor(QPalette::Base, palette::background());
    colours.setColor(QPalette::Text, palette::text());
    colours.setColor(QPalette::PlaceholderText, palette::mutedText());
    m_view->setPalette(colours);

    auto* top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(m_copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    setEmpty();
}

void StepCard::setStep(const core::StepInputs& step)
{
    if (!step.objective) {
        setEmpty();
        return;
    }
    m_text = QString::fromStdString(core::explainStep(step));
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
    m_header->setText(summary);
    m_view->setPlainText(m_text);
    m_copy->setEnabled(true);
}

void StepCard::setEmpty()
{
    m_text.clear();
    m_header->setText(tr("The arithmetic of one step"));
    m_view->clear();
    m_copy->setEnabled(false);
}

QString StepCard::header() const
{
    return m_header->text();
}

void StepCard::copyToClipboard()
{
    if (m_text.isEmpty())
        return;
    QApplication::clipboard()->setText(m_text);
    // Say it worked where the student is looking, then go back.
    m_copy->setText(tr("Copied"));
    QTimer::singleShot(1500, m_copy, [button = m_copy] { button->setText(tr("Copy")); });
    emit copied();
}

}  // namespace downhill::ui
