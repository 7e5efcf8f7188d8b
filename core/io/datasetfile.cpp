#include "io/datasetfile.h"

#include "io/numberformat.h"
#include "io/textfile.h"
#include "io/validationtext.h"
#include "learning/settings.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace plab::io {

namespace {

// The messages below write the coordinate limit out as "1e9".
static_assert(learning::kMaxCoordinate == 1e9);

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::io::DatasetFile)
};

constexpr std::array<QLatin1StringView, 3> kColumns{
    QLatin1StringView("x1"), QLatin1StringView("x2"), QLatin1StringView("label")};

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
        v.chop(1);
    return v;
}

/// Splits \p line at commas into \p fields, trimming each, and returns the number of fields.
/// Fields beyond N are counted, not stored: the caller only needs to know there are too many.
template <std::size_t N>
qsizetype splitFields(QByteArrayView line, std::array<QByteArrayView, N>& fields)
{
    qsizetype count = 0;
    qsizetype start = 0;
    while (true) {
        const qsizetype comma = line.indexOf(',', start);
        const qsizetype end = comma < 0 ? line.size() : comma;
        if (count < qsizetype(N))
            fields[std::size_t(count)] = trimmed(line.sliced(start, end - start));
        ++count;
        if (comma < 0)
            return count;
        start = comma + 1;
    }
}

/// A label as written: an integer, optionally signed ("+1", "-1"; not "+-1"), from -1 to the
/// largest class index (the class is decided when the whole column is known).
std::optional<int> parseLabel(QByteArrayView text)
{
    const bool plus = text.startsWith('+');
    if (plus)
        text = text.sliced(1);
    // One sign at most: "+-1" is not a label.
    if (text.isEmpty() || text.front() == '+' || (plus && text.front() == '-'))
        return std::nullopt;
    std::int64_t written = 0;
    const char* const end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, written);
    if (ptr != end || ec != std::errc() || written < -1 || written >= learning::kMaxClasses)
        return std::nullopt;
    return int(written);
}

/// Parses a coordinate; on failure returns the translated reason.
std::optional<QString> parseCoordinate(QByteArrayView text, double& value)
{
    using S = ParsedNumber::Status;
    if (text.isEmpty())
        return Text::tr("the value is missing (an empty field)");
    const ParsedNumber parsed = parseDouble(text);
    switch (parsed.status) {
    case S::Ok:
        if (std::abs(parsed.value) > learning::kMaxCoordinate)
            return Text::tr("%1 is beyond the limit of ±1e9").arg(excerpt(text));
        value = parsed.value;
        return std::nullopt;
    case S::Invalid:
        return Text::tr("not a number: \"%1\"").arg(excerpt(text));
    case S::NotFinite:
        return Text::tr("not a finite number: \"%1\"").arg(excerpt(text));
    case S::Overflow:
        return Text::tr("%1 is beyond the limit of ±1e9").arg(excerpt(text));
    case S::Underflow:
        return Text::tr("%1 is too small to be stored (closer to zero than 1e-308)")
            .arg(excerpt(text));
    }
    return Text::tr("not a number: \"%1\"").arg(excerpt(text));
}

} // namespace

Result<learning::Dataset, LoadError> readDatasetCsv(const QString& path, Streams streams)
{
    Result<QByteArray, LoadError> content = readWholeFile(path, streams);
    if (!content)
        return unexpected(std::move(content).error());
    return readDatasetCsvText(content.value(), inputName(path, streams));
}

