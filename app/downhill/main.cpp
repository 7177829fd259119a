// The window: downhill [--data PATH] [--settings FILE.json]
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

#include "window/shell/appearance.h"
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
    parser.addOption(data);
    parser.addOption(settings);

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

    downhill::ui::applyAppearance(app);
    downhill::ui::MainWindow::Options options;
    options.settingsFile = parser.value(settings);
    options.dataPath = parser.value(data);
    downhill::ui::MainWindow window(options);
    window.setWindowTitle(QStringLiteral("Downhill"));
    window.show();
    return QApplication::exec();
}
