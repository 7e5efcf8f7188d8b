#pragma once

#include <QString>
#include <QTextStream>

namespace plab::cli {

/// The bundled example the demo trains on when it is given no file.
inline constexpr char kDemoExample[] = ":/examples/and.csv";
/// The folder the demo writes into unless told otherwise (relative to the working directory).
inline constexpr char kDemoFolder[] = "perceptron-lab-demo";

/// The headless demo: trains on \p file (a .json project, or a .csv data set trained with the
/// default settings; the bundled AND example when empty), writes trace.jsonl and summary.json into
/// \p folder (created if needed) and tells \p out what it did and where. Returns the exit status:
/// 0, or 2 after one line on \p err.
int runHeadlessDemo(const QString& file, const QString& folder, QTextStream& out, QTextStream& err);

} // namespace plab::cli
