// Help > About and Help > User Guide: what they show, that the guide bundled in the program is
// whole (every page, image and heading its links point to is there), that its Japanese
// translation has the English guide's sections, and that the guide opens in the language
// View > Language chose.

#include "i18n/language.h"
#include "support/settingssandbox.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/dialogs/userguidedialog.h"
#include "ui/mainwindow/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextFrame>
#include <QTextTable>
#include <QTreeWidget>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>

using namespace Qt::StringLiterals;
using plab::ui::AboutDialog;
using plab::ui::headingAnchor;
using plab::ui::UserGuideDialog;
using plab::ui::userGuideUrl;
using plab::ui::withoutCjkLineBreaks;

namespace {

QTextBrowser* browserOf(const UserGuideDialog& dialog)
{
    return dialog.findChild<QTextBrowser*>(u"userGuideBrowser"_s);
}

/// Every anchor name of the headings in \p document.
QSet<QString> headingAnchorsOf(const QTextDocument& document)
{
    QSet<QString> anchors;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            for (const QString& name : it.fragment().charFormat().anchorNames())
                anchors.insert(name);
        }
    }
    return anchors;
}

/// The link targets (href) and the image names in \p document.
void linksAndImages(const QTextDocument& document, QStringList& links, QStringList& images)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                images << format.toImageFormat().name();
            else if (format.isAnchor() && !format.anchorHref().isEmpty())
                links << format.anchorHref();
        }
    }
}

/// A bundled Markdown page, as QTextBrowser reads it (GitHub dialect).
std::unique_ptr<QTextDocument> markdownPage(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    auto document = std::make_unique<QTextDocument>();
    document->setMarkdown(QString::fromUtf8(file.readAll()));
    return document;
}

/// What a page is made of, in order: its headings as "#", "##", ... followed by their text, and
/// how many images and tables it holds.
struct PageOutline
{
    QStringList headings;
    int images = 0;
    int tables = 0;
};

PageOutline outlineOf(const QTextDocument& document)
{
    PageOutline outline;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (const int level = block.blockFormat().headingLevel(); level > 0)
            outline.headings << QString(level, u'#') + u' ' + block.text();
        for (auto it = block.begin(); !it.atEnd(); ++it)
            outline.images += it.fragment().charFormat().isImageFormat() ? 1 : 0;
    }
    for (const QTextFrame* frame : document.rootFrame()->childFrames())
        outline.tables += qobject_cast<const QTextTable*>(frame) != nullptr ? 1 : 0;
    return outline;
}

/// The heading levels of \p headings ("## The canvas" -> 2).
std::vector<qsizetype> levelsOf(const QStringList& headings)
{
    std::vector<qsizetype> levels;
    for (const QString& heading : headings)
        levels.push_back(heading.indexOf(u' '));
    return levels;
}

/// How many characters of \p document are bold or italic.
int emphasisedCharacters(const QTextDocument& document)
{
    int count = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (block.blockFormat().headingLevel() == 0 &&
                (format.fontWeight() >= QFont::Bold || format.fontItalic()))
                count += int(it.fragment().length());
        }
    }
    return count;
}

