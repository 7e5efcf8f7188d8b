#pragma once

#include <QString>
#include <QStringList>

namespace plab::i18n {

/// The languages Perceptron Lab ships, by their ISO 639 codes: the texts in the sources are
/// English; i18n/perceptron-lab_<code>.ts hold the translations, which the build
/// compiles into the binary (resource prefix :/i18n).
[[nodiscard]] QStringList availableLanguages();

/// The language for the first of \p uiLanguages (BCP 47 names, most preferred first, as
/// QLocale::uiLanguages() lists them) that Perceptron Lab ships; English when none is.
[[nodiscard]] QString languageForUiLanguages(const QStringList& uiLanguages);

/// The language the user's system asks for (QLocale::system().uiLanguages(): LANGUAGE,
/// LC_ALL, LC_MESSAGES and LANG on Unix).
[[nodiscard]] QString systemLanguage();

/// The language choice the window stores (QSettings key "language"): "system", or a code of
/// availableLanguages(). Anything else reads as "system".
[[nodiscard]] QString storedLanguageChoice();
void storeLanguageChoice(const QString& choice);

/// The language \p choice stands for: systemLanguage() for "system" (or anything unknown).
[[nodiscard]] QString resolveLanguageChoice(const QString& choice);

/// Installs the translations for \p language on the running application (a QCoreApplication
/// must exist), replacing the ones an earlier call installed: Perceptron Lab's own, from the
/// resources, and Qt's (qtbase_<code>.qm from QLibraryInfo::TranslationsPath, so standard
/// buttons and dialogs match; Debian ships them in qt6-translations-l10n). Installing sends
/// QEvent::LanguageChange to every widget. Returns false when Perceptron Lab's own translation
/// cannot be loaded (Qt's are optional: without them standard buttons stay English).
bool installTranslations(const QString& language);

/// The language installTranslations() installed last; empty before the first call.
[[nodiscard]] QString installedLanguage();

} // namespace plab::i18n
