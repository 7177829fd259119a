#include "window/shell/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace downhill::ui {

namespace {

const QString kEnglish = QStringLiteral("en");
const QString kBuiltIn = QStringLiteral(":/i18n");

// Owned here for the life of the program: QCoreApplication only keeps pointers.
std::unique_ptr<QTranslator>& ownTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}

std::unique_ptr<QTranslator>& qtTranslator()
{
    static std::unique_ptr<QTranslator> t;
    return t;
}

QString& current()
{
    static QString language = kEnglish;
    return language;
}

void remove(std::unique_ptr<QTranslator>& t)
{
    if (t) {
        QCoreApplication::removeTranslator(t.get());
        t.reset();
    }
}

}  // namespace

QStringList availableLanguages()
{
    QStringList languages{kEnglish};
    const QStringList files = QDir(kBuiltIn).entryList({QStringLiteral("downhill_*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files)
        languages << file.mid(9, file.size() - 9 - 3);  // downhill_<lang>.qm
    return languages;
}

QString chooseLanguage(const QStringList& desktop)
{
    const QStringList available = availableLanguages();
    for (QString entry : desktop) {
        entry.replace(QLatin1Char('-'), QLatin1Char('_'));
        const QString language = entry.section(QLatin1Char('_'), 0, 0).toLower();
        if (available.contains(entry))
            return entry;
        if (available.contains(language))
            return language;
    }
    return kEnglish;
}

bool installLanguage(const QString& language)
{
    if (!availableLanguages().contains(language))
        return false;
    remove(ownTranslator());
    remove(qtTranslator());
    if (language != kEnglish) {
        auto own = std::make_unique<QTranslator>();
        if (!own->load(QStringLiteral("downhill_") + language, kBuiltIn))
            return false;
        QCoreApplication::installTranslator(own.get());
        ownTranslator() = std::move(own);
        // Qt's own strings (the buttons of its dialogs): Debian's qt6-translations-l10n. Without
        // it they stay English and the rest is translated all the same.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            qtTranslator() = std::move(qt);
        }
    }
    // Numbers keep the system's formats (de_AT, en_GB) when it speaks the window's language.
    const QLocale wanted(language);
    if (QLocale::system().language() != wanted.language())
        QLocale::setDefault(wanted);
    else
        QLocale::setDefault(QLocale::system());
    current() = language;
    return true;
}

QString currentLanguage()
{
    return current();
}

}  // namespace downhill::ui