QStringList bundledPages()
{
    QStringList pages;
    QDirIterator it(u":/docs"_s, {u"*.md"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        pages << it.next();
    pages.sort();
    return pages;
}

} // namespace

// --- Anchors -----------------------------------------------------------------------------------

struct AnchorCase
{
    const char* heading;
    const char* anchor;
};

// The heading names the case in the test list.
void PrintTo(const AnchorCase& c, std::ostream* os)
{
    *os << c.heading;
}

class HeadingAnchor : public testing::TestWithParam<AnchorCase>
{};

// GitHub's rule, written out by hand for each case: lower case, space -> '-', drop the rest.
TEST_P(HeadingAnchor, FollowsGitHub)
{
    EXPECT_EQ(headingAnchor(QString::fromUtf8(GetParam().heading)).toStdString(),
              std::string(GetParam().anchor));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HeadingAnchor,
    testing::Values(AnchorCase{"The canvas", "the-canvas"},
                    AnchorCase{"Data sets (CSV)", "data-sets-csv"},
                    AnchorCase{"Training trace (JSON Lines)", "training-trace-json-lines"},
                    AnchorCase{"perceptron-lab train", "perceptron-lab-train"},
                    AnchorCase{"Exit status", "exit-status"},
                    AnchorCase{"What w_1, w_2 and b mean", "what-w_1-w_2-and-b-mean"},
                    AnchorCase{"Step 2: the rule, step by step!", "step-2-the-rule-step-by-step"},
                    AnchorCase{"学習率 (η) を変える", "学習率-η-を変える"},
                    // Japanese punctuation, full-width brackets included, is dropped like ':'.
                    AnchorCase{"タイムライン: 過去に戻って、そこから学習する",
                               "タイムライン-過去に戻ってそこから学習する"},
                    AnchorCase{"図、アニメーション、表のエクスポート",
                               "図アニメーション表のエクスポート"},
                    AnchorCase{"データセット（CSV）", "データセットcsv"},
                    AnchorCase{"Perceptron Lab ユーザーガイド", "perceptron-lab-ユーザーガイド"},
                    AnchorCase{"A  B", "a--b"}));

// --- Japanese text wrapped in the source ----------------------------------------------------

TEST(CjkLineBreaks, JoinJapaneseLinesAndLeaveEverythingElse)
{
    // A paragraph and a list item wrapped between Japanese characters: joined, indentation gone.
    EXPECT_EQ(withoutCjkLineBreaks(u"学習率は\n  ステップ幅、\n（η）です。\n"_s),
              u"学習率はステップ幅、（η）です。\n"_s);
    // Through emphasis and links, as long as the emphasis still opens and closes.
    EXPECT_EQ(withoutCjkLineBreaks(u"w の\n*向き*です。\n**太字**は\n[リンク](a.md)"_s),
              u"w の*向き*です。**太字**は[リンク](a.md)"_s);
    EXPECT_EQ(withoutCjkLineBreaks(u"ません。**\n変更"_s), u"ません。**\n変更"_s);
    EXPECT_EQ(withoutCjkLineBreaks(u"すぐに\n*「再開」*"_s), u"すぐに\n*「再開」*"_s);
    // Japanese next to Latin text keeps the break (a space, as between words).
    EXPECT_EQ(withoutCjkLineBreaks(u"ファイルは\n`and.csv`\nです"_s),
              u"ファイルは\n`and.csv`\nです"_s);
    EXPECT_EQ(withoutCjkLineBreaks(u"English\ntext\n"_s), u"English\ntext\n"_s);
    // Paragraph ends, headings, table rows, list items, hard breaks and code stay as they are.
    const QString kept[] = {
        u"段落。\n\n次の段落。"_s,
        u"## 見出し\n本文"_s,
        u"| 表 |\n| 行 |"_s,
        u"項目\n- 次の項目"_s,
        u"項目\n* 次の項目"_s,
        u"改行  \n次の行"_s,
        u"```\n日本語\n日本語\n```"_s,
        u"~~~\n日本語\n日本語\n~~~"_s,
        u"本文\n\n    コード\n    コード"_s,
    };
    for (const QString& markdown : kept)
        EXPECT_EQ(withoutCjkLineBreaks(markdown), markdown) << markdown.toStdString();
}

// Every Japanese page the guide bundles shows without gaps between Japanese characters where its
// source breaks a line: a space between two of them on screen is one the source has too. And the
// emphasis stays as it was.
TEST(CjkLineBreaks, JapanesePagesShowNoGapsWhereTheSourceWraps)
{
    UserGuideDialog dialog;
    const QTextBrowser* browser = browserOf(dialog);
    QStringList japanesePages;
    for (const QString& page : bundledPages()) {
        if (page.endsWith(u".ja.md"_s))
            japanesePages << page;
    }
    ASSERT_TRUE(japanesePages.contains(u":/docs/user-guide.ja.md"_s));
    const QRegularExpression gap(u"[\\x{3000}-\\x{30FF}\\x{4E00}-\\x{9FFF}\\x{FF00}-\\x{FFEF}] "
                                 u"[\\x{3000}-\\x{30FF}\\x{4E00}-\\x{9FFF}\\x{FF00}-\\x{FFEF}]"_s);
    int wrapped = 0; // source lines broken between Japanese characters, over all pages
    for (const QString& page : japanesePages) {
        QFile file(page);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << page.toStdString();
        const QString source = QString::fromUtf8(file.readAll());
        // The source's own spaces, as the page shows them: no emphasis marks, links as their text.
        QString sourceText = source;
        sourceText.remove(u'*').replace(QRegularExpression(u"\\[([^\\]]*)\\]\\([^)]*\\)"_s),
                                        u"\\1"_s);
        wrapped += int(source.count(u'\n') - withoutCjkLineBreaks(source).count(u'\n'));
        ASSERT_TRUE(dialog.showPage(QUrl(u"qrc"_s + page)));
        const QString shown = browser->document()->toPlainText();
        // Joining lines never breaks an emphasis: as much text is bold or italic as without it.
        QTextDocument unjoined;
        unjoined.setMarkdown(source);
        EXPECT_EQ(emphasisedCharacters(*browser->document()), emphasisedCharacters(unjoined))
            << page.toStdString();
        for (auto it = gap.globalMatch(shown); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            EXPECT_TRUE(sourceText.contains(match.captured()))
                << page.toStdString() << ": a gap in \""
                << shown.mid(match.capturedStart() - 12, 26).toStdString()
                << "\" that the source does not have";
        }
    }
    EXPECT_GT(wrapped, 0); // the lessons are wrapped, so the test sees joins happen
}

// --- The user guide ----------------------------------------------------------------------------

TEST(UserGuide, EachLanguageGetsItsGuideAndEnglishIsTheFallback)
{
    EXPECT_EQ(userGuideUrl(u"en"_s), QUrl(u"qrc:/docs/user-guide.md"_s));
    EXPECT_EQ(userGuideUrl(u"ja"_s), QUrl(u"qrc:/docs/user-guide.ja.md"_s));
    EXPECT_EQ(userGuideUrl(u"sw"_s), QUrl(u"qrc:/docs/user-guide.md"_s));
    EXPECT_EQ(userGuideUrl(QString()), QUrl(u"qrc:/docs/user-guide.md"_s));
}

// The Japanese guide is a translation of the English one, section for section: the same
// headings at the same levels in the same order, the same number of images and tables. A section
// added to one guide and not the other fails here (docs/translations.md).
TEST(UserGuide, TheJapaneseGuideHasTheEnglishGuidesSections)
{
    const auto english = markdownPage(u":/docs/user-guide.md"_s);
    const auto japanese = markdownPage(u":/docs/user-guide.ja.md"_s);
    ASSERT_NE(english, nullptr);
    ASSERT_NE(japanese, nullptr);
    const PageOutline en = outlineOf(*english);
    const PageOutline ja = outlineOf(*japanese);
    ASSERT_GT(en.headings.size(), 10); // the outline did find the guide's sections
    EXPECT_EQ(levelsOf(ja.headings), levelsOf(en.headings))
        << "English:\n"
        << en.headings.join(u'\n').toStdString() << "\nJapanese:\n"
        << ja.headings.join(u'\n').toStdString();
    EXPECT_EQ(ja.images, en.images);
    EXPECT_EQ(ja.tables, en.tables);
    EXPECT_GT(en.tables, 0);
    EXPECT_GT(en.images, 0);
}

TEST(UserGuide, OpensOnTheBundledGuideWithAnchoredHeadings)
{
    UserGuideDialog dialog;
    const QTextBrowser* browser = browserOf(dialog);
    ASSERT_NE(browser, nullptr);
    EXPECT_EQ(dialog.currentPage(), userGuideUrl());
    EXPECT_FALSE(browser->document()->toPlainText().trimmed().isEmpty());
    // The guide starts with its title; its anchor is the GitHub slug of that heading.
    const QTextBlock first = browser->document()->begin();
    ASSERT_GT(first.blockFormat().headingLevel(), 0);
    EXPECT_TRUE(headingAnchorsOf(*browser->document()).contains(headingAnchor(first.text())));
}

TEST(UserGuide, AHeadingLinkScrollsToTheHeading)
{
    UserGuideDialog dialog;
    dialog.resize(600, 400);
    dialog.show();
    QTextBrowser* browser = browserOf(dialog);
    ASSERT_TRUE(dialog.showPage(QUrl(u"qrc:/docs/file-formats.md"_s)));
    EXPECT_EQ(browser->verticalScrollBar()->value(), 0);

    ASSERT_TRUE(dialog.showPage(QUrl(u"qrc:/docs/file-formats.md#training-summary-json"_s)));
    EXPECT_EQ(dialog.currentPage().fragment(), u"training-summary-json"_s);
    // The heading is far down the page (the fourth file format), so the view has moved.
    EXPECT_GT(browser->verticalScrollBar()->value(), 0);
}

TEST(UserGuide, APageOutsideTheBundleIsRefusedAndNamed)
{
    UserGuideDialog dialog;
    const QUrl start = dialog.currentPage();
    EXPECT_FALSE(dialog.showPage(QUrl(u"qrc:/docs/no-such-page.md"_s)));
    EXPECT_FALSE(dialog.showPage(QUrl(u"file:///etc/passwd"_s)));
    EXPECT_EQ(dialog.currentPage(), start);

    // A link to a repository file that is not bundled: the page stays, the status line says so.
    QTextBrowser* browser = browserOf(dialog);
    Q_EMIT browser->anchorClicked(QUrl(u"../app/cli/cliparser.h"_s));
    EXPECT_EQ(dialog.currentPage(), start);
    const auto* status = dialog.findChild<QLabel*>(u"userGuideStatus"_s);
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().contains(u"../app/cli/cliparser.h"_s));

    // A link to a bundled page is followed, relative to the page shown.
    Q_EMIT browser->anchorClicked(QUrl(u"cli.md"_s));
    EXPECT_EQ(dialog.currentPage(), QUrl(u"qrc:/docs/cli.md"_s));
    EXPECT_TRUE(status->text().isEmpty());
}

