#include "fastmath.h"

#include <Eigen/Core>

#include <algorithm>

namespace plab::learning {

void fastTanh(std::span<double> values)
{
    // Chunks with stack storage: no allocation, and Eigen evaluates each expression in packets.
    constexpr Eigen::Index kChunk = 256;
    using Chunk = Eigen::Array<double, Eigen::Dynamic, 1, Eigen::ColMajor, kChunk, 1>;
    constexpr double c = 7.90531110763549805;
    const auto n = Eigen::Index(values.size());
    for (Eigen::Index k = 0; k < n; k += kChunk) {
        const Eigen::Index m = std::min(kChunk, n - k);
        Eigen::Map<Eigen::ArrayXd> v(values.data() + k, m);
        const Chunk x = v.max(-c).min(c);
        const Chunk x2 = x * x;
        v = x *
            ((((((-2.76076847742355e-16 * x2 + 2.00018790482477e-13) * x2 - 8.60467152213735e-11) *
                    x2 +
                5.12229709037114e-08) *
                   x2 +
               1.48572235717979e-05) *
                  x2 +
              6.37261928875436e-04) *
                 x2 +
             4.89352455891786e-03) /
            (((1.19825839466702e-06 * x2 + 1.18534705686654e-04) * x2 + 2.26843463243900e-03) * x2 +
             4.89352518554385e-03);
    }
}

} // namespace plab::learning
