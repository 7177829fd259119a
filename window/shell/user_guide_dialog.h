#pragma once
// Help > User guide: docs/user-guide.md, built into the program, in a window of its own. Links to
// the other pages of docs/ that are built in (the CLI reference, the file formats) open in the
// same window, with Back; web links open in the desktop's browser.
#include <QDialog>
#include <QUrl>

class QTextBrowser;

namespace downhill::ui {

class UserGuideDialog : public QDialog {
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget* parent = nullptr);

    // Where the guide is built in: the very file docs/user-guide.md of the source tree.
    static QUrl guideUrl();

    QTextBrowser* browser() const { return browser_; }

private:
    QTextBrowser* browser_ = nullptr;
};

}  // namespace downhill::ui
