#pragma once

#include "io/loaderror.h"
#include "io/textfile.h"
#include "learning/dataset.h"
#include "learning/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace plab::io {

/// \file
/// Data sets as CSV (docs/file-formats.md):
///
///     # comments and blank lines are allowed anywhere
///     x1,x2,label
///     0,0,0
///     1,0.5,1
///
/// The header is exactly `x1,x2,label` (spaces around fields are ignored). Coordinates are decimal
/// numbers within +/-learning::kMaxCoordinate; labels are the classes 0 ... 7, or -1/+1 for two
/// classes (-1 is class 0, see learning::classFromLabel; -1 next to a class above 1 is refused).
/// The number of classes is the largest label + 1 (at least 2). UTF-8 with or without a byte order
/// mark, LF or CRLF line ends, at most learning::kMaxPoints points and kMaxFileBytes bytes.

/// Reads a CSV data set. A data set with a header and no points is valid (training refuses it
/// later, with its own message). Errors name the file, the line and the field ("header", "x1",
/// "x2", "label", "column 4", ...) of the first problem. \p streams says whether pipes, devices and
/// "-" (standard input) are read too (textfile.h).
[[nodiscard]] Result<learning::Dataset, LoadError>
readDatasetCsv(const QString& path, Streams streams = Streams::Refuse);

/// As readDatasetCsv() for text already in memory; \p fileName is only used in messages.
[[nodiscard]] Result<learning::Dataset, LoadError> readDatasetCsvText(QByteArrayView text,
                                                                      const QString& fileName);

/// The CSV text of \p data: the header, then one line per point with the shortest numbers that
/// read back exactly and the classes as labels 0 ... 7. Precondition: !datasetWriteProblem(data).
[[nodiscard]] QByteArray datasetCsvText(const learning::Dataset& data);

/// Why \p data cannot be written so that it reads back (a non-finite or too large coordinate, a
/// class other than 0 ... 7, too many points), or nothing when it can. Translated.
[[nodiscard]] std::optional<QString> datasetWriteProblem(const learning::Dataset& data);

/// Writes \p data to \p path atomically. On error the previous file is intact.
[[nodiscard]] std::optional<SaveError> writeDatasetCsv(const learning::Dataset& data,
                                                       const QString& path);

} // namespace plab::io
