#pragma once
// The window's language: English, as the sources are written, or one of the translations built
// into the program (translations/downhill_<lang>.ts, compiled to :/i18n/downhill_<lang>.qm).
// The desktop's languages choose it unless the user forces one (downhill --lang de|en|fr).
// downhill-cli installs no translator: its output and every file stay English.
#include <QString>
#include <QStringList>

namespace downhill::ui {

// "en" and the languages with a translation built in ("de", "fr"), English first, then by code.
QStringList availableLanguages();

// The language to show: `forced` when it is one of availableLanguages(), else the first of
// `desktop` (as QLocale::uiLanguages() gives them: "de-DE", "de", "fr-CA", "en-US") that is, else
// "en"; a country's variant (fr-CA, de-AT) picks its language.
// An English entry ahead of any translated one keeps the window English.
QString chooseLanguage(const QStringList& desktop);

// Installs the translators for `language` ("fr": Downhill's own and Qt's qtbase_fr from
// QLibraryInfo::TranslationsPath, when that is installed; "en": none), replacing those of an
// earlier call, and makes it the default locale's language when the system locale speaks
// another (so that QLocale() names the window's language, which the lessons follow). Returns
// false for a language not in availableLanguages().
bool installLanguage(const QString& language);

// The language installLanguage() last installed; "en" before any call.
QString currentLanguage();

}  // namespace downhill::ui
