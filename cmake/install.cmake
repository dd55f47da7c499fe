# Installation and packaging, included from the top CMakeLists.txt once the targets exist.
#
# What is installed (docs/install.md):
#   component imapkit_dev  the static library, the public headers (include/imapkit only: the
#                          grammar is private), the CMake package (find_package(imapkit CONFIG)
#                          + imapkit::imapkit) and imapkit.pc for pkg-config
#   component imapkit_cli  the `imapkit` command-line tool, when it is built
# `cmake --install` installs both. `cpack -G DEB` (run explicitly, never by a preset) packs both
# into one Debian package, and only them, whatever else the build tree holds.

include(CMakePackageConfigHelpers)

# The CMake package: find_package(imapkit CONFIG REQUIRED) + imapkit::imapkit.
install(TARGETS imapkit EXPORT imapkitTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT imapkit_dev
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT imapkit_dev)
install(DIRECTORY include/imapkit DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT imapkit_dev)
install(EXPORT imapkitTargets NAMESPACE imapkit::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/imapkit COMPONENT imapkit_dev)
configure_package_config_file(cmake/imapkitConfig.cmake.in
  ${PROJECT_BINARY_DIR}/imapkitConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/imapkit)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/imapkitConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/imapkitConfig.cmake
  ${PROJECT_BINARY_DIR}/imapkitConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/imapkit COMPONENT imapkit_dev)

# imapkit.pc for pkg-config. Its prefix is the one of the installation, which is known only when
# installing: `cmake --install --prefix P` and cpack (/usr) choose theirs after configuring. So
# cmake/imapkit.pc.in is configured twice: now for everything but the prefix (left as
# @CMAKE_INSTALL_PREFIX@), then at install time for the prefix.
set(imapkit_pc_prefix "@CMAKE_INSTALL_PREFIX@")
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(imapkit_pc_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(imapkit_pc_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file(cmake/imapkit.pc.in ${PROJECT_BINARY_DIR}/pkgconfig/imapkit.pc.in @ONLY)
install(CODE "configure_file(\"${PROJECT_BINARY_DIR}/pkgconfig/imapkit.pc.in\"
  \"${PROJECT_BINARY_DIR}/pkgconfig/imapkit.pc\" @ONLY)" COMPONENT imapkit_dev)
install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/imapkit.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT imapkit_dev)

if(TARGET imapkit_cli)
  install(TARGETS imapkit_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT imapkit_cli)
endif()

# The Debian package (`cpack -G DEB` in a build tree; scripts/deb-check.sh builds, installs and
# tests it). Only for a top-level build: a project that adds imapkit with add_subdirectory keeps
# its own CPack settings.
if(NOT PROJECT_IS_TOP_LEVEL)
  return()
endif()

set(IMAPKIT_PACKAGE_CONTACT
  "imapkit maintainers <maintainers@users.noreply.h-seed-73fbc519.example>" CACHE STRING "Maintainer of the Debian package built by cpack")

# One package, named like Debian's development packages: the library is static, so what it
# installs is for building programs (headers, .a, CMake and pkg-config files), and its
# dependency on the Boost headers only makes sense for that. The CLI comes along.
set(CPACK_PACKAGE_NAME imapkit)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "${PROJECT_DESCRIPTION} for C++20 (development files and CLI)")
set(CPACK_PACKAGE_DESCRIPTION "imapkit parses IMAP (RFC 9051, RFC 3501 and the extensions real servers speak)
into views over the received bytes, with a per-message arena, and serializes
commands and responses back. This package holds the static library, its C++20
headers, the CMake package (find_package(imapkit)), imapkit.pc for pkg-config
and the imapkit command-line tool (parse, roundtrip, proxy).")
set(CPACK_PACKAGE_CONTACT "${IMAPKIT_PACKAGE_CONTACT}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

# Exactly the two components above go in, as one package: not whatever else a build tree with
# the tests, examples and benchmarks might install one day.
set(CPACK_COMPONENTS_ALL imapkit_dev imapkit_cli)
if(NOT TARGET imapkit_cli)
  set(CPACK_COMPONENTS_ALL imapkit_dev)
endif()
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

set(CPACK_DEBIAN_PACKAGE_NAME libimapkit-dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The CMake package calls find_dependency(Boost 1.81 CONFIG): BoostConfig.cmake and the headers
# of Boost::headers are in libboost1.81-dev. The CLI's shared libraries (Boost.JSON, libstdc++,
# libc) are added by dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libboost1.81-dev")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake, pkg-config")

include(CPack)
