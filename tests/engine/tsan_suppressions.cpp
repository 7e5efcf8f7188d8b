// ThreadSanitizer sees the synchronisation of instrumented code only. Debian's Qt and GLib are not
// instrumented, and Qt's QMutex is futex-based, so the allocations, copies and frees Qt does
// inside its own locked sections (posted-event lists, QMetaCallEvent, QThread's wait condition,
// GLib's wake-up eventfd) look like races. Ignoring the intercepted calls *made from inside those
// libraries* removes exactly that noise; every access made by our own code is still checked,
// including the data the engine hands between threads (it goes through std::mutex on purpose).
// Linked into the threaded tests only; the hook is read by the sanitizer runtime at start-up.

#if defined(__SANITIZE_THREAD__)
#define PLAB_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PLAB_TSAN 1
#endif
#endif

#ifdef PLAB_TSAN
extern "C" const char* __tsan_default_suppressions();
extern "C" const char* __tsan_default_suppressions()
{
    return "called_from_lib:libQt6Core.so.6\n"
           "called_from_lib:libglib-2.0.so.0\n";
}
#endif
