#include "window/run/cached_label.h"

#include <QEvent>
#include <QPainter>

namespace downhill::ui {

CachedLabel::CachedLabel(QWidget* parent) : QLabel(parent) {}

CachedLabel::~CachedLabel() = default;

void CachedLabel::drawPicture()
{
    if (!twin_) {
        twin_ = std::make_unique<QLabel>();
        twin_->setAttribute(Qt::WA_DontShowOnScreen);
    }
    QLabel& twin = *twin_;
    twin.setFont(font());
    twin.setPalette(palette());
    twin.setEnabled(isEnabled());
    twin.setLayoutDirection(layoutDirection());
    twin.setTextFormat(textFormat());
    twin.setAlignment(alignment());
    twin.setWordWrap(wordWrap());
    twin.setMargin(margin());
    twin.setIndent(indent());
    twin.setContentsMargins(contentsMargins());
    twin.setTextInteractionFlags(textInteractionFlags());
    twin.setText(text());
    twin.resize(size());
    const qreal ratio = devicePixelRatioF();
    picture_ = QPixmap(size() * ratio);
    picture_.setDevicePixelRatio(ratio);
    picture_.fill(Qt::transparent);
    twin.render(&picture_, QPoint(), QRegion(), QWidget::RenderFlags());   // no background
    ++pictures_;
}

CachedLabel::Key CachedLabel::key() const
{
    return {text(), size(), devicePixelRatioF(), wordWrap(), alignment(), generation_};
}

void CachedLabel::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    const Key now = key();
    if (picture_.isNull() || !(now == pictureKey_)) {
        drawPicture();
        pictureKey_ = now;
    }
    QPainter painter(this);
    painter.drawPixmap(0, 0, picture_);
}

void CachedLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::PaletteChange:
    case QEvent::StyleChange:
    case QEvent::EnabledChange:
        ++generation_;
        break;
    default:
        break;
    }
}

}  // namespace downhill::ui
