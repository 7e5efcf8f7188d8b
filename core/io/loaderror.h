#pragma once

#include <QString>

namespace plab::io {

/// Why a file could not be read: the first problem found, located as precisely as the format
/// allows. Readers stop at the first problem and change nothing, so a caller can show this and
/// keep its current document.
struct LoadError
{
    QString file;    ///< the path as the caller gave it (or the name passed for in-memory text)
    int line = 0;    ///< 1-based line of the problem; 0 when it concerns the whole file
    QString field;   ///< the column (CSV: "x1", "x2", "label", "header") or the JSON path
                     ///< ("settings.learningRate", "points[3].x1"); empty when none applies
    QString message; ///< translated, one sentence, no trailing period

    /// "file:line: field: message", leaving out the parts that are not known, with control
    /// characters in the file name escaped (printable()). One line.
    [[nodiscard]] QString toString() const;

    friend bool operator==(const LoadError&, const LoadError&) = default;
};

/// Why a file could not be written. The previous content of the file, if any, is intact.
struct SaveError
{
    QString file;
    QString message; ///< translated, usually the system's reason

    /// "file: message", with control characters in the file name escaped. One line.
    [[nodiscard]] QString toString() const;

    friend bool operator==(const SaveError&, const SaveError&) = default;
};

} // namespace plab::io
