# Installation, included from the top CMakeLists.txt once the targets exist.
#
# What is installed:
#   component imapkit_dev  the static library, the public headers (include/imapkit only: the
#                          grammar is private) and the CMake package
#                          (find_package(imapkit CONFIG) + imapkit::imapkit)
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

if(TARGET imapkit_cli)
  install(TARGETS imapkit_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT imapkit_cli)
endif()
