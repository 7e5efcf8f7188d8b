#pragma once

#include <QString>

namespace plab::cli {

/// Shows the window, opening \p fileToOpen (a .csv data set or a .json project; empty: the bundled
/// AND example), and returns the exit status. Called only when a display is available.
using WindowStarter = int (*)(int argc, char** argv, const QString& fileToOpen);

/// The program perceptron-lab: parses the command line and runs a headless command (train,
/// export, --help, --version) or, when the command line asks for the window, \p startWindow;
/// without a display it says so and runs the headless demo instead. Returns the exit status
/// (0 success, 2 bad input; docs/cli.md). Both executables are this function: the headless one
/// (app/main.cpp) starts the window as a program of its own, the window's (app/gui.cpp) in its
/// own process.
int runProgram(int argc, char** argv, WindowStarter startWindow);

/// Prints "perceptron-lab: <message>" on one line to standard error, escape sequences shown,
/// not obeyed, and returns 2 (the exit status of bad input).
int reportFailure(const QString& message);

} // namespace plab::cli
