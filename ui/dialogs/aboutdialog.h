#pragma once

#include <QDialog>
#include <QIcon>
#include <QString>

#include <vector>

namespace plab::ui {

/// The id desktops know the program by: the name of the installed .desktop and AppStream files
/// (resources/desktop/) and, on Wayland, the window's app id.
inline constexpr char kDesktopFileName[] = "io.github.perceptronlab.PerceptronLab";

/// The app icon (resources/icons/) from its bundled PNG sizes, 16 to 512 px: PNGs need no image
/// plugin, so the window has its icon wherever Qt runs.
[[nodiscard]] QIcon applicationIcon();

/// One library the program is built with, as the About box lists it.
struct LibraryInfo
{
    QString name;    ///< e.g. "Qt"
    QString version; ///< the version in use, e.g. "6.4.2" (Qt: the one loaded at run time)
    QString licence; ///< SPDX identifier, e.g. "LGPL-3.0-only"
    QString purpose; ///< translated: what the program uses it for
};

/// The libraries in the program, in the order shown: Qt (the run-time version from qVersion()),
/// Eigen and giflib (versions from their headers), and GoogleTest, which only the
/// tests link.
[[nodiscard]] std::vector<LibraryInfo> libraryInfo();

/// Help > About: the version, what the program is for, its licence (MIT, with the full text),
/// the libraries it uses with their versions and licences, and the credits. The version is
/// QCoreApplication::applicationVersion(), which main() sets.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
};

/// Opens the About box over \p parent (window-modal, deleted when closed).
void showAboutDialog(QWidget* parent);

} // namespace plab::ui
