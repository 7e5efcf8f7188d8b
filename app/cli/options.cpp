#include "app/cli/options.h"

#include "app/cli/optionvalues.h"
#include "io/textfile.h"

#include <QCoreApplication>

namespace plab::cli {

namespace {

/// Where the help of every option starts: "  --font-scale X     text size factor".
constexpr qsizetype kHelpColumn = 21;

} // namespace

CliError optionError(const QString& name, const QString& message)
{
    return CliError{QStringLiteral("--%1: %2").arg(name, message)};
}

QString quoted(const QString& value)
{
    return u'"' + io::excerpt(value.toUtf8()) + u'"';
}

std::optional<std::variant<CliCommand, CliError>>
parseOptions(QCommandLineParser& parser, const QStringList& arguments,
             QList<QCommandLineOption> options, const QString& unknownOption,
             const QString& unexpectedArgument, QString (*help)())
{
    options << QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    if (auto error = checkOptionValues(arguments, options))
        return *error;
    parser.addOptions(options);
    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString name = unknown.constFirst();
            return CliError{unknownOption.arg(
                quoted((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name))};
        }
        QString message = parser.errorText();
        if (message.endsWith(u'.'))
            message.chop(1);
        return CliError{message};
    }
    if (parser.isSet(QStringLiteral("help")))
        return CliCommand{CliCommand::Kind::Help, QString(), help(), {}};
    if (!parser.positionalArguments().isEmpty())
        return CliError{unexpectedArgument.arg(quoted(parser.positionalArguments().constFirst()))};
    return std::nullopt;
}

QString helpLine(const QString& left, const QString& help)
{
    const QString indent(kHelpColumn, u' ');
    QString text = u"  " + left.leftJustified(kHelpColumn - 3) + u' ';
    const QStringList lines = help.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        text += (i == 0 ? QString() : indent) + lines[i] + u'\n';
    return text;
}

QString translatedHelp(const char* context, const char* help)
{
    return QCoreApplication::translate(context, help);
}

} // namespace plab::cli
