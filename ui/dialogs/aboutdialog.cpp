#include "ui/dialogs/aboutdialog.h"

#include <Eigen/Core>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <gif_lib.h>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

constexpr int kHeaderIconSize = 64;

/// The whole MIT licence, bundled from the repository's LICENSE.
QString licenceText()
{
    QFile file(u":/about/LICENSE"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QString();
    return QString::fromUtf8(file.readAll());
}

QString versionOf(int major, int minor, int patch)
{
    return u"%1.%2.%3"_s.arg(major).arg(minor).arg(patch);
}

QWidget* aboutPage(QWidget* parent)
{
    auto* text = new QLabel(parent);
    text->setObjectName(u"aboutText"_s);
    text->setWordWrap(true);
    text->setMargin(8);
    text->setTextFormat(Qt::RichText);
    text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    const auto paragraph = [](const QString& s) -> QString {
        return u"<p>"_s + s.toHtmlEscaped() + u"</p>"_s;
    };
    text->setText(
        paragraph(AboutDialog::tr("Place points of two classes, train a perceptron and watch its "
                                  "decision boundary w\u2081x\u2081 + w\u2082x\u2082 + b = 0 move, "
                                  "one epoch or one sample at a time.")) +
        paragraph(AboutDialog::tr("Perceptron Lab is free software under the MIT licence (see the "
                                  "Licence tab).")) +
        paragraph(AboutDialog::tr("The perceptron and its learning rule: Frank Rosenblatt, 1958. "
                                  "Class colours from the Okabe\u2013Ito palette, which stays "
                                  "distinct for colour-blind viewers.")) +
        paragraph(AboutDialog::tr("Made by the Perceptron Lab authors.")));
    return text;
}

QWidget* librariesPage(QWidget* parent)
{
    auto* page = new QWidget(parent);
    auto* layout = new QVBoxLayout(page);

    auto* table = new QTreeWidget(page);
    table->setObjectName(u"aboutLibraries"_s);
    table->setRootIsDecorated(false);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setHeaderLabels({AboutDialog::tr("Library"), AboutDialog::tr("Version"),
                            AboutDialog::tr("Licence"), AboutDialog::tr("Used for")});
    for (const LibraryInfo& library : libraryInfo())
        new QTreeWidgetItem(
            table, {library.name,
                    library.version.isEmpty() ? AboutDialog::tr("tests only") : library.version,
                    library.licence, library.purpose});
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->header()->setStretchLastSection(true);
    layout->addWidget(table);

    // Nothing GPL is linked (the learning curves are painted by the program itself, not Qt
    // Charts), so the program as built is under the MIT licence too.
    auto* note = new QLabel(
        AboutDialog::tr("Perceptron Lab is MIT-licensed, the program as built too. The libraries "
                        "it uses keep their own licences, listed above."),
        page);
    note->setWordWrap(true);
    layout->addWidget(note);
    return page;
}

QWidget* licencePage(QWidget* parent)
{
    auto* text = new QPlainTextEdit(licenceText(), parent);
    text->setObjectName(u"aboutLicence"_s);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return text;
}

} // namespace

QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(u":/icons/hicolor/%1x%1/apps/perceptron-lab.png"_s.arg(size),
                     QSize(size, size));
    return icon;
}

std::vector<LibraryInfo> libraryInfo()
{
    return {
        {u"Qt"_s, QString::fromLatin1(qVersion()), u"LGPL-3.0-only"_s,
         AboutDialog::tr("the window, SVG and PDF export, threads, files")},
        {u"Eigen"_s, versionOf(EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION),
         u"MPL-2.0"_s, AboutDialog::tr("the vectors and matrices of the learning rules")},
        {u"giflib"_s, versionOf(GIFLIB_MAJOR, GIFLIB_MINOR, GIFLIB_RELEASE), u"MIT"_s,
         AboutDialog::tr("animated GIF export")},
        {u"GoogleTest"_s, QString(), u"BSD-3-Clause"_s,
         AboutDialog::tr("the automated tests (not part of this program)")},
    };
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Perceptron Lab"));

    auto* iconLabel = new QLabel(this);
    iconLabel->setPixmap(applicationIcon().pixmap(kHeaderIconSize, kHeaderIconSize));
    iconLabel->setAlignment(Qt::AlignTop);

    auto* title = new QLabel(u"<h2>"_s + tr("Perceptron Lab").toHtmlEscaped() + u"</h2>"_s, this);
    title->setTextFormat(Qt::RichText);
    auto* version = new QLabel(tr("Version %1").arg(QCoreApplication::applicationVersion()), this);
    version->setObjectName(u"aboutVersion"_s);
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* tagline = new QLabel(tr("Watch a perceptron learn, one update at a time."), this);

    auto* heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(version);
    heading->addWidget(tagline);
    heading->addStretch();
    auto* top = new QHBoxLayout;
    top->addWidget(iconLabel);
    top->addSpacing(12);
    top->addLayout(heading, 1);

    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(u"aboutTabs"_s);
    tabs->addTab(aboutPage(tabs), tr("&About"));
    tabs->addTab(librariesPage(tabs), tr("&Libraries"));
    tabs->addTab(licencePage(tabs), tr("L&icence"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(620, 440);
}

void showAboutDialog(QWidget* parent)
{
    auto* dialog = new AboutDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace plab::ui
