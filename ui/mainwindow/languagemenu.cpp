#include "ui/mainwindow/languagemenu.h"

#include "i18n/language.h"

#include <QActionGroup>
#include <QEvent>

namespace plab::ui {

LanguageMenu::LanguageMenu(QWidget* parent) : QMenu(parent)
{
    setObjectName(QStringLiteral("menuLanguage"));
    m_group = new QActionGroup(this);
    m_system = addAction(QString());
    m_system->setData(QStringLiteral("system"));
    addSeparator();
    // Names in their own language, never translated.
    const std::pair<const char*, QString> languages[] = {
        {"en", QStringLiteral("English")},
        {"ja", QStringLiteral("日本語")},
    };
    for (const auto& [code, name] : languages) {
        QAction* action = addAction(name);
        action->setData(QString::fromLatin1(code));
        action->setObjectName(QStringLiteral("actionLanguage_") + QString::fromLatin1(code));
    }
    m_system->setObjectName(QStringLiteral("actionLanguage_system"));
    const QString stored = i18n::storedLanguageChoice();
    for (QAction* action : actions()) {
        if (action->isSeparator())
            continue;
        action->setCheckable(true);
        action->setChecked(action->data().toString() == stored);
        m_group->addAction(action);
    }
    connect(m_group, &QActionGroup::triggered, this,
            [this](QAction* action) { choose(action->data().toString()); });
    retranslateUi();
}

void LanguageMenu::choose(const QString& choice)
{
    i18n::storeLanguageChoice(choice);
    for (QAction* action : m_group->actions())
        action->setChecked(action->data().toString() == i18n::storedLanguageChoice());
    const QString language = i18n::resolveLanguageChoice(choice);
    if (language == i18n::installedLanguage())
        return;
    i18n::installTranslations(language);
    Q_EMIT languageChanged(language);
}

void LanguageMenu::changeEvent(QEvent* event)
{
    QMenu::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void LanguageMenu::retranslateUi()
{
    setTitle(tr("&Language"));
    m_system->setText(tr("&System (%1)")
                          .arg(i18n::systemLanguage() == u"ja" ? QStringLiteral("日本語")
                                                               : QStringLiteral("English")));
}

} // namespace plab::ui
