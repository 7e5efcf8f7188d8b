#include "ui/mainwindow/windowsettings.h"

#include <QSettings>

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
    if (const auto v = learning::ruleFromName(toName(settings.value(u"rule"_s))))
        s.rule = *v;
    if (const auto v = learning::zeroConventionFromName(toName(settings.value(u"zero"_s))))
        s.zero = *v;
    if (const auto v = learning::sampleOrderFromName(toName(settings.value(u"order"_s))))
        s.order = *v;
    if (const auto v = learning::initKindFromName(toName(settings.value(u"init"_s))))
        s.init = *v;
    if (const auto v = learning::gradientModeFromName(toName(settings.value(u"gradient"_s))))
        s.gradientMode = *v;
    s.learningRate = settings.value(u"learningRate"_s, s.learningRate).toDouble();
    s.maxEpochs = settings.value(u"maxEpochs"_s, s.maxEpochs).toInt();
    s.useBias = settings.value(u"useBias"_s, s.useBias).toBool();
    s.seed = settings.value(u"seed"_s, QString::number(s.seed)).toString().toULongLong();
    s.initial.w.x() = settings.value(u"initialW1"_s, 0.0).toDouble();
    s.initial.w.y() = settings.value(u"initialW2"_s, 0.0).toDouble();
    s.initial.b = settings.value(u"initialB"_s, 0.0).toDouble();
    s.randomScale = settings.value(u"randomScale"_s, s.randomScale).toDouble();
    settings.endGroup();
    if (learning::validate(s))
        s = learning::TrainingSettings{};
    return s;
}

void WindowSettings::setTraining(const learning::TrainingSettings& s)
{
    QSettings& settings = *m_store;
    settings.beginGroup(u"training"_s);
    settings.setValue(u"rule"_s, fromName(learning::name(s.rule)));
    settings.setValue(u"zero"_s, fromName(learning::name(s.zero)));
    settings.setValue(u"order"_s, fromName(learning::name(s.order)));
    settings.setValue(u"init"_s, fromName(learning::name(s.init)));
    settings.setValue(u"gradient"_s, fromName(learning::name(s.gradientMode)));
    settings.setValue(u"learningRate"_s, s.learningRate);
    settings.setValue(u"maxEpochs"_s, s.maxEpochs);
    settings.setValue(u"useBias"_s, s.useBias);
    settings.setValue(u"seed"_s, QString::number(s.seed));
    settings.setValue(u"initialW1"_s, s.initial.w.x());
    settings.setValue(u"initialW2"_s, s.initial.w.y());
    settings.setValue(u"initialB"_s, s.initial.b);
    settings.setValue(u"randomScale"_s, s.randomScale);
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