// Every page of docs/ is bundled, and every link and image in it that stays inside docs/ resolves:
// the page exists, the heading anchor exists on it, the image loads (scaled to the page width).
TEST(UserGuide, EveryBundledLinkAndImageResolves)
{
    const QStringList pages = bundledPages();
    ASSERT_FALSE(pages.isEmpty());
    EXPECT_TRUE(pages.contains(u":/docs/user-guide.md"_s));
    EXPECT_TRUE(pages.contains(u":/docs/user-guide.ja.md"_s));

    UserGuideDialog dialog;
    QTextBrowser* browser = browserOf(dialog);
    std::map<QString, QSet<QString>> anchors;
    std::vector<std::pair<QUrl, QUrl>> links; // (page, target)
    for (const QString& page : pages) {
        const QUrl url(u"qrc"_s + page);
        ASSERT_TRUE(dialog.showPage(url)) << page.toStdString();
        anchors[url.path()] = headingAnchorsOf(*browser->document());
        QStringList hrefs;
        QStringList images;
        linksAndImages(*browser->document(), hrefs, images);
        for (const QString& image : images) {
            const QVariant loaded =
                browser->document()->resource(QTextDocument::ImageResource, QUrl(image));
            // Small images stay the file's bytes; scaled ones are QImages.
            const QImage picture = loaded.typeId() == QMetaType::QByteArray
                                       ? QImage::fromData(loaded.toByteArray())
                                       : loaded.value<QImage>();
            EXPECT_FALSE(picture.isNull()) << page.toStdString() << ": " << image.toStdString();
            EXPECT_LE(picture.width() / picture.devicePixelRatio(), 760.0) << image.toStdString();
        }
        for (const QString& href : hrefs) {
            const QUrl target = url.resolved(QUrl(href));
            // Web links and files outside docs/ (source files) are not the guide's to hold.
            if (target.scheme() == u"qrc"_s && target.path().startsWith(u"/docs/"_s) &&
                target.path().endsWith(u".md"_s))
                links.emplace_back(url, target);
        }
    }
    ASSERT_FALSE(links.empty()); // the pages do link to each other
    for (const auto& [page, target] : links) {
        const auto found = anchors.find(target.path());
        ASSERT_NE(found, anchors.end())
            << page.toString().toStdString() << " links to " << target.toString().toStdString();
        if (target.hasFragment()) {
            EXPECT_TRUE(found->second.contains(target.fragment()))
                << page.toString().toStdString() << " links to " << target.toString().toStdString();
        }
    }
}

