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
