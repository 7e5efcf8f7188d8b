#include "ui/dialogs/userguidedialog.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHash>
#include <QImage>
#include <QLabel>
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

/// Gives every heading of \p document its GitHub anchor (made unique the way GitHub does, with
/// "-1", "-2", ...), so links with a #fragment find their heading.
void addHeadingAnchors(QTextDocument* document)
{
    QHash<QString, int> seen;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0 || block.length() <= 1)
            continue;
        QString anchor = headingAnchor(block.text());
        const int count = seen.value(anchor, 0);
        seen.insert(anchor, count + 1);
        if (count > 0)
            anchor += u'-' + QString::number(count);
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorNames({anchor});
        cursor.mergeCharFormat(format);
    }
}

} // namespace

QUrl userGuideUrl(const QLocale& locale)
{
    const QString language = QLocale::languageToCode(locale.language());
    const QString localized = u":/docs/user-guide.%1.md"_s.arg(language);
    if (!language.isEmpty() && QFile::exists(localized))
        return QUrl(u"qrc"_s + localized);
    return QUrl(u"qrc:/docs/user-guide.md"_s);
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
    setWindowTitle(tr("Perceptron Lab User Guide"));

    m_browser = new GuideBrowser(this);
    m_browser->setObjectName(u"userGuideBrowser"_s);
    m_browser->setOpenLinks(false);
    m_browser->document()->setDocumentMargin(12);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &UserGuideDialog::followLink);
    connect(m_browser, &QTextBrowser::sourceChanged, this, &UserGuideDialog::pageLoaded);

    auto* bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction* back = bar->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"),
                                   m_browser, &QTextBrowser::backward);
    back->setShortcut(QKeySequence::Back);
    back->setEnabled(false);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QAction::setEnabled);
    QAction* forward = bar->addAction(style()->standardIcon(QStyle::SP_ArrowForward),
                                      tr("&Forward"), m_browser, &QTextBrowser::forward);
    forward->setShortcut(QKeySequence::Forward);
    forward->setEnabled(false);
    connect(m_browser, &QTextBrowser::forwardAvailable, forward, &QAction::setEnabled);
    bar->addAction(style()->standardIcon(QStyle::SP_DirHomeIcon), tr("&Contents"), this,
                   [this] { showPage(m_home); });

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

    showPage(m_home);
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
    addHeadingAnchors(m_browser->document());
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
