#pragma once

// open(2) for this library's readers (textfile.cpp) and writers (outputfile.cpp).

#include <QByteArray>

#include <cerrno>
#include <fcntl.h>

namespace plab::io::detail {

/// open(2), tried again while a signal interrupts it (EINTR).
inline int openRetrying(const QByteArray& path, int flags)
{
    int fd = -1;
    do {
        fd = ::open(path.constData(), flags);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

} // namespace plab::io::detail
