#pragma once

#include "io/jsonfieldreader.h"
#include "io/loaderror.h"
#include "io/textfile.h"
#include "learning/network.h"
#include "learning/result.h"

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace plab::io {

/// \file
/// A model's parameters as layers, in the shape `perceptron-lab train` writes in its summary
/// (docs/file-formats.md, "Layers"):
///
///     {"layers": [{"W": [[w11, w12], [w21, w22]], "b": [b1, b2]}, {"W": [[v1, v2]], "b": [c]}]}
///
/// Each layer is W, one row per unit and one column per input, and b, one entry per unit. The
/// reader checks the form (1 to kMaxLayerCount layers; W non-empty with rows of one length, at
/// most kMaxLayerSide rows and columns; b as long as W has rows; every number within ±1e9); whether
/// the layers fit a model is learning::validateModel()'s question.

/// The most layers a file may hold: 3 hidden layers and the output layer.
inline constexpr int kMaxLayerCount = learning::kMaxHiddenLayers + 1;
/// The most rows or columns of one W (units: 16; inputs: 7 features or 16 units).
inline constexpr int kMaxLayerSide = 16;

/// Reads the array of layers at the reader's cursor; \p path names it in messages ("layers").
/// False with reader.error() set on the first problem.
bool readLayers(JsonFieldReader& reader, const QString& path, std::vector<learning::Layer>& out);

/// Reads a file holding {"layers": [...]} (only that key). Errors name the file, the line and the
/// JSON path ("layers[1].W[0][2]").
[[nodiscard]] Result<std::vector<learning::Layer>, LoadError>
readLayersFile(const QString& path, Streams streams = Streams::Refuse);
/// As readLayersFile() for text in memory; \p fileName is used in messages.
[[nodiscard]] Result<std::vector<learning::Layer>, LoadError>
readLayersText(QByteArrayView text, const QString& fileName);

} // namespace plab::io
