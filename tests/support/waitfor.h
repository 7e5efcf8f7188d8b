#pragma once

#include <QSignalSpy>

namespace plab::test {

/// Processes events until \p done holds, waking up on each emission of \p spy's signal. False if
/// the signal stops coming (each wait gives up after \p timeoutMs without an emission) before
/// \p done holds. Never sleeps: a test waits exactly as long as the program needs.
template <class Predicate>
bool waitFor(QSignalSpy& spy, Predicate done, int timeoutMs = 10'000)
{
    while (!done()) {
        if (!spy.wait(timeoutMs))
            return done();
    }
    return true;
}

} // namespace plab::test