// --- The guide's language -------------------------------------------------------------------
//
// ctest runs these twice: with the system in English (LANGUAGE=en, as every test) and in
// Japanese (helpdialogs_japanese_system, LANGUAGE=ja). Each time View > Language picks the other
// language, and the guide must follow the window, not the system.

/// A guide as the user sees it: its page, its first heading, the dialog's title, and the anchor
/// of its "Training" section.
struct Guide
{
    QUrl page;
    QString title;
    QString windowTitle;
    QString trainingAnchor;
};

Guide guideIn(const QString& language)
{
    if (language == u"ja")
        return {QUrl(u"qrc:/docs/user-guide.ja.md"_s), u"Perceptron Lab ユーザーガイド"_s,
                u"Perceptron Lab ユーザーガイド"_s, u"学習"_s};
    return {QUrl(u"qrc:/docs/user-guide.md"_s), u"Perceptron Lab user guide"_s,
            u"Perceptron Lab User Guide"_s, u"training"_s};
}

class GuideLanguage : public testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_settings = std::make_unique<plab::test::SettingsSandbox>(u"plab-guide-language"_s);
    }
    static void TearDownTestSuite() { s_settings.reset(); }

    void SetUp() override
    {
        QSettings().clear();
        ASSERT_TRUE(plab::i18n::installTranslations(m_system)); // as the program starts
        m_window = std::make_unique<plab::ui::MainWindow>();
        m_window->show();
    }
    void TearDown() override
    {
        m_window.reset();
        plab::i18n::installTranslations(m_system);
    }

    /// View > Language > \p language, and the LanguageChange events it posts delivered.
    void choose(const QString& language) const
    {
        auto* action = m_window->findChild<QAction*>(u"actionLanguage_"_s + language);
        ASSERT_NE(action, nullptr);
        action->trigger();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }
    /// Help > User Guide: the guide it opens (or raises).
    UserGuideDialog* openGuide() const
    {
        auto* action = m_window->findChild<QAction*>(u"actionUserGuide"_s);
        if (action == nullptr)
            return nullptr;
        action->trigger();
        const auto guides = m_window->findChildren<UserGuideDialog*>();
        return guides.size() == 1 && guides.constFirst()->isVisible() ? guides.constFirst()
                                                                      : nullptr;
    }
    static void expectShows(const UserGuideDialog& dialog, const Guide& guide)
    {
        EXPECT_EQ(dialog.currentPage().adjusted(QUrl::RemoveFragment), guide.page);
        EXPECT_EQ(browserOf(dialog)->document()->begin().text(), guide.title);
        EXPECT_EQ(dialog.windowTitle(), guide.windowTitle);
    }

    const QString m_system = plab::i18n::systemLanguage();
    const QString m_other = m_system == u"ja" ? u"en"_s : u"ja"_s;
    std::unique_ptr<plab::ui::MainWindow> m_window;

