#pragma once

#include <QMenu>

class QActionGroup;

namespace plab::ui {

/// View > Language: "System" (QLocale::system().uiLanguages()), "English" and "日本語". The
/// choice is stored (QSettings key "language", see i18n/language.h) and applied at once:
/// installing the new translators sends QEvent::LanguageChange to every widget, and each part of
/// the window sets its texts again. Each language is named in itself, so it can be found from any
/// language.
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget* parent = nullptr);

    /// Stores \p choice ("system", "en" or "ja") and installs its translations.
    void choose(const QString& choice);

Q_SIGNALS:
    /// The language changed (after the translators were replaced); \p language is "en" or "ja".
    void languageChanged(const QString& language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QActionGroup* m_group = nullptr;
    QAction* m_system = nullptr;
};

} // namespace plab::ui
