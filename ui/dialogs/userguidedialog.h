#pragma once

#include <QDialog>
#include <QLocale>
#include <QString>
#include <QUrl>

class QLabel;
class QTextBrowser;

namespace plab::ui {

/// The guide's first page for \p locale: qrc:/docs/user-guide.LANG.md when the program bundles
/// one for the locale's language (e.g. user-guide.ja.md), otherwise qrc:/docs/user-guide.md.
[[nodiscard]] QUrl userGuideUrl(const QLocale& locale = QLocale());

/// The anchor GitHub gives a Markdown heading, which is what links such as
/// `file-formats.md#data-sets-csv` point to: lower case, spaces to '-', everything but letters,
/// digits, '-' and '_' dropped ("Data sets (CSV)" -> "data-sets-csv").
[[nodiscard]] QString headingAnchor(const QString& heading);

/// Help > User Guide: the Markdown pages of docs/ with their images, bundled in the program
/// under :/docs/, rendered by a QTextBrowser. It works offline and without an installed copy, and
/// always shows the guide of this version. Links between pages and to headings stay in the
/// viewer (with Back, Forward and Contents); web links open in the browser; a link to anything
/// the bundle does not hold (a repository file outside docs/) is named in the status line.
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

private:
    void followLink(const QUrl& link);
    void pageLoaded(const QUrl& url);

    QTextBrowser* m_browser = nullptr;
    QLabel* m_status = nullptr;
    QUrl m_home;
};

/// Opens the user guide next to \p parent, or raises it if it is already open there.
void showUserGuide(QWidget* parent);

} // namespace plab::ui
