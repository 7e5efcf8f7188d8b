#include "io/loaderror.h"

#include "io/textfile.h"

namespace plab::io {

QString LoadError::toString() const
{
    QString out = printable(file);
    if (line > 0)
        out += u':' + QString::number(line);
    if (!field.isEmpty())
        out += (out.isEmpty() ? QString() : QStringLiteral(": ")) + field;
    out += (out.isEmpty() ? QString() : QStringLiteral(": ")) + message;
    return out;
}

QString SaveError::toString() const
{
    return file.isEmpty() ? message : printable(file) + QStringLiteral(": ") + message;
}

} // namespace plab::io
