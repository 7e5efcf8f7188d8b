#pragma once

// The built perceptron-lab binary run as a user would, for the command-line tests
// (PLAB_CLI_BINARY is set by tests/cli/CMakeLists.txt).

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <gtest/gtest.h>

namespace plab::cli::test {

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs perceptron-lab with \p arguments and waits for it. A generous bound makes a hang fail
/// the test instead of blocking CI (runs take milliseconds); a crash fails it too.
inline ProcessResult
runCli(const QStringList& arguments, const QString& workingDirectory = QString(),
       const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(QStringLiteral(PLAB_CLI_BINARY), arguments);
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        ADD_FAILURE() << "perceptron-lab did not finish: " << arguments.join(u' ').toStdString();
        return {};
    }
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << "crashed";
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace plab::cli::test
