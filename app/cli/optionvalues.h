#pragma once

#include "app/cli/cliparser.h"

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

#include <optional>

namespace plab::cli {

/// Checks the values of the long options in \p arguments (arguments[0] is the program) against
/// \p options before QCommandLineParser reads them, so that its own messages ("Missing value after
/// '--data'.") never reach the user and a forgotten value is named as such:
///
/// - an option that takes a value has one: `--data` at the end says "--data needs a value";
/// - that value is not another option: in `--lr --epochs 5` QCommandLineParser would take
///   "--epochs" as the learning rate and then complain about an unexpected "5"; here it is "--lr
///   needs a value". A value that starts with "-" followed by a letter or "-" counts as an option;
///   negative numbers and "-" (standard input or output) do not, and `--title=--x` gives any value;
/// - a switch has no value: `--no-bias=1`.
///
/// Unknown options are left to the parser. Stops at "--". Pure.
[[nodiscard]] std::optional<CliError> checkOptionValues(const QStringList& arguments,
                                                        const QList<QCommandLineOption>& options);

} // namespace plab::cli
