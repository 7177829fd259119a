// The window: downhill [--data PATH] [--settings FILE.json] [--lang en|de|fr]
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <cstdio>

#include "window/shell/appearance.h"
#include "window/shell/language.h"
#include "window/shell/main_window.h"

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("Downhill"));
    QCoreApplication::setOrganizationName(QStringLiteral("Downhill"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DOWNHILL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gradient descent at work: a loss landscape, live."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption data(QStringLiteral("data"),
        QStringLiteral("Train on a CSV file (columns x, count) or a folder of PNG images with labels.csv."),
        QStringLiteral("PATH"));
    const QCommandLineOption settings(QStringLiteral("settings"),
        QStringLiteral("Start from the settings in this JSON file (as saved by File > Save settings)."),
        QStringLiteral("FILE.json"));
    // --help stays English whatever the desktop's language: help2man makes the man page of it.
    const QString languages = downhill::ui::availableLanguages().join(QStringLiteral(", "));
    const QCommandLineOption language(QStringLiteral("lang"),
        QStringLiteral("The window's language, one of: %1. Default: the desktop's (LANGUAGE, LANG), else English.").arg(languages),
        QStringLiteral("CODE"));
    parser.addOption(data);
    parser.addOption(settings);
    parser.addOption(language);

    // --help and --version are answered on Qt Core alone, before QApplication asks for a display:
    // help2man, package builds and a terminal over ssh have none. The parse here only looks for
    // them; the real one below runs after QApplication has taken its own options (-platform, ...).
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    parser.parse(arguments);
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all")) || parser.isSet(version)) {
        const QCoreApplication core(argc, argv);
        if (parser.isSet(version))
            parser.showVersion();
        if (parser.isSet(help))
            parser.showHelp(0);
        parser.process(core);  // --help-all, with Qt's own options
    }

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("downhill"));
    parser.process(app);

    // Before any widget exists: every tr() below reads the translator installed here.
    const QString forced = parser.value(language);
    const QString chosen = forced.isEmpty() ? downhill::ui::chooseLanguage(QLocale::system().uiLanguages()) : forced;
    if (!downhill::ui::installLanguage(chosen)) {
        std::fprintf(stderr, "downhill: --lang: unknown language \"%s\"; expected one of: %s\n", qPrintable(forced),
            qPrintable(languages));
        return 2;
    }
    downhill::ui::applyAppearance(app);
    downhill::ui::MainWindow::Options options;
    options.settingsFile = parser.value(settings);
    options.dataPath = parser.value(data);
    downhill::ui::MainWindow window(options);
    window.setWindowTitle(QStringLiteral("Downhill"));
    window.show();
    return QApplication::exec();
}
