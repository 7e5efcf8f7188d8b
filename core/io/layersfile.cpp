#include "io/layersfile.h"

#include <QCoreApplication>

namespace plab::io {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::io::LayersFile)
};

using Kind = JsonCursor::Kind;

/// Reads an array of numbers within ±1e9 at the cursor, at most kMaxLayerSide of them.
bool readNumbers(JsonFieldReader& reader, const QString& path, std::vector<double>& out)
{
    JsonCursor& cursor = reader.cursor();
    const Kind kind = cursor.peek();
    if (kind != Kind::Array)
        return reader.typeFail(cursor.line(), path, Text::tr("an array of numbers"), kind);
    const int line = cursor.line();
    cursor.enterArray();
    out.clear();
    while (cursor.nextElement()) {
        const QString element = QStringLiteral("%1[%2]").arg(path).arg(out.size());
        if (int(out.size()) == kMaxLayerSide) {
            cursor.peek();
            return reader.fail(
                cursor.line(), element,
                Text::tr("more than %1 numbers, the most a layer has").arg(kMaxLayerSide));
        }
        double value = 0.0;
        if (!reader.readCoordinate(element, value))
            return false;
        out.push_back(value);
    }
    if (cursor.hasError())
        return reader.syntaxFail();
    if (out.empty())
        return reader.fail(line, path, Text::tr("the array is empty"));
    return true;
}

bool readLayer(JsonFieldReader& reader, const QString& path, learning::Layer& layer)
{
    static constexpr JsonFieldReader::Keys<2> kKeys{QByteArrayView("W"), QByteArrayView("b")};
    std::vector<std::vector<double>> rows;
    std::vector<double> bias;
    int biasLine = 0;
    const bool ok = reader.readObject(kKeys, path, {0, 1}, [&](int key, int line) {
        const QString member = childPath(path, kKeys[std::size_t(key)]);
        if (key == 1) {
            biasLine = line;
            return readNumbers(reader, member, bias);
        }
        JsonCursor& cursor = reader.cursor();
        const Kind kind = cursor.peek();
        if (kind != Kind::Array)
            return reader.typeFail(line, member, Text::tr("an array of rows"), kind);
        cursor.enterArray();
        while (cursor.nextElement()) {
            const QString row = QStringLiteral("%1[%2]").arg(member).arg(rows.size());
            cursor.peek();
            const int rowLine = cursor.line();
            if (int(rows.size()) == kMaxLayerSide) {
                return reader.fail(
                    rowLine, row,
                    Text::tr("more than %1 rows, the most units a layer has").arg(kMaxLayerSide));
            }
            rows.emplace_back();
            if (!readNumbers(reader, row, rows.back()))
                return false;
            if (rows.back().size() != rows.front().size()) {
                return reader.fail(rowLine, row,
                                   Text::tr("every row of W needs as many numbers as the first "
                                            "(one per input: %1), found %2")
                                       .arg(rows.front().size())
                                       .arg(rows.back().size()));
            }
        }
        if (cursor.hasError())
            return reader.syntaxFail();
        if (rows.empty())
            return reader.fail(line, member, Text::tr("the array is empty"));
        return true;
    });
    if (!ok)
        return false;
    if (bias.size() != rows.size()) {
        return reader.fail(biasLine, childPath(path, "b"),
                           Text::tr("b needs one number per row of W (one per unit: %1), found "
                                    "%2")
                               .arg(rows.size())
                               .arg(bias.size()));
    }
    layer.W.resize(Eigen::Index(rows.size()), Eigen::Index(rows.front().size()));
    layer.b.resize(Eigen::Index(bias.size()));
    for (std::size_t j = 0; j < rows.size(); ++j) {
        layer.b(Eigen::Index(j)) = bias[j];
        for (std::size_t i = 0; i < rows[j].size(); ++i)
            layer.W(Eigen::Index(j), Eigen::Index(i)) = rows[j][i];
    }
    return true;
}

} // namespace

bool readLayers(JsonFieldReader& reader, const QString& path, std::vector<learning::Layer>& out)
{
    JsonCursor& cursor = reader.cursor();
    const Kind kind = cursor.peek();
    const int line = cursor.line();
    if (kind != Kind::Array)
        return reader.typeFail(line, path, Text::tr("an array of layers"), kind);
    cursor.enterArray();
    out.clear();
    while (cursor.nextElement()) {
        const QString element = QStringLiteral("%1[%2]").arg(path).arg(out.size());
        if (int(out.size()) == kMaxLayerCount) {
            cursor.peek();
            return reader.fail(
                cursor.line(), element,
                Text::tr("more than %1 layers, the most a model has").arg(kMaxLayerCount));
        }
        out.emplace_back();
        if (!readLayer(reader, element, out.back()))
            return false;
    }
    if (cursor.hasError())
        return reader.syntaxFail();
    if (out.empty())
        return reader.fail(line, path, Text::tr("the array is empty"));
    return true;
}

Result<std::vector<learning::Layer>, LoadError> readLayersFile(const QString& path, Streams streams)
{
    Result<QByteArray, LoadError> content = readWholeFile(path, streams);
    if (!content)
        return unexpected(std::move(content).error());
    return readLayersText(content.value(), inputName(path, streams));
}

Result<std::vector<learning::Layer>, LoadError> readLayersText(QByteArrayView text,
                                                               const QString& fileName)
{
    const auto checked = checkedText(text, fileName);
    if (!checked)
        return unexpected(checked.error());
    JsonFieldReader reader(*checked, fileName);
    static constexpr JsonFieldReader::Keys<1> kKeys{QByteArrayView("layers")};
    std::vector<learning::Layer> layers;
    const bool ok = reader.readObject(kKeys, QString(), {0}, [&](int, int) {
        return readLayers(reader, QStringLiteral("layers"), layers);
    });
    if (!ok)
        return unexpected(*reader.error());
    if (!reader.cursor().expectEnd()) {
        reader.syntaxFail();
        return unexpected(*reader.error());
    }
    return layers;
}

} // namespace plab::io
