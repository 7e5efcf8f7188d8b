#pragma once

#include <QString>

/// Starts the window (the only part of the program that needs a display), opening \p fileToOpen
/// (a .csv data set or a .json project) when it is not empty. Without a display it says so and
/// runs the headless demo instead. Returns the exit status.
int runGui(int argc, char** argv, const QString& fileToOpen);
