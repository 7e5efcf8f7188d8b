#include "ui/dialogs/userguidedialog.h"

#include "i18n/language.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHash>
#include <QImage>
#include <QLabel>
#include <QScrollBar>
#include <QStyle>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

/// Wider images (screenshots, storyboards) are scaled down to this many logical pixels, so a
/// page never needs a horizontal scroll bar at the dialog's default size.
constexpr int kMaxImageWidth = 760;

/// A QTextBrowser that scales large images down to fit the page.
class GuideBrowser : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

    QVariant loadResource(int type, const QUrl& name) override
    {
        QVariant resource = QTextBrowser::loadResource(type, name);
        if (type == QTextDocument::MarkdownResource && resource.typeId() == QMetaType::QByteArray)
            return withoutCjkLineBreaks(QString::fromUtf8(resource.toByteArray()));
        if (type != QTextDocument::ImageResource || !resource.isValid())
            return resource;
        QImage image = resource.typeId() == QMetaType::QByteArray
                           ? QImage::fromData(resource.toByteArray())
                           : resource.value<QImage>();
        const double ratio = devicePixelRatioF();
        const int maxWidth = int(std::lround(kMaxImageWidth * ratio));
        if (image.isNull() || image.width() <= maxWidth)
            return resource;
        image = image.scaledToWidth(maxWidth, Qt::SmoothTransformation);
        image.setDevicePixelRatio(ratio);
        return image;
    }
};

bool isWebLink(const QUrl& url)
{
    return url.scheme() == u"http"_s || url.scheme() == u"https"_s || url.scheme() == u"mailto"_s;
}

/// The file behind a qrc: URL (":/docs/cli.md"), or nothing for other schemes.
QString resourcePath(const QUrl& url)
{
    return url.scheme() == u"qrc"_s ? u':' + url.path() : QString();
}

/// Han, kana and the CJK and full-width punctuation (、。「」（）：), which take no spaces between
/// them.
bool isCjk(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3000 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x4DBF) ||
           (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) ||
           (u >= 0xFF00 && u <= 0xFFEF);
}

qsizetype indentOf(QStringView line)
{
    qsizetype n = 0;
    while (n < line.size() && line[n] == u' ')
        ++n;
    return n;
}

bool isFence(QStringView line)
{
    const QStringView text = line.trimmed();
    return text.startsWith(u"```") || text.startsWith(u"~~~");
}

/// A line that is code, a heading, a table row or a fence: never joined with another.
bool keepsItsLineBreaks(QStringView line)
{
    const QStringView text = line.trimmed();
    return text.isEmpty() || indentOf(line) >= 4 || text.startsWith(u'#') ||
           text.startsWith(u'|') || isFence(line);
}

/// Whether \p line and \p next, two lines of one paragraph, join without a space: Japanese text
/// on both sides of the break, looking through emphasis (*...*, **...**) and a link's '['. The
/// emphasis must still open and close where it did (CommonMark's flanking rules): "。**" opens
/// before "サ" but not before "「".
bool joinsWithoutSpace(QStringView line, QStringView next)
{
    QStringView end = line.trimmed();
    qsizetype closing = 0; // '*' that end the line
    while (closing < end.size() && end[end.size() - 1 - closing] == u'*')
        ++closing;
    QStringView start = next.trimmed();
    qsizetype opening = 0; // '*' (and a '[') that start the next line
    while (opening < start.size() && start[opening] == u'*')
        ++opening;
    if (opening < start.size() && start[opening] == u'[')
        ++opening;
    if (closing == end.size() || opening == start.size())
        return false;
    const QChar before = end[end.size() - 1 - closing];
    const QChar after = start[opening];
    if (!isCjk(before) || !isCjk(after) || (start[0] == u'*' && start[1] == u' '))
        return false;
    // Closing '*' followed directly by "after" (or by the opening run: punctuation, always fine).
    if (closing > 0 && opening == 0 && before.isPunct() && !after.isPunct())
        return false;
    // Opening '*' preceded directly by "before".
    if (start[0] == u'*' && closing == 0 && after.isPunct() && !before.isPunct())
        return false;
    return true;
}

