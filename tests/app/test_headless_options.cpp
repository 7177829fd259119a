// downhill --help and --version, and downhill-cli's, answer where there is no display at all
// (help2man at build time, a package build, a terminal over ssh): no DISPLAY, no WAYLAND_DISPLAY,
// no QT_QPA_PLATFORM. Before they were parsed on Qt Core, downhill aborted there (exit 134).
#include <QDir>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

namespace {

struct Result {
    int exitCode = -1;  // -1: crashed or did not finish
    QString out;
    QString err;
};

Result run(const QString& program, const QStringList& args, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    Result result;
    if (!process.waitForStarted(10000))
        return result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    if (process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

Result runWithoutDisplay(const QString& program, const QStringList& args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"})
        env.remove(QString::fromLatin1(name));
    return run(program, args, env);
}

}  // namespace

class TestHeadlessOptions : public QObject {
    Q_OBJECT

private slots:
    void window_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        const QStringList helpText = {QStringLiteral("Usage:"), QStringLiteral("--data <PATH>"),
            QStringLiteral("--settings <FILE.json>"), QStringLiteral("--version"), QStringLiteral("loss landscape"),
            QStringLiteral("--lang <CODE>"), QStringLiteral("one of: en, de, fr.")};
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << helpText;
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << helpText;
        // --help wins wherever it stands, even after an option QApplication would have taken.
        QTest::newRow("--data x --help") << QStringList{QStringLiteral("--data"), QStringLiteral("x"), QStringLiteral("--help")}
                                         << helpText;
        // --help-all adds Qt's own options; without a display, those of Qt Core.
        QTest::newRow("--help-all") << QStringList{QStringLiteral("--help-all")}
                                    << QStringList{QStringLiteral("Usage:"), QStringLiteral("--data <PATH>")};
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")}
                                   << QStringList{QStringLiteral("Downhill " DOWNHILL_EXPECTED_VERSION)};
        QTest::newRow("-v") << QStringList{QStringLiteral("-v")}
                            << QStringList{QStringLiteral("Downhill " DOWNHILL_EXPECTED_VERSION)};
    }
    void window()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        const QString program = qEnvironmentVariable("DOWNHILL_WINDOW");
        QVERIFY2(!program.isEmpty(), "DOWNHILL_WINDOW is not set (CTest sets it)");
        const Result r = runWithoutDisplay(program, args);
        QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r.exitCode).arg(r.err)));
        for (const QString& text : expected)
            QVERIFY2(r.out.contains(text), qPrintable(QStringLiteral("no \"%1\" in:\n%2").arg(text, r.out)));
    }

    // --lang with a language there is no translation for: refused, naming those there are. This
    // one needs a window system (the option is read once QApplication has taken its own), so it
    // runs offscreen; it stops before any window opens.
    void unknownLanguage()
    {
        const QString program = qEnvironmentVariable("DOWNHILL_WINDOW");
        QVERIFY2(!program.isEmpty(), "DOWNHILL_WINDOW is not set (CTest sets it)");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), QDir::tempPath());  // nothing of the user's is read or written
        const Result r = run(program, {QStringLiteral("--lang"), QStringLiteral("it")}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown language \"it\"; expected one of: en, de, fr")), qPrintable(r.err));
    }

    void cli_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << QStringLiteral("usage: downhill-cli <command>");
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")}
                                   << QStringLiteral("downhill-cli " DOWNHILL_EXPECTED_VERSION "\n");
    }
    void cli()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Result r = runWithoutDisplay(qEnvironmentVariable("DOWNHILL_CLI"), args);
        QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("exit %1, stderr: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestHeadlessOptions)
#include "test_headless_options.moc"