Result<learning::Dataset, LoadError> readDatasetCsvText(QByteArrayView text,
                                                        const QString& fileName)
{
    const auto fail = [&fileName](int line, const QString& field, const QString& message) {
        return unexpected(LoadError{fileName, line, field, message});
    };
    const auto checked = checkedText(text, fileName);
    if (!checked)
        return unexpected(checked.error());
    text = *checked;

    learning::Dataset data;
    int firstMinusOne = 0; // the line of the first label -1, or 0
    int firstAboveOne = 0; // the line of the first label 2 ... 7, or 0
    bool headerSeen = false;
    bool sawComment = false;
    int line = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        ++line;
        const qsizetype newline = text.indexOf('\n', start);
        const qsizetype end = newline < 0 ? text.size() : newline;
        const QByteArrayView lineText = trimmed(text.sliced(start, end - start));
        start = end + 1;
        if (lineText.isEmpty())
            continue;
        if (lineText.front() == '#') {
            sawComment = true;
            continue;
        }

        std::array<QByteArrayView, 3> fields;
        const qsizetype count = splitFields(lineText, fields);
        if (!headerSeen) {
            if (count != 3 || fields[0] != "x1" || fields[1] != "x2" || fields[2] != "label") {
                return fail(line, QStringLiteral("header"),
                            Text::tr("expected the header \"x1,x2,label\", found \"%1\"")
                                .arg(excerpt(lineText)));
            }
            headerSeen = true;
            continue;
        }

        if (count < 3) {
            return fail(line, kColumns[std::size_t(count)],
                        Text::tr("missing: expected 3 values (x1,x2,label), found %1").arg(count));
        }
        if (count > 3) {
            return fail(line, Text::tr("column %1").arg(4),
                        Text::tr("too many values: expected 3 (x1,x2,label), found %1").arg(count));
        }
        if (data.size() == learning::kMaxPoints) {
            return fail(line, QString(),
                        Text::tr("more than %1 points, the most a data set may hold")
                            .arg(learning::kMaxPoints));
        }
        Eigen::Vector2d x;
        for (int c = 0; c < 2; ++c) {
            if (const auto problem = parseCoordinate(fields[std::size_t(c)], x[c]))
                return fail(line, kColumns[std::size_t(c)], *problem);
        }
        const std::optional<int> label = parseLabel(fields[2]);
        if (!label) {
            return fail(line, kColumns[2],
                        fields[2].isEmpty()
                            ? Text::tr("the value is missing (an empty field)")
                            : Text::tr("the label must be a class 0 to 7 (or -1 or +1 for two "
                                       "classes), found \"%1\"")
                                  .arg(excerpt(fields[2])));
        }
        // -1 is class 0 of a two-class file: it cannot stand next to a class above 1.
        if (*label == -1 && firstMinusOne == 0)
            firstMinusOne = line;
        if (*label > 1 && firstAboveOne == 0)
            firstAboveOne = line;
        if (firstMinusOne > 0 && firstAboveOne > 0) {
            return fail(
                line, kColumns[2],
                Text::tr("-1 (line %1) and a class above 1 (line %2) cannot be in one file: "
                         "-1/+1 labels are for two classes, 0 to 7 for more")
                    .arg(firstMinusOne)
                    .arg(firstAboveOne));
        }
        data.add(x, std::max(*label, 0));
    }

    if (!headerSeen) {
        return fail(0, QStringLiteral("header"),
                    sawComment
                        ? Text::tr("no header line \"x1,x2,label\" before the end of the file")
                        : Text::tr("the file is empty; a data set starts with the header line "
                                   "\"x1,x2,label\""));
    }
    return data;
}

std::optional<QString> datasetWriteProblem(const learning::Dataset& data)
{
    if (data.size() > learning::kMaxPoints)
        return Text::tr("more than %1 points, the most a data set may hold")
            .arg(learning::kMaxPoints);
    if (const std::optional<std::size_t> bad = learning::firstInvalidPoint(data))
        return describeInvalidPoint(data, *bad);
    for (const int label : data.labels()) {
        if (label < 0 || label >= learning::kMaxClasses)
            return Text::tr("a point has a class other than 0 to 7");
    }
    return std::nullopt;
}

QByteArray datasetCsvText(const learning::Dataset& data)
{
    QByteArray out;
    out.reserve(qsizetype(16 + data.size() * 24));
    out += "x1,x2,label\n";
    for (std::size_t i = 0; i < data.size(); ++i) {
        const Eigen::Vector2d x = data.point(i);
        // The data are finite (datasetWriteProblem), so the JSON form is the plain number.
        appendJsonNumber(out, x.x());
        out += ',';
        appendJsonNumber(out, x.y());
        out += ',';
        out += char('0' + data.label(i));
        out += '\n';
    }
    return out;
}

std::optional<SaveError> writeDatasetCsv(const learning::Dataset& data, const QString& path)
{
    if (const auto problem = datasetWriteProblem(data))
        return SaveError{path, *problem};
    return saveAtomically(path, datasetCsvText(data));
}

} // namespace plab::io
