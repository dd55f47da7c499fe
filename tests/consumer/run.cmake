# Installs the build tree into a scratch prefix, then configures, builds and runs a consumer
# project that finds it with find_package(imapkit CONFIG REQUIRED); then, when pkg-config is
# there, builds and runs the same program with the flags of the installed imapkit.pc.
file(REMOVE_RECURSE ${WORK_DIR})
set(consumer_flags "")
if(SANITIZERS)
  set(consumer_flags "-fsanitize=${SANITIZERS}")  # the library was built with them
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "install failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build
                -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix -DCMAKE_CXX_COMPILER=${CXX}
                -DCMAKE_BUILD_TYPE=Release
                "-DCMAKE_CXX_FLAGS=${consumer_flags}"
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${WORK_DIR}/build/consumer RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(rc)
  message(FATAL_ERROR "the consumer failed: ${rc}")
endif()

find_program(PKG_CONFIG pkg-config)
if(NOT PKG_CONFIG)
  message(STATUS "pkg-config not found: imapkit.pc not checked")
  return()
endif()
file(GLOB_RECURSE pc_files ${WORK_DIR}/prefix/*/imapkit.pc)
list(LENGTH pc_files n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one imapkit.pc in ${WORK_DIR}/prefix, found: ${pc_files}")
endif()
get_filename_component(pc_dir ${pc_files} DIRECTORY)
execute_process(COMMAND ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pc_dir}
                ${PKG_CONFIG} --cflags --libs imapkit
                RESULT_VARIABLE rc OUTPUT_VARIABLE pc_flags OUTPUT_STRIP_TRAILING_WHITESPACE)
if(rc)
  message(FATAL_ERROR "pkg-config --cflags --libs imapkit failed: ${rc}")
endif()
message(STATUS "pkg-config --cflags --libs imapkit: ${pc_flags}")
# The prefix is the one installed to, not the configured CMAKE_INSTALL_PREFIX.
if(NOT pc_flags MATCHES "-I${WORK_DIR}/prefix/include" OR NOT pc_flags MATCHES "-L${WORK_DIR}/prefix/")
  message(FATAL_ERROR "imapkit.pc does not point into ${WORK_DIR}/prefix: ${pc_flags}")
endif()
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
execute_process(COMMAND ${CXX} -std=c++20 -O2 ${consumer_flags} ${SOURCE_DIR}/main.cpp ${pc_flags}
                -o ${WORK_DIR}/consumer-pkgconfig
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer with pkg-config's flags failed: ${rc}")
endif()
execute_process(COMMAND ${WORK_DIR}/consumer-pkgconfig RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "pkg-config consumer: ${out}")
if(rc)
  message(FATAL_ERROR "the pkg-config consumer failed: ${rc}")
endif()
