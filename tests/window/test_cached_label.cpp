// CachedLabel: a label painted from a kept picture of itself. It must look exactly as a QLabel
// with the same text, font, palette and size, after every kind of change, and make its picture
// again only when something it shows changed.
#include <QLabel>
#include <QtTest>

#include <memory>

#include "window/run/cached_label.h"

using downhill::ui::CachedLabel;

class TestCachedLabel : public QObject {
    Q_OBJECT

    std::unique_ptr<QWidget> parent_;
    CachedLabel* cached_ = nullptr;
    QLabel* plain_ = nullptr;

    // Both labels as the window would draw them, over their parent's background.
    static QImage look(QLabel* label)
    {
        return label->grab().toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
    }

    template <typename Change>
    void both(Change change)
    {
        change(cached_);
        change(plain_);
    }

private slots:
    void init()
    {
        parent_ = std::make_unique<QWidget>();
        parent_->resize(600, 200);
        cached_ = new CachedLabel(parent_.get());
        plain_ = new QLabel(parent_.get());
        both([](QLabel* l) {
            l->setTextFormat(Qt::RichText);
            l->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
            l->setText(QStringLiteral("Training set (1,600 samples) &middot; <b>&#9733;</b> min"));
            l->resize(400, 40);
        });
        plain_->move(0, 100);
        parent_->show();
        QVERIFY(QTest::qWaitForWindowExposed(parent_.get()));
    }

    void cleanup() { parent_.reset(); }

    void looksLikeAQLabel()
    {
        QCOMPARE(look(cached_), look(plain_));
        QVERIFY(cached_->pictures() >= 1);
    }

    void repaintsCopyThePicture()
    {
        (void)look(cached_);
        const int made = cached_->pictures();
        for (int k = 0; k < 5; ++k)
            cached_->repaint();
        (void)look(cached_);
        QCOMPARE(cached_->pictures(), made);
    }

    void everyChangeShows_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("text") << 0;
        QTest::newRow("font") << 1;
        QTest::newRow("palette") << 2;
        QTest::newRow("size and wrap") << 3;
        QTest::newRow("alignment") << 4;
        QTest::newRow("disabled") << 5;
        QTest::newRow("margins") << 6;
        QTest::newRow("plain text") << 7;
        QTest::newRow("right to left") << 8;
    }

    void everyChangeShows()
    {
        QFETCH(int, kind);
        const QImage before = look(cached_);
        const int made = cached_->pictures();
        both([kind](QLabel* l) {
            switch (kind) {
            case 0: l->setText(QStringLiteral("Validation set (400 samples)")); break;
            case 1: { QFont f = l->font(); f.setPointSizeF(f.pointSizeF() * 1.6); l->setFont(f); break; }
            case 2: { QPalette p = l->palette(); p.setColor(QPalette::WindowText, QColor(200, 30, 30)); l->setPalette(p); break; }
            case 3: l->setWordWrap(true); l->resize(120, 80); break;
            case 4: l->setAlignment(Qt::AlignRight | Qt::AlignTop); break;
            case 5: l->setEnabled(false); break;
            case 6: l->setContentsMargins(40, 6, 0, 0); break;
            case 7: l->setTextFormat(Qt::PlainText); break;
            case 8: l->setLayoutDirection(Qt::RightToLeft); l->setAlignment(Qt::AlignLeading | Qt::AlignTop); break;
            }
        });
        const QImage after = look(cached_);
        QVERIFY(after != before);
        QCOMPARE(after, look(plain_));
        QCOMPARE(cached_->pictures(), made + 1);
    }

    // The theme is an application style sheet: a new one replaces the style every widget has.
    void followsTheApplicationStyleSheet()
    {
        const QImage before = look(cached_);
        qApp->setStyleSheet(QStringLiteral("QLabel { color: rgb(10, 120, 10); }"));
        const QImage green = look(cached_);
        QVERIFY(green != before);
        QCOMPARE(green, look(plain_));
        qApp->setStyleSheet(QString());
        QCOMPARE(look(cached_), before);
    }
};

QTEST_MAIN(TestCachedLabel)
#include "test_cached_label.moc"