/// A heading of a page and the anchor GitHub gives it.
struct Heading
{
    QTextBlock block;
    QString anchor;
};

/// The headings of \p document in order, with their GitHub anchors, made unique the way GitHub
/// does ("-1", "-2", ...).
QList<Heading> headingsOf(const QTextDocument& document)
{
    QList<Heading> headings;
    QHash<QString, int> seen;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0 || block.length() <= 1)
            continue;
        QString anchor = headingAnchor(block.text());
        const int count = seen.value(anchor, 0);
        seen.insert(anchor, count + 1);
        if (count > 0)
            anchor += u'-' + QString::number(count);
        headings.append({block, anchor});
    }
    return headings;
}

/// Gives every heading of \p document its GitHub anchor, so links with a #fragment find it.
void addHeadingAnchors(const QTextDocument& document)
{
    for (const Heading& heading : headingsOf(document)) {
        QTextCursor cursor(heading.block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorNames({heading.anchor});
        cursor.mergeCharFormat(format);
    }
}

/// How many headings of the page in \p browser start at or above the top of its view: 0 at the
/// top of the page, n when the view starts in the section of the n-th heading.
qsizetype headingsAboveView(const QTextBrowser& browser)
{
    const int top = browser.verticalScrollBar()->value();
    const QAbstractTextDocumentLayout* layout = browser.document()->documentLayout();
    qsizetype count = 0;
    for (const Heading& heading : headingsOf(*browser.document())) {
        // A heading link scrolls the heading's top to the view's top, give or take rounding.
        if (layout->blockBoundingRect(heading.block).top() > top + 1)
            break;
        ++count;
    }
    return count;
}

/// The anchor of the \p n-th heading (from 1) of the bundled Markdown page \p url; empty when
/// the page has fewer headings.
QString nthHeadingAnchor(const QUrl& url, qsizetype n)
{
    QFile file(u':' + url.path());
    if (n < 1 || !file.open(QIODevice::ReadOnly))
        return {};
    QTextDocument page;
    page.setMarkdown(QString::fromUtf8(file.readAll()));
    const QList<Heading> headings = headingsOf(page);
    return n <= headings.size() ? headings.at(n - 1).anchor : QString();
}

} // namespace

QUrl userGuideUrl(const QString& language)
{
    const QString localized = u":/docs/user-guide.%1.md"_s.arg(language);
    if (!language.isEmpty() && QFile::exists(localized))
        return QUrl(u"qrc"_s + localized);
    return QUrl(u"qrc:/docs/user-guide.md"_s);
}

QUrl userGuideUrl()
{
    const QString installed = i18n::installedLanguage();
    return userGuideUrl(installed.isEmpty() ? i18n::systemLanguage() : installed);
}

QString withoutCjkLineBreaks(const QString& markdown)
{
    const QStringList lines = markdown.split(u'\n');
    QString result;
    result.reserve(markdown.size());
    bool inFence = false;
    bool joinNext = false; // the line before ended in CJK text that continues on this line
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        const bool fence = isFence(line);
        result += joinNext ? QStringView(line).mid(indentOf(line)) : QStringView(line);
        inFence = fence ? !inFence : inFence;
        if (i + 1 == lines.size())
            break;
        const QString& next = lines.at(i + 1);
        // Two trailing spaces are a hard line break, which stays.
        joinNext = !inFence && !fence && !keepsItsLineBreaks(line) && !keepsItsLineBreaks(next) &&
                   !line.endsWith(u"  ") && joinsWithoutSpace(line, next);
        if (!joinNext)
            result += u'\n';
    }
    return result;
}

QString headingAnchor(const QString& heading)
{
    QString anchor;
    anchor.reserve(heading.size());
    for (const QChar c : heading.toLower()) {
        if (c == u' ')
            anchor += u'-';
        else if (c.isLetterOrNumber() || c.isMark() || c == u'-' || c == u'_')
            anchor += c;
    }
    return anchor;
}

