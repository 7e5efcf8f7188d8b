// The tight-loop side of tests/benchmarks/cli_end_to_end.sh (issue 12: `perceptron-lab train`
// end to end within 1.5x of a tight loop at N = 10^6 on noisy data, timed as whole processes).
//
//   train_reference generate N FILE   writes overlapping blobs (seed 42, N points) as CSV
//   train_reference train FILE E      reads FILE with the reader the command line uses, then runs
//                                     E epochs of the online perceptron (file order, from zeros,
//                                     rate 1, zero convention "positive") and prints w1 w2 b
//
// Both processes read the same file with the same code, so the ratio of their times is what the
// command line adds to the training itself: the per-epoch evaluation its records need, the
// records, the summary.
#include "io/datasetfile.h"
#include "learning/generators.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace plab;

int generate(int n, const QString& path)
{
    learning::GeneratorParams p;
    p.seed = 42;
    p.count = n;
    const learning::Dataset data = learning::generate(learning::Generator::OverlappingBlobs, p);
    if (const auto error = io::writeDatasetCsv(data, path)) {
        std::fprintf(stderr, "train_reference: cannot write %s\n", qPrintable(path));
        return 1;
    }
    return 0;
}

int train(const QString& path, int epochs)
{
    const auto data = io::readDatasetCsv(path);
    if (!data) {
        std::fprintf(stderr, "%s\n", qPrintable(data.error().toString()));
        return 1;
    }
    const double* xy = data.value().coordinates().data();
    const int* t = data.value().labels().data();
    const auto n = std::ptrdiff_t(data.value().size());
    double w1 = 0.0;
    double w2 = 0.0;
    double b = 0.0;
    for (int e = 0; e < epochs; ++e) {
        for (std::ptrdiff_t i = 0; i < n; ++i) {
            const double x1 = xy[2 * i];
            const double x2 = xy[2 * i + 1];
            const int y = w1 * x1 + w2 * x2 + b >= 0.0 ? 1 : 0;
            if (y != t[i]) {
                const double f = double(t[i] - y);
                w1 += f * x1;
                w2 += f * x2;
                b += f;
            }
        }
    }
    std::printf("%.17g %.17g %.17g\n", w1, w2, b);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QStringLiteral("generate"))
        return generate(args[2].toInt(), args[3]);
    if (args.size() == 4 && args[1] == QStringLiteral("train"))
        return train(args[2], args[3].toInt());
    std::fprintf(stderr, "usage: train_reference generate N FILE | train FILE EPOCHS\n");
    return 2;
}
