#pragma once

#include "app/cli/cliparser.h"
#include "learning/result.h"

#include <QIODevice>
#include <QString>
#include <QStringList>

#include <optional>

namespace plab::cli {

/// Runs `perceptron-lab export` (docs/export.md): loads the data set or project, trains to the
/// end as `train` does, and draws the run as the options ask, writing every file atomically (after
/// an error no output file exists, or the previous one is intact). The files written, in order, or
/// an error line (exit status 2; nothing was written). A table with --out - goes to
/// \p standardOutput. Needs a QGuiApplication (fonts); see exportMain().
[[nodiscard]] Result<QStringList, QString> runExport(const ExportArguments& arguments,
                                                     QIODevice& standardOutput);

/// main() for `perceptron-lab export`: creates the QGuiApplication (with the offscreen platform
/// when there is no display and no platform was chosen), runs the export and returns the exit
/// status (0, or 2 after printing one line to standard error).
int exportMain(int argc, char** argv, const ExportArguments& arguments);

} // namespace plab::cli
