// The window: downhill [--data PATH] [--settings FILE.json]
#include <QApplication>
#include <QCommandLineParser>

#include "window/shell/appearance.h"
#include "window/shell/main_window.h"

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Downhill"));
    QApplication::setOrganizationName(QStringLiteral("Downhill"));
    QApplication::setApplicationVersion(QStringLiteral(DOWNHILL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("downhill"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gradient descent at work: a loss landscape, live."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data(QStringLiteral("data"),
        QStringLiteral("Train on a CSV file (columns x, count) or a folder of PNG images with labels.csv."),
        QStringLiteral("PATH"));
    const QCommandLineOption settings(QStringLiteral("settings"),
        QStringLiteral("Start from the settings in this JSON file (as saved by File > Save settings)."),
        QStringLiteral("FILE.json"));
    parser.addOption(data);
    parser.addOption(settings);
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
