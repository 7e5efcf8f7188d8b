#pragma once

#include <QDialog>
#include <QString>
#include <QUrl>

class QAction;
class QLabel;
class QTextBrowser;

namespace plab::ui {

/// The guide's first page in \p language, an ISO 639 code: qrc:/docs/user-guide.LANG.md when the
/// program bundles one for it (user-guide.ja.md), otherwise qrc:/docs/user-guide.md (English).
[[nodiscard]] QUrl userGuideUrl(const QString& language);

/// The guide's first page in the language the window is shown in: the one View > Language (or
/// the start) installed, i18n::installedLanguage(); the system's before any is installed.
[[nodiscard]] QUrl userGuideUrl();

/// The anchor GitHub gives a Markdown heading, which is what links such as
/// `file-formats.md#data-sets-csv` point to: lower case, spaces to '-', everything but letters,
/// digits, '-' and '_' dropped ("Data sets (CSV)" -> "data-sets-csv").
[[nodiscard]] QString headingAnchor(const QString& heading);

/// \p markdown with the line breaks inside Japanese (and Chinese) text removed: Markdown turns a
/// line break inside a paragraph into a space, which is right between English words and a stray
/// gap between Japanese ones ("学習\n率" reads "学習 率"). A break is removed when the line
/// before ends and the line after starts with a CJK character or CJK punctuation; headings, table
/// rows, code (fenced, or indented by 4 or more) and lines around them stay as they are.
[[nodiscard]] QString withoutCjkLineBreaks(const QString& markdown);

/// Help > User Guide: the Markdown pages of docs/ with their images, bundled in the program
/// under :/docs/, rendered by a QTextBrowser. It works offline and without an installed copy, and
/// always shows the guide of this version. Links between pages and to headings stay in the
/// viewer (with Back, Forward and Contents); web links open in the browser; a link to anything
/// the bundle does not hold (a repository file outside docs/) is named in the status line.
/// Japanese pages wrapped in the source show without gaps (withoutCjkLineBreaks()).
/// It speaks the window's language: when View > Language changes it, the guide open in the old
/// language moves to the same section of the guide in the new one (the two have the same
/// headings, which tests/desktop checks).
class UserGuideDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UserGuideDialog(QWidget* parent = nullptr);

    /// Shows \p url, a bundled page with an optional heading anchor
    /// (qrc:/docs/cli.md#exit-status). Returns false, and leaves the page as it was, when the
    /// bundle has no such page.
    bool showPage(const QUrl& url);

    /// The page shown, e.g. qrc:/docs/user-guide.md#the-canvas.
    [[nodiscard]] QUrl currentPage() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void followLink(const QUrl& link);
    void pageLoaded(const QUrl& url);
    void retranslateUi();
    /// Makes \p home the guide's first page; the guide, if shown, goes to the same section in it.
    void changeHome(const QUrl& home);

    QTextBrowser* m_browser = nullptr;
    QAction* m_back = nullptr;
    QAction* m_forward = nullptr;
    QAction* m_contents = nullptr;
    QLabel* m_status = nullptr;
    QUrl m_home;
};

/// Opens the user guide next to \p parent, or raises it if it is already open there.
void showUserGuide(QWidget* parent);

} // namespace plab::ui
