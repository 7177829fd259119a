#include "window/run/cached_label.h"

#include <QEvent>
#include <QPainter>

namespace downhill::ui {

CachedLabel::CachedLabel(QWidget* parent) : QLabel(parent) {}

CachedLabel::~CachedLabel() = default;

CachedLabel::Look CachedLabel::look() const
{
    return {text(), textFormat(), alignment(), wordWrap(), margin(), indent(), contentsMargins(),
        textInteractionFlags(), font(), palette(), isEnabled(), layoutDirection(), size(), devicePixelRatioF(),
        styleGeneration_};
}

void CachedLabel::drawPicture(const Look& look)
{
    if (!twin_) {
        twin_ = std::make_unique<QLabel>();
        twin_->setAttribute(Qt::WA_DontShowOnScreen);
    }
    QLabel& twin = *twin_;
    twin.setText(look.text);
    twin.setTextFormat(look.format);
    twin.setAlignment(look.alignment);
    twin.setWordWrap(look.wordWrap);
    twin.setMargin(look.margin);
    twin.setIndent(look.indent);
    twin.setContentsMargins(look.contentsMargins);
    twin.setTextInteractionFlags(look.interaction);
    twin.setFont(look.font);
    twin.setPalette(look.palette);
    twin.setEnabled(look.enabled);
    twin.setLayoutDirection(look.direction);
    twin.resize(look.size);
    picture_ = QPixmap(look.size * look.pixelRatio);
    picture_.setDevicePixelRatio(look.pixelRatio);
    picture_.fill(Qt::transparent);
    twin.render(&picture_, QPoint(), QRegion(), QWidget::RenderFlags());   // no background
    pictureLook_ = look;
    ++pictures_;
}

void CachedLabel::paintEvent(QPaintEvent* /*event*/)
{
    const Look now = look();
    if (picture_.isNull() || !(now == pictureLook_))
        drawPicture(now);
    QPainter painter(this);
    painter.drawPixmap(0, 0, picture_);
}

void CachedLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::StyleChange)
        ++styleGeneration_;
}

}  // namespace downhill::ui
