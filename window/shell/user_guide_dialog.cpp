#include "window/shell/user_guide_dialog.h"

#include <QDialogButtonBox>
#include <QList>
#include <QPushButton>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QVBoxLayout>

namespace downhill::ui {

namespace {

// The pages' images (the 1280 px screenshot) at a width the window shows without scrolling
// sideways; the height follows.
void fitImages(QTextDocument* document, double width)
{
    QList<QTextFragment> images;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                images.append(it.fragment());
        }
    }
    for (const QTextFragment& fragment : images) {
        QTextImageFormat format = fragment.charFormat().toImageFormat();
        format.setWidth(width);
        QTextCursor cursor(document);
        cursor.setPosition(fragment.position());
        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
    }
}

}  // namespace

UserGuideDialog::UserGuideDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("userGuideDialog"));
    setWindowTitle(tr("Downhill user guide"));
    browser_ = new QTextBrowser(this);
    browser_->setObjectName(QStringLiteral("userGuideBrowser"));
    browser_->setOpenExternalLinks(true);
    connect(browser_, &QTextBrowser::sourceChanged, this, [this] { fitImages(browser_->document(), 760); });
    browser_->setSource(guideUrl(), QTextDocument::MarkdownResource);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* back = buttons->addButton(tr("Back"), QDialogButtonBox::ActionRole);
    back->setEnabled(false);
    connect(browser_, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    connect(back, &QPushButton::clicked, browser_, &QTextBrowser::backward);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(browser_);
    layout->addWidget(buttons);
    resize(900, 700);
}

QUrl UserGuideDialog::guideUrl()
{
    return QUrl(QStringLiteral("qrc:/docs/user-guide.md"));
}

}  // namespace downhill::ui
