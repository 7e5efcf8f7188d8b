// main() for the ui tests: GoogleTest inside a QApplication (widgets need one). The tests run
// with QT_QPA_PLATFORM=offscreen (set by CTest); it is the default here too, so running a test
// binary by hand never opens windows.
#include <QApplication>
#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
