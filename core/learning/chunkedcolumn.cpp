#include "chunkedcolumn.h"

#include <new>

// Under AddressSanitizer the chunks come from operator new, so overruns are caught.
#if defined(__SANITIZE_ADDRESS__)
#define PLAB_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PLAB_ADDRESS_SANITIZER 1
#endif
#endif

#if (defined(__unix__) || defined(__APPLE__)) && !defined(PLAB_ADDRESS_SANITIZER)
#include <sys/mman.h>
#define PLAB_CHUNKS_FROM_MMAP 1
#endif

namespace plab::learning::detail {

void* allocateChunk(std::size_t bytes)
{
#ifdef PLAB_CHUNKS_FROM_MMAP
    void* chunk = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (chunk == MAP_FAILED)
        throw std::bad_alloc();
    return chunk;
#else
    return ::operator new(bytes);
#endif
}

void freeChunk(void* chunk, std::size_t bytes) noexcept
{
#ifdef PLAB_CHUNKS_FROM_MMAP
    munmap(chunk, bytes);
#else
    (void)bytes;
    ::operator delete(chunk);
#endif
}

} // namespace plab::learning::detail
