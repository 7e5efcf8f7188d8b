// The figures of the lessons (docs/images/lessons/) are current: scripts/make-figures.sh renders
// them again with the built binary into a temporary folder, and every committed file must match
// its fresh render. Tables are text and must match exactly; pictures must have the same size and
// differ in only a few pixels, so a slightly different font (another FreeType, another DejaVu)
// passes while a moved boundary, another epoch or a changed colour fails. The lesson pages must
// quote the tables they are built on word for word.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <cstdlib>

namespace {

const QString kBinary = QStringLiteral(PLAB_CLI_BINARY);
const QString kSourceDir = QStringLiteral(PLAB_SOURCE_DIR);

QString figuresDir()
{
    return kSourceDir + u"/docs/images/lessons";
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// How two renders of one figure differ.
struct PixelDifference
{
    double changedFraction = 0.0;  ///< pixels where some channel differs by more than 24 of 255
    double meanChannelDelta = 0.0; ///< mean absolute channel difference, 0 to 255
};

PixelDifference compare(const QImage& a, const QImage& b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    qint64 changed = 0;
    double delta = 0.0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int column = 0; column < x.width(); ++column) {
            const int dr = std::abs(qRed(p[column]) - qRed(q[column]));
            const int dg = std::abs(qGreen(p[column]) - qGreen(q[column]));
            const int db = std::abs(qBlue(p[column]) - qBlue(q[column]));
            delta += dr + dg + db;
            if (dr > 24 || dg > 24 || db > 24)
                ++changed;
        }
    }
    const double pixels = double(x.width()) * x.height();
    return {double(changed) / pixels, delta / (3.0 * pixels)};
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

// One test renders everything once (CTest runs every test in its own process, so a shared
// set-up would render the figures once per test).
TEST(LessonFigures, CommittedFiguresAreCurrent)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QProcess script;
    script.start(QStringLiteral("/bin/sh"),
                 {kSourceDir + u"/scripts/make-figures.sh", kBinary, dir.path()});
    ASSERT_TRUE(script.waitForFinished(300'000));
    ASSERT_EQ(script.exitStatus(), QProcess::NormalExit);
    ASSERT_EQ(script.exitCode(), 0) << script.readAllStandardError().toStdString();

    const QStringList committed = filesIn(figuresDir());
    EXPECT_GE(committed.size(), 20); // four lessons, several figures each
    EXPECT_EQ(filesIn(dir.path()), committed)
        << "run scripts/make-figures.sh and commit docs/images/lessons/";

    int tables = 0;
    int pictures = 0;
    for (const QString& name : committed) {
        const std::string file = name.toStdString();
        if (name.endsWith(u".md")) {
            ++tables;
            const QByteArray text = readAll(figuresDir() + u'/' + name);
            EXPECT_FALSE(text.isEmpty()) << file;
            EXPECT_EQ(readAll(dir.path() + u'/' + name).toStdString(), text.toStdString())
                << file << " is out of date: run scripts/make-figures.sh";
            continue;
        }
        ASSERT_TRUE(name.endsWith(u".png")) << file;
        ++pictures;
        const QImage old(figuresDir() + u'/' + name);
        const QImage fresh(dir.path() + u'/' + name);
        ASSERT_FALSE(old.isNull()) << file;
        ASSERT_FALSE(fresh.isNull()) << file;
        ASSERT_EQ(fresh.size(), old.size()) << file;
        const PixelDifference difference = compare(old, fresh);
        // Measured: all text 3 % larger changes 2.2 % of the AND storyboard's pixels; the lesson 1
        // line moved by one unit changes 10 % of its still. Font versions differ far less.
        EXPECT_LE(difference.changedFraction, 0.03)
            << file << " is out of date: run scripts/make-figures.sh";
        EXPECT_LE(difference.meanChannelDelta, 3.0) << file;
    }
    EXPECT_EQ(tables, 2);
    EXPECT_GE(pictures, 18);
}

// The comparison itself tells a changed figure from the same one: the AND storyboard against
// the XOR storyboard (same size, other data) fails the tolerance, a figure against itself passes.
TEST(LessonFigures, ComparisonSeesARealChange)
{
    const QImage andBoard(figuresDir() + u"/lesson-2-storyboard.png");
    const QImage xorBoard(figuresDir() + u"/lesson-4-storyboard.png");
    ASSERT_EQ(andBoard.size(), xorBoard.size());
    EXPECT_GT(compare(andBoard, xorBoard).changedFraction, 0.03);
    EXPECT_EQ(compare(andBoard, andBoard).changedFraction, 0.0);

    const QImage zeros(figuresDir() + u"/lesson-1-start.png");
    const QImage moved(figuresDir() + u"/lesson-1-bias.png"); // the same line moved by 1
    ASSERT_EQ(zeros.size(), moved.size());
    EXPECT_GT(compare(zeros, moved).changedFraction, 0.03);
}

// The lessons quote the tables they teach from, in English and in Japanese.
TEST(LessonFigures, LessonsQuoteTheCurrentTables)
{
    const QByteArray trace = readAll(figuresDir() + u"/lesson-2-trace.md");
    const QByteArray epochs = readAll(figuresDir() + u"/lesson-3-epochs.md");
    ASSERT_FALSE(trace.isEmpty());
    ASSERT_FALSE(epochs.isEmpty());
    const QString lessons = kSourceDir + u"/docs/lessons/";
    for (const QString& suffix : {QStringLiteral(".md"), QStringLiteral(".ja.md")}) {
        const QString rule = lessons + u"lesson-2-rule" + suffix;
        const QString rate = lessons + u"lesson-3-learning-rate" + suffix;
        if (suffix != u".md" && !QFileInfo::exists(rule))
            continue;
        EXPECT_TRUE(readAll(rule).contains(trace)) << rule.toStdString();
        EXPECT_TRUE(readAll(rate).contains(epochs.mid(epochs.indexOf('\n') + 1)))
            << rate.toStdString();
    }
}

} // namespace
