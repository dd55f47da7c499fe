# Installation, included from the top CMakeLists.txt once the targets exist.
#
# What is installed (docs/install.md):
#   component imapkit_dev  the static library, the public headers (include/imapkit only: the
#                          grammar is private), the CMake package (find_package(imapkit CONFIG)
#                          + imapkit::imapkit) and imapkit.pc for pkg-config
#   component imapkit_cli  the `imapkit` command-line tool, when it is built
# `cmake --install` installs both.

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
# installing: `cmake --install --prefix P` (or a packager) chooses it after configuring. So
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
