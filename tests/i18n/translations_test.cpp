// The translations: every .ts file complete (no unfinished, empty, vanished or obsolete entry,
// the same placeholders as the source), the compiled .qm files inside the binary, and the
// language choice (system locale, stored override).
#include "i18n/language.h"
#include "support/settingssandbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTranslator>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

/// One <message> of a .ts file.
struct Entry
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;             ///< the translation's type attribute ("unfinished", "vanished", ...)
    QStringList translations; ///< the translation, or its numerus forms
};

struct TsFile
{
    QString language;
    QList<Entry> entries;
    QString error;
};

TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Entry entry;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message") {
            ts.entries << entry;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == u"TS") {
            ts.language = xml.attributes().value(u"language"_s).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            entry = Entry{context, {}, xml.attributes().value(u"numerus"_s) == u"yes", {}, {}};
        } else if (name == u"source") {
            entry.source = xml.readElementText();
        } else if (name == u"translation") {
            entry.type = xml.attributes().value(u"type"_s).toString();
            if (!entry.numerus)
                entry.translations << xml.readElementText();
        } else if (name == u"numerusform") {
            entry.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        ts.error = xml.errorString();
    return ts;
}

/// The placeholders of \p text (%1 .. %99 and %n), as a set.
QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression pattern(u"%(\\d{1,2}|n)"_s);
    QSet<QString> found;
    for (const auto& match : pattern.globalMatch(text))
        found.insert(match.captured(0));
    return found;
}

QString translationsDir()
{
    return QStringLiteral(PLAB_TRANSLATIONS_DIR);
}

std::string describe(const Entry& e)
{
    return QString(e.context + u" / \""_s + e.source + u'"').toStdString();
}

TEST(TranslationFiles, JapaneseIsCompleteAndKeepsThePlaceholders)
{
    const TsFile ts = readTs(translationsDir() + u"/perceptron-lab_ja.ts"_s);
    ASSERT_TRUE(ts.error.isEmpty()) << ts.error.toStdString();
    EXPECT_EQ(ts.language, u"ja_JP"_s);
    // Hundreds of texts: a file lupdate emptied would pass every loop below.
    EXPECT_GT(ts.entries.size(), 400);
    for (const Entry& e : ts.entries) {
        EXPECT_TRUE(e.type.isEmpty()) << "type=\"" << e.type.toStdString() << "\": " << describe(e);
        ASSERT_FALSE(e.translations.isEmpty()) << describe(e);
        // Japanese has one plural form.
        if (e.numerus) {
            EXPECT_EQ(e.translations.size(), 1) << describe(e);
        }
        for (const QString& t : e.translations) {
            EXPECT_FALSE(t.trimmed().isEmpty()) << "empty translation: " << describe(e);
            EXPECT_EQ(placeholders(t), placeholders(e.source)) << describe(e);
        }
    }
}

TEST(TranslationFiles, EnglishHoldsThePluralForms)
{
    const TsFile ts = readTs(translationsDir() + u"/perceptron-lab_en.ts"_s);
    ASSERT_TRUE(ts.error.isEmpty()) << ts.error.toStdString();
    EXPECT_EQ(ts.language, u"en_US"_s);
    EXPECT_GT(ts.entries.size(), 5);
    for (const Entry& e : ts.entries) {
        EXPECT_TRUE(e.numerus) << "English needs only the plural forms: " << describe(e);
        EXPECT_TRUE(e.type.isEmpty()) << "type=\"" << e.type.toStdString() << "\": " << describe(e);
        ASSERT_EQ(e.translations.size(), 2) << "one and other: " << describe(e);
        for (const QString& t : e.translations) {
            EXPECT_FALSE(t.trimmed().isEmpty()) << describe(e);
            EXPECT_FALSE(t.contains(u"(s)"_s)) << "a plural form says (s): " << describe(e);
            EXPECT_EQ(placeholders(t), placeholders(e.source)) << describe(e);
        }
        EXPECT_NE(e.translations.at(0), e.translations.at(1)) << describe(e);
    }
}

/// The .qm files compiled from the .ts files are inside the test binary, as in the program.
class CompiledTranslations : public ::testing::Test
{
protected:
    void TearDown() override { plab::i18n::installTranslations(u"en"_s); }
};

