#pragma once

#include "app/cli/cliparser.h"

#include <QStringList>

#include <variant>

namespace plab::cli {

/// Parses the arguments of `perceptron-lab export` (\p arguments[0] is the program, the word
/// "export" already removed). Pure, like parseCommandLine(): the training options are checked by
/// the same code as those of `train`, so their messages are the same.
[[nodiscard]] std::variant<CliCommand, CliError> parseExport(const QStringList& arguments);

/// The help of `perceptron-lab export`.
[[nodiscard]] QString exportHelp();

} // namespace plab::cli
