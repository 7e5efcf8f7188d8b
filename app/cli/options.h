#pragma once

#include "app/cli/cliparser.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <span>
#include <variant>

namespace plab::cli {

/// One option of a command, described once: the parser's options, the check of their values
/// (optionvalues.h), the help and the reading of the value all come from this.
template <class Target>
struct Option
{
    const char* name;      ///< the long name, without "--"
    const char* valueName; ///< "FILE", or nullptr for a switch
    /// The help, marked with QT_TRANSLATE_NOOP in the command's translation context; a "\n"
    /// continues it on an indented line.
    const char* help;
    /// Reads the value (empty for a switch) given for the option named \p name into the target,
    /// or says what is wrong with it ("--name: ...", see optionError()).
    std::function<std::optional<CliError>(const QString& name, const QString& value, Target&)> read;
};

/// "--name: message", the one-line form of every option error.
[[nodiscard]] CliError optionError(const QString& name, const QString& message);

/// \p value in quotes, cut to one short line (io::excerpt()).
[[nodiscard]] QString quoted(const QString& value);

/// Appends the QCommandLineOption of every option of \p options, named as \p renamed says (a
/// command may rename an option it shares: export's --max-epochs is train's --epochs).
template <class Target>
void appendOptions(QList<QCommandLineOption>& list, std::span<const Option<Target>> options,
                   const QHash<QString, QString>& renamed = {})
{
    for (const Option<Target>& option : options) {
        const QString own = QString::fromLatin1(option.name);
        const QString name = renamed.value(own, own);
        list << (option.valueName
                     ? QCommandLineOption(name, QString(), QString::fromLatin1(option.valueName))
                     : QCommandLineOption(name));
    }
}

/// Reads every option of \p options that \p parser holds into \p into, in order; the first
/// error wins. \p renamed as for appendOptions().
template <class Target>
std::optional<CliError> readOptions(const QCommandLineParser& parser,
                                    std::span<const Option<Target>> options,
                                    const QHash<QString, QString>& renamed, Target& into)
{
    for (const Option<Target>& option : options) {
        const QString own = QString::fromLatin1(option.name);
        const QString name = renamed.value(own, own);
        if (!parser.isSet(name))
            continue;
        if (auto error = option.read(name, option.valueName ? parser.value(name) : QString(), into))
            return error;
    }
    return std::nullopt;
}

/// The common start of every command: checks the option values (checkOptionValues()), parses
/// \p arguments with \p options and -h/--help, and refuses unknown options (\p unknownOption,
/// with %1 for the option) and positional arguments (\p unexpectedArgument, with %1) in the
/// command's words. Returns the error or the command's \p help, or nothing: then \p parser holds
/// the options given.
[[nodiscard]] std::optional<std::variant<CliCommand, CliError>>
parseOptions(QCommandLineParser& parser, const QStringList& arguments,
             QList<QCommandLineOption> options, const QString& unknownOption,
             const QString& unexpectedArgument, QString (*help)());

/// One entry of a help: "  " + \p left padded to the help column + \p help, whose further lines
/// ("\n") are indented to the help column.
[[nodiscard]] QString helpLine(const QString& left, const QString& help);

/// QCoreApplication::translate(\p context, \p help).
[[nodiscard]] QString translatedHelp(const char* context, const char* help);

/// The help lines of \p options: "  --name VALUE      help", continuation lines indented, the help
/// translated in \p context; \p renamed as for appendOptions().
template <class Target>
QString optionHelp(const char* context, std::span<const Option<Target>> options,
                   const QHash<QString, QString>& renamed = {})
{
    QString text;
    for (const Option<Target>& option : options) {
        const QString own = QString::fromLatin1(option.name);
        QString left = u"--" + renamed.value(own, own);
        if (option.valueName)
            left += u' ' + QString::fromLatin1(option.valueName);
        text += helpLine(left, translatedHelp(context, option.help));
    }
    return text;
}

/// Which of train's options a command has: all, or (export) all but the outputs.
enum class TrainingOptionSet
{
    WithOutputs,
    SettingsAndInputs,
};

/// The options of `perceptron-lab train`, in the order of its help and of the checks.
[[nodiscard]] std::span<const Option<TrainOptions>> trainingOptions(TrainingOptionSet set);

/// Reads the training \p options given to \p parser into \p into, in order: first that exactly
/// one of --data and --project is there, then each option. \p renamed maps a train option name to
/// the command's own ("epochs" to "max-epochs" in export), which the messages then use.
[[nodiscard]] std::optional<CliError>
readTrainingOptions(const QCommandLineParser& parser, std::span<const Option<TrainOptions>> options,
                    const QHash<QString, QString>& renamed, TrainOptions& into);

} // namespace plab::cli
