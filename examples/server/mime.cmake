# The MIME walker of the example server (mime.hpp): ENVELOPE, BODY / BODYSTRUCTURE and
# BODY[section] / BINARY[part] computed from stored message bytes, Dovecot-compatible.
add_library(imapkit_example_mime STATIC ${CMAKE_CURRENT_LIST_DIR}/mime.cpp)
target_link_libraries(imapkit_example_mime PUBLIC imapkit)
target_include_directories(imapkit_example_mime PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_compile_options(imapkit_example_mime PRIVATE -Wall -Wextra)

# mime_check: compares mime_message's ENVELOPE / BODY / BODYSTRUCTURE / sections for a message
# with Dovecot's FETCH response for the same message (integration.server_mime_vs_dovecot).
add_executable(imapkit_example_mime_check ${CMAKE_CURRENT_LIST_DIR}/mime_check.cpp)
target_link_libraries(imapkit_example_mime_check PRIVATE imapkit_example_mime)
target_compile_options(imapkit_example_mime_check PRIVATE -Wall -Wextra)

# Unit tests of the walker.
find_package(GTest)
if(GTest_FOUND)
  add_executable(imapkit_example_mime_test ${CMAKE_CURRENT_LIST_DIR}/mime_test.cpp)
  target_link_libraries(imapkit_example_mime_test PRIVATE imapkit_example_mime GTest::gtest
                                                          GTest::gtest_main)
  target_compile_options(imapkit_example_mime_test PRIVATE -Wall -Wextra)
  add_test(NAME example.server_mime COMMAND imapkit_example_mime_test)
  set_tests_properties(example.server_mime PROPERTIES LABELS example)
endif()
