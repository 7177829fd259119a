// Help > User guide shows docs/user-guide.md itself: the text built into the program is the
// file of the source tree, rendered; its screenshot loads, and a link to the CLI reference opens
// that page in the same window.
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QObject>
#include <QTest>
#include <QTextBlock>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QTextBrowser>
#include <QTextDocument>

#include "tests/common/window_harness.h"
#include "window/shell/user_guide_dialog.h"

using namespace downhill;

namespace {

QString sourceFile(const QString& relative)
{
    QFile file(QStringLiteral(DOWNHILL_SOURCE_DIR "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString rendered(const QString& markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown);
    return document.toPlainText();
}

}  // namespace

class TestUserGuide : public QObject {
    Q_OBJECT

private slots:
    void showsTheGuideOfTheSourceTree()
    {
        const QString guide = sourceFile(QStringLiteral("docs/user-guide.md"));
        QVERIFY(guide.startsWith(QStringLiteral("# Downhill user guide")));
        ui::UserGuideDialog dialog;
        const QString shown = dialog.browser()->toPlainText();
        QVERIFY(shown.contains(QStringLiteral("The lessons")));
        QCOMPARE(shown, rendered(guide));
        // The screenshot it opens with is built in too, and shown narrower than its 1280 px.
        QVERIFY(!dialog.browser()->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("screenshot.png"))).isNull());
        int images = 0;
        for (QTextBlock block = dialog.browser()->document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                if (!it.fragment().charFormat().isImageFormat())
                    continue;
                ++images;
                QVERIFY(it.fragment().charFormat().toImageFormat().width() <= 800);
            }
        }
        QCOMPARE(images, 1);
    }

    void linksOpenTheOtherPages()
    {
        ui::UserGuideDialog dialog;
        // What a click on the guide's link to cli.md does: the link resolved against the page.
        dialog.browser()->setSource(dialog.browser()->source().resolved(QUrl(QStringLiteral("cli.md"))));
        QCOMPARE(dialog.browser()->source(), QUrl(QStringLiteral("qrc:/docs/cli.md")));
        QCOMPARE(dialog.browser()->toPlainText(), rendered(sourceFile(QStringLiteral("docs/cli.md"))));
        QVERIFY(dialog.browser()->isBackwardAvailable());
    }

    void helpMenuOpensIt()
    {
        auto w = test::openWindow(QSize(1280, 800), test::WaitFor::Exposed);
        QVERIFY(w);
        auto* action = w->findChild<QAction*>(QStringLiteral("userGuideAction"));
        QVERIFY(action);
        bool inHelp = false;
        for (QAction* menu : w->menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(action))
                inHelp = menu->text() == QStringLiteral("&Help");
        QVERIFY(inHelp);
        action->trigger();
        auto* dialog = w->findChild<ui::UserGuideDialog*>(QStringLiteral("userGuideDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        action->trigger();  // the same window again, not a second one
        QCOMPARE(w->findChildren<ui::UserGuideDialog*>().size(), 1);
    }
};

QTEST_MAIN(TestUserGuide)
#include "test_user_guide.moc"
