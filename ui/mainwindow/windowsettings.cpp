#include "ui/mainwindow/windowsettings.h"

#include "io/settingsfields.h"

#include <QSettings>

#include <optional>
#include <string>
#include <string_view>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

QString fromName(std::string_view name)
{
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

std::string toName(const QVariant& value)
{
    return value.toString().toStdString();
}

/// The key of a training setting in the store: its project-file key (io/settingsfields.h) except
/// for two older names; the window has no control for the tolerance, so it is not stored.
std::optional<QString> storeKey(std::string_view projectKey)
{
    if (projectKey == "bias")
        return u"useBias"_s;
    if (projectKey == "gradientMode")
        return u"gradient"_s;
    if (projectKey == "tolerance")
        return std::nullopt;
    return fromName(projectKey);
}

/// The key of part \p index of a weights field: "initialW1", "initialW2", "initialB".
QString partKey(const QString& key, std::size_t index)
{
    const QString part = fromName(io::WeightsField::kParts[index]);
    return key + part.left(1).toUpper() + part.mid(1);
}

// One reader and writer per field type of io/settingsfields.h. What is missing or unreadable
// keeps the value in `s`.

template <class E>
void load(const QSettings& store, const QString& key, const io::ChoiceField<E>& field,
          learning::TrainingSettings& s)
{
    if (const auto value = field.fromName(toName(store.value(key))))
        s.*field.member = *value;
}

void load(const QSettings& store, const QString& key, const io::NumberField& field,
          learning::TrainingSettings& s)
{
    s.*field.member = store.value(key, s.*field.member).toDouble();
}

void load(const QSettings& store, const QString& key, const io::WholeField& field,
          learning::TrainingSettings& s)
{
    s.*field.member = store.value(key, s.*field.member).toInt();
}

void load(const QSettings& store, const QString& key, const io::FlagField& field,
          learning::TrainingSettings& s)
{
    s.*field.member = store.value(key, s.*field.member).toBool();
}

void load(const QSettings& store, const QString& key, const io::SeedField& field,
          learning::TrainingSettings& s)
{
    s.*field.member = store.value(key, QString::number(s.*field.member)).toString().toULongLong();
}

void load(const QSettings& store, const QString& key, const io::WeightsField& field,
          learning::TrainingSettings& s)
{
    for (std::size_t i = 0; i < io::WeightsField::kParts.size(); ++i) {
        double& part = io::WeightsField::part(s.*field.member, i);
        part = store.value(partKey(key, i), part).toDouble();
    }
}

template <class E>
void save(QSettings& store, const QString& key, const io::ChoiceField<E>& field,
          const learning::TrainingSettings& s)
{
    store.setValue(key, fromName(learning::name(s.*field.member)));
}

void save(QSettings& store, const QString& key, const io::NumberField& field,
          const learning::TrainingSettings& s)
{
    store.setValue(key, s.*field.member);
}

void save(QSettings& store, const QString& key, const io::WholeField& field,
          const learning::TrainingSettings& s)
{
    store.setValue(key, s.*field.member);
}

void save(QSettings& store, const QString& key, const io::FlagField& field,
          const learning::TrainingSettings& s)
{
    store.setValue(key, s.*field.member);
}

void save(QSettings& store, const QString& key, const io::SeedField& field,
          const learning::TrainingSettings& s)
{
    store.setValue(key, QString::number(s.*field.member));
}

void save(QSettings& store, const QString& key, const io::WeightsField& field,
          const learning::TrainingSettings& s)
{
    for (std::size_t i = 0; i < io::WeightsField::kParts.size(); ++i)
        store.setValue(partKey(key, i), io::WeightsField::part(s.*field.member, i));
}

} // namespace

WindowSettings::WindowSettings() : m_store(std::make_unique<QSettings>())
{}

WindowSettings::WindowSettings(const QString& iniFile)
    : m_store(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

WindowSettings::~WindowSettings() = default;

QByteArray WindowSettings::geometry() const
{
    return m_store->value(u"window/geometry"_s).toByteArray();
}

QByteArray WindowSettings::dockState() const
{
    return m_store->value(u"window/state"_s).toByteArray();
}

void WindowSettings::setLayout(const QByteArray& geometry, const QByteArray& dockState)
{
    m_store->setValue(u"window/geometry"_s, geometry);
    m_store->setValue(u"window/state"_s, dockState);
}

QString WindowSettings::theme() const
{
    return m_store->value(u"view/theme"_s, u"system"_s).toString();
}

void WindowSettings::setTheme(const QString& choice)
{
    m_store->setValue(u"view/theme"_s, choice);
}

learning::TrainingSettings WindowSettings::training() const
{
    QSettings& settings = *m_store;
    learning::TrainingSettings s;
    settings.beginGroup(u"training"_s);
    io::forEachSettingsField([&](const auto& field) {
        if (const std::optional<QString> key = storeKey(field.key))
            load(settings, *key, field, s);
    });
    settings.endGroup();
    if (learning::validate(s))
        s = learning::TrainingSettings{};
    return s;
}

void WindowSettings::setTraining(const learning::TrainingSettings& s)
{
    QSettings& settings = *m_store;
    settings.beginGroup(u"training"_s);
    io::forEachSettingsField([&](const auto& field) {
        if (const std::optional<QString> key = storeKey(field.key))
            save(settings, *key, field, s);
    });
    settings.endGroup();
}

double WindowSettings::speed() const
{
    return m_store->value(u"training/speed"_s, 10.0).toDouble();
}

void WindowSettings::setSpeed(double epochsPerSecond)
{
    m_store->setValue(u"training/speed"_s, epochsPerSecond);
}

GeneratorChoice WindowSettings::generator(const GeneratorChoice& fallback) const
{
    QSettings& settings = *m_store;
    GeneratorChoice choice = fallback;
    settings.beginGroup(u"generator"_s);
    if (const auto g = learning::generatorFromName(toName(settings.value(u"kind"_s))))
        choice.kind = *g;
    auto& p = choice.params;
    p.count = settings.value(u"count"_s, p.count).toInt();
    p.separation = settings.value(u"separation"_s, p.separation).toDouble();
    p.spread = settings.value(u"spread"_s, p.spread).toDouble();
    p.extent = settings.value(u"extent"_s, p.extent).toDouble();
    p.target.w.x() = settings.value(u"targetW1"_s, p.target.w.x()).toDouble();
    p.target.w.y() = settings.value(u"targetW2"_s, p.target.w.y()).toDouble();
    p.target.b = settings.value(u"targetB"_s, p.target.b).toDouble();
    p.targetMargin = settings.value(u"margin"_s, p.targetMargin).toDouble();
    p.seed = settings.value(u"seed"_s, QString::number(p.seed)).toString().toULongLong();
    settings.endGroup();
    return choice;
}

void WindowSettings::setGenerator(const GeneratorChoice& choice)
{
    QSettings& settings = *m_store;
    const auto& p = choice.params;
    settings.beginGroup(u"generator"_s);
    settings.setValue(u"kind"_s, fromName(learning::name(choice.kind)));
    settings.setValue(u"count"_s, p.count);
    settings.setValue(u"separation"_s, p.separation);
    settings.setValue(u"spread"_s, p.spread);
    settings.setValue(u"extent"_s, p.extent);
    settings.setValue(u"targetW1"_s, p.target.w.x());
    settings.setValue(u"targetW2"_s, p.target.w.y());
    settings.setValue(u"targetB"_s, p.target.b);
    settings.setValue(u"margin"_s, p.targetMargin);
    settings.setValue(u"seed"_s, QString::number(p.seed));
    settings.endGroup();
}

} // namespace plab::ui