private:
    static inline std::unique_ptr<plab::test::SettingsSandbox> s_settings;
};

TEST_F(GuideLanguage, HelpOpensTheGuideInTheLanguageViewLanguageChose)
{
    UserGuideDialog* guide = openGuide();
    ASSERT_NE(guide, nullptr);
    expectShows(*guide, guideIn(m_system));
    guide->close(); // deleted on close: the next one is new
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    ASSERT_TRUE(m_window->findChildren<UserGuideDialog*>().isEmpty());

    choose(m_other);
    ASSERT_EQ(plab::i18n::installedLanguage(), m_other);
    guide = openGuide();
    ASSERT_NE(guide, nullptr);
    expectShows(*guide, guideIn(m_other));
    EXPECT_EQ(guide->currentPage(), guideIn(m_other).page);
}

// A guide left open moves with the window to the other language, at the section it was showing;
// a page that exists in one language only stays, and Contents leads to the new guide.
TEST_F(GuideLanguage, AnOpenGuideMovesToTheSameSectionInTheNewLanguage)
{
    UserGuideDialog* guide = openGuide();
    ASSERT_NE(guide, nullptr);
    guide->resize(600, 400);
    QUrl training = guideIn(m_system).page;
    training.setFragment(guideIn(m_system).trainingAnchor);
    ASSERT_TRUE(guide->showPage(training));
    ASSERT_GT(browserOf(*guide)->verticalScrollBar()->value(), 0);

    choose(m_other);
    expectShows(*guide, guideIn(m_other));
    EXPECT_EQ(guide->currentPage().fragment(), guideIn(m_other).trainingAnchor);
    EXPECT_GT(browserOf(*guide)->verticalScrollBar()->value(), 0);

    ASSERT_TRUE(guide->showPage(QUrl(u"qrc:/docs/cli.md"_s)));
    choose(m_system);
    EXPECT_EQ(guide->currentPage(), QUrl(u"qrc:/docs/cli.md"_s));
    EXPECT_EQ(guide->windowTitle(), guideIn(m_system).windowTitle);
    auto* contents = guide->findChild<QAction*>(u"userGuideContents"_s);
    ASSERT_NE(contents, nullptr);
    EXPECT_EQ(contents->text(), m_system == u"ja" ? u"目次(&C)"_s : u"&Contents"_s);
    contents->trigger();
    EXPECT_EQ(guide->currentPage(), guideIn(m_system).page);
}

// --- About -------------------------------------------------------------------------------------

