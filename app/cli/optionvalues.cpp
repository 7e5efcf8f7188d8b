#include "app/cli/optionvalues.h"

#include "io/textfile.h"

#include <QCoreApplication>

namespace plab::cli {

namespace {

/// The translation context of this file's texts (lupdate reads the name from the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(plab::cli::CommandLine)
};

QString quoted(const QString& value)
{
    return u'"' + io::excerpt(value.toUtf8()) + u'"';
}

bool looksLikeOption(const QString& argument)
{
    return argument.size() >= 2 && argument.front() == u'-' &&
           (argument.at(1) == u'-' || argument.at(1).isLetter());
}

const QCommandLineOption* find(const QList<QCommandLineOption>& options, const QString& name)
{
    for (const QCommandLineOption& option : options) {
        if (option.names().contains(name))
            return &option;
    }
    return nullptr;
}

} // namespace

std::optional<CliError> checkOptionValues(const QStringList& arguments,
                                          const QList<QCommandLineOption>& options)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == u"--")
            break;
        if (!argument.startsWith(u"--"))
            continue;
        const qsizetype equals = argument.indexOf(u'=');
        const QString written = equals < 0 ? argument : argument.left(equals);
        const QCommandLineOption* option = find(options, written.mid(2));
        if (!option)
            continue;
        if (option->valueName().isEmpty()) {
            if (equals >= 0)
                return CliError{Text::tr("%1 takes no value").arg(written)};
            continue;
        }
        if (equals >= 0)
            continue; // --name=VALUE: whatever follows the "=" is the value
        if (i + 1 == arguments.size())
            return CliError{Text::tr("%1 needs a value").arg(written)};
        const QString& next = arguments.at(i + 1);
        if (looksLikeOption(next)) {
            const QString name = next.left(next.indexOf(u'=')).mid(next.startsWith(u"--") ? 2 : 1);
            return CliError{
                find(options, name)
                    ? Text::tr("%1 needs a value (found the option %2)").arg(written, quoted(next))
                    : Text::tr("%1 needs a value (%2 looks like an option; write %1=%3 if it is "
                               "the value)")
                          .arg(written, quoted(next), next)};
        }
        ++i;
    }
    return std::nullopt;
}

} // namespace plab::cli
