# Installing Perceptron Lab like a desktop program (`cmake --install`), and the Debian package
# (`cpack -G DEB`). Layout (GNUInstallDirs, relative to the prefix, /usr in the package):
#
#   bin/perceptron-lab
#   libexec/perceptron-lab/perceptron-lab  the window's program (bin/perceptron-lab starts it)
#   share/applications/io.github.perceptronlab.PerceptronLab.desktop
#   share/metainfo/io.github.perceptronlab.PerceptronLab.metainfo.xml
#   share/icons/hicolor/{16x16,...,512x512}/apps/perceptron-lab.png, scalable/apps/...svg
#   share/perceptron-lab/examples/*.csv    copies for the file dialog (the program has its own
#                                          inside the binary, :/examples/)
#   share/man/man1/perceptron-lab.1
#   share/bash-completion/completions/perceptron-lab
#   share/doc/perceptron-lab/              the guide (Markdown + images), README, copyright
#
# Translations and the guide shown by Help > User Guide are compiled into the binary, so the
# program needs none of these files to run; they are for the desktop, the shell and the reader.

include(GNUInstallDirs)

set(PLAB_APP_ID io.github.perceptronlab.PerceptronLab)
set(PLAB_DATA_DIR ${CMAKE_INSTALL_DATADIR}/perceptron-lab)
# Debian's place for a package's documents (GNUInstallDirs would use the CMake project name).
set(PLAB_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/perceptron-lab)
set(PLAB_ICON_SIZES 16 24 32 48 64 128 256 512)

install(TARGETS perceptron-lab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The window's program, which bin/perceptron-lab becomes when it shows the window (app/).
install(TARGETS perceptron-lab-gui RUNTIME DESTINATION ${PLAB_WINDOW_PROGRAM_DIR})

install(FILES ${PROJECT_SOURCE_DIR}/resources/desktop/${PLAB_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)

# The homepage and the screenshot address come from project(HOMEPAGE_URL).
configure_file(${PROJECT_SOURCE_DIR}/resources/desktop/${PLAB_APP_ID}.metainfo.xml.in
    ${PROJECT_BINARY_DIR}/${PLAB_APP_ID}.metainfo.xml @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/${PLAB_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

foreach(size IN LISTS PLAB_ICON_SIZES)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/perceptron-lab.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/perceptron-lab.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/examples/
    DESTINATION ${PLAB_DATA_DIR}/examples
    FILES_MATCHING PATTERN "*.csv" PATTERN "*.json")

install(FILES ${PROJECT_SOURCE_DIR}/docs/perceptron-lab.1
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/resources/completion/perceptron-lab.bash
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
    RENAME perceptron-lab)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/
    DESTINATION ${PLAB_DOC_DIR}
    FILES_MATCHING PATTERN "*.md" PATTERN "*.png" PATTERN "*.svg" PATTERN "*.jpg"
    PATTERN "*.gif")
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${PLAB_DOC_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${PLAB_DOC_DIR} RENAME copyright)

# --- The Debian package --------------------------------------------------------------------------
# cpack -G DEB in a Release build directory gives perceptron-lab_<version>_<arch>.deb
# (docs/install.md). dpkg-shlibdeps (dpkg-dev) derives the library dependencies from the binaries
# (libqt6core6, libqt6gui6, libqt6widgets6, libqt6svg6, libqt6concurrent6,
# libgif7, libstdc++6, libc6 with their minimum versions); Qt loads its platform plugins
# (xcb, wayland, offscreen) with dlopen, so qt6-qpa-plugins is declared by hand, and the
# Qt SVG plugins (icons) come with libqt6svg6.
set(PLAB_PACKAGE_MAINTAINER "Perceptron Lab maintainers <maintainers@example.invalid>"
    CACHE STRING "The Maintainer field of the Debian package")

set(CPACK_PACKAGE_NAME perceptron-lab)
set(CPACK_PACKAGE_VENDOR "The Perceptron Lab authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "teaching tool: watch a perceptron learn")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_CONTACT ${PLAB_PACKAGE_MAINTAINER})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${PLAB_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n")
# The extended description, under the summary line. CPack formats it for the control file (a
# leading space on every line, " ." for the empty line), so it is written as plain lines here.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Perceptron Lab is a desktop program for the first lesson on neural networks.
Place points of two classes on a canvas, train a perceptron and watch its
decision boundary w1*x1 + w2*x2 + b = 0 move epoch by epoch; step one sample
at a time with every update written out, scrub back along a timeline, and
export slides, storyboards and animations.

The perceptron-lab command also trains and exports without a display.
English and Japanese.")

include(CPack)
