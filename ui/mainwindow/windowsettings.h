#pragma once

#include "learning/generators.h"
#include "learning/settings.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QSettings;

namespace plab::ui {

/// The last choices of the generator dialog.
struct GeneratorChoice
{
    learning::Generator kind = learning::Generator::Blobs;
    learning::GeneratorParams params;
};

/// What the window remembers between sessions, in the platform's settings store (QSettings): its
/// geometry and dock layout, the theme, the last training settings and speed, and the generator's
/// last choices. Reading never fails: what is missing or unreadable takes its default.
class WindowSettings
{
public:
    /// The application's settings (QSettings() with the names the program set).
    WindowSettings();
    /// The settings in the INI file \p iniFile (tests).
    explicit WindowSettings(const QString& iniFile);
    ~WindowSettings();
    WindowSettings(const WindowSettings&) = delete;
    WindowSettings& operator=(const WindowSettings&) = delete;

    /// QMainWindow::saveGeometry() and saveState() as stored; empty when none is.
    [[nodiscard]] QByteArray geometry() const;
    [[nodiscard]] QByteArray dockState() const;
    void setLayout(const QByteArray& geometry, const QByteArray& dockState);

    /// "system" (follow the palette) or a render::Theme name.
    [[nodiscard]] QString theme() const;
    void setTheme(const QString& choice);

    /// The last training settings; the defaults when what is stored is not valid as a whole.
    [[nodiscard]] learning::TrainingSettings training() const;
    void setTraining(const learning::TrainingSettings& settings);

    /// Epochs per second of a paced run (0: as fast as possible); 10 when none is stored.
    [[nodiscard]] double speed() const;
    void setSpeed(double epochsPerSecond);

    /// The generator and its parameters; \p fallback for what is not stored.
    [[nodiscard]] GeneratorChoice generator(const GeneratorChoice& fallback) const;
    void setGenerator(const GeneratorChoice& choice);

private:
    std::unique_ptr<QSettings> m_store;
};

} // namespace plab::ui
