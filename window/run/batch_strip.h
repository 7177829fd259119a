#pragma once
// A row of the current batch's images, each scaled up with nearest-neighbour sampling (pixels
// stay crisp) and labelled "true 3 · pred 2.7" (on two lines when the strip is narrow), the
// label coloured by how far the prediction is from the truth. Items that do not fit (or beyond
// kMaxShown) are summed up as "+N more". Narrower than kMinTilesOneRow tiles in one row (the
// window's right column) it wraps to two rows, tiles and labels at their size, "+N more" in the
// last cell, and asks for the height of two rows. With augmentation on, the images are the ones
// the model saw (BatchImages redraws them), each marked "aug".
#include <QFont>
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
    static constexpr int kMinTilesOneRow = 4;   // fewer fit in one row: two rows

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
    QRect tileRectAt(int index) const { return tileRect(index); }   // where the index-th image is drawn
    static QString labelFor(const Item& item);    // "true 3 · pred 2.7"
    static QColor colorFor(const Item& item);     // green close, amber, red far

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;

private:
    bool twoLineLabels() const;
    int oneRowShown() const;   // what one row holds, "+N more" included
    int rows() const;          // 1, or 2 when one row holds fewer than kMinTilesOneRow
    int perRow() const;        // cells of a row, in two rows
    int rowHeight() const;     // a tile, its labels and the gap to the next row
    int cellWidth() const;
    int moreWidth() const;
    QRect tileRect(int index) const;
    // twoLineLabels() and cellWidth() measure every label, and a paint asks for them once a tile
    // (through tileRect, rows, perRow): measured once per items, width and font instead.
    struct Measured {
        int width = -1;   // -1: not measured
        QFont font;
        bool twoLines = false;
        int cell = 0;
    };
    const Measured& measured() const;
    bool measureTwoLineLabels() const;
    int measureCellWidth(bool twoLines) const;

    QVector<Item> items_;
    mutable Measured measured_;
    mutable int rowsAsked_ = 1;   // the rows sizeHint() last asked the height of
};

}  // namespace downhill::ui
