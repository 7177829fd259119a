// InputError's message is safe to show: control characters and bytes that are not UTF-8, which
// a hostile file can put in a field or a name that the message echoes, come out as \xNN.
#include <QtTest>

#include <string>

#include "core/base/error.h"

using namespace downhill::core;

class TestError : public QObject {
    Q_OBJECT
private slots:
    void printable_data()
    {
        QTest::addColumn<QByteArray>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("plain") << QByteArray("data.csv:3: column 'x'") << QByteArray("data.csv:3: column 'x'");
        QTest::newRow("escape sequence") << QByteArray("'\x1b[2J'") << QByteArray("'\\x1b[2J'");
        QTest::newRow("newline and tab") << QByteArray("a\nb\tc\r") << QByteArray("a\\x0ab\\x09c\\x0d");
        QTest::newRow("nul and del") << QByteArray("a\0b\x7f", 4) << QByteArray("a\\x00b\\x7f");
        QTest::newRow("utf-8 kept") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
        QTest::newRow("lone byte") << QByteArray("a\xff" "b") << QByteArray("a\\xffb");
        QTest::newRow("truncated sequence") << QByteArray("a\xe2\x82") << QByteArray("a\\xe2\\x82");
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << QByteArray("\\xc0\\xaf");
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QByteArray("\\xed\\xa0\\x80");
        QTest::newRow("c1 control") << QByteArray("\xc2\x9b" "31m") << QByteArray("\\xc2\\x9b31m");
    }
    void printable()
    {
        QFETCH(QByteArray, in);
        QFETCH(QByteArray, out);
        const std::string got = downhill::core::printable(std::string(in.constData(), static_cast<std::size_t>(in.size())));
        QCOMPARE(QByteArray::fromStdString(got), out);
        QCOMPARE(QByteArray(InputError(std::string(in.constData(), static_cast<std::size_t>(in.size()))).what()), out);
    }

    void longTextIsCut()
    {
        const std::string got = downhill::core::printable(std::string(10000, 'a'), 100);
        QCOMPARE(got, std::string(100, 'a') + "...");
    }
};

QTEST_APPLESS_MAIN(TestError)
#include "test_error.moc"