TEST(About, ShowsVersionLicenceAndLibraries)
{
    QCoreApplication::setApplicationVersion(u"9.8.7"_s);
    AboutDialog dialog;
    const auto* version = dialog.findChild<QLabel*>(u"aboutVersion"_s);
    ASSERT_NE(version, nullptr);
    EXPECT_TRUE(version->text().contains(u"9.8.7"_s));

    const auto* licence = dialog.findChild<QPlainTextEdit*>(u"aboutLicence"_s);
    ASSERT_NE(licence, nullptr);
    EXPECT_TRUE(licence->toPlainText().startsWith(u"MIT License"_s));
    EXPECT_TRUE(licence->toPlainText().contains(u"Permission is hereby granted"_s));

    const auto* libraries = dialog.findChild<QTreeWidget*>(u"aboutLibraries"_s);
    ASSERT_NE(libraries, nullptr);
    QStringList names;
    for (int i = 0; i < libraries->topLevelItemCount(); ++i)
        names << libraries->topLevelItem(i)->text(0);
    EXPECT_EQ(names, (QStringList{u"Qt"_s, u"Eigen"_s, u"giflib"_s, u"GoogleTest"_s}));
    // Qt's row shows the library loaded at run time.
    EXPECT_EQ(libraries->topLevelItem(0)->text(1), QString::fromLatin1(qVersion()));
}

// The versions About states are the ones CMake found for the build (PLAB_*_VERSION).
TEST(About, LibraryVersionsAreTheOnesBuiltWith)
{
    std::map<QString, plab::ui::LibraryInfo> byName;
    for (const auto& library : plab::ui::libraryInfo())
        byName[library.name] = library;
    EXPECT_EQ(byName[u"Eigen"_s].version, QStringLiteral(PLAB_EIGEN_VERSION));
    EXPECT_EQ(byName[u"giflib"_s].version, QStringLiteral(PLAB_GIF_VERSION));
    EXPECT_EQ(byName[u"Qt"_s].licence, u"LGPL-3.0-only"_s);
    EXPECT_EQ(byName[u"GoogleTest"_s].version, QString());
}

TEST(About, TheIconHasEverySizeTheDesktopGets)
{
    const QIcon icon = plab::ui::applicationIcon();
    const QList<QSize> sizes = icon.availableSizes();
    for (const int side : {16, 24, 32, 48, 64, 128, 256, 512})
        EXPECT_TRUE(sizes.contains(QSize(side, side))) << side;
    // The 16 px PNG is the picture, not a blur: opaque in the middle, and both class colours
    // (Okabe-Ito blue #0072B2 and vermillion #D55E00) are still there.
    const QImage small =
        icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32);
    ASSERT_EQ(small.size(), QSize(16, 16));
    EXPECT_EQ(small.pixelColor(8, 8).alpha(), 255);
    bool blue = false;
    bool vermillion = false;
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 16; ++x) {
            const QColor c = small.pixelColor(x, y);
            blue = blue || (c.blue() > 140 && c.red() < 60 && c.green() < 140);
            vermillion = vermillion || (c.red() > 180 && c.green() < 140 && c.blue() < 80);
        }
    }
    EXPECT_TRUE(blue);
    EXPECT_TRUE(vermillion);
}

// --- The Help menu -----------------------------------------------------------------------------

TEST(HelpMenu, OpensTheGuideOnceAndTheAboutBox)
{
    const plab::test::SettingsSandbox settings(u"plab-help-test"_s);

    plab::ui::MainWindow window;
    window.show();
    auto* guideAction = window.findChild<QAction*>(u"actionUserGuide"_s);
    auto* aboutAction = window.findChild<QAction*>(u"actionAbout"_s);
    ASSERT_NE(guideAction, nullptr);
    ASSERT_NE(aboutAction, nullptr);

    guideAction->trigger();
    const auto guides = window.findChildren<UserGuideDialog*>();
    ASSERT_EQ(guides.size(), 1);
    EXPECT_TRUE(guides.constFirst()->isVisible());
    EXPECT_EQ(guides.constFirst()->currentPage(), userGuideUrl());
    // A second time raises the open guide instead of opening another.
    guideAction->trigger();
    EXPECT_EQ(window.findChildren<UserGuideDialog*>().size(), 1);

    aboutAction->trigger();
    const auto abouts = window.findChildren<AboutDialog*>();
    ASSERT_EQ(abouts.size(), 1);
    EXPECT_TRUE(abouts.constFirst()->isVisible());
    abouts.constFirst()->reject();
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
