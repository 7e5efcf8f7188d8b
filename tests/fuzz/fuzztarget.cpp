// One libFuzzer entry point, compiled once per reader: PLAB_FUZZ_CHECK names the check from
// inputchecks.h (see tests/fuzz/CMakeLists.txt). A violated property aborts, so libFuzzer keeps
// the input as a crash like any sanitizer report.

#include "inputchecks.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));
    if (const std::optional<QString> violation = plab::fuzz::PLAB_FUZZ_CHECK(bytes)) {
        std::fprintf(stderr, "property violated: %s\n", violation->toUtf8().constData());
        std::abort();
    }
    return 0;
}
