#pragma once

// Reads the numbers back from a network's sample visit as the parameter panel writes it
// (ui/panels/modeltext.h) and compares them with the core's record: every net, activation and
// delta, the loss, and each parameter's new value, to the three decimals shown.

#include "learning/model.h"
#include "learning/records.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <gtest/gtest.h>

#include <cmath>

namespace plab::test {

/// The number at the end of the first line that starts with \p start (after trimming), read
/// with a typographic minus; NaN when there is none.
inline double lastNumberOfLine(const QStringList& lines, const QString& start)
{
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        if (!line.startsWith(start))
            continue;
        QString last = line.section(u' ', -1);
        last.replace(QChar(0x2212), u'-');
        bool ok = false;
        const double value = last.toDouble(&ok);
        return ok ? value : std::nan("");
    }
    return std::nan("");
}

/// Shown with three decimals: within half a unit of the last one.
inline bool showsValue(double shown, double value)
{
    return std::abs(shown - value) <= 0.0005 + 1e-12;
}

/// A network of one hidden layer (h₁, h₂, ... and the output z, two classes).
inline void expectStepTextShowsRecord(const QString& text, const learning::StepRecord& step,
                                      const learning::ModelShape& shape)
{
    ASSERT_TRUE(step.trace);
    ASSERT_EQ(shape.hidden.size(), 1U);
    ASSERT_EQ(shape.classes, 2);
    const QStringList lines = text.split(u'\n');
    const learning::SampleTrace& t = *step.trace;
    const auto sub = [](int n) { return QString(QChar(0x2080 + n)); };
    const int hidden = shape.hidden[0];
    for (int j = 0; j < hidden; ++j) {
        const QString h = u'h' + sub(j + 1);
        EXPECT_TRUE(
            showsValue(lastNumberOfLine(lines, u"net" + sub(j + 1) + u" ="), t.layers[0].net[j]))
            << "net of " << h.toStdString() << "\n"
            << text.toStdString();
        EXPECT_TRUE(showsValue(lastNumberOfLine(lines, h + u" ="), t.layers[0].activation[j]))
            << h.toStdString();
        EXPECT_TRUE(showsValue(lastNumberOfLine(lines, u"δ(" + h + u") ="), t.layers[0].delta[j]))
            << h.toStdString();
    }
    EXPECT_TRUE(showsValue(lastNumberOfLine(lines, QStringLiteral("z =")), t.layers[1].net[0]));
    EXPECT_TRUE(
        showsValue(lastNumberOfLine(lines, QStringLiteral("δ(z) =")), t.layers[1].delta[0]));
    EXPECT_TRUE(showsValue(lastNumberOfLine(lines, QStringLiteral("J =")), t.loss));
    // Online: each parameter's line ends with its new value ("..., 0.500 → 0.591").
    if (step.updated && step.batchFill == 1) {
        const QString first = u"w(x" + sub(1) + u"→h" + sub(1) + u"):";
        EXPECT_TRUE(showsValue(lastNumberOfLine(lines, first), step.parametersAfter[0]));
        const QString bias = QStringLiteral("b(z):");
        EXPECT_TRUE(showsValue(lastNumberOfLine(lines, bias),
                               step.parametersAfter[step.parametersAfter.size() - 1]));
    }
}

} // namespace plab::test