TEST_F(CompiledTranslations, JapaneseLoadsFromTheResourcesAndTranslates)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(u":/i18n/perceptron-lab_ja.qm"_s));
    EXPECT_EQ(translator.language(), u"ja_JP"_s);
    EXPECT_EQ(translator.translate("plab::ui::WindowActions", "&File"), u"ファイル(&F)"_s);
    EXPECT_EQ(translator.translate("plab::ui::ControlPanel", "Learning rule"), u"学習則"_s);
    EXPECT_EQ(translator.translate("plab::ui::ParameterPanel", "Decision boundary"), u"決定境界"_s);
    EXPECT_EQ(translator.translate("plab::io::Validation",
                                   "the learning rate must be a number greater than 0 and at "
                                   "most 1e9"),
              u"学習率は 0 より大きく 1e9 以下の数でなければなりません"_s);
    // A context the text does not belong to finds nothing.
    EXPECT_TRUE(translator.translate("plab::ui::ControlPanel", "&File").isEmpty());
}

TEST_F(CompiledTranslations, InstalledLanguageTranslatesTrCallsWithPluralForms)
{
    ASSERT_TRUE(plab::i18n::installTranslations(u"ja"_s));
    EXPECT_EQ(plab::i18n::installedLanguage(), u"ja"_s);
    EXPECT_EQ(QCoreApplication::translate("plab::cli::CommandLine", "a file name is needed"),
              u"ファイル名を指定してください"_s);
    EXPECT_EQ(QCoreApplication::translate("plab::cli::Demo", "%n error(s)", nullptr, 3),
              u"誤分類 3 個"_s);

    ASSERT_TRUE(plab::i18n::installTranslations(u"en"_s));
    EXPECT_EQ(QCoreApplication::translate("plab::cli::CommandLine", "a file name is needed"),
              u"a file name is needed"_s);
    EXPECT_EQ(QCoreApplication::translate("plab::cli::Demo", "%n error(s)", nullptr, 1),
              u"1 error"_s);
    EXPECT_EQ(QCoreApplication::translate("plab::cli::Demo", "%n error(s)", nullptr, 0),
              u"0 errors"_s);
    EXPECT_EQ(QCoreApplication::translate("plab::cli::Demo", "%n error(s)", nullptr, 2),
              u"2 errors"_s);
}

TEST_F(CompiledTranslations, QtsOwnJapaneseComesWithOurs)
{
    // qtbase_ja.qm (qt6-translations-l10n) makes the standard buttons Japanese as well.
    ASSERT_TRUE(plab::i18n::installTranslations(u"ja"_s));
    EXPECT_EQ(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"キャンセル"_s);
}

TEST(LanguageChoice, FollowsTheFirstShippedUiLanguage)
{
    using plab::i18n::languageForUiLanguages;
    EXPECT_EQ(languageForUiLanguages({u"ja-JP"_s, u"en-US"_s}), u"ja"_s);
    EXPECT_EQ(languageForUiLanguages({u"ja_JP"_s}), u"ja"_s);
    EXPECT_EQ(languageForUiLanguages({u"de-DE"_s, u"ja"_s, u"en"_s}), u"ja"_s);
    EXPECT_EQ(languageForUiLanguages({u"en-GB"_s, u"ja-JP"_s}), u"en"_s);
    EXPECT_EQ(languageForUiLanguages({u"fr-FR"_s, u"de"_s}), u"en"_s);
    EXPECT_EQ(languageForUiLanguages({u"C"_s}), u"en"_s);
    EXPECT_EQ(languageForUiLanguages({}), u"en"_s);
}

TEST(LanguageChoice, StoredChoiceOverridesTheSystem)
{
    const plab::test::SettingsSandbox settings(u"plab-language-test"_s);

    EXPECT_EQ(plab::i18n::storedLanguageChoice(), u"system"_s);
    EXPECT_EQ(plab::i18n::resolveLanguageChoice(u"system"_s), plab::i18n::systemLanguage());
    plab::i18n::storeLanguageChoice(u"ja"_s);
    EXPECT_EQ(plab::i18n::storedLanguageChoice(), u"ja"_s);
    EXPECT_EQ(plab::i18n::resolveLanguageChoice(u"ja"_s), u"ja"_s);
    EXPECT_EQ(plab::i18n::resolveLanguageChoice(u"en"_s), u"en"_s);
    // Something the program does not know reads as the system's choice.
    plab::i18n::storeLanguageChoice(u"xx"_s);
    EXPECT_EQ(plab::i18n::storedLanguageChoice(), u"system"_s);
    QSettings().setValue(u"language"_s, u"klingon"_s);
    EXPECT_EQ(plab::i18n::storedLanguageChoice(), u"system"_s);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