UserGuideDialog::UserGuideDialog(QWidget* parent) : QDialog(parent), m_home(userGuideUrl())
{
    setObjectName(u"userGuideDialog"_s);

    m_browser = new GuideBrowser(this);
    m_browser->setObjectName(u"userGuideBrowser"_s);
    m_browser->setOpenLinks(false);
    m_browser->document()->setDocumentMargin(12);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &UserGuideDialog::followLink);
    connect(m_browser, &QTextBrowser::sourceChanged, this, &UserGuideDialog::pageLoaded);

    auto* bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back = bar->addAction(style()->standardIcon(QStyle::SP_ArrowBack), QString(), m_browser,
                            &QTextBrowser::backward);
    m_back->setObjectName(u"userGuideBack"_s);
    m_back->setShortcut(QKeySequence::Back);
    m_back->setEnabled(false);
    connect(m_browser, &QTextBrowser::backwardAvailable, m_back, &QAction::setEnabled);
    m_forward = bar->addAction(style()->standardIcon(QStyle::SP_ArrowForward), QString(), m_browser,
                               &QTextBrowser::forward);
    m_forward->setObjectName(u"userGuideForward"_s);
    m_forward->setShortcut(QKeySequence::Forward);
    m_forward->setEnabled(false);
    connect(m_browser, &QTextBrowser::forwardAvailable, m_forward, &QAction::setEnabled);
    m_contents = bar->addAction(style()->standardIcon(QStyle::SP_DirHomeIcon), QString(), this,
                                [this] { showPage(m_home); });
    m_contents->setObjectName(u"userGuideContents"_s);

    m_status = new QLabel(this);
    m_status->setObjectName(u"userGuideStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(bar);
    layout->addWidget(m_browser, 1);
    layout->addLayout(bottom);
    resize(880, 720);

    retranslateUi();
    showPage(m_home);
}

void UserGuideDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        changeHome(userGuideUrl());
    }
}

void UserGuideDialog::retranslateUi()
{
    setWindowTitle(tr("Perceptron Lab User Guide"));
    m_back->setText(tr("&Back"));
    m_forward->setText(tr("&Forward"));
    m_contents->setText(tr("&Contents"));
}

void UserGuideDialog::changeHome(const QUrl& home)
{
    if (home == m_home)
        return;
    const bool onTheGuide = m_browser->source().path() == m_home.path();
    m_home = home;
    if (!onTheGuide)
        return;
    // The guides in both languages have the same headings in the same order, so the n-th
    // heading is the same section.
    QUrl section = home;
    const QString anchor = nthHeadingAnchor(home, headingsAboveView(*m_browser));
    if (!anchor.isEmpty())
        section.setFragment(anchor);
    showPage(section);
}

bool UserGuideDialog::showPage(const QUrl& url)
{
    const QString path = resourcePath(url);
    if (path.isEmpty() || !QFile::exists(path))
        return false;
    m_browser->setSource(url);
    return true;
}

QUrl UserGuideDialog::currentPage() const
{
    return m_browser->source();
}

void UserGuideDialog::followLink(const QUrl& link)
{
    if (isWebLink(link)) {
        QDesktopServices::openUrl(link);
        return;
    }
    if (!showPage(m_browser->source().resolved(link)))
        m_status->setText(tr("Not part of the bundled guide: %1").arg(link.toString()));
}

void UserGuideDialog::pageLoaded(const QUrl& url)
{
    m_status->clear();
    // Applied on every load: a reloaded page is a fresh document, and applying it twice
    // changes nothing. QTextBrowser tried to scroll before the anchors were there, so scroll
    // again. (It emits sourceChanged before source() returns the new page: use the argument.)
    addHeadingAnchors(*m_browser->document());
    if (url.hasFragment())
        m_browser->scrollToAnchor(url.fragment());
}

void showUserGuide(QWidget* parent)
{
    auto* guide = parent ? parent->findChild<UserGuideDialog*>() : nullptr;
    if (!guide) {
        guide = new UserGuideDialog(parent);
        guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    guide->show();
    guide->raise();
    guide->activateWindow();
}

} // namespace plab::ui
