// What the window remembers between sessions (WindowSettings), against an INI file of its own:
// everything stored reads back exactly, what is missing or unusable takes its default.
#include "ui/mainwindow/windowsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <limits>

using namespace Qt::StringLiterals;

namespace plab::ui {
namespace {

class WindowSettingsTest : public ::testing::Test
{
protected:
    QString file() const { return m_dir.filePath(u"settings.ini"_s); }

    QTemporaryDir m_dir;
};

learning::TrainingSettings unusualTraining()
{
    learning::TrainingSettings s;
    s.rule = learning::Rule::Logistic;
    s.learningRate = 0.1;
    s.maxEpochs = 12345;
    s.useBias = false;
    s.zero = learning::ZeroConvention::Mistake;
    s.order = learning::SampleOrder::Shuffle;
    s.seed = std::numeric_limits<std::uint64_t>::max();
    s.init = learning::InitKind::Given;
    s.initial = {Eigen::Vector2d(-0.3, 1e-300), 7.25};
    s.randomScale = 0.5;
    s.gradientMode = learning::GradientMode::Batch;
    return s;
}

TEST_F(WindowSettingsTest, NothingStoredGivesTheDefaults)
{
    const WindowSettings stored(file());
    EXPECT_EQ(stored.training(), learning::TrainingSettings{});
    EXPECT_EQ(stored.speed(), 10.0);
    EXPECT_EQ(stored.theme(), u"system"_s);
    EXPECT_TRUE(stored.geometry().isEmpty());
    EXPECT_TRUE(stored.dockState().isEmpty());
    GeneratorChoice fallback;
    fallback.kind = learning::Generator::Moons;
    fallback.params.count = 33;
    const GeneratorChoice choice = stored.generator(fallback);
    EXPECT_EQ(choice.kind, learning::Generator::Moons);
    EXPECT_EQ(choice.params.count, 33);
}

TEST_F(WindowSettingsTest, EverythingStoredReadsBackExactly)
{
    const learning::TrainingSettings training = unusualTraining();
    GeneratorChoice generator;
    generator.kind = learning::Generator::TargetLine;
    generator.params.count = 250;
    generator.params.separation = 2.5;
    generator.params.spread = 0.1;
    generator.params.extent = 3.0;
    generator.params.target = {Eigen::Vector2d(-1.0, 0.5), 0.25};
    generator.params.targetMargin = 0.2;
    generator.params.seed = std::numeric_limits<std::uint64_t>::max() - 1;
    {
        WindowSettings stored(file());
        stored.setTraining(training);
        stored.setSpeed(0.0);
        stored.setTheme(u"dark"_s);
        stored.setLayout("geometry\x01", "state\x02");
        stored.setGenerator(generator);
    }
    const WindowSettings stored(file());
    EXPECT_EQ(stored.training(), training);
    EXPECT_EQ(stored.speed(), 0.0);
    EXPECT_EQ(stored.theme(), u"dark"_s);
    EXPECT_EQ(stored.geometry(), QByteArray("geometry\x01"));
    EXPECT_EQ(stored.dockState(), QByteArray("state\x02"));
    const GeneratorChoice back = stored.generator({});
    EXPECT_EQ(back.kind, generator.kind);
    EXPECT_EQ(back.params.count, generator.params.count);
    EXPECT_EQ(back.params.separation, generator.params.separation);
    EXPECT_EQ(back.params.spread, generator.params.spread);
    EXPECT_EQ(back.params.extent, generator.params.extent);
    EXPECT_EQ(back.params.target, generator.params.target);
    EXPECT_EQ(back.params.targetMargin, generator.params.targetMargin);
    EXPECT_EQ(back.params.seed, generator.params.seed);
}

TEST_F(WindowSettingsTest, TrainingSettingsThatAreNotValidGiveTheDefaults)
{
    {
        WindowSettings stored(file());
        stored.setTraining(unusualTraining());
    }
    {
        QSettings ini(file(), QSettings::IniFormat);
        ini.setValue(u"training/learningRate"_s, 0.0);
    }
    EXPECT_EQ(WindowSettings(file()).training(), learning::TrainingSettings{});
}

TEST_F(WindowSettingsTest, AnUnknownNameKeepsThatSettingsDefault)
{
    {
        WindowSettings stored(file());
        stored.setTraining(unusualTraining());
    }
    {
        QSettings ini(file(), QSettings::IniFormat);
        ini.setValue(u"training/rule"_s, u"hebb"_s);
    }
    learning::TrainingSettings expected = unusualTraining();
    expected.rule = learning::TrainingSettings{}.rule;
    EXPECT_EQ(WindowSettings(file()).training(), expected);
}

TEST_F(WindowSettingsTest, TrainingSettingsKeepTheirKeysAndTypes)
{
    // The keys of earlier versions, so that an update keeps the user's last choices.
    WindowSettings(file()).setTraining(unusualTraining());
    QSettings ini(file(), QSettings::IniFormat);
    ini.beginGroup(u"training"_s);
    QStringList keys = ini.childKeys();
    keys.sort();
    EXPECT_EQ(keys,
              QStringList({u"gradient"_s, u"init"_s, u"initialB"_s, u"initialW1"_s, u"initialW2"_s,
                           u"learningRate"_s, u"maxEpochs"_s, u"order"_s, u"randomScale"_s,
                           u"rule"_s, u"seed"_s, u"stopRule"_s, u"useBias"_s, u"zero"_s}));
    EXPECT_EQ(ini.value(u"rule"_s).toString(), u"logistic"_s);
    EXPECT_EQ(ini.value(u"gradient"_s).toString(), u"batch"_s);
    EXPECT_EQ(ini.value(u"zero"_s).toString(), u"mistake"_s);
    EXPECT_EQ(ini.value(u"seed"_s).toString(), u"18446744073709551615"_s);
    EXPECT_EQ(ini.value(u"initialB"_s).toDouble(), 7.25);
    EXPECT_EQ(ini.value(u"maxEpochs"_s).toInt(), 12345);
    EXPECT_FALSE(ini.value(u"useBias"_s).toBool());
}

} // namespace
} // namespace plab::ui
