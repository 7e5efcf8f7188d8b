// main() for the tests that paint: GoogleTest inside a QGuiApplication (render, export and editor
// tests: fonts, images and painting need one), or inside a QApplication for the widget tests
// (built with PLAB_TEST_WIDGETS). The tests run with QT_QPA_PLATFORM=offscreen (set by CTest);
// it is the default here too, so running a test binary by hand never opens windows.
#ifdef PLAB_TEST_WIDGETS
#include <QApplication>
using Application = QApplication;
#else
#include <QGuiApplication>
using Application = QGuiApplication;
#endif

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    Application app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
