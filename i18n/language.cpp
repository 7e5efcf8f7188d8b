#include "i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace plab::i18n {

namespace {

const QString kSettingsKey = QStringLiteral("language");
const QString kSystem = QStringLiteral("system");
/// Object names of the installed translators: they are children of the application object, so
/// they live exactly as long as it does and a later call finds and replaces them.
constexpr char kOwnTranslator[] = "plabTranslator";
constexpr char kQtTranslator[] = "plabQtTranslator";

void removeTranslator(QCoreApplication* app, const char* name)
{
    auto* old = app->findChild<QTranslator*>(QString::fromLatin1(name), Qt::FindDirectChildrenOnly);
    if (old == nullptr)
        return;
    QCoreApplication::removeTranslator(old);
    delete old;
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("ja")};
}

QString languageForUiLanguages(const QStringList& uiLanguages)
{
    const QStringList shipped = availableLanguages();
    for (const QString& name : uiLanguages) {
        // "ja-JP", "ja_JP" and "ja" all name Japanese; "C" and "POSIX" name no language.
        const QString code = name.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (shipped.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

QString systemLanguage()
{
    return languageForUiLanguages(QLocale::system().uiLanguages());
}

QString storedLanguageChoice()
{
    const QString choice = QSettings().value(kSettingsKey, kSystem).toString();
    return availableLanguages().contains(choice) ? choice : kSystem;
}

void storeLanguageChoice(const QString& choice)
{
    QSettings().setValue(kSettingsKey, availableLanguages().contains(choice) ? choice : kSystem);
}

QString resolveLanguageChoice(const QString& choice)
{
    return availableLanguages().contains(choice) ? choice : systemLanguage();
}

bool installTranslations(const QString& language)
{
    QCoreApplication* app = QCoreApplication::instance();
    if (app == nullptr)
        return false;
    removeTranslator(app, kOwnTranslator);
    removeTranslator(app, kQtTranslator);

    // Qt's first: translators installed later are asked first, so ours win where both know a
    // text.
    auto* qt = new QTranslator(app);
    qt->setObjectName(QString::fromLatin1(kQtTranslator));
    if (language != u"en" && qt->load(QStringLiteral("qtbase_") + language,
                                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    // English needs its file too: it holds the plural forms of the "%n ..." texts.
    auto* own = new QTranslator(app);
    own->setObjectName(QString::fromLatin1(kOwnTranslator));
    const bool loaded = own->load(QStringLiteral(":/i18n/perceptron-lab_") + language);
    if (loaded)
        QCoreApplication::installTranslator(own);
    else
        delete own;
    app->setProperty("plabLanguage", loaded ? language : QString());
    return loaded;
}

QString installedLanguage()
{
    const QCoreApplication* app = QCoreApplication::instance();
    return app == nullptr ? QString() : app->property("plabLanguage").toString();
}

} // namespace plab::i18n
