// The layer rules of docs/architecture.md, read from the source tree: a layer includes only
// from itself and the layers below it, core includes no Qt header, every quoted include names
// its file from the project root, and every source file is listed in its layer's
// CMakeLists.txt (sources are not globbed, so a file missing from the list would not be built).
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace {

const QString kRoot = QStringLiteral(DOWNHILL_SOURCE_DIR);

// Bottom to top; a layer may include from its own rank and below. app/ is above every layer.
const QStringList kLayers = {QStringLiteral("core"), QStringLiteral("session"), QStringLiteral("plots"),
    QStringLiteral("window"), QStringLiteral("app")};

int rankOf(const QString& relativePath)
{
    return static_cast<int>(kLayers.indexOf(relativePath.section(QLatin1Char('/'), 0, 0)));
}

QStringList sourcesUnder(const QString& folder)
{
    QStringList files;
    QDirIterator it(kRoot + QLatin1Char('/') + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(kRoot).relativeFilePath(it.next());
    files.sort();
    return files;
}

struct Include {
    int line;
    QString name;
    bool quoted;
};

QList<Include> includesOf(const QString& relativePath)
{
    QFile file(kRoot + QLatin1Char('/') + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(relativePath));
    static const QRegularExpression include(QStringLiteral(R"(^\s*#\s*include\s*([<"])([^">]+)[">])"));
    QList<Include> out;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const auto m = include.match(QString::fromUtf8(file.readLine()));
        if (m.hasMatch())
            out.push_back({line, m.captured(2), m.captured(1) == QLatin1String("\"")});
    }
    return out;
}

}  // namespace

class TestLayers : public QObject {
    Q_OBJECT

private slots:
    void includesPointDown_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& layer : kLayers)
            for (const QString& f : sourcesUnder(layer))
                QTest::newRow(qPrintable(f)) << f;
    }

    void includesPointDown()
    {
        QFETCH(QString, file);
        const int rank = rankOf(file);
        const bool inCore = rank == 0;
        for (const Include& inc : includesOf(file)) {
            const QString where = QStringLiteral("%1:%2: ").arg(file).arg(inc.line);
            if (!inc.quoted) {
                QVERIFY2(!(inCore && inc.name.startsWith(QLatin1Char('Q'))),
                    qPrintable(where + QStringLiteral("core includes no Qt header, got <%1>").arg(inc.name)));
                continue;
            }
            if (inc.name.endsWith(QLatin1String(".moc")))
                continue;
            QVERIFY2(QFile::exists(kRoot + QLatin1Char('/') + inc.name),
                qPrintable(where + QStringLiteral("\"%1\" does not name a file from the project root").arg(inc.name)));
            const int target = rankOf(inc.name);
            QVERIFY2(target >= 0, qPrintable(where + QStringLiteral("\"%1\" is in no layer").arg(inc.name)));
            QVERIFY2(target <= rank,
                qPrintable(where + QStringLiteral("%1 reaches up into %2 (\"%3\")").arg(kLayers[rank], kLayers[target], inc.name)));
        }
    }

    void everySourceIsListed_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& layer : kLayers)
            for (const QString& f : sourcesUnder(layer))
                QTest::newRow(qPrintable(f)) << f;
    }

    // The nearest CMakeLists.txt above the file lists it by its path relative to that folder.
    void everySourceIsListed()
    {
        QFETCH(QString, file);
        QString folder = file.section(QLatin1Char('/'), 0, -2);
        while (!QFile::exists(kRoot + QLatin1Char('/') + folder + QStringLiteral("/CMakeLists.txt")))
            folder = folder.section(QLatin1Char('/'), 0, -2);
        QFile lists(kRoot + QLatin1Char('/') + folder + QStringLiteral("/CMakeLists.txt"));
        QVERIFY(lists.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(lists.readAll());
        const QString relative = file.mid(folder.size() + 1);
        const QRegularExpression listed(QStringLiteral(R"((^|[\s(])%1($|[\s)]))").arg(QRegularExpression::escape(relative)),
            QRegularExpression::MultilineOption);
        QVERIFY2(listed.match(text).hasMatch(),
            qPrintable(QStringLiteral("%1 is not listed in %2/CMakeLists.txt").arg(file, folder)));
    }
};

QTEST_APPLESS_MAIN(TestLayers)
#include "test_layers.moc"
