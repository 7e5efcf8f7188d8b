#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

namespace plab::test {

/// Points QSettings at a fresh temporary folder (INI files) under \p organization, so a test,
/// benchmark or screenshot run never reads or writes the user's settings. The folder is removed
/// with the sandbox; QSettings keeps pointing there, so make one per process or test suite and
/// keep it alive while windows run.
class SettingsSandbox
{
public:
    explicit SettingsSandbox(const QString& organization)
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(organization);
    }
    SettingsSandbox(const SettingsSandbox&) = delete;
    SettingsSandbox& operator=(const SettingsSandbox&) = delete;

    /// A path inside the sandbox's folder.
    [[nodiscard]] QString filePath(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

} // namespace plab::test
