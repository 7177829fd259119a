#pragma once
// A row of the current batch's images, each scaled up with nearest-neighbour sampling (pixels
// stay crisp) and labelled "true 3 · pred 2.7" (on two lines when the strip is narrow), the
// label coloured by how far the prediction is from the truth. Items that do not fit (or beyond
// kMaxShown) are summed up as "+N more". With augmentation on, the images are the ones the model
// saw (BatchImages redraws them), each marked "aug".
#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

namespace downhill::ui {

class BatchStrip : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxShown = 16;
    static constexpr int kTile = 56;   // image side in pixels
    static constexpr int kMinTilesOneLine = 8;  // fewer fit with one-line labels: use two lines

    explicit BatchStrip(QWidget* parent = nullptr);

    struct Item {
        QImage image;
        double count;
        double prediction;
        // What augmentation did to this image ("flipped, +12 grey levels"); empty: the image is
        // the original. An augmented tile carries an "aug" badge and says so in its tooltip.
        QString augmentation{};
    };
    void setItems(const QVector<Item>& items);   // shows up to ~16, the rest as "+N more"
    int augmentedCount() const;                   // items whose image is augmented

    const QVector<Item>& items() const { return items_; }
    int itemCount() const { return static_cast<int>(items_.size()); }
    int shownCount() const;                       // tiles that fit the current width
    int hiddenCount() const { return itemCount() - shownCount(); }
    static QString labelFor(const Item& item);    // "true 3 · pred 2.7"
    static QColor colorFor(const Item& item);     // green close, amber, red far

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    bool twoLineLabels() const;
    int cellWidth() const;
    int moreWidth() const;
    QRect tileRect(int index) const;

    QVector<Item> items_;
};

}  // namespace downhill::ui
